/**
 * Sinusoidal positional encoding (Vaswani et al., 2017): position p, dimension pair i,
 * PE(p, 2i) = sin(p / 10000^(2i/d)), PE(p, 2i+1) = cos(p / 10000^(2i/d)).
 * Without it attention is blind to word order: permuting the tokens permutes the outputs.
 */
import { matrix, type Matrix } from './matrix';

/** The encodings of positions 0..T-1 at width `dModel`. */
export function positionalEncoding(T: number, dModel: number): Matrix {
  const out = new Float32Array(T * dModel); // (T, dModel)
  // One frequency per dimension pair, computed once rather than once per position.
  const frequency = new Float64Array(dModel);
  for (let d = 0; d < dModel; d++)
    frequency[d] = 1 / Math.pow(10000, (2 * Math.floor(d / 2)) / dModel);
  for (let p = 0; p < T; p++) {
    for (let d = 0; d < dModel; d++) {
      const angle = p * (frequency[d] as number);
      out[p * dModel + d] = d % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return matrix(T, dModel, out);
}
