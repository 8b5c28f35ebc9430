/**
 * "Predict, then reveal": the questions the quiz asks at the Softmax and Weighted sum steps,
 * and their answers, worked out from the trace's own matrices (never recomputed from the
 * inputs), so the answer is always what the app shows.
 *
 * Pure: the store and the components hold which question is asked and what was answered.
 */
import { at, row } from './matrix';
import type { HeadTrace, TokenKind } from './types';

/** The steps that ask a question. */
export type QuizStep = 'softmax' | 'weighted';

/** The parts of a head's trace the questions read. */
export type QuizHead = Pick<HeadTrace, 'masked' | 'weights' | 'v' | 'output'>;

/**
 * One question, for query token `query` (the attending token, a row of the heatmap):
 * - softmax / most: which token will it attend to most (the largest weight of its row);
 * - softmax / weight: the weight from `query` to `key`;
 * - weighted / most: whose value vector contributes most to its output, meaning the
 *   longest weighted vector w_ij · v_j (the weight times the length of the value);
 * - weighted / cell: component `dim` of its output row.
 */
export type QuizQuestion =
  | { readonly step: 'softmax'; readonly kind: 'most'; readonly query: number }
  | {
      readonly step: 'softmax';
      readonly kind: 'weight';
      readonly query: number;
      readonly key: number;
    }
  | { readonly step: 'weighted'; readonly kind: 'most'; readonly query: number }
  | {
      readonly step: 'weighted';
      readonly kind: 'cell';
      readonly query: number;
      readonly dim: number;
    };

/** The answer to a question. */
export type QuizSolution =
  | {
      readonly type: 'token';
      /** Every token that is a right answer: the maxima of the row, ties included, ascending. */
      readonly best: readonly number[];
      /** The largest weight (softmax) or contribution (weighted). */
      readonly value: number;
    }
  | {
      readonly type: 'number';
      readonly value: number;
      /** How far an answer may be from `value` and still count as right. */
      readonly tolerance: number;
    };

/** How far a predicted weight may be off: weights lie in [0, 1], so 5 % of their range. */
export const WEIGHT_TOLERANCE = 0.05;

/**
 * An output component is an average of the value vectors' components (the weights add up
 * to 1), so it lies between the smallest and largest of them: a prediction may be off by
 * this fraction of that span, as a weight may be off by 5 % of [0, 1].
 */
export const OUTPUT_TOLERANCE_SHARE = 0.05;

/** The least tolerance of an output component: the rounding of the two decimals on screen. */
export const MIN_OUTPUT_TOLERANCE = 0.01;

/**
 * Two candidates this close (relative to the largest) are tied: identical tokens with
 * positions off give bit-identical rows, and float32 noise must not split a tie.
 */
const TIE_RELATIVE = 1e-6;

/** Kinds of token worth asking about: words, not punctuation. */
const WORD_KINDS: ReadonlySet<TokenKind> = new Set(['word', 'number', 'clitic', 'emoji']);

/** True when token `kind` is a word (or number, clitic, emoji), not punctuation or a symbol. */
export function isWordToken(kind: TokenKind): boolean {
  return WORD_KINDS.has(kind);
}

/** The tokens query `i` may attend to: those the causal mask does not hide (at least i itself). */
export function visibleKeys(masked: QuizHead['masked'], i: number): number[] {
  const keys: number[] = [];
  for (let j = 0; j < masked.cols; j++) if (at(masked, i, j) !== -Infinity) keys.push(j);
  return keys;
}

/**
 * A query worth asking about: a word with a real choice to make. With the causal mask the
 * first token sees only itself, so its answer would be given away.
 */
function isGoodQuery(kinds: readonly TokenKind[], masked: QuizHead['masked'], i: number): boolean {
  return isWordToken(kinds[i] as TokenKind) && visibleKeys(masked, i).length > 1;
}

/**
 * The query a question starts with: the first word token that sees more than one token;
 * else the first word token; else token 0. `kinds` are the tokens' kinds, in order.
 */
export function defaultQueryToken(kinds: readonly TokenKind[], masked: QuizHead['masked']): number {
  const good = kinds.findIndex((_, i) => isGoodQuery(kinds, masked, i));
  if (good >= 0) return good;
  const word = kinds.findIndex(isWordToken);
  return word >= 0 ? word : 0;
}

/**
 * The query of "Ask another": the next token after `current` (round the sentence) that
 * `defaultQueryToken` would accept, preferring one with a real choice; `current` itself
 * when there is no other.
 */
export function nextQueryToken(
  kinds: readonly TokenKind[],
  masked: QuizHead['masked'],
  current: number,
): number {
  const T = kinds.length;
  if (T === 0) return 0;
  const order = Array.from({ length: T - 1 }, (_, k) => (current + 1 + k) % T);
  const good = order.find((i) => isGoodQuery(kinds, masked, i));
  if (good !== undefined) return good;
  const word = order.find((i) => isWordToken(kinds[i] as TokenKind));
  return word ?? current;
}

