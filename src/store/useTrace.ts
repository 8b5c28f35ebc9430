/**
 * The trace, for the panels: the app's one `TraceSource` (src/worker/traceSource.ts),
 * which decides between the main thread (small inputs, derived from cached stages) and a
 * Web Worker (large ones; the threshold is measured, see `src/worker/threshold.ts`) and
 * hands out the finished trace, fed by one store subscription. The worker is asked once
 * per change (latest only: texts typed while it computes are skipped) and the panels keep
 * the previous trace until the answer arrives.
 *
 * The text is tokenized once per change, through `tokensOf`, which the lesson link shares.
 * A trace of up to RENDER_WITH_KEY_TOKENS tokens reaches the panels with the keystroke;
 * a larger one follows in a transition, so typing never waits for it.
 */
import { startTransition, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { AttentionSettings, AttentionTrace } from '../core/types';
import type { WordVectors } from '../core/vectors/table';
import { createTraceWorker } from '../worker/client';
import {
  TraceSource,
  type ShownTrace,
  type TraceInputs,
  type TraceStatus,
} from '../worker/traceSource';
import { getLabWalkTrace, subscribeLabWalk } from './labWalk';
import type { AppState } from './state';
import { useAppStore } from './store';
import { learnedChoice } from './learnedChoice';
import { loadLearnedIfChosen } from './loadLearned';
import { tokensOf } from './tokens';
import { dropHeld, HEAVY_TOKENS, holdWhileTyping } from './typingPause';
import { LONG_TEXT_CHARS } from '../worker/threshold';

/**
 * Up to this many tokens, a new trace reaches the panels in the same render as the
 * keystroke that made it: one render, one commit and one frame for the letter and the
 * panels. A classroom sentence's update is then painted sooner (12 tokens: medians of 26.6
 * to 32.6 ms against 33.2 to 42.2 ms in five interleaved rounds of `npm run bench:browser
 * -- --sizes 12,32 --dist …`), and the letter waits for that render: the DOM is complete
 * 10 to 12 ms after the input event at 12 tokens, 18 to 27 ms at 32, under the 50 ms that
 * feels sticky. Longer traces follow in a transition that the next keystroke pre-empts,
 * so typing never waits for them.
 */
export const RENDER_WITH_KEY_TOKENS = 32;

/** 'updating' while the worker computes the latest inputs' trace, 'current' otherwise. */
export type { TraceStatus } from '../worker/traceSource';

/**
 * The app's one trace source. Where there is no Worker (Node, jsdom tests) it never starts
 * one and every trace is computed synchronously, as it always was.
 */
export const traceSource = new TraceSource({
  createWorker: typeof Worker === 'undefined' ? null : createTraceWorker,
  tokenize: tokensOf,
});

/**
 * The trace of these inputs derived on the main thread by the app's source: the same
 * object the panels get for small inputs (for tests, and for code outside React).
 */
export function deriveTrace(
  text: string,
  settings: AttentionSettings,
  table: WordVectors,
): AttentionTrace {
  return traceSource.derive({ text, settings, table });
}

// A hot update replaces this module and its source: stop the old source's worker with it.
import.meta.hot?.dispose(() => traceSource.dispose());

function inputsOf(state: AppState): TraceInputs {
  // While the real table loads, the made-up one stands in (marked): no panel waits for it.
  const table = state.vectors.table;
  if (state.settings.weights !== 'learned') {
    return { text: state.text, settings: state.settings, table, bytes: state.vectors.bytes };
  }
  const choice = learnedChoice(state.settings, state.learned.file);
  // Until the weights load, or for a width and head count they do not cover, there is no
  // trace: the settings panel says why (never a trace of other weights under their name).
  if (!choice?.ok) return { text: state.text, settings: state.settings, table: null };
  return {
    text: state.text,
    settings: choice.settings,
    table,
    bytes: state.vectors.bytes,
    learned: choice.weights,
  };
}

let connected = false;

/**
 * Feeds the source from the store, once, before the first panel reads it. A store
 * subscription rather than an effect per panel, so the worker is asked once per change;
 * and it sees the text as typed, so the worker starts at once.
 */
function connect(): void {
  if (connected) return;
  connected = true;
  let last = useAppStore.getState();
  loadLearnedIfChosen();
  traceSource.update(inputsOf(last));
  const owner = {};
  useAppStore.subscribe((state) => {
    if (
      state.text === last.text &&
      state.settings === last.settings &&
      state.vectors.status === last.vectors.status &&
      state.vectors.table === last.vectors.table &&
      state.vectors.bytes === last.vectors.bytes &&
      state.learned.file === last.learned.file
    ) {
      return;
    }
    last = state;
    loadLearnedIfChosen();
    // While the user types into a long text, not even the trace is asked for (typingPause.ts).
    const weight = Math.max(
      weightOf(traceSource.getSnapshot().shown),
      state.text.length > LONG_TEXT_CHARS ? HEAVY_TOKENS : 0,
    );
    holdWhileTyping(owner, weight, () => traceSource.update(inputsOf(useAppStore.getState())));
  });
}

const weights = new WeakMap<ShownTrace, number>();

/**
 * How heavy showing `shown` is, in tokens (once per snapshot): its token count, or at
 * least HEAVY_TOKENS for a very long text, whose few tokens may be 64 KB each.
 */
function weightOf(shown: ShownTrace): number {
  if (shown.kind === 'none') return 0;
  let n = weights.get(shown);
  if (n === undefined) {
    const text = shown.kind === 'worker' ? shown.trace.text : shown.inputs.text;
    const tokens =
      shown.kind === 'worker' ? shown.trace.tokens.length : tokensOf(text).tokens.length;
    n = Math.max(tokens, text.length > LONG_TEXT_CHARS ? HEAVY_TOKENS : 0);
    weights.set(shown, n);
  }
  return n;
}

/**
 * The current trace, or null while the word vectors load (or, for a text that is large
 * from the start, until the worker's first answer). Every panel calls this hook and gets
 * the same object. While the worker computes, the previous trace stays.
 *
 * A small trace (up to RENDER_WITH_KEY_TOKENS tokens, before and after) reaches the panels
 * with the change that made it, in the keystroke's own render. A larger one reaches them as
 * a transition, never as an urgent update: a keystroke re-renders the text box at once and
 * no panel, and the panels follow in an interruptible render that the next keystroke
 * pre-empts. (`useSyncExternalStore` cannot do that: its updates are always urgent, so
 * every panel would re-render on every keystroke, and a worker's answer would be rendered
 * in one long task.) All panels subscribe to the same source and are told in the same
 * tick, so their updates share one render and commit together.
 */
export function useTrace(): AttentionTrace | null {
  connect();
  // "Step through this head": the walkthrough shows a trained Lab head instead of the text.
  const labWalk = useAppStore((s) => s.labWalk);
  const labTrace = useSyncExternalStore(subscribeLabWalk, getLabWalkTrace);
  // Only what is shown, not the status: "updating" alone must not re-render the panels.
  const [shown, setShown] = useState(() => traceSource.getSnapshot().shown);
  useEffect(() => {
    let current: ShownTrace | null = null;
    const owner = {};
    const follow = () => {
      const next = traceSource.getSnapshot().shown;
      // A status change alone schedules nothing.
      if (next === current) return;
      const weight = Math.max(current ? weightOf(current) : 0, weightOf(next));
      current = next;
      const show = () => setShown(next);
      // While the user types into a long text, the panels wait for a pause (typingPause.ts).
      holdWhileTyping(
        owner,
        weight,
        weight <= RENDER_WITH_KEY_TOKENS ? show : () => startTransition(show),
      );
    };
    const unsubscribe = traceSource.subscribe(follow);
    // The source may have changed between this render and the subscription.
    follow();
    return () => {
      unsubscribe();
      dropHeld(owner);
    };
  }, []);
  const textTrace = useMemo(() => traceSource.trace(shown), [shown]);
  return labWalk && labTrace ? labTrace : textTrace;
}

function subscribeStatus(listener: () => void): () => void {
  connect();
  return traceSource.subscribe(listener);
}

/**
 * 'updating' while the worker computes the trace of the latest inputs (the panels still
 * show the previous one), 'current' otherwise; for a subtle "updating…" hint.
 */
export function useTraceStatus(): TraceStatus {
  return useSyncExternalStore(subscribeStatus, () => traceSource.getSnapshot().status);
}
