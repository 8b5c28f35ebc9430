/**
 * The open question: the sentence's tokens to choose from (those the causal mask hides are
 * shown but disabled), or a box for a number, then "Check" and "Show without predicting".
 * After a wrong first answer it says so and asks again (the second try), without the answer.
 * A number that cannot be read gets a clear message and stays in the box as typed.
 */
import { useId, useState, type FormEvent } from 'react';
import { at } from '../../core/matrix';
import {
  parseAnswerNumber,
  type QuizHead,
  type QuizQuestion,
  type QuizSolution,
} from '../../core/quiz';
import { useMessages } from '../../messages';
import { useNumberFormat } from '../common/useNumberFormat';
import { hintText, questionText } from './quizText';

/** What the student answered: a token, or a number with the text it was typed as. */
export type QuizAnswer =
  | { readonly type: 'token'; readonly token: number }
  | { readonly type: 'number'; readonly value: number; readonly typed: string };

/** Props of QuizQuestionForm. */
export interface QuizQuestionFormProps {
  readonly question: QuizQuestion;
  readonly solution: QuizSolution;
  /** The head's masked scores: −∞ marks a token the query cannot attend to. */
  readonly masked: QuizHead['masked'];
  readonly name: (index: number) => string;
  /** The wrong first answer, worded (a token's name or the number as typed), or null. */
  readonly firstTry?: string | null;
  readonly onAnswer: (answer: QuizAnswer) => void;
  readonly onSkip: () => void;
}

/** The question and its answer controls. */
export function QuizQuestionForm(props: QuizQuestionFormProps) {
  const { question, solution, masked, name } = props;
  const m = useMessages().quiz;
  const format = useNumberFormat();
  const id = useId();
  const [chosen, setChosen] = useState<number | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const text = questionText(m, question, name);
  const asksToken = solution.type === 'token';
  const hiddenByMask = (j: number) => at(masked, question.query, j) === -Infinity;
  const anyMasked =
    asksToken && Array.from({ length: masked.cols }, (_, j) => j).some(hiddenByMask);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (asksToken) {
      if (chosen === null) return setError(m.chooseFirst);
      return props.onAnswer({ type: 'token', token: chosen });
    }
    if (typed.trim() === '') return setError(m.emptyNumber);
    const value = parseAnswerNumber(typed);
    if (value === null) return setError(m.badNumber(typed.trim()));
    props.onAnswer({ type: 'number', value, typed: typed.trim() });
  };

  return (
    <form className="quiz__form" onSubmit={submit} noValidate>
      {asksToken ? (
        <fieldset
          className="quiz__choices"
          data-quiz-focus="question"
          aria-describedby={describedBy}
        >
          <legend className="quiz__question">{text}</legend>
          {Array.from({ length: masked.cols }, (_, j) => (
            <label key={j} className="quiz__choice">
              <input
                type="radio"
                name={`${id}-choice`}
                value={j}
                checked={chosen === j}
                disabled={hiddenByMask(j)}
                onChange={() => {
                  setChosen(j);
                  setError(null);
                }}
              />
              <span>{name(j)}</span>
              {hiddenByMask(j) && <span className="visually-hidden">, {m.maskedChoice}</span>}
            </label>
          ))}
        </fieldset>
      ) : (
        <div className="quiz__number" data-quiz-focus="question">
          <label className="quiz__question" htmlFor={`${id}-number`}>
            {text}
          </label>
          <input
            id={`${id}-number`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              setTyped(e.target.value);
              setError(null);
            }}
          />
        </div>
      )}
      {/* Polite and always present, so a screen reader hears the second chance when it comes. */}
      <p className="quiz__retry" role="status">
        {props.firstTry ? m.tryAgain(props.firstTry) : null}
      </p>
      <p id={`${id}-hint`} className="hint quiz__hint">
        {hintText(m, question, solution, format)}
        {anyMasked && ` ${m.maskedNote}`}
      </p>
      {error && (
        <p id={`${id}-error`} className="quiz__error" role="alert">
          {error}
        </p>
      )}
      <div className="quiz__actions">
        <button type="submit" className="quiz__check">
          {m.check}
        </button>
        <button type="button" onClick={props.onSkip}>
          {m.skip}
        </button>
      </div>
    </form>
  );
}
