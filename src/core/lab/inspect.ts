/**
 * What a trained model has learned, read from its weights: how well each head shows a
 * task's known pattern, and the query–key match tables of the token and position
 * embeddings.
 */
import type { Matrix } from '../matrix';
import { gemm, gemmTransB, mat64, toFloat32 } from './mat64';
import type { LabModelShape, LabParams } from './model';
import type { KnownPattern } from './tasks/types';

/** How well one head's attention (T, T) shows a known pattern. */
export interface PatternMatch {
  /** Share of the pattern's rows whose largest weight sits on the pattern's key, 0 to 1. */
  readonly hits: number;
  /** Mean weight those rows put on the pattern's key, 0 to 1. */
  readonly weight: number;
}

/**
 * Compares attention weights (T, T) with a known pattern's weights (T, T): only the rows
 * the pattern asks something of count (a row of zeros asks nothing). A row's hit is its
 * largest weight on the key the pattern names. With no such rows both figures are 0.
 */
export function matchPattern(weights: Matrix, pattern: KnownPattern): PatternMatch {
  const T = pattern.weights.length;
  if (weights.rows !== T || weights.cols !== T) {
    throw new RangeError(
      `matchPattern: weights (${weights.rows}, ${weights.cols}), pattern (${T}, ${T})`,
    );
  }
  let rows = 0;
  let hits = 0;
  let total = 0;
  pattern.weights.forEach((row, i) => {
    const key = row.indexOf(1);
    if (key < 0) return;
    rows++;
    let best = 0;
    for (let j = 1; j < T; j++) {
      if ((weights.data[i * T + j] as number) > (weights.data[i * T + best] as number)) best = j;
    }
    if (best === key) hits++;
    total += weights.data[i * T + key] as number;
  });
  return rows === 0 ? { hits: 0, weight: 0 } : { hits: hits / rows, weight: total / rows };
}

/**
 * The query–key match tables of one head, read from the weights alone:
 * tokens = E·wq·wkᵀ·Eᵀ / √dK (V, V), entry (a, b) how much a query of token a matches a
 * key of token b; positions = P·wq·wkᵀ·Pᵀ / √dK (T, T), the same for positions. These are
 * the embeddings' direct paths into the head (in a layer after the first, the residual
 * stream also carries what earlier layers added). Float32 for display.
 */
export function matchTables(
  params: LabParams,
  shape: LabModelShape,
  layer: number,
  head: number,
): { tokens: Matrix; positions: Matrix } {
  const w = params.layers[layer]?.heads[head];
  if (!w) throw new RangeError(`matchTables: no head ${head} in layer ${layer}`);
  const d = shape.width;
  const dK = w.wq.cols;
  const factor = shape.scale ? 1 / Math.sqrt(dK) : 1;
  const table = (e: { rows: number; data: Float64Array }) => {
    const n = e.rows;
    const q = new Float64Array(n * dK); // (n, dK)
    const k = new Float64Array(n * dK); // (n, dK)
    gemm(q, e.data, w.wq.data, n, d, dK);
    gemm(k, e.data, w.wk.data, n, d, dK);
    const out = mat64(n, n); // (n, n)
    gemmTransB(out.data, q, k, n, dK, n);
    for (let i = 0; i < out.data.length; i++) out.data[i] = (out.data[i] as number) * factor;
    return toFloat32(out);
  };
  return { tokens: table(params.embed), positions: table(params.pos) };
}
