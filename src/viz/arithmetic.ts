/**
 * The arithmetic behind one cell of the trace, spelled out term by term for "Show the work".
 *
 * Every result a student is asked to check (the score, the scaled score, each weight, each
 * output entry) is read from the trace itself, never recomputed. The intermediates the trace
 * does not store (element-wise products, exponentials, weighted terms) are computed here in
 * float64 from the trace's own float32 rows, in the same order as the core, so that they add
 * up to the trace's value exactly before its final rounding to float32.
 */
import { at, row, type Matrix } from '../core/matrix';
import type { AttentionTrace, HeadTrace } from '../core/types';

/** q_i · k_j, term by term, then the scaling and the mask. */
export interface ScoreWork {
  readonly i: number;
  readonly j: number;
  /** Query of token i: row i of Q. */
  readonly q: readonly number[]; // (dK)
  /** Key of token j: row j of K. */
  readonly k: readonly number[]; // (dK)
  /** q[d] · k[d] for each dimension d. */
  readonly products: readonly number[]; // (dK)
  /** The trace's raw score: scores[i][j], the sum of `products`. */
  readonly score: number;
  /** Whether the scores are divided by √dK. */
  readonly scaleOn: boolean;
  /** √dK, the divisor when `scaleOn`. */
  readonly sqrtDK: number;
  /** The trace's scaled score: scaled[i][j] (equal to `score` when scaling is off). */
  readonly scaled: number;
  /** True when the causal mask hides key j from query i (j comes later): masked[i][j] is −∞. */
  readonly masked: boolean;
}

/** Softmax of row i of the masked scores, step by step. */
export interface SoftmaxWork {
  readonly i: number;
  readonly j: number;
  /** The softmax temperature τ. */
  readonly temperature: number;
  /** Row i of the masked scores, −∞ where masked. */
  readonly scores: readonly number[]; // (T)
  /** The row's largest score, subtracted so that no exponential overflows. */
  readonly max: number;
  /** Index of the (first) largest score. */
  readonly argmax: number;
  /** s − max for each score (−∞ where masked). */
  readonly differences: readonly number[]; // (T)
  /** (s − max) / τ: the exponents (equal to `differences` when τ = 1). */
  readonly exponents: readonly number[]; // (T)
  /** exp((s − max) / τ); exactly 0 where masked. */
  readonly exps: readonly number[]; // (T)
  /** Σ exps: the denominator of every quotient. */
  readonly sum: number;
  /** The trace's weights: row i of weights, each exps[j] / sum. */
  readonly weights: readonly number[]; // (T)
  /** Σ weights (1 up to float32 rounding). */
  readonly weightSum: number;
}

/** Output row i of a head as the weighted sum of the value vectors. */
export interface WeightedSumWork {
  readonly i: number;
  readonly j: number;
  /** Row i of the weights: w_ij for each token j. */
  readonly weights: readonly number[]; // (T)
  /** Every value vector v_j: the rows of V. */
  readonly values: readonly (readonly number[])[]; // (T, dK)
  /** w_ij · v_j for each token j. */
  readonly terms: readonly (readonly number[])[]; // (T, dK)
  /** The trace's head output row i: the column sums of `terms`. */
  readonly output: readonly number[]; // (dK)
}

/** One entry of the final output as row i of concat times column c of wo. */
export interface ProjectionWork {
  readonly i: number;
  /** Column of the final output (0 to dModel − 1). */
  readonly column: number;
  /** Row i of concat: the heads' output rows side by side. */
  readonly concat: readonly number[]; // (heads·dK)
  /** Column `column` of wo. */
  readonly wo: readonly number[]; // (heads·dK)
  /** concat[m] · wo[m] for each m. */
  readonly products: readonly number[]; // (heads·dK)
  /** The trace's final output[i][column]: the sum of `products`. */
  readonly value: number;
  /** The trace's whole final output row i. */
  readonly outputRow: readonly number[]; // (dModel)
}

/** Row i of a matrix as plain numbers. */
function rowOf(m: Matrix, i: number): number[] {
  return Array.from(row(m, i));
}

