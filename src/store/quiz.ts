/**
 * The quiz's part of the store: whether "Predict first" is on, the question open at each
 * of its steps, what was answered, and the session's score. Pure updaters: the store calls
 * them through `updateQuiz`, and tests call them directly.
 *
 * An answer belongs to the view it was given for (the text, the settings and the head):
 * once any of them changes, the numbers change, so the question is open again and the
 * views are covered until the student predicts anew.
 */
import {
  defaultKeyToken,
  defaultQueryToken,
  visibleKeys,
  type QuizHead,
  type QuizQuestion,
  type QuizStep,
} from '../core/quiz';
import type { AttentionSettings, TokenKind } from '../core/types';
import type { StepId } from '../vocabulary/steps';

/** Which of a step's two questions is asked: a token to choose, or a number to type. */
export type QuizKind = 'token' | 'number';

/** Where a question stands. */
export type QuizStatus = 'open' | 'right' | 'wrong' | 'shown';

/** The view an answer was given for. */
export interface QuizView {
  readonly text: string;
  readonly settings: AttentionSettings;
  readonly head: number;
}

/** The question at one step, and its answer once given. */
export interface QuizAsk {
  readonly kind: QuizKind;
  /** The attending token, or null for the default (see `defaultQueryToken`). */
  readonly query: number | null;
  /** Softmax number question: the attended token, or null for the default. */
  readonly key: number | null;
  /** Weighted sum number question: the output component asked for. */
  readonly dim: number;
  /** 'open' until answered; 'shown' when revealed without a prediction. */
  readonly status: QuizStatus;
  /** What the student answered: a token index, or the number as typed. */
  readonly answer: string | null;
  /** The view the answer was given for, or null while open. */
  readonly view: QuizView | null;
  /** Answers given to this question for `view` (a wrong first one leaves it open). */
  readonly tries: number;
}

/** The quiz's state. */
export interface QuizState {
  /** "Predict first": ask before showing the weights and the weighted sum. */
  readonly enabled: boolean;
  readonly softmax: QuizAsk;
  readonly weighted: QuizAsk;
  /** Predictions that were right, this session. */
  readonly right: number;
  /** Predictions made, this session (reveals without predicting do not count). */
  readonly answered: number;
}

const OPEN_ASK: QuizAsk = {
  kind: 'token',
  query: null,
  key: null,
  dim: 0,
  status: 'open',
  answer: null,
  view: null,
  tries: 0,
};

/**
 * How many answers a question takes before it reveals: a wrong first prediction gets a
 * second try, as a teacher would give one, before the answer is shown.
 */
export const QUIZ_TRIES = 2;

/** The quiz of a first visit: off, nothing asked yet, no score. */
export function initialQuiz(): QuizState {
  return { enabled: false, softmax: OPEN_ASK, weighted: OPEN_ASK, right: 0, answered: 0 };
}

/** `step` as a quiz step, or null for the steps that ask nothing. */
export function quizStepOf(step: StepId): QuizStep | null {
  return step === 'softmax' || step === 'weighted' ? step : null;
}

function sameSettings(a: AttentionSettings, b: AttentionSettings): boolean {
  return (Object.keys(a) as (keyof AttentionSettings)[]).every((k) => Object.is(a[k], b[k]));
}

function sameView(a: QuizView | null, b: QuizView): boolean {
  return (
    a !== null && a.text === b.text && a.head === b.head && sameSettings(a.settings, b.settings)
  );
}

/** True when `ask` was answered (or revealed) for exactly `view`. */
export function isAnsweredFor(ask: QuizAsk, view: QuizView): boolean {
  return ask.status !== 'open' && sameView(ask.view, view);
}

/** The wrong answer of a first try at `ask` for `view`, while the second try is open; else null. */
export function firstTryOf(ask: QuizAsk, view: QuizView): string | null {
  return ask.status === 'open' && ask.tries > 0 && sameView(ask.view, view) ? ask.answer : null;
}

/** `quiz` with `ask` at `step` replaced by `patch` over it. */
export function withAsk(quiz: QuizState, step: QuizStep, patch: Partial<QuizAsk>): QuizState {
  return { ...quiz, [step]: { ...quiz[step], ...patch } };
}

/** The question at `step` changed (another token, kind, key or component): open again, unanswered. */
export function reask(quiz: QuizState, step: QuizStep, patch: Partial<QuizAsk>): QuizState {
  return withAsk(quiz, step, { ...patch, status: 'open', answer: null, view: null, tries: 0 });
}

/**
 * Records a prediction at `step` for `view`. A wrong one with tries left (`QUIZ_TRIES`)
 * keeps the question open, remembering the answer; otherwise the question is settled and
 * counted in the score, once, whatever the number of tries.
 */
export function recordAnswer(
  quiz: QuizState,
  step: QuizStep,
  answer: string,
  right: boolean,
  view: QuizView,
): QuizState {
  const ask = quiz[step];
  const tries = (firstTryOf(ask, view) === null ? 0 : ask.tries) + 1;
  if (!right && tries < QUIZ_TRIES) return withAsk(quiz, step, { answer, view, tries });
  const next = withAsk(quiz, step, { status: right ? 'right' : 'wrong', answer, view, tries });
  return { ...next, right: quiz.right + (right ? 1 : 0), answered: quiz.answered + 1 };
}

/** Reveals the answer at `step` for `view` without a prediction; the score is unchanged. */
export function revealWithout(quiz: QuizState, step: QuizStep, view: QuizView): QuizState {
  return withAsk(quiz, step, { status: 'shown', answer: null, view });
}

/** "Predict first" switched on or off; questions and score are kept. */
export function withEnabled(quiz: QuizState, enabled: boolean): QuizState {
  return quiz.enabled === enabled ? quiz : { ...quiz, enabled };
}

/**
 * The question `ask` stands for in a trace whose tokens have `kinds` (in order), with the
 * head's mask and dK: a remembered token or component that no longer fits (a shorter
 * sentence, a key the causal mask now hides, a narrower head) falls back to the default.
 */
export function resolveQuestion(
  step: QuizStep,
  ask: QuizAsk,
  kinds: readonly TokenKind[],
  masked: QuizHead['masked'],
  dK: number,
): QuizQuestion {
  const T = kinds.length;
  const query = ask.query !== null && ask.query < T ? ask.query : defaultQueryToken(kinds, masked);
  if (ask.kind === 'token') return { step, kind: 'most', query };
  if (step === 'softmax') {
    const key =
      ask.key !== null && visibleKeys(masked, query).includes(ask.key)
        ? ask.key
        : defaultKeyToken(kinds, masked, query);
    return { step, kind: 'weight', query, key };
  }
  return { step, kind: 'cell', query, dim: ask.dim < dK ? ask.dim : 0 };
}
