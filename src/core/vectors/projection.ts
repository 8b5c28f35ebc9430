/**
 * The embedding step: every token's vector (from the table, or made up), at the model's
 * width. At full width the GloVe numbers themselves; narrower widths are coordinates on
 * the table's leading principal components, so that 4 or 8 numbers keep as much of each
 * word as they can.
 */
import { matrix, type Matrix } from '../matrix';
import type { Token, TokenLookup } from '../types';
import { lookupToken, unknownVector } from './lookup';
import type { WordVectors } from './table';

/**
 * A vector of the table at model width `width`. At full width (`width === dims`) it returns
 * `vec` itself, so the GloVe numbers reach the screen unchanged; narrower widths give the
 * coordinates on the leading principal components, (vec - mean) · basis[0..width)ᵀ.
 * Throws RangeError for a width outside 1..dims or a vector of the wrong length.
 */
export function projectToWidth(
  vec: Float32Array,
  width: number,
  vectors: WordVectors,
): Float32Array {
  const { dims } = vectors;
  if (!Number.isInteger(width) || width < 1 || width > dims) {
    throw new RangeError(`projectToWidth: width ${width} outside 1..${dims}`);
  }
  if (vec.length !== dims) {
    throw new RangeError(`projectToWidth: expected a vector of ${dims} values, got ${vec.length}`);
  }
  if (width === dims) return vec;
  const basis = vectors.basis.data;
  const out = new Float32Array(width); // (width)
  for (let c = 0; c < width; c++) {
    let sum = 0;
    for (let j = 0; j < dims; j++) {
      sum += ((vec[j] as number) - (vectors.mean[j] as number)) * (basis[c * dims + j] as number);
    }
    out[c] = sum;
  }
  return out;
}

/**
 * The embedding step: looks every token up, takes its table vector (or its made-up vector,
 * at the table's typical norm, when unknown), and projects to `width`.
 */
export function embedTokens(
  tokens: readonly Token[],
  vectors: WordVectors,
  width: number,
): { lookups: TokenLookup[]; embeddings: Matrix } {
  if (!Number.isInteger(width) || width < 1 || width > vectors.dims) {
    throw new RangeError(`embedTokens: width ${width} outside 1..${vectors.dims}`);
  }
  const lookups = tokens.map((token) => lookupToken(token, vectors));
  const embeddings = matrix(tokens.length, width); // (T, width)
  lookups.forEach((found, i) => {
    const vec =
      found.vocabIndex !== null
        ? vectors.vector(found.vocabIndex)
        : unknownVector(found.lookup, vectors.dims, vectors.typicalNorm); // (dims)
    embeddings.data.set(projectToWidth(vec, width, vectors), i * width);
  });
  return { lookups, embeddings };
}
