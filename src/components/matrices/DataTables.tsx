/**
 * The accessible tables of the automation contract (DESIGN.md): "Queries (Q)", "Keys (K)",
 * "Values (V)", "Scores", "Attention weights" and "Output" for the selected head, plus
 * "Final output" with more than one head. They are visually hidden but in the accessibility
 * tree, and rendered at every step (never gated by the walkthrough) so that screen readers
 * and browser tests can read any number at any time.
 *
 * "Scores" holds the masked scores: q·k, divided by √dK when scaling is on, with −∞ where
 * the causal mask hides a later token: exactly what softmax receives.
 *
 * Up to 64 tokens at width 100 they hold some 30,000 cells, whose layout costs Chromium
 * most of a second per update; even a classroom sentence's 700 cells cost a frame about
 * 14 ms (npm run bench:browser -- --sizes 12 --css '.data-tables { display: none }'). No
 * CSS removes that and keeps them in the accessibility tree (measured: containment and the
 * fixed table layout change nothing; content-visibility and display: none remove the cost
 * and the tables with it), so a new trace reaches them in a transition a moment after the frame
 * that paints the visible panels; the wrapper is aria-busy meanwhile, and tools
 * read the tables once it is false. Past 64 tokens a note points to the JSON download instead.
 */
import { startTransition, useEffect, useMemo, useState } from 'react';
import { useNumberFormat } from '../common/useNumberFormat';
import { useMessages } from '../../messages';
import { NumberTable } from './NumberTable';
import { TABLES_MAX_TOKENS } from './tableLimits';
import { useHeadTrace, type HeadView } from '../common/useHeadTrace';

export { TABLES_MAX_TOKENS };

/** How long after the frame that paints the other panels the tables follow. */
const TABLES_DELAY_MS = 100;

/**
 * `value`, updated in a transition TABLES_DELAY_MS after the frame that paints the rest of
 * the page: right after that frame, their layout would delay the next one. Unlike
 * useDeferredValue, this also defers when the change itself came from a deferred render, as
 * the trace of a typed text does (see useTrace), where a nested useDeferredValue would hand
 * back the new value at once. While keys keep coming faster than frames, the tables wait.
 */
function useLaggingValue<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    const show = () => startTransition(() => setShown(value));
    let timer: ReturnType<typeof setTimeout> | undefined;
    // No frames come while the page is hidden (or in a test's DOM): a timeout alone then.
    const frame =
      typeof requestAnimationFrame === 'function' && !document.hidden
        ? requestAnimationFrame(() => (timer = setTimeout(show, TABLES_DELAY_MS)))
        : undefined;
    if (frame === undefined) timer = setTimeout(show, TABLES_DELAY_MS);
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value]);
  return shown;
}

/** The visually hidden data tables of the selected head, or a note past TABLES_MAX_TOKENS tokens. */
export function DataTables() {
  const m = useMessages().numbers;
  const latest = useHeadTrace();
  const view = useLaggingValue(latest);
  if (!view) return null;
  const T = view.trace.tokens.length;
  return (
    // aria-busy while the tables still show the previous trace: tools should wait for false.
    <div className="visually-hidden data-tables" aria-busy={view !== latest}>
      <h2>{m.tablesTitle}</h2>
      {T > TABLES_MAX_TOKENS ? (
        <p>{m.tablesTooLong(T, TABLES_MAX_TOKENS)}</p>
      ) : (
        <Tables view={view} />
      )}
    </div>
  );
}

/** The six (or seven) tables of one head. */
function Tables({ view }: { view: HeadView }) {
  const fmt = useNumberFormat();
  const m = useMessages().numbers;
  const { trace, head, headIndex, labels } = view;
  const heads = trace.heads.length;
  const suffix = m.headSuffix(headIndex, heads);
  const dims = useMemo(() => Array.from({ length: trace.dK }, (_, d) => m.dim(d)), [trace.dK, m]);
  const modelDims = useMemo(
    () => Array.from({ length: trace.settings.width }, (_, d) => m.dim(d)),
    [trace.settings.width, m],
  );
  const divisor = trace.settings.scale ? fmt.number(Math.sqrt(trace.dK), 4) : null;
  const common = { corner: m.tableCorner, rowLabels: labels };
  return (
    <>
      <NumberTable
        {...common}
        name={m.tables.q}
        caption={m.tableCaptions.q(suffix)}
        matrix={head.q}
        colLabels={dims}
      />
      <NumberTable
        {...common}
        name={m.tables.k}
        caption={m.tableCaptions.k(suffix)}
        matrix={head.k}
        colLabels={dims}
      />
      <NumberTable
        {...common}
        name={m.tables.v}
        caption={m.tableCaptions.v(suffix)}
        matrix={head.v}
        colLabels={dims}
      />
      <NumberTable
        {...common}
        name={m.tables.scores}
        caption={m.tableCaptions.scores(suffix, divisor, trace.settings.causal)}
        matrix={head.masked}
        colLabels={labels}
      />
      <NumberTable
        {...common}
        name={m.tables.weights}
        caption={m.tableCaptions.weights(suffix)}
        matrix={head.weights}
        colLabels={labels}
      />
      <NumberTable
        {...common}
        name={m.tables.output}
        caption={m.tableCaptions.output(suffix)}
        matrix={head.output}
        colLabels={dims}
      />
      {heads > 1 && (
        <NumberTable
          {...common}
          name={m.tables.final}
          caption={m.tableCaptions.final}
          matrix={trace.output}
          colLabels={modelDims}
        />
      )}
    </>
  );
}
