/**
 * "Predict, then reveal" at the Softmax and Weighted sum steps: the question card above
 * the covered views. While open it asks (a token to choose, or a number to type) about a
 * token the student can pick; a wrong first answer gets a second try (`QUIZ_TRIES`), and
 * once answered it says right or wrong, gives the answer with
 * its arithmetic, selects the row so that "Show the work" opens on it, and offers another
 * question. Every answer comes from the trace the app shows (`useHeadTrace`), with its
 * head, mask and temperature.
 */
import { useEffect, useId, useMemo, useRef } from 'react';
import {
  isRight,
  nextQueryToken,
  solveQuestion,
  tokenChoices,
  type QuizQuestion,
  type QuizSolution,
  type QuizStep,
} from '../../core/quiz';
import { useMessages } from '../../messages';
import {
  firstTryOf,
  isAnsweredFor,
  QUIZ_TRIES,
  quizStepOf,
  reask,
  recordAnswer,
  resolveQuestion,
  revealWithout,
  withAsk,
  type QuizAsk,
} from '../../store/quiz';
import { useAppStore } from '../../store/store';
import { QuizQuestionForm, type QuizAnswer } from './QuizQuestionForm';
import { QuizReveal } from './QuizReveal';
import { QuizSetup } from './QuizSetup';
import { useHeadTrace } from '../common/useHeadTrace';
import { useQuizView } from './useQuiz';
import './Quiz.css';
import type { Cell } from '../../vocabulary/cell';
import { useStep } from '../../store/selectors';

/** Where keyboard focus goes after the card changes: the verdict after an answer, the question after "Ask another". */
type FocusTarget = 'reveal' | 'question' | null;

/**
 * The cell to select once the answer is out, so the heatmap marks it and "Show the work"
 * opens on the query's row: the answered token when it was right, else a right one; the
 * asked key for a weight; the largest contribution for an output component.
 */
function cellToShow(
  question: QuizQuestion,
  solution: QuizSolution,
  chosen: number | null,
  largest: number,
): Cell {
  const i = question.query;
  if (question.kind === 'weight') return { i, j: question.key };
  if (solution.type === 'token') {
    const j = chosen !== null && solution.best.includes(chosen) ? chosen : solution.best[0];
    return { i, j: j ?? i };
  }
  return { i, j: largest };
}

