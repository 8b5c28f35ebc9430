/**
 * The matrices of the walkthrough as colour-shaded grids, grouped in tabs: embeddings,
 * the head's weights, Q K V, the head's weighted sum, and (with several heads) the output
 * projection. A tab appears once the walkthrough reaches the step that makes its numbers,
 * and the tab of the current step opens by itself, so the most relevant matrices come first.
 */
import { useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useMessages } from '../../messages';
import { exportFileName } from '../../export/fileName';
import { MatrixGrid } from './MatrixGrid';
import { useHeadTrace, type HeadView } from '../common/useHeadTrace';
import { MathText } from '../common/MathText';
import { GROUPS, MATRIX_TABS, STEP_GROUP, type GroupId } from './matrixTabs';
import './MatricesPanel.css';
import { hasReached, type StepId } from '../../vocabulary/steps';
import { useStep } from '../../store/selectors';
import { useElementWidth } from '../../viz/useElementWidth';

/** The matrices panel: tabs of MatrixGrids, following the walkthrough's step and the selected head. */
export function MatricesPanel() {
  const m = useMessages().numbers;
  const view = useHeadTrace();
  const step = useStep();
  const id = useId();
  // The room the grids have, for MatrixGrid.css to share among numeric cells. Measured here
  // rather than read by a CSS container query: a size container around the grids made every
  // update's layout about five times slower (npm run profile:update -- --tokens 128).
  const section = useRef<HTMLElement>(null);
  const room = useElementWidth(section, 0);
  // A tab the user picked holds only for the step it was picked at; a new step opens its own tab.
  const [choice, setChoice] = useState<{ step: StepId; group: GroupId } | null>(null);

  const heads = view?.trace.heads.length ?? 1;
  const groups = GROUPS.filter((g) => hasReached(step, g.from) && (g.id !== 'multi' || heads > 1));
  const available = (g: GroupId | undefined) => groups.some((x) => x.id === g);
  const preferred = choice?.step === step ? choice.group : STEP_GROUP[step];
  const active = available(preferred) ? preferred : (groups[groups.length - 1]?.id ?? 'embeddings');

  const pick = (group: GroupId) => setChoice({ step, group });
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const delta = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (delta === undefined) return;
    // The arrows move between tabs here, not between the walkthrough's steps.
    e.preventDefault();
    e.stopPropagation();
    const index = groups.findIndex((g) => g.id === active);
    const next = groups[(index + delta + groups.length) % groups.length];
    if (!next) return;
    pick(next.id);
    document.getElementById(`${id}-tab-${next.id}`)?.focus();
  };

  return (
    <section
      ref={section}
      className="matrices"
      aria-labelledby={`${id}-title`}
      style={room > 0 ? ({ '--mgrid-room': `${room}px` } as CSSProperties) : undefined}
    >
      <h2 id={`${id}-title`}>{m.matricesTitle}</h2>
      {!view ? null : view.trace.tokens.length === 0 ? (
        <p className="matrices-note">{m.noTokens}</p>
      ) : (
        <>
          <div
            className="matrices-tabs"
            role="tablist"
            aria-label={m.matricesTabs}
            onKeyDown={onTabKey}
          >
            {groups.map((g) => (
              <button
                key={g.id}
                id={`${id}-tab-${g.id}`}
                type="button"
                role="tab"
                aria-selected={g.id === active}
                aria-controls={`${id}-panel`}
                tabIndex={g.id === active ? 0 : -1}
                onClick={() => pick(g.id)}
              >
                {m.groups[g.id]}
              </button>
            ))}
          </div>
          <div
            id={`${id}-panel`}
            role="tabpanel"
            aria-labelledby={`${id}-tab-${active}`}
            className="matrices-panel"
          >
            <Group group={active} view={view} />
          </div>
        </>
      )}
    </section>
  );
}

/** The notes and grids of one tab, as the table (matrixTabs.ts) describes them. */
function Group({ group, view }: { group: GroupId; view: HeadView }) {
  const m = useMessages().numbers;
  const { trace, head, headIndex, labels } = view;
  const suffix = m.headSuffix(headIndex, trace.heads.length);
  const unknown = useMemo(() => trace.tokens.map((t) => !t.known), [trace]);
  const modelDims = useMemo(
    () => dimLabels(trace.settings.width, m.dim),
    [trace.settings.width, m],
  );
  const concatDims = useMemo(() => dimLabels(trace.concat.cols, m.dim), [trace.concat.cols, m]);
  const rowsOf = {
    tokens: { rowLabels: labels, tokenRows: true, unknownRows: unknown },
    modelDims: { rowLabels: modelDims },
    concatDims: { rowLabels: concatDims },
  } as const;
  const tab = MATRIX_TABS[group];
  return (
    <>
      {tab.notes(m, trace).map((note) => (
        <p key={note.text} className="matrices-note">
          {note.math ? <MathText text={note.text} /> : note.text}
        </p>
      ))}
      {tab.matrices
        .filter((spec) => spec.shown?.(trace) ?? true)
        .map((spec) => (
          <MatrixGrid
            key={spec.name}
            {...rowsOf[spec.rows]}
            matrix={spec.matrix(trace, head)}
            name={spec.name}
            // Named after the sentence, the matrix and (for a head's own matrices) the head.
            csvFileName={exportFileName(
              trace.text,
              [spec.name, spec.perHead ? `head${headIndex + 1}` : ''],
              'csv',
            )}
            description={spec.description(m, trace) + (spec.perHead ? suffix : '')}
          />
        ))}
    </>
  );
}

/** ["d0", "d1", ...] for `n` dimensions. */
function dimLabels(n: number, dim: (d: number) => string): string[] {
  return Array.from({ length: n }, (_, d) => dim(d));
}
