/**
 * Helpers of the Lab's tests: seeded random matrices and layers, and central finite
 * differences in float64.
 */
import { expect } from 'vitest';
import type { LayerParams64 } from '../../../src/core/lab/layer';
import { mat64, type Mat64 } from '../../../src/core/lab/mat64';
import { gaussian, type Random } from '../../../src/core/random';

/** A (rows, cols) matrix of N(0, std²) entries. */
export function randomMat64(rows: number, cols: number, random: Random, std = 1): Mat64 {
  const m = mat64(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = gaussian(random) * std;
  return m;
}

/** Random parameters of a layer of H heads on width d with head size dK. */
export function randomLayer(d: number, dK: number, H: number, random: Random): LayerParams64 {
  const std = 1 / Math.sqrt(d);
  return {
    heads: Array.from({ length: H }, () => ({
      wq: randomMat64(d, dK, random, std),
      wk: randomMat64(d, dK, random, std),
      wv: randomMat64(d, dK, random, std),
    })),
    wo: randomMat64(H * dK, d, random, 1 / Math.sqrt(H * dK)),
  };
}

/** Step of the central differences: truncation ~h² and rounding ~1e-16/h balance near 1e-5. */
export const FD_STEP = 1e-5;

/**
 * The central difference (f(θ + h) − f(θ − h)) / 2h of `loss` for every entry of `data`,
 * which is changed in place and put back.
 */
export function finiteDifferences(
  data: Float64Array,
  loss: () => number,
  h = FD_STEP,
): Float64Array {
  const out = new Float64Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const keep = data[i] as number;
    data[i] = keep + h;
    const up = loss();
    data[i] = keep - h;
    const down = loss();
    data[i] = keep;
    out[i] = (up - down) / (2 * h);
  }
  return out;
}

/**
 * Fails unless every entry of `actual` is within `tolerance` of `expected`, relative to
 * max(|expected|, floor): relative for gradients of a useful size, and absolute (tolerance ·
 * floor) for those near zero, where finite differences carry ~1e-10 of rounding.
 */
export function expectArrayClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: number,
  label: string,
  floor = 1e-2,
): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    const error = Math.abs(a - e) / Math.max(Math.abs(e), floor);
    if (!(error <= tolerance)) {
      expect.fail(
        `${label}[${i}]: expected ${a} to be within ${tolerance} of ${e} (error ${error})`,
      );
    }
  }
}
