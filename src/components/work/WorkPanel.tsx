/**
 * "Show the work": the arithmetic behind the selected heatmap cell or graph edge (i, j), for
 * the current step, with the trace's real numbers. Results come from the trace itself; the
 * intermediates are worked out in src/viz/arithmetic.ts from the trace's own rows.
 */
import { useId } from 'react';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { WorkProjection } from './WorkProjection';
import { WorkScore } from './WorkScore';
import { WorkSoftmax } from './WorkSoftmax';
import { WorkWeightedSum } from './WorkWeightedSum';
import { useShownWork } from './useShownWork';
import './WorkPanel.css';
import { useStep } from '../../store/selectors';

/** The work panel: a hint until a cell is selected, then the arithmetic of the current step. */
export function WorkPanel() {
  const m = useMessages().numbers;
  const id = useId();
  const step = useStep();
  const select = useAppStore((s) => s.select);
  const shown = useShownWork();

  return (
    <section className="work" data-open={shown ? '' : undefined} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{m.workTitle}</h2>
      {!shown ? (
        <p className="work-hint">{m.workHint}</p>
      ) : (
        <>
          <div className="work-heading">
            <h3 className="work-pair">
              {m.pair(shown.view.labels[shown.i] ?? '', shown.view.labels[shown.j] ?? '')}
            </h3>
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
              shown.view.labels[shown.i] ?? '',
              shown.view.labels[shown.j] ?? '',
              shown.view.headIndex,
              shown.view.trace.heads.length,
            )}{' '}
            <span className="work-hint">{m.fullValueHint}</span>
          </p>
          {step === 'tokens' && <p className="work-hint">{m.workNotYet}</p>}
          {(step === 'qkv' || step === 'score') && <WorkScore {...shown} />}
          {step === 'softmax' && <WorkSoftmax {...shown} />}
          {(step === 'weighted' || step === 'output') && <WorkWeightedSum {...shown} />}
          {step === 'output' && <WorkProjection {...shown} />}
        </>
      )}
    </section>
  );
}
