/**
 * The word-vector table as the rest of the core sees it (`WordVectors`), whatever file it
 * came from, and the made-up table the app falls back to when there is no file.
 */
import { matrix, type Matrix } from '../matrix';
import { VECTOR_DIMS } from '../settings';

/** Typical L2 norm used for made-up vectors when there is no table to take it from (close to GloVe's). */
export const DEFAULT_TYPICAL_NORM = 5.5;

/** A loaded word-vector table. Rows are in frequency order; vectors are dequantized on request. */
export interface WordVectors {
  /** Number of words (rows). */
  readonly count: number;
  /** Components per vector (100). */
  readonly dims: number;
  /** The words, row by row. */
  readonly words: readonly string[];
  /** Row of `word` (exact match, no normalisation), or null when the table lacks it. */
  indexOf(word: string): number | null;
  /** The dequantized vector of row `index`, a fresh array. */
  vector(index: number): Float32Array; // (dims)
  /** Mean row of the table, subtracted before projecting onto the principal components. */
  readonly mean: Float32Array; // (dims)
  /** Row c is principal component c, unit length; rows sorted by decreasing variance. */
  readonly basis: Matrix; // (dims, dims)
  /** Variance along each principal component, decreasing. */
  readonly variance: Float32Array; // (dims)
  /** Median L2 norm of the rows: the length given to made-up vectors. */
  readonly typicalNorm: number;
  /** 'glove' for a loaded table, 'made-up' for the fallback in which every word is unknown. */
  readonly source: 'glove' | 'made-up';
}

/**
 * The fallback table the app uses when the real one is missing or corrupt: no words (every
 * token is unknown and gets a made-up vector), 100 dims, zero mean, identity basis, unit
 * variances, typical norm 5.5.
 */
export function madeUpWordVectors(): WordVectors {
  const dims = VECTOR_DIMS;
  const identity = new Float32Array(dims * dims); // (dims, dims)
  for (let i = 0; i < dims; i++) identity[i * dims + i] = 1;
  return {
    count: 0,
    dims,
    words: [],
    indexOf: () => null,
    vector: (row) => {
      throw new RangeError(`vector: row ${row} outside the table's 0 rows`);
    },
    mean: new Float32Array(dims),
    basis: matrix(dims, dims, identity),
    variance: new Float32Array(dims).fill(1),
    typicalNorm: DEFAULT_TYPICAL_NORM,
    source: 'made-up',
  };
}
