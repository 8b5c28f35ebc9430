/**
 * "In your sentence": the current step told with one token's real numbers. The token is
 * the hovered one, else the query of the selected cell, else the one whose attention is
 * most clearly on another token, so the line follows the student's pointer.
 */
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { useTrace } from '../../store/useTrace';
import { useNumberFormat } from '../common/useNumberFormat';
import { describeExample, exampleQuery } from './stepExampleText';
import { MathText } from '../common/MathText';
import { useHead, useHoverToken, useStep } from '../../store/selectors';

/** One token's numbers for the current step. */
export function StepExample() {
  const m = useMessages().shell.example;
  const fmt = useNumberFormat();
  const step = useStep();
  const head = useHead();
  const hoverToken = useHoverToken();
  const selected = useAppStore((s) => s.selection?.i ?? null);
  const trace = useTrace();
  const h = trace?.heads[head];
  if (!trace || !h || trace.tokens.length === 0) return null;
  // The hover index may belong to a newer text than the deferred trace: check it is in range.
  const pick = hoverToken ?? selected;
  const query =
    pick !== null && pick < trace.tokens.length
      ? pick
      : exampleQuery(h.weights, (i) => trace.tokens[i]?.kind === 'word');
  const line = describeExample(m, step, trace, head, query, fmt);
  if (!line) return null;
  return (
    <div className="step-example">
      <h3 className="step-example__heading">{m.heading}</h3>
      <p className="step-example__line">
        <MathText text={line} />
      </p>
      {/* Hidden rather than removed while hovering: removing it would shift the page under the pointer. */}
      <p className="hint" style={hoverToken === null ? undefined : { visibility: 'hidden' }}>
        {m.hint}
      </p>
    </div>
  );
}
