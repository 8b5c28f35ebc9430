import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  explainedVariance,
  meanAndCovariance,
  principalComponents,
  symmetricEigen,
} from '../../src/core/pca';

/** Row i of a row-major n x n Float64Array. */
function rowOf(m: Float64Array, n: number, i: number): number[] {
  return Array.from(m.subarray(i * n, (i + 1) * n));
}

function expectVectorClose(actual: readonly number[], expected: readonly number[], tol: number) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((x, i) => expect(Math.abs(x - (expected[i] as number))).toBeLessThanOrEqual(tol));
}

describe('symmetricEigen', () => {
  it('diagonalises a 2x2 matrix computed by hand', () => {
    // [[2, 1], [1, 2]]: λ = 3 with (1, 1)/√2, λ = 1 with (1, -1)/√2.
    const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2);
    expectVectorClose(Array.from(values), [3, 1], 1e-14);
    const r = Math.SQRT1_2;
    expectVectorClose(rowOf(vectors, 2, 0), [r, r], 1e-14);
    // Both coordinates of the second vector have the same magnitude; the sign rule makes
    // the first of the largest positive, up to rounding deciding which one is "largest".
    const second = rowOf(vectors, 2, 1);
    expect(Math.abs(second[0] as number)).toBeCloseTo(r, 14);
    expect((second[0] as number) + (second[1] as number)).toBeCloseTo(0, 14);
  });

  it('diagonalises a 3x3 matrix computed by hand', () => {
    // [[4, 1, 0], [1, 4, 0], [0, 0, 2]]: the (0, 1) block has λ = 5 and 3, and e2 has λ = 2.
    const { values, vectors } = symmetricEigen([4, 1, 0, 1, 4, 0, 0, 0, 2], 3);
    expectVectorClose(Array.from(values), [5, 3, 2], 1e-14);
    const r = Math.SQRT1_2;
    expectVectorClose(rowOf(vectors, 3, 0), [r, r, 0], 1e-14);
    expect(Math.abs(vectors[3] as number)).toBeCloseTo(r, 14);
    expect((vectors[3] as number) + (vectors[4] as number)).toBeCloseTo(0, 14);
    expectVectorClose(rowOf(vectors, 3, 2), [0, 0, 1], 1e-14);
  });

  it('orders a 3x3 with distinct eigenvalues and fixes signs', () => {
    // [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]: λ = 2 + √2, 2, 2 - √2 with eigenvectors
    // (1, -√2, 1)/2, (1, 0, -1)/√2, (1, √2, 1)/2; the sign rule makes the largest coordinate positive.
    const { values, vectors } = symmetricEigen([2, -1, 0, -1, 2, -1, 0, -1, 2], 3);
    const s = Math.SQRT2;
    expectVectorClose(Array.from(values), [2 + s, 2, 2 - s], 1e-14);
    expectVectorClose(rowOf(vectors, 3, 0), [-0.5, s / 2, -0.5], 1e-14);
    expectVectorClose(rowOf(vectors, 3, 2), [0.5, s / 2, 0.5], 1e-14);
    const middle = rowOf(vectors, 3, 1);
    expect(Math.abs(middle[0] as number)).toBeCloseTo(Math.SQRT1_2, 14);
    expect(middle[1]).toBeCloseTo(0, 14);
  });

  it('rejects matrices that are not symmetric or of the wrong size', () => {
    expect(() => symmetricEigen([1, 2, 3, 4], 2)).toThrow(/not symmetric/);
    expect(() => symmetricEigen([1, 2, 3], 2)).toThrow(/needs 4 values/);
    expect(() => symmetricEigen([Number.NaN], 1)).toThrow(RangeError);
  });

  it('satisfies A·v = λ·v with orthonormal vectors and decreasing values (property)', () => {
    const symmetric = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc
        .array(fc.double({ min: -10, max: 10, noNaN: true }), {
          minLength: (n * (n + 1)) / 2,
          maxLength: (n * (n + 1)) / 2,
        })
        .map((upper) => {
          const a = new Float64Array(n * n);
          let k = 0;
          for (let i = 0; i < n; i++) {
            for (let j = i; j < n; j++) {
              a[i * n + j] = upper[k] as number;
              a[j * n + i] = upper[k] as number;
              k++;
            }
          }
          return { n, a };
        }),
    );
    fc.assert(
      fc.property(symmetric, ({ n, a }) => {
        const { values, vectors } = symmetricEigen(a, n);
        const norm = Math.max(1, ...Array.from(a, Math.abs));
        const tol = 1e-10 * n * norm;
        for (let i = 0; i < n; i++) {
          if (i > 0) expect(values[i] as number).toBeLessThanOrEqual(values[i - 1] as number);
          const v = rowOf(vectors, n, i);
          for (let r = 0; r < n; r++) {
            let av = 0;
            for (let c = 0; c < n; c++) av += (a[r * n + c] as number) * (v[c] as number);
            expect(Math.abs(av - (values[i] as number) * (v[r] as number))).toBeLessThanOrEqual(
              tol,
            );
          }
          for (let j = 0; j < n; j++) {
            const w = rowOf(vectors, n, j);
            const dot = v.reduce((sum, x, k) => sum + x * (w[k] as number), 0);
            expect(Math.abs(dot - (i === j ? 1 : 0))).toBeLessThanOrEqual(1e-12 * n);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('principal components', () => {
  it('finds the mean, the population covariance and the direction of spread', () => {
    // Four points on the line y = x around (1, 2): all variance lies along (1, 1)/√2.
    const rows = [0, 1, 2, 3, 3, 4, -1, 0];
    const { mean, covariance } = meanAndCovariance(rows, 4, 2);
    expectVectorClose(Array.from(mean), [1, 2], 1e-15);
    // Offsets ±1 and ±2 on both axes: mean square (1 + 1 + 4 + 4) / 4 = 2.5.
    expectVectorClose(Array.from(covariance), [2.5, 2.5, 2.5, 2.5], 1e-15);
    const pca = principalComponents(rows, 4, 2);
    expectVectorClose(Array.from(pca.variance), [5, 0], 1e-14);
    expectVectorClose(rowOf(pca.basis, 2, 0), [Math.SQRT1_2, Math.SQRT1_2], 1e-14);
    expect(explainedVariance(pca.variance, 1)).toBeCloseTo(1, 14);
    expect(explainedVariance([3, 1], 1)).toBe(0.75);
  });
});