/** The question card of the current step, or nothing at the other steps. */
export function QuizCard() {
  const m = useMessages().quiz;
  const id = useId();
  const step = quizStepOf(useStep());
  const quiz = useAppStore((s) => s.quiz);
  const updateQuiz = useAppStore((s) => s.updateQuiz);
  const select = useAppStore((s) => s.select);
  const view = useQuizView();
  const headView = useHeadTrace();
  const focusNext = useRef<FocusTarget>(null);
  const cardRef = useRef<HTMLElement>(null);

  const kinds = useMemo(() => headView?.trace.tokens.map((t) => t.kind) ?? [], [headView]);
  const choices = useMemo(() => tokenChoices(headView?.labels ?? []), [headView]);

  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    const card = cardRef.current;
    if (!target || !card) return;
    const element =
      target === 'reveal'
        ? card.querySelector<HTMLElement>('[data-quiz-focus="reveal"]')
        : card.querySelector<HTMLElement>(
            '[data-quiz-focus="question"] input:checked, [data-quiz-focus="question"] input:not(:disabled)',
          );
    element?.focus();
  });

  if (step === null || headView === null) return null;
  const { head, trace } = headView;
  const T = kinds.length;
  const ask: QuizAsk = quiz[step];
  const answered = T > 0 && isAnsweredFor(ask, view);
  const name = (index: number) => {
    const choice = choices[index];
    return choice ? m.token(choice.text, choice.position) : '';
  };

  return (
    <section
      ref={cardRef}
      className="panel quiz"
      aria-labelledby={`${id}-title`}
      data-quiz-step={step}
      data-quiz-status={answered ? ask.status : 'open'}
    >
      <div className="quiz__top">
        <h2 id={`${id}-title`} className="quiz__title">
          {m.title}
        </h2>
        <p className="quiz__score" aria-live="polite">
          {m.score(quiz.right, quiz.answered)}
        </p>
      </div>
      {T === 0 ? (
        <p className="hint">{m.noTokens}</p>
      ) : (
        <QuizBody
          step={step}
          ask={ask}
          answered={answered}
          firstTry={firstTryOf(ask, view)}
          question={resolveQuestion(step, ask, kinds, head.masked, trace.dK)}
          name={name}
          onAnswer={(question, solution, answer) => {
            const chosen = answer.type === 'token' ? answer.token : null;
            const right = isRight(solution, answer.type === 'token' ? answer.token : answer.value);
            const largest = largestContributor(question);
            const tried = firstTryOf(ask, view) === null ? 0 : ask.tries;
            const settled = right || tried + 1 >= QUIZ_TRIES;
            // A wrong first try keeps the question open: focus stays in the form.
            if (settled) focusNext.current = 'reveal';
            updateQuiz((q) =>
              recordAnswer(
                // Pin the question asked, so the reveal describes it even if defaults would now
                // differ; the same question, so a first try stays counted.
                withAsk(q, step, pinned(question)),
                step,
                answer.type === 'token' ? String(answer.token) : answer.typed,
                right,
                view,
              ),
            );
            if (settled) select(cellToShow(question, solution, chosen, largest));
          }}
          onSkip={(question, solution) => {
            focusNext.current = 'reveal';
            updateQuiz((q) => revealWithout(reask(q, step, pinned(question)), step, view));
            select(cellToShow(question, solution, null, largestContributor(question)));
          }}
          onAnother={(question) => {
            focusNext.current = 'question';
            select(null);
            updateQuiz((q) =>
              reask(q, step, {
                query: nextQueryToken(kinds, head.masked, question.query),
                key: null,
              }),
            );
          }}
          onChange={(patch) => updateQuiz((q) => reask(q, step, patch))}
        />
      )}
    </section>
  );

  /** The token whose weighted value is longest for the question's query (what the weighted work highlights). */
  function largestContributor(question: QuizQuestion): number {
    const best = solveQuestion(head, { step: 'weighted', kind: 'most', query: question.query });
    return best.type === 'token' ? (best.best[0] ?? question.query) : question.query;
  }
}

/** The store's form of a resolved question: every default made explicit. */
function pinned(question: QuizQuestion): Partial<QuizAsk> {
  return {
    query: question.query,
    ...(question.kind === 'weight' ? { key: question.key } : {}),
    ...(question.kind === 'cell' ? { dim: question.dim } : {}),
  };
}

/** Props of QuizBody. */
interface QuizBodyProps {
  readonly step: QuizStep;
  readonly ask: QuizAsk;
  readonly answered: boolean;
  /** The wrong first answer, as stored, while the second try is open. */
  readonly firstTry: string | null;
  readonly question: QuizQuestion;
  readonly name: (index: number) => string;
  readonly onAnswer: (question: QuizQuestion, solution: QuizSolution, answer: QuizAnswer) => void;
  readonly onSkip: (question: QuizQuestion, solution: QuizSolution) => void;
  readonly onAnother: (question: QuizQuestion) => void;
  readonly onChange: (patch: Partial<QuizAsk>) => void;
}

/** The open question (with its set-up) or the reveal. */
function QuizBody(props: QuizBodyProps) {
  const { step, ask, answered, firstTry, question, name } = props;
  const headView = useHeadTrace();
  if (!headView) return null;
  const solution = solveQuestion(headView.head, question);
  if (answered) {
    return (
      <QuizReveal
        view={headView}
        question={question}
        solution={solution}
        status={ask.status}
        answer={ask.answer}
        name={name}
        onAnother={() => props.onAnother(question)}
      />
    );
  }
  return (
    <>
      <QuizSetup
        step={step}
        question={question}
        view={headView}
        name={name}
        onChange={props.onChange}
      />
      <QuizQuestionForm
        // A new question starts with a clean form; a bad entry survives everything else.
        key={JSON.stringify(question)}
        question={question}
        solution={solution}
        masked={headView.head.masked}
        name={name}
        firstTry={
          firstTry === null ? null : solution.type === 'token' ? name(Number(firstTry)) : firstTry
        }
        onAnswer={(answer) => props.onAnswer(question, solution, answer)}
        onSkip={() => props.onSkip(question, solution)}
      />
    </>
  );
}
