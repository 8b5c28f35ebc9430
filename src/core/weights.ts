/**
 * Seeded parameters of a multi-head attention layer. Each matrix draws from its own
 * sub-stream of the seed ("wq/0", "wk/0", ...), so the same seed gives the same numbers on
 * every machine, and a head's matrices do not depend on how many draws the others made
 * (while dK stays the same, adding a head leaves the heads already there unchanged).
 */
import { matrix, type Matrix } from './matrix';
import { gaussian, subStream, type Random } from './random';
import { MAX_HEADS } from './settings';
import type { AttentionWeights, HeadWeights, WeightsPreset } from './types';

/** dK of each head: the width shared out between the heads, at least 1. */
export function headDim(dModel: number, heads: number): number {
  return Math.max(1, Math.floor(dModel / heads));
}

/** A (rows, cols) matrix with Glorot-uniform entries in ±√(6 / (rows + cols)). */
export function glorotUniform(rows: number, cols: number, random: Random): Matrix {
  const limit = Math.sqrt(6 / (rows + cols));
  const out = new Float32Array(rows * cols); // (rows, cols)
  for (let i = 0; i < out.length; i++) out[i] = (2 * random() - 1) * limit;
  return matrix(rows, cols, out);
}

/**
 * A (rows, cols) matrix whose columns are orthonormal (rows ≥ cols), by Gram-Schmidt on
 * Gaussian columns. With wq = wk = W of this kind, q_i·k_j is the dot product of the two
 * embeddings projected onto a random cols-dimensional subspace: at full width, exactly
 * x_i·x_j, so a token scores highest with tokens like itself.
 */
export function orthonormalColumns(rows: number, cols: number, random: Random): Matrix {
  const columns: Float64Array[] = [];
  while (columns.length < cols) {
    const c = new Float64Array(rows);
    for (let i = 0; i < rows; i++) c[i] = gaussian(random);
    for (const prev of columns) {
      let dot = 0;
      for (let i = 0; i < rows; i++) dot += (c[i] as number) * (prev[i] as number);
      for (let i = 0; i < rows; i++) c[i] = (c[i] as number) - dot * (prev[i] as number);
    }
    let norm = 0;
    for (let i = 0; i < rows; i++) norm += (c[i] as number) ** 2;
    norm = Math.sqrt(norm);
    // A draw (almost) inside the span of the previous columns is redrawn, not divided by ~0.
    if (norm < 1e-6) continue;
    for (let i = 0; i < rows; i++) c[i] = (c[i] as number) / norm;
    columns.push(c);
  }
  const out = new Float32Array(rows * cols); // (rows, cols)
  columns.forEach((c, j) => {
    for (let i = 0; i < rows; i++) out[i * cols + j] = c[i] as number;
  });
  return matrix(rows, cols, out);
}

/**
 * Makes wq, wk, wv (dModel, dK) per head and wo (heads·dK, dModel).
 * `random`: every matrix Glorot-uniform. `similarity`: wq = wk with orthonormal columns
 * (wider than dK only when dK < dModel), wv and wo Glorot-uniform. `learned` weights are not
 * made but read from the weights file (core/learnedWeights.ts): asking for them here throws.
 */
export function makeWeights(
  dModel: number,
  heads: number,
  seed: number,
  preset: WeightsPreset,
): AttentionWeights {
  if (!Number.isInteger(heads) || heads < 1 || heads > MAX_HEADS) {
    throw new RangeError(`makeWeights: heads must be 1 to ${MAX_HEADS}, got ${heads}`);
  }
  if (!Number.isInteger(dModel) || dModel < 1) {
    throw new RangeError(`makeWeights: width must be a positive integer, got ${dModel}`);
  }
  if (preset === 'learned') {
    throw new RangeError('makeWeights: learned weights come from the weights file, not a seed');
  }
  const dK = headDim(dModel, heads);
  const perHead: HeadWeights[] = [];
  for (let h = 0; h < heads; h++) {
    const wv = glorotUniform(dModel, dK, subStream(seed, `wv/${h}`)); // (dModel, dK)
    if (preset === 'similarity') {
      // dK ≤ dModel always holds here, so the columns can be orthonormal.
      const shared = orthonormalColumns(dModel, dK, subStream(seed, `wqk/${h}`)); // (dModel, dK)
      perHead.push({ wq: shared, wk: shared, wv });
    } else {
      perHead.push({
        wq: glorotUniform(dModel, dK, subStream(seed, `wq/${h}`)), // (dModel, dK)
        wk: glorotUniform(dModel, dK, subStream(seed, `wk/${h}`)), // (dModel, dK)
        wv,
      });
    }
  }
  const wo = glorotUniform(heads * dK, dModel, subStream(seed, 'wo')); // (heads·dK, dModel)
  return { heads: perHead, wo };
}
