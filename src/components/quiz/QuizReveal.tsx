/**
 * The reveal: right or wrong, the answer, and the arithmetic that gives it, with the
 * trace's numbers (the softmax of one weight, the weighted value vectors' lengths, or the
 * output component as a sum of weight × value). The row is selected by then, so "Show the
 * work" below holds every number of it.
 */
import { useMemo } from 'react';
import { at } from '../../core/matrix';
import { contributions, visibleKeys, type QuizQuestion, type QuizSolution } from '../../core/quiz';
import { useMessages } from '../../messages';
import { useNumberFormat } from '../common/useNumberFormat';
import type { QuizStatus } from '../../store/quiz';
import { softmaxWork } from '../../viz/arithmetic';
import { formatTolerance, questionText } from './quizText';
import type { HeadView } from '../common/useHeadTrace';

/** Decimals of the reveal's numbers: enough to check a two-decimal prediction. */
const DIGITS = 3;
/** The longest sum written out in full; a longer one shows its largest terms. */
const MAX_TERMS = 12;

/** Props of QuizReveal. */
export interface QuizRevealProps {
  readonly view: HeadView;
  readonly question: QuizQuestion;
  readonly solution: QuizSolution;
  readonly status: QuizStatus;
  /** What was answered: a token index, or the number as typed; null when revealed without. */
  readonly answer: string | null;
  readonly name: (index: number) => string;
  readonly onAnother: () => void;
}

/** The verdict, the answer and its arithmetic, and "Ask another". */
export function QuizReveal(props: QuizRevealProps) {
  const { question, solution, status, answer, name } = props;
  const m = useMessages().quiz;
  const format = useNumberFormat();
  const verdict = status === 'open' ? 'shown' : status;
  return (
    <div className="quiz__reveal" data-quiz-result={verdict}>
      <p
        className={`quiz__verdict quiz__verdict--${verdict}`}
        tabIndex={-1}
        data-quiz-focus="reveal"
      >
        {m.verdicts[verdict]}
      </p>
      <p className="quiz__question">{questionText(m, question, name)}</p>
      {answer !== null && status !== 'shown' && (
        <p>{solution.type === 'token' ? m.youChose(name(Number(answer))) : m.youSaid(answer)}</p>
      )}
      <RevealArithmetic {...props} />
      {solution.type === 'number' && (
        <p className="hint">{m.reveal.tolerance(formatTolerance(solution.tolerance, format))}</p>
      )}
      <p className="hint">{m.toWorkNote}</p>
      <div className="quiz__actions">
        <button type="button" className="quiz__another" onClick={props.onAnother}>
          {m.another}
        </button>
        <button
          type="button"
          onClick={() =>
            // The work panel is the App's, not this card's: find it by its class.
            document.querySelector('.work')?.scrollIntoView({ block: 'start' })
          }
        >
          {m.toWork}
        </button>
      </div>
    </div>
  );
}

/** The answer in a sentence, then the numbers behind it. */
function RevealArithmetic({ view, question, solution, name }: QuizRevealProps) {
  const messages = useMessages().quiz;
  const m = messages.reveal;
  const format = useNumberFormat();
  const num = (x: number) => format.number(x, DIGITS);
  const { trace, headIndex, head } = view;
  const i = question.query;
  const x = name(i);
  const rows = useMemo(() => contributions(head, i), [head, i]);

  if (question.step === 'softmax') {
    const best = solution.type === 'token' ? solution.best : [];
    const j = question.kind === 'weight' ? question.key : (best[0] ?? i);
    const work = softmaxWork(trace, headIndex, i, j);
    const arithmetic = m.softmaxArithmetic(
      name(j),
      num(work.exponents[j] as number),
      num(work.exps[j] as number),
      num(work.sum),
      num(work.weights[j] as number),
    );
    return question.kind === 'weight' ? (
      <>
        <p className="quiz__answer">
          {m.softmaxNumber(x, name(j), num(work.weights[j] as number))}
        </p>
        <p className="quiz__work">{arithmetic}</p>
      </>
    ) : (
      <>
        <p className="quiz__answer">{m.softmaxToken(x, best.map(name), num(solution.value))}</p>
        <p className="quiz__work">{m.softmaxWhy(num(work.scores[j] as number))}</p>
        <p className="quiz__work">{arithmetic}</p>
      </>
    );
  }

  if (question.kind === 'most' && solution.type === 'token') {
    const best = new Set(solution.best);
    const top = rows.find((r) => best.has(r.token));
    return (
      <>
        <p className="quiz__answer">{m.weightedToken(x, solution.best.map(name))}</p>
        {top && (
          <p className="quiz__work">
            {m.weightedWhy(num(top.weight), num(top.norm), num(top.contribution))}
          </p>
        )}
        <div className="quiz__scroll">
          <table className="quiz__table">
            <caption>{m.contributionCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.contributionColumns.token}</th>
                <th scope="col">{m.contributionColumns.weight}</th>
                <th scope="col">{m.contributionColumns.length}</th>
                <th scope="col">{m.contributionColumns.product}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.token} className={best.has(r.token) ? 'quiz__best' : undefined}>
                  <th scope="row">{name(r.token)}</th>
                  <td>{num(r.weight)}</td>
                  <td>{num(r.norm)}</td>
                  <td>{num(r.contribution)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }

  const dim = question.kind === 'cell' ? question.dim : 0;
  // Masked tokens add exactly 0; a long row shows its largest terms only.
  const visible = visibleKeys(head.masked, i).map((j) => ({
    weight: at(head.weights, i, j),
    value: at(head.v, j, dim),
  }));
  const shown =
    visible.length <= MAX_TERMS
      ? visible
      : [...visible]
          .sort((a, b) => Math.abs(b.weight * b.value) - Math.abs(a.weight * a.value))
          .slice(0, MAX_TERMS);
  return (
    <>
      <p className="quiz__answer">
        {m.weightedNumber(x, messages.component(dim), num(at(head.output, i, dim)))}
      </p>
      <p className="quiz__work">
        {m.weightedArithmetic(
          shown.map((t) => ({ weight: num(t.weight), value: num(t.value) })),
          num(at(head.output, i, dim)),
          shown.length < visible.length,
        )}
      </p>
    </>
  );
}
