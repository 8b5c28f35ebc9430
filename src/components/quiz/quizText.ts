/**
 * The words of a quiz question, shared by the question form and the reveal: the question
 * itself and its hint, with tokens named as the choices name them (duplicates by position).
 */
import type { QuizQuestion, QuizSolution } from '../../core/quiz';
import type { NumberFormat } from '../../format';
import type { Messages } from '../../messages';

/** Names token `index` as the choices do. */
export type TokenNamer = (index: number) => string;

/** A tolerance as the hints print it: two significant digits at most, no trailing zeros (±0.05, ±0.012). */
export function formatTolerance(tolerance: number, format: NumberFormat): string {
  const digits = Math.max(2, 1 - Math.floor(Math.log10(tolerance)));
  return format
    .number(tolerance, digits)
    .replace(/([.,]\d*?)0+$/, '$1')
    .replace(/[.,]$/, '');
}

/** The question, in words. */
export function questionText(m: Messages['quiz'], q: QuizQuestion, name: TokenNamer): string {
  const x = name(q.query);
  if (q.kind === 'most') {
    return q.step === 'softmax' ? m.questions.softmaxToken(x) : m.questions.weightedToken(x);
  }
  if (q.kind === 'weight') return m.questions.softmaxNumber(x, name(q.key));
  return m.questions.weightedNumber(x, m.component(q.dim));
}

/** How to think about the question (and, for a number, how close counts as right). */
export function hintText(
  m: Messages['quiz'],
  q: QuizQuestion,
  solution: QuizSolution,
  format: NumberFormat,
): string {
  const tolerance = solution.type === 'number' ? formatTolerance(solution.tolerance, format) : '';
  if (q.kind === 'most') return q.step === 'softmax' ? m.hints.softmaxToken : m.hints.weightedToken;
  return q.kind === 'weight' ? m.hints.softmaxNumber(tolerance) : m.hints.weightedNumber(tolerance);
}
