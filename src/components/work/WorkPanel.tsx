/**
 * "Show the work": the arithmetic behind the selected heatmap cell or graph edge (i, j), for
 * the current step, with the trace's real numbers. Results come from the trace itself; the
 * intermediates are worked out in src/viz/arithmetic.ts from the trace's own rows.
 */
import { useId } from 'react';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { useHeadTrace } from '../common/useHeadTrace';
import { WorkProjection } from './WorkProjection';
import { WorkScore } from './WorkScore';
import { WorkSoftmax } from './WorkSoftmax';
import { WorkWeightedSum } from './WorkWeightedSum';
import './WorkPanel.css';
import { useStep } from '../../store/selectors';

/** The work panel: a hint until a cell is selected, then the arithmetic of the current step. */
export function WorkPanel() {
  const m = useMessages().numbers;
  const id = useId();
  const view = useHeadTrace();
  const step = useStep();
  const i = useAppStore((s) => s.selection?.i ?? null);
  const j = useAppStore((s) => s.selection?.j ?? null);
  const select = useAppStore((s) => s.select);

  const T = view?.trace.tokens.length ?? 0;
  // A selection made on a longer sentence may outlive it by a render: show the hint, not a crash.
  const valid = view !== null && i !== null && j !== null && i < T && j < T;

  return (
    <section className="work" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{m.workTitle}</h2>
      {!valid ? (
        <p className="work-hint">{m.workHint}</p>
      ) : (
        <>
          <div className="work-heading">
            <h3 className="work-pair">{m.pair(view.labels[i] ?? '', view.labels[j] ?? '')}</h3>
            <button
              type="button"
              className="work-close"
              aria-label={m.closeLabel}
              onClick={() => select(null)}
            >
              {m.close}
            </button>
          </div>
          <p className="work-meaning">
            {m.pairMeaning(
              view.labels[i] ?? '',
              view.labels[j] ?? '',
              view.headIndex,
              view.trace.heads.length,
            )}{' '}
            <span className="work-hint">{m.fullValueHint}</span>
          </p>
          {step === 'tokens' && <p className="work-hint">{m.workNotYet}</p>}
          {(step === 'qkv' || step === 'score') && <WorkScore view={view} i={i} j={j} />}
          {step === 'softmax' && <WorkSoftmax view={view} i={i} j={j} />}
          {(step === 'weighted' || step === 'output') && (
            <WorkWeightedSum view={view} i={i} j={j} />
          )}
          {step === 'output' && <WorkProjection view={view} i={i} j={j} />}
        </>
      )}
    </section>
  );
}
