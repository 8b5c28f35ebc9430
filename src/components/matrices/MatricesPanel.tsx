/**
 * The matrices of the walkthrough as colour-shaded grids, grouped in tabs: embeddings,
 * the head's weights, Q K V, the head's weighted sum, and (with several heads) the output
 * projection. A tab appears once the walkthrough reaches the step that makes its numbers,
 * and the tab of the current step opens by itself, so the most relevant matrices come first.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { exportFileName } from '../../export/fileName';
import { MatrixGrid } from './MatrixGrid';
import { useHeadTrace, type HeadView } from '../common/useHeadTrace';
import './MatricesPanel.css';
import { MathText } from '../common/MathText';
import { hasReached, type StepId } from '../../vocabulary/steps';

/** A tab of the panel. */
type GroupId = 'embeddings' | 'weights' | 'qkv' | 'head' | 'multi';

/** Tabs in pipeline order, each with the step that first computes its numbers. */
const GROUPS: readonly { id: GroupId; from: StepId }[] = [
  { id: 'embeddings', from: 'tokens' },
  { id: 'weights', from: 'qkv' },
  { id: 'qkv', from: 'qkv' },
  { id: 'head', from: 'weighted' },
  { id: 'multi', from: 'output' },
];

/** The tab that opens at each step: the matrices that step reads or makes. */
const STEP_GROUP: Record<StepId, GroupId> = {
  tokens: 'embeddings',
  qkv: 'qkv',
  score: 'qkv',
  softmax: 'qkv',
  weighted: 'head',
  output: 'multi',
};

/** The matrices panel: tabs of MatrixGrids, following the walkthrough's step and the selected head. */
export function MatricesPanel() {
  const m = useMessages().numbers;
  const view = useHeadTrace();
  const step = useAppStore((s) => s.step);
  const id = useId();
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
    <section className="matrices" aria-labelledby={`${id}-title`}>
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

/** The grids of one tab. */
function Group({ group, view }: { group: GroupId; view: HeadView }) {
  const m = useMessages().numbers;
  const { trace, head, headIndex, labels } = view;
  const { settings } = trace;
  const heads = trace.heads.length;
  const suffix = m.headSuffix(headIndex, heads);
  const unknown = useMemo(() => trace.tokens.map((t) => !t.known), [trace]);
  const modelDims = useMemo(() => dimLabels(settings.width, m.dim), [settings.width, m]);
  const concatDims = useMemo(() => dimLabels(trace.concat.cols, m.dim), [trace.concat.cols, m]);
  const tokens = { rowLabels: labels, tokenRows: true, unknownRows: unknown } as const;
  // Each grid offers its matrix as CSV, named after the sentence, the matrix and (for a head's own matrices) the head.
  const csv = (name: string, perHead = false) => ({
    csvFileName: exportFileName(trace.text, [name, perHead ? `head${headIndex + 1}` : ''], 'csv'),
  });

  switch (group) {
    case 'embeddings':
      return (
        <>
          <p className="matrices-note">
            {trace.vectors === 'made-up'
              ? m.madeUpNote
              : settings.width < 100
                ? m.pcaNote(settings.width)
                : m.gloveNote}
          </p>
          <MatrixGrid
            {...tokens}
            matrix={trace.embeddings}
            name="E"
            {...csv('E')}
            description={m.matrices.embeddings}
          />
          {settings.positions && (
            <MatrixGrid
              {...tokens}
              matrix={trace.positions}
              name="P"
              {...csv('P')}
              description={m.matrices.positions}
            />
          )}
          <MatrixGrid
            {...tokens}
            matrix={trace.input}
            name="X"
            {...csv('X')}
            description={settings.positions ? m.matrices.input : m.matrices.inputNoPositions}
          />
        </>
      );
    case 'weights':
      return (
        <>
          {settings.weights === 'similarity' && <p className="matrices-note">{m.similarityNote}</p>}
          {heads > 1 && (
            <p className="matrices-note">
              <MathText text={m.headDimNote(settings.width, trace.dK, heads)} />
            </p>
          )}
          <MatrixGrid
            matrix={head.wq}
            name="wq"
            {...csv('wq', true)}
            description={m.matrices.wq + suffix}
            rowLabels={modelDims}
          />
          <MatrixGrid
            matrix={head.wk}
            name="wk"
            {...csv('wk', true)}
            description={m.matrices.wk + suffix}
            rowLabels={modelDims}
          />
          <MatrixGrid
            matrix={head.wv}
            name="wv"
            {...csv('wv', true)}
            description={m.matrices.wv + suffix}
            rowLabels={modelDims}
          />
        </>
      );
    case 'qkv':
      return (
        <>
          {settings.weights === 'similarity' && <p className="matrices-note">{m.sameQKNote}</p>}
          <MatrixGrid
            {...tokens}
            matrix={head.q}
            name="Q"
            {...csv('Q', true)}
            description={m.matrices.q + suffix}
          />
          <MatrixGrid
            {...tokens}
            matrix={head.k}
            name="K"
            {...csv('K', true)}
            description={m.matrices.k + suffix}
          />
          <MatrixGrid
            {...tokens}
            matrix={head.v}
            name="V"
            {...csv('V', true)}
            description={m.matrices.v + suffix}
          />
        </>
      );
    case 'head':
      return (
        <>
          <MatrixGrid
            {...tokens}
            matrix={head.v}
            name="V"
            {...csv('V', true)}
            description={m.matrices.v + suffix}
          />
          <MatrixGrid
            {...tokens}
            matrix={head.output}
            name="O"
            {...csv('O', true)}
            description={m.matrices.output + suffix}
          />
        </>
      );
    case 'multi':
      return (
        <>
          <MatrixGrid
            {...tokens}
            matrix={trace.concat}
            name="concat"
            {...csv('concat')}
            description={m.matrices.concat}
          />
          <MatrixGrid
            matrix={trace.wo}
            name="wo"
            {...csv('wo')}
            description={m.matrices.wo}
            rowLabels={concatDims}
          />
          <MatrixGrid
            {...tokens}
            matrix={trace.output}
            name="output"
            {...csv('output')}
            description={m.matrices.final}
          />
        </>
      );
  }
}

/** ["d0", "d1", ...] for `n` dimensions. */
function dimLabels(n: number, dim: (d: number) => string): string[] {
  return Array.from({ length: n }, (_, d) => dim(d));
}
