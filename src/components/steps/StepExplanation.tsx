/**
 * The current step in words: its title, where it sits in the walkthrough, a few sentences
 * that adapt to the settings, one token's numbers from the trace, then the formula and
 * the PyTorch lines with this step's part highlighted. Only the title and the first sentence
 * are open: the rest, the formula and the code are disclosures, so the explanation stays a
 * narrow column beside the step's picture (the stage, App.css).
 */
import { useId, type ReactNode } from 'react';
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

/** Props of StepExplanation. */
export interface StepExplanationProps {
  /** The step's own controls, drawn right after its first sentence (App passes StepControls). */
  readonly controls?: ReactNode;
}

/** The explanation panel of the current step. */
export function StepExplanation({ controls }: StepExplanationProps = {}) {
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
  const stage = m.stage;
  const sentences = m.explain[step](context);
  return (
    <section className="panel step-explanation" aria-labelledby={`${id}-title`}>
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
          {/* The first sentence says what the step does; the rest, its example line, the
              formula and the code are one click away, never between the learner and the
              picture. */}
          <div className="step-explanation__text">
            {sentences.slice(0, 1).map((sentence) => (
              <p key={sentence}>
                <MathText text={sentence} />
              </p>
            ))}
            {controls}
            {/* The guided story of one token sits on screen beside the picture. */}
            <QuizCover quiet>
              <FollowButton />
            </QuizCover>
            <details className="step-explanation__more">
              <summary>{stage.more}</summary>
              {sentences.slice(1).map((sentence) => (
                <p key={sentence}>
                  <MathText text={sentence} />
                </p>
              ))}
              <QuizCover quiet>
                <StepExample />
              </QuizCover>
            </details>
          </div>
        </div>
        <details className="step-explanation__formula">
          <summary>{stage.formula}</summary>
          <Formula />
        </details>
        <details className="step-explanation__code">
          <summary>{stage.code}</summary>
          <CodeView />
        </details>
      </div>
    </section>
  );
}
