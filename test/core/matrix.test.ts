import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  add,
  assertSameShape,
  assertShape,
  at,
  column,
  concatColumns,
  fromRows,
  matmul,
  matmulTransposed,
  matrix,
  row,
  scale,
  selectRows,
  toRows,
  transpose,
  type Matrix,
} from '../../src/core/matrix';
import { expectMatrixClose } from '../helpers/expectClose';

/** A random (rows, cols) matrix with entries in [-10, 10], as nested arrays. */
function rowsOf(rows: number, cols: number) {
  return fc.array(
    fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: cols, maxLength: cols }),
    { minLength: rows, maxLength: rows },
  );
}

/** Plain float64 product of nested arrays, an implementation independent of the core. */
function naiveProduct(a: number[][], b: number[][]): number[][] {
  return a.map((r) => (b[0] ?? []).map((_, j) => r.reduce((s, x, k) => s + x * b[k]![j]!, 0)));
}

describe('matrix construction', () => {
  it('matrix() makes zeros of the asked shape and wraps data of the right length', () => {
    const z = matrix(2, 3);
    expect(z.rows).toBe(2);
    expect(z.cols).toBe(3);
    expect(Array.from(z.data)).toEqual([0, 0, 0, 0, 0, 0]);
    const m = matrix(2, 2, Float32Array.of(1, 2, 3, 4));
    expect(at(m, 1, 0)).toBe(3);
  });

  it('matrix() rejects data of the wrong length and bad shapes, naming the shape', () => {
    expect(() => matrix(2, 3, new Float32Array(5))).toThrow(/\(2, 3\).*6.*5/);
    expect(() => matrix(-1, 3)).toThrow(RangeError);
    expect(() => matrix(1.5, 3)).toThrow(RangeError);
  });

  it('fromRows / toRows round-trip and store row-major', () => {
    const m = fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(toRows(m)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(() => fromRows([[1, 2], [3]])).toThrow(/row 1 has 1 values, row 0 has 2/);
  });

  it('at, row and column read the right entries and reject indices outside the shape', () => {
    const m = fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(at(m, 0, 2)).toBe(3);
    expect(Array.from(row(m, 1))).toEqual([4, 5, 6]);
    expect(Array.from(column(m, 1))).toEqual([2, 5]);
    expect(() => at(m, 2, 0)).toThrow(/\(2, 0\).*\(2, 3\)/);
    expect(() => at(m, 0, -1)).toThrow(RangeError);
    expect(() => row(m, 2)).toThrow(RangeError);
    expect(() => column(m, 3)).toThrow(RangeError);
  });
});

describe('matmul', () => {
  it('multiplies a 2x3 by a 3x2 matrix (worked by hand)', () => {
    const a = fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = fromRows([
      [7, 8],
      [9, 10],
      [11, 12],
    ]);
    // (0,0) = 1·7 + 2·9 + 3·11 = 7 + 18 + 33 = 58
    // (0,1) = 1·8 + 2·10 + 3·12 = 8 + 20 + 36 = 64
    // (1,0) = 4·7 + 5·9 + 6·11 = 28 + 45 + 66 = 139
    // (1,1) = 4·8 + 5·10 + 6·12 = 32 + 50 + 72 = 154
    const c = matmul(a, b);
    expect([c.rows, c.cols]).toEqual([2, 2]);
    expect(toRows(c)).toEqual([
      [58, 64],
      [139, 154],
    ]);
  });

  it('handles zeros, negatives and fractions', () => {
    const a = fromRows([
      [0.5, -1],
      [2, 0],
    ]);
    const b = fromRows([
      [2, 4],
      [1, -3],
    ]);
    // (0,0) = 0.5·2 + (-1)·1 = 1 - 1 = 0;   (0,1) = 0.5·4 + (-1)(-3) = 2 + 3 = 5
    // (1,0) = 2·2 + 0·1 = 4;                (1,1) = 2·4 + 0·(-3) = 8
    expect(toRows(matmul(a, b))).toEqual([
      [0, 5],
      [4, 8],
    ]);
  });

  it('is the identity for I', () => {
    const a = fromRows([
      [1.5, -2, 3],
      [0.25, 7, -1],
    ]);
    const i3 = fromRows([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(toRows(matmul(a, i3))).toEqual(toRows(a));
  });

  it('throws with both shapes when the inner sizes differ', () => {
    const a = matrix(2, 3);
    const b = matrix(2, 4);
    expect(() => matmul(a, b)).toThrow(RangeError);
    expect(() => matmul(a, b)).toThrow(/\(2, 3\).*\(2, 4\)/);
  });

  it('does not write into its arguments', () => {
    const a = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const b = fromRows([
      [5, 6],
      [7, 8],
    ]);
    matmul(a, b);
    matmulTransposed(a, b);
    expect(toRows(a)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(toRows(b)).toEqual([
      [5, 6],
      [7, 8],
    ]);
  });

  it('agrees with a plain float64 product on random matrices', () => {
    const pair = fc
      .tuple(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
      )
      .chain(([n, m, p]) => fc.tuple(rowsOf(n, m), rowsOf(m, p)));
    fc.assert(
      fc.property(pair, ([a, b]) => {
        // The expectation uses the float32-rounded inputs, as the core does.
        const a32 = toRows(fromRows(a));
        const b32 = toRows(fromRows(b));
        expectMatrixClose(matmul(fromRows(a), fromRows(b)), naiveProduct(a32, b32), 1e-5);
      }),
    );
  });
});

describe('matmulTransposed', () => {
  it('computes a·bᵀ by hand', () => {
    const a = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const b = fromRows([
      [5, 6],
      [7, 8],
      [1, 0],
    ]);
    // (i, j) = a_i · b_j:  [1,2]·[5,6] = 17, [1,2]·[7,8] = 23, [1,2]·[1,0] = 1
    //                      [3,4]·[5,6] = 39, [3,4]·[7,8] = 53, [3,4]·[1,0] = 3
    expect(toRows(matmulTransposed(a, b))).toEqual([
      [17, 23, 1],
      [39, 53, 3],
    ]);
  });

  it('equals matmul with the transpose, for random matrices', () => {
    const pair = fc
      .tuple(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
      )
      .chain(([n, d, p]) => fc.tuple(rowsOf(n, d), rowsOf(p, d)));
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const am = fromRows(a);
        const bm = fromRows(b);
        expectMatrixClose(matmulTransposed(am, bm), toRows(matmul(am, transpose(bm))), 1e-5);
      }),
    );
  });

  it('throws with both shapes when the widths differ', () => {
    expect(() => matmulTransposed(matrix(2, 3), matrix(4, 2))).toThrow(/\(2, 3\).*\(4, 2\)/);
  });
});

describe('transpose', () => {
  it('swaps rows and columns', () => {
    const t = transpose(
      fromRows([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    );
    expect([t.rows, t.cols]).toEqual([3, 2]);
    expect(toRows(t)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  it('satisfies (AB)ᵀ = BᵀAᵀ within tolerance (fast-check)', () => {
    const shapes = fc.record({
      n: fc.integer({ min: 1, max: 6 }),
      m: fc.integer({ min: 1, max: 6 }),
      p: fc.integer({ min: 1, max: 6 }),
    });
    const pair = shapes.chain(({ n, m, p }) => fc.tuple(rowsOf(n, m), rowsOf(m, p)));
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const am = fromRows(a);
        const bm = fromRows(b);
        const left = transpose(matmul(am, bm));
        const right = matmul(transpose(bm), transpose(am));
        expectMatrixClose(left, toRows(right), 1e-5);
      }),
    );
  });
});

describe('element-wise operations', () => {
  it('add sums entry by entry', () => {
    const a = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const b = fromRows([
      [10, -2],
      [0.5, 0],
    ]);
    expect(toRows(add(a, b))).toEqual([
      [11, 0],
      [3.5, 4],
    ]);
  });

  it('add throws with both shapes when they differ', () => {
    expect(() => add(matrix(2, 3), matrix(3, 2))).toThrow(/\(2, 3\).*\(3, 2\)/);
  });

  it('scale multiplies every entry', () => {
    const a = fromRows([
      [1, -2],
      [3, 4],
    ]);
    expect(toRows(scale(a, 0.5))).toEqual([
      [0.5, -1],
      [1.5, 2],
    ]);
    expect(toRows(scale(a, -2))).toEqual([
      [-2, 4],
      [-6, -8],
    ]);
    // The argument is left as it was.
    expect(toRows(a)).toEqual([
      [1, -2],
      [3, 4],
    ]);
  });

  it('assertShape and assertSameShape name both shapes', () => {
    expect(() => assertShape('here', matrix(2, 3), 3, 2)).toThrow(
      /here: expected shape \(3, 2\), got \(2, 3\)/,
    );
    expect(() => assertShape('here', matrix(2, 3), 2, 3)).not.toThrow();
    expect(() => assertSameShape('there', matrix(1, 2), matrix(2, 1))).toThrow(
      /there.*\(1, 2\).*\(2, 1\)/,
    );
  });
});

describe('concatColumns and selectRows', () => {
  const left = fromRows([
    [1, 2],
    [3, 4],
  ]);
  const right = fromRows([[5], [6]]);

  it('concatColumns puts matrices side by side', () => {
    const c = concatColumns([left, right, left]);
    expect([c.rows, c.cols]).toEqual([2, 5]);
    expect(toRows(c)).toEqual([
      [1, 2, 5, 1, 2],
      [3, 4, 6, 3, 4],
    ]);
  });

  it('concatColumns of one matrix is a copy of it', () => {
    expect(toRows(concatColumns([left]))).toEqual(toRows(left));
  });

  it('concatColumns rejects an empty list and differing row counts, naming both shapes', () => {
    expect(() => concatColumns([])).toThrow(RangeError);
    expect(() => concatColumns([left, matrix(3, 1)])).toThrow(/\(2, 2\).*\(3, 1\)/);
  });

  it('selectRows picks rows in the order given, repeats allowed', () => {
    const m = fromRows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(toRows(selectRows(m, [2, 0, 1]))).toEqual([
      [5, 6],
      [1, 2],
      [3, 4],
    ]);
    expect(toRows(selectRows(m, [1, 1]))).toEqual([
      [3, 4],
      [3, 4],
    ]);
    expect(() => selectRows(m, [3])).toThrow(RangeError);
  });

  it('selectRows by a permutation, then by its inverse, gives the matrix back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) =>
          fc.tuple(
            rowsOf(n, 3),
            fc.shuffledSubarray(
              Array.from({ length: n }, (_, i) => i),
              { minLength: n, maxLength: n },
            ),
          ),
        ),
        ([rows, perm]) => {
          const m: Matrix = fromRows(rows);
          const inverse = new Array<number>(perm.length);
          perm.forEach((src, i) => (inverse[src] = i));
          expect(toRows(selectRows(selectRows(m, perm), inverse))).toEqual(toRows(m));
        },
      ),
    );
  });
});
