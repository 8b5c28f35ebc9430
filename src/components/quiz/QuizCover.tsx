/**
 * Hides what would give a quiz's answer away while its question is open: the wrapped
 * panels stay mounted (so the reveal is instant) but are invisible and `inert`, out of
 * reach of the pointer, the keyboard and screen readers. The main cover (around the
 * attention views, the work and the matrices) also shows the question card above them
 * and a veil in their place; a `quiet` cover (the step's example line, the data tables)
 * simply hides its content.
 */
import type { ReactNode } from 'react';
import { useMessages } from '../../messages';
import { quizStepOf } from '../../store/quiz';
import { useAppStore } from '../../store/store';
import { lazyComponent } from '../shell/lazyPanel';
import { useQuizCovered } from './useQuiz';
import './Quiz.css';

const QuizCard = lazyComponent(() => import('./QuizCard').then((m) => m.QuizCard), 'quiz');

/** Props of QuizCover. */
export interface QuizCoverProps {
  readonly children: ReactNode;
  /** Hide the content only: no question card, no veil. */
  readonly quiet?: boolean;
}

/** The wrapped panels, covered while the current step's question is open. */
export function QuizCover({ children, quiet = false }: QuizCoverProps) {
  const m = useMessages().quiz;
  const covered = useQuizCovered();
  const asking = useAppStore((s) => s.quiz.enabled && quizStepOf(s.step) !== null);
  if (quiet) {
    return (
      <div className="quiz-cover quiz-cover--quiet" hidden={covered} inert={covered}>
        {children}
      </div>
    );
  }
  return (
    <>
      {asking && <QuizCard />}
      <div className="quiz-cover" data-quiz-covered={covered ? 'true' : undefined}>
        {covered && <p className="quiz-cover__veil">{m.covered}</p>}
        <div className="quiz-cover__content" inert={covered}>
          {children}
        </div>
      </div>
    </>
  );
}