/**
 * The key a weight question starts with: the first visible word token other than the query;
 * else any other visible token; else the query itself (a token always sees itself).
 */
export function defaultKeyToken(
  kinds: readonly TokenKind[],
  masked: QuizHead['masked'],
  query: number,
): number {
  const others = visibleKeys(masked, query).filter((j) => j !== query);
  return others.find((j) => isWordToken(kinds[j] as TokenKind)) ?? others[0] ?? query;
}

/** One token's share of a query's output: its weight, the length of its value vector and their product. */
export interface Contribution {
  readonly token: number;
  /** w_ij. */
  readonly weight: number;
  /** ‖v_j‖, the Euclidean length of value vector j. */
  readonly norm: number;
  /** w_ij · ‖v_j‖ = ‖w_ij v_j‖, the length of the weighted vector added to the output. */
  readonly contribution: number;
}

/** The contributions of the tokens query `i` sees, in token order (masked tokens left out). */
export function contributions(head: QuizHead, i: number): Contribution[] {
  return visibleKeys(head.masked, i).map((j) => {
    const weight = at(head.weights, i, j);
    let squares = 0;
    for (const x of row(head.v, j)) squares += x * x;
    const norm = Math.sqrt(squares);
    return { token: j, weight, norm, contribution: weight * norm };
  });
}

/** The candidates whose score is the largest, ties included (ascending), and that largest score. */
function maxima(candidates: readonly { token: number; score: number }[]): {
  best: number[];
  value: number;
} {
  const value = Math.max(...candidates.map((c) => c.score));
  const slack = TIE_RELATIVE * Math.max(Math.abs(value), Number.MIN_VALUE);
  const best = candidates.filter((c) => c.score >= value - slack).map((c) => c.token);
  return { best, value };
}

/** The span of component `dim` over the value vectors query `i` sees: what an output component averages. */
function valueSpan(head: QuizHead, i: number, dim: number): number {
  const column = visibleKeys(head.masked, i).map((j) => at(head.v, j, dim));
  return Math.max(...column) - Math.min(...column);
}

/** The tolerance of component `dim` of query `i`'s output (see OUTPUT_TOLERANCE_SHARE). */
export function outputTolerance(head: QuizHead, i: number, dim: number): number {
  return Math.max(MIN_OUTPUT_TOLERANCE, OUTPUT_TOLERANCE_SHARE * valueSpan(head, i, dim));
}

/**
 * The answer to `question` in `head`'s trace. Throws a RangeError for a token or component
 * outside the trace; masked tokens are never among the right tokens.
 */
export function solveQuestion(head: QuizHead, question: QuizQuestion): QuizSolution {
  const i = question.query;
  if (question.step === 'softmax' && question.kind === 'most') {
    const visible = visibleKeys(head.masked, i);
    return {
      type: 'token',
      ...maxima(visible.map((j) => ({ token: j, score: at(head.weights, i, j) }))),
    };
  }
  if (question.step === 'softmax' && question.kind === 'weight') {
    return {
      type: 'number',
      value: at(head.weights, i, question.key),
      tolerance: WEIGHT_TOLERANCE,
    };
  }
  if (question.step === 'weighted' && question.kind === 'most') {
    return {
      type: 'token',
      ...maxima(contributions(head, i).map((c) => ({ token: c.token, score: c.contribution }))),
    };
  }
  const { dim } = question as Extract<QuizQuestion, { kind: 'cell' }>;
  return {
    type: 'number',
    value: at(head.output, i, dim),
    tolerance: outputTolerance(head, i, dim),
  };
}

/** True when `answer` (a token index, or a number) is right for `solution`. */
export function isRight(solution: QuizSolution, answer: number): boolean {
  if (solution.type === 'token') return solution.best.includes(answer);
  // The slack keeps an answer exactly at the edge right (0.25 for 0.3 ± 0.05) although the
  // trace's 0.3 is a float32, 0.30000001: float32 carries about 7 significant digits.
  const slack = 1e-6 * Math.max(1, Math.abs(solution.value));
  return Math.abs(answer - solution.value) <= solution.tolerance + slack;
}

/**
 * A number as a student types it: "0.25", "0,25" (a decimal comma), ".5", "-0.3" or "−0.3"
 * (the minus sign the app prints), with spaces around. Null for anything else: empty text,
 * letters, two separators, exponents, thousands separators.
 */
export function parseAnswerNumber(text: string): number | null {
  const t = text.trim().replace(/^[\u2212\u2013\u2012]/, '-');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return null;
  const value = Number(t.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** A token as a choice: its text, and its position (1-based) when the same text occurs more than once. */
export interface TokenChoice {
  readonly token: number;
  readonly text: string;
  /** 1-based position in the sentence, or null when the text is unique. */
  readonly position: number | null;
}

/** The tokens as choices, duplicates told apart by their position. */
export function tokenChoices(texts: readonly string[]): TokenChoice[] {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return texts.map((text, token) => ({
    token,
    text,
    position: (counts.get(text) ?? 0) > 1 ? token + 1 : null,
  }));
}