/** The head's trace, or a RangeError naming the bad index. */
function headOf(trace: AttentionTrace, head: number): HeadTrace {
  const h = trace.heads[head];
  if (!h) throw new RangeError(`arithmetic: head ${head} outside 0..${trace.heads.length - 1}`);
  return h;
}

/** Throws unless (i, j) is a cell of a T × T attention matrix. */
function checkCell(where: string, trace: AttentionTrace, i: number, j: number): void {
  const T = trace.tokens.length;
  if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= T || j >= T) {
    throw new RangeError(`${where}: cell (${i}, ${j}) outside (${T}, ${T})`);
  }
}

/** The score of query i against key j in `head`: q_i · k_j, then ÷ √dK, then the mask. */
export function scoreWork(trace: AttentionTrace, head: number, i: number, j: number): ScoreWork {
  checkCell('scoreWork', trace, i, j);
  const h = headOf(trace, head);
  const q = rowOf(h.q, i); // (dK)
  const k = rowOf(h.k, j); // (dK)
  const products = q.map((x, d) => x * (k[d] as number)); // (dK)
  return {
    i,
    j,
    q,
    k,
    products,
    score: at(h.scores, i, j),
    scaleOn: trace.settings.scale,
    sqrtDK: Math.sqrt(h.q.cols),
    scaled: at(h.scaled, i, j),
    masked: at(h.masked, i, j) === -Infinity,
  };
}

/** Softmax of row i of `head`'s masked scores, with cell j the one the user selected. */
export function softmaxWork(
  trace: AttentionTrace,
  head: number,
  i: number,
  j: number,
): SoftmaxWork {
  checkCell('softmaxWork', trace, i, j);
  const h = headOf(trace, head);
  const temperature = trace.settings.temperature;
  const scores = rowOf(h.masked, i); // (T)
  let max = -Infinity;
  let argmax = 0;
  scores.forEach((s, c) => {
    if (s > max) {
      max = s;
      argmax = c;
    }
  });
  const differences = scores.map((s) => s - max); // (T)
  // The same float64 expression as softmaxRows, so the quotients below are the trace's weights.
  const exponents = differences.map((d) => d / temperature); // (T)
  const exps = exponents.map((e) => Math.exp(e)); // (T)
  const weights = rowOf(h.weights, i); // (T)
  return {
    i,
    j,
    temperature,
    scores,
    max,
    argmax,
    differences,
    exponents,
    exps,
    sum: sum(exps),
    weights,
    weightSum: sum(weights),
  };
}

/** Output row i of `head` as Σ_j w_ij · v_j, with token j the one the user selected. */
export function weightedSumWork(
  trace: AttentionTrace,
  head: number,
  i: number,
  j: number,
): WeightedSumWork {
  checkCell('weightedSumWork', trace, i, j);
  const h = headOf(trace, head);
  const weights = rowOf(h.weights, i); // (T)
  const values = weights.map((_, t) => rowOf(h.v, t)); // (T, dK)
  const terms = values.map((v, t) => v.map((x) => (weights[t] as number) * x)); // (T, dK)
  return { i, j, weights, values, terms, output: rowOf(h.output, i) };
}

/** Entry (i, column) of the final output as Σ_m concat[i][m] · wo[m][column]. */
export function projectionWork(trace: AttentionTrace, i: number, column: number): ProjectionWork {
  const { concat: c, wo: w, output } = trace;
  if (!Number.isInteger(i) || i < 0 || i >= c.rows) {
    throw new RangeError(`projectionWork: row ${i} outside 0..${c.rows - 1}`);
  }
  if (!Number.isInteger(column) || column < 0 || column >= w.cols) {
    throw new RangeError(`projectionWork: column ${column} outside 0..${w.cols - 1}`);
  }
  const concat = rowOf(c, i); // (heads·dK)
  const wo = concat.map((_, m) => at(w, m, column)); // (heads·dK)
  return {
    i,
    column,
    concat,
    wo,
    products: concat.map((x, m) => x * (wo[m] as number)),
    value: at(output, i, column),
    outputRow: rowOf(output, i),
  };
}

/** Σ of numbers in float64, in order: the way the core's matrix products accumulate. */
export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
