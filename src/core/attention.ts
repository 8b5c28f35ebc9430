/**
 * Scaled dot-product attention, one named step at a time, so that every intermediate can
 * be shown: Attention(Q, K, V) = softmax(QKᵀ / √dK) V.
 */
import {
  assertShape,
  concatColumns,
  matmul,
  matmulTransposed,
  matrix,
  scale,
  type Matrix,
} from './matrix';
import { MIN_TEMPERATURE } from './settings';
import type { AttentionWeights, HeadTrace, HeadWeights } from './types';

/** Q = X·wq, K = X·wk, V = X·wv. */
export function projectQKV(
  input: Matrix,
  weights: HeadWeights,
): { q: Matrix; k: Matrix; v: Matrix } {
  assertShape('projectQKV (wk)', weights.wk, input.cols, weights.wq.cols);
  assertShape('projectQKV (wv)', weights.wv, input.cols, weights.wq.cols);
  return {
    q: matmul(input, weights.wq), // (T, dK)
    k: matmul(input, weights.wk), // (T, dK)
    v: matmul(input, weights.wv), // (T, dK)
  };
}

/** Raw scores Q·Kᵀ: entry (i, j) is how well query i matches key j. */
export function computeScores(q: Matrix, k: Matrix): Matrix {
  return matmulTransposed(q, k); // (T, T)
}

/** Scores divided by √dK, which keeps their spread independent of dK; a copy when `enabled` is false. */
export function scaleScores(scores: Matrix, dK: number, enabled: boolean): Matrix {
  return scale(scores, enabled ? 1 / Math.sqrt(dK) : 1); // (T, T)
}

/** The causal mask: -Infinity where key j comes after query i (j > i); a copy when `causal` is false. */
export function applyMask(scaled: Matrix, causal: boolean): Matrix {
  const T = scaled.rows;
  const out = Float32Array.from(scaled.data); // (T, T)
  if (causal) {
    for (let i = 0; i < T; i++) {
      for (let j = i + 1; j < scaled.cols; j++) out[i * scaled.cols + j] = -Infinity;
    }
  }
  return matrix(T, scaled.cols, out);
}

/**
 * softmax(row / τ) for each row. Subtracting the row's maximum first keeps every exponent
 * ≤ 0, so nothing overflows however large the scores; masked (-Infinity) entries become
 * exactly 0. A fully masked row cannot happen (a token always sees itself) and throws.
 */
export function softmaxRows(masked: Matrix, temperature = 1): Matrix {
  if (!(temperature >= MIN_TEMPERATURE) || !Number.isFinite(temperature)) {
    throw new RangeError(
      `softmaxRows: temperature must be a finite number ≥ ${MIN_TEMPERATURE}, got ${temperature}`,
    );
  }
  const { rows, cols, data } = masked;
  const out = new Float32Array(rows * cols); // (T, T)
  const exps = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    let max = -Infinity;
    for (let j = 0; j < cols; j++) max = Math.max(max, data[base + j] as number);
    if (max === -Infinity) throw new Error(`softmaxRows: row ${i} is fully masked`);
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const e = Math.exp(((data[base + j] as number) - max) / temperature);
      exps[j] = e;
      sum += e;
    }
    // sum ≥ 1 because the maximum contributes exp(0), so the division is always safe.
    for (let j = 0; j < cols; j++) out[base + j] = (exps[j] as number) / sum;
  }
  return matrix(rows, cols, out);
}

/** Each token's new vector: the weights of its row times the values, weights·V. */
export function weightedSum(weights: Matrix, v: Matrix): Matrix {
  return matmul(weights, v); // (T, dK)
}

/** Options of one attention pass. */
export interface AttentionOptions {
  readonly causal: boolean;
  readonly scale: boolean;
  readonly temperature: number;
}

/** One head from input to output, keeping every intermediate. */
export function attentionHead(
  input: Matrix,
  weights: HeadWeights,
  options: AttentionOptions,
): HeadTrace {
  const { q, k, v } = projectQKV(input, weights); // (T, dK) each
  const scores = computeScores(q, k); // (T, T)
  const scaled = scaleScores(scores, q.cols, options.scale); // (T, T)
  const masked = applyMask(scaled, options.causal); // (T, T)
  const weightsMatrix = softmaxRows(masked, options.temperature); // (T, T)
  const output = weightedSum(weightsMatrix, v); // (T, dK)
  return { ...weights, q, k, v, scores, scaled, masked, weights: weightsMatrix, output };
}

/** Every head, their outputs side by side, and the output projection. */
export function multiHeadAttention(
  input: Matrix,
  weights: AttentionWeights,
  options: AttentionOptions,
): { heads: HeadTrace[]; concat: Matrix; output: Matrix } {
  const heads = weights.heads.map((w) => attentionHead(input, w, options));
  const concat = concatColumns(heads.map((h) => h.output)); // (T, heads·dK)
  assertShape('multiHeadAttention (wo)', weights.wo, concat.cols, input.cols);
  const output = matmul(concat, weights.wo); // (T, dModel)
  return { heads, concat, output };
}
