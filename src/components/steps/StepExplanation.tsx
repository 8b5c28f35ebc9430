/**
 * The current step in words: its title, where it sits in the walkthrough, a few sentences
 * that adapt to the settings, one token's numbers from the trace, then the formula and
 * the PyTorch lines with this step's part highlighted. Where the panel is wide (a laptop,
 * where it spans the page above the attention views) the three sit side by side, so the
 * explanation costs little height.
 */
import { useId } from 'react';
import { useNumberFormat } from '../common/useNumberFormat';
import { headDim } from '../../core/weights';
import { useMessages } from '../../messages';
import type { StepContext } from '../../messages/shell';
import { useTrace } from '../../store/useTrace';
import { CodeView } from './CodeView';
import { Formula } from './Formula';
import { StepExample } from './StepExample';
import { FollowButton } from '../follow/FollowButton';
import { QuizCover } from '../quiz/QuizCover';
import { QuizSwitch } from '../quiz/QuizSwitch';
import './StepExplanation.css';
import { MathText } from '../common/MathText';
import { stepNumber, stepsFor } from '../../vocabulary/steps';
import { useHead, useSettings, useStep } from '../../store/selectors';

/** The explanation panel of the current step. */
export function StepExplanation() {
  const fmt = useNumberFormat();
  const m = useMessages().shell;
  const step = useStep();
  const head = useHead();
  const settings = useSettings();
  const trace = useTrace();
  const id = useId();
  const steps = stepsFor(settings.heads);
  const n = stepNumber(step);
  const dK = headDim(settings.width, settings.heads);
  const context: StepContext = {
    tokens: trace?.tokens.length ?? 0,
    unknown: trace?.tokens.filter((t) => !t.known).length ?? 0,
    width: settings.width,
    heads: settings.heads,
    head,
    dK,
    sqrtDK: fmt.number(Math.sqrt(dK)),
    scale: settings.scale,
    causal: settings.causal,
    temperature: settings.temperature,
    temperatureText: fmt.number(settings.temperature, 1),
    positions: settings.positions,
    weights: settings.weights,
    madeUp: trace?.vectors === 'made-up',
  };
  const title = m.steps.numbered(n, m.steps.titles[step]);
  return (
    <section className="panel step-explanation" aria-labelledby={`${id}-title`}>
      {/* One column, or on a wide screen three: the words, the formula, the code. */}
      <div className="step-explanation__layout">
        <div className="step-explanation__main">
          <div className="step-explanation__top">
            <p className="step-explanation__where">
              {m.steps.position(n, steps.length)}
              {settings.heads > 1 && step !== 'tokens' && step !== 'output' && (
                <span className="step-explanation__head">
                  {' '}
                  · {m.steps.head(head + 1, settings.heads)}
                </span>
              )}
            </p>
            <p className="step-explanation__keys hint">{m.steps.keysHint}</p>
            <QuizSwitch />
          </div>
          <h2 id={`${id}-title`} className="step-explanation__title">
            {title}
          </h2>
          {/* Announces the new step when the arrow keys change it, wherever focus is. */}
          <p className="visually-hidden" aria-live="polite">
            {m.steps.announce(title, n, steps.length)}
          </p>
          <div className="step-explanation__text">
            {m.explain[step](context).map((sentence) => (
              <p key={sentence}>
                <MathText text={sentence} />
              </p>
            ))}
          </div>
          <QuizCover quiet>
            <StepExample />
            <FollowButton />
          </QuizCover>
        </div>
        <Formula />
        <CodeView />
      </div>
    </section>
  );
}
