/**
 * What the quiz's pieces share: the view an answer belongs to, and whether the results of
 * the current step are covered (the quiz is on, the step asks a question, and it has not
 * been answered for this view).
 */
import { useMemo } from 'react';
import { quizStepOf, isAnsweredFor, type QuizView } from '../../store/quiz';
import { useAppStore } from '../../store/store';
import { useTrace } from '../../store/useTrace';
import { useHead, useSettings, useStep } from '../../store/selectors';

/** The store's text, settings and head, as one object that changes only when one of them does. */
export function useQuizView(): QuizView {
  const text = useAppStore((s) => s.text);
  const settings = useSettings();
  const head = useHead();
  return useMemo(() => ({ text, settings, head }), [text, settings, head]);
}

/**
 * True while the current step's results must stay hidden: "Predict first" is on, the step
 * is Softmax or Weighted sum, the sentence has tokens, and the question is still open for
 * what is shown.
 */
export function useQuizCovered(): boolean {
  const enabled = useAppStore((s) => s.quiz.enabled);
  const step = quizStepOf(useStep());
  const ask = useAppStore((s) => (step === null ? null : s.quiz[step]));
  const view = useQuizView();
  // While the vectors load there is no trace, and nothing to give away either way: stay covered.
  const tokens = useTrace()?.tokens.length ?? null;
  if (!enabled || ask === null || tokens === 0) return false;
  return !isAnsweredFor(ask, view);
}
