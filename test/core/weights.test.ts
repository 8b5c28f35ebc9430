import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeScores, projectQKV } from '../../src/core/attention';
import { fromRows, matmul, toRows, transpose, type Matrix } from '../../src/core/matrix';
import { mulberry32 } from '../../src/core/random';
import type { AttentionWeights, WeightsPreset } from '../../src/core/types';
import { glorotUniform, headDim, makeWeights, orthonormalColumns } from '../../src/core/weights';
import { expectMatrixClose } from '../helpers/expectClose';
import { MAX_HEADS } from '../../src/core/settings';

const presets: readonly WeightsPreset[] = ['random', 'similarity'];

/** Every matrix of a weight set, flattened to plain numbers (for equality checks). */
function flatten(w: AttentionWeights): number[][] {
  return [...w.heads.flatMap((h) => [h.wq, h.wk, h.wv]), w.wo].map((m) => Array.from(m.data));
}

/** The n x n identity as nested arrays. */
function identityRows(n: number): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
}

/** Largest |entry| of a matrix. */
function maxAbs(m: Matrix): number {
  return m.data.reduce((best, x) => Math.max(best, Math.abs(x)), 0);
}

describe('headDim', () => {
  it('shares the width out between the heads, at least 1', () => {
    expect(headDim(8, 1)).toBe(8);
    expect(headDim(8, 2)).toBe(4);
    expect(headDim(8, 3)).toBe(2); // floor(8/3)
    expect(headDim(100, 8)).toBe(12); // floor(12.5)
    expect(headDim(100, 1)).toBe(100);
    expect(headDim(3, 8)).toBe(1); // floor(3/8) = 0, raised to 1
    expect(headDim(1, 1)).toBe(1);
  });
});

describe('makeWeights', () => {
  it('makes wq, wk, wv of shape (dModel, dK) per head and wo of shape (heads·dK, dModel)', () => {
    for (const preset of presets) {
      const w = makeWeights(10, 3, 1, preset); // dK = floor(10/3) = 3
      expect(w.heads).toHaveLength(3);
      for (const h of w.heads) {
        for (const m of [h.wq, h.wk, h.wv]) expect([m.rows, m.cols]).toEqual([10, 3]);
      }
      expect([w.wo.rows, w.wo.cols]).toEqual([9, 10]);
    }
    // More heads than width: dK = 1, wo has one row per head.
    const narrow = makeWeights(3, 5, 1, 'random');
    expect([narrow.heads[0]!.wq.rows, narrow.heads[0]!.wq.cols]).toEqual([3, 1]);
    expect([narrow.wo.rows, narrow.wo.cols]).toEqual([5, 3]);
  });

  it('gives the same numbers for the same seed and different numbers for another seed', () => {
    for (const preset of presets) {
      const a = makeWeights(8, 2, 7, preset);
      const b = makeWeights(8, 2, 7, preset);
      const c = makeWeights(8, 2, 8, preset);
      expect(flatten(b)).toEqual(flatten(a));
      flatten(c).forEach((values, i) => expect(values).not.toEqual(flatten(a)[i]));
    }
  });

  it('gives each matrix its own numbers (no two heads or roles share a stream)', () => {
    const w = makeWeights(6, 3, 7, 'random');
    const all = flatten(w)
      .slice(0, -1)
      .map((v) => v.join(','));
    expect(new Set(all).size).toBe(all.length);
  });

  it('adding a head keeps the existing heads unchanged when dK stays the same', () => {
    for (const preset of presets) {
      // floor(12/5) = floor(12/6) = 2, and floor(3/2) = floor(3/3) = 1.
      for (const [dModel, heads] of [
        [12, 5],
        [3, 2],
      ] as const) {
        const before = makeWeights(dModel, heads, 99, preset);
        const after = makeWeights(dModel, heads + 1, 99, preset);
        expect(after.heads).toHaveLength(heads + 1);
        before.heads.forEach((h, i) => {
          const g = after.heads[i]!;
          expect(Array.from(g.wq.data)).toEqual(Array.from(h.wq.data));
          expect(Array.from(g.wk.data)).toEqual(Array.from(h.wk.data));
          expect(Array.from(g.wv.data)).toEqual(Array.from(h.wv.data));
        });
      }
    }
  });

  it('adding a head keeps head 0 unchanged, whenever dK stays the same (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: MAX_HEADS - 1 }),
        fc.nat({ max: 0xffffffff }),
        fc.constantFrom(...presets),
        (dModel, heads, seed, preset) => {
          fc.pre(headDim(dModel, heads) === headDim(dModel, heads + 1));
          const h0 = makeWeights(dModel, heads, seed, preset).heads[0]!;
          const g0 = makeWeights(dModel, heads + 1, seed, preset).heads[0]!;
          expect(Array.from(g0.wq.data)).toEqual(Array.from(h0.wq.data));
          expect(Array.from(g0.wk.data)).toEqual(Array.from(h0.wk.data));
          expect(Array.from(g0.wv.data)).toEqual(Array.from(h0.wv.data));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects a head count outside 1..8 and a width below 1', () => {
    expect(() => makeWeights(8, 0, 1, 'random')).toThrow(/heads/);
    expect(() => makeWeights(8, MAX_HEADS + 1, 1, 'random')).toThrow(/heads/);
    expect(() => makeWeights(8, 1.5, 1, 'random')).toThrow(/heads/);
    expect(() => makeWeights(0, 1, 1, 'random')).toThrow(/width/);
    expect(() => makeWeights(2.5, 1, 1, 'random')).toThrow(/width/);
    expect(() => makeWeights(8, MAX_HEADS, 1, 'random')).not.toThrow();
  });

  it('random preset: every entry lies within the Glorot limit ±√(6/(fan_in+fan_out))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 32 }),
        fc.integer({ min: 1, max: MAX_HEADS }),
        fc.nat({ max: 0xffffffff }),
        (dModel, heads, seed) => {
          const w = makeWeights(dModel, heads, seed, 'random');
          const dK = headDim(dModel, heads);
          const headLimit = Math.sqrt(6 / (dModel + dK));
          for (const h of w.heads) {
            for (const m of [h.wq, h.wk, h.wv]) expect(maxAbs(m)).toBeLessThanOrEqual(headLimit);
          }
          expect(maxAbs(w.wo)).toBeLessThanOrEqual(Math.sqrt(6 / (heads * dK + dModel)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('random preset: entries fill the Glorot range, both signs, mean near 0', () => {
    const w = makeWeights(100, 1, 3, 'random'); // wq is 100 x 100: 10 000 draws
    const limit = Math.sqrt(6 / 200); // ≈ 0.1732
    const data = Array.from(w.heads[0]!.wq.data);
    expect(Math.max(...data)).toBeGreaterThan(0.95 * limit);
    expect(Math.min(...data)).toBeLessThan(-0.95 * limit);
    const mean = data.reduce((s, x) => s + x, 0) / data.length;
    // The uniform's standard deviation is limit/√3 ≈ 0.1; the mean's ≈ 0.001.
    expect(Math.abs(mean)).toBeLessThan(0.005);
  });

  it('similarity preset: wq equals wk numerically, with orthonormal columns (WᵀW = I)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: MAX_HEADS }),
        fc.nat({ max: 0xffffffff }),
        (dModel, heads, seed) => {
          const w = makeWeights(dModel, heads, seed, 'similarity');
          const dK = headDim(dModel, heads);
          for (const h of w.heads) {
            expect(Array.from(h.wk.data)).toEqual(Array.from(h.wq.data));
            expectMatrixClose(matmul(transpose(h.wq), h.wq), identityRows(dK), 1e-5, 'WᵀW');
            // wv stays Glorot-uniform, not a copy of wq.
            expect(maxAbs(h.wv)).toBeLessThanOrEqual(Math.sqrt(6 / (dModel + dK)));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('similarity preset at full width (dK = dModel, 1 head): scores are x_i·x_j', () => {
    const inputs = fc.integer({ min: 1, max: 12 }).chain((dModel) =>
      fc.tuple(
        fc.constant(dModel),
        fc.array(
          fc.array(fc.double({ min: -3, max: 3, noNaN: true }), {
            minLength: dModel,
            maxLength: dModel,
          }),
          { minLength: 1, maxLength: 6 },
        ),
      ),
    );
    fc.assert(
      fc.property(inputs, fc.nat({ max: 0xffffffff }), ([dModel, rows], seed) => {
        const w = makeWeights(dModel, 1, seed, 'similarity');
        const x = fromRows(rows);
        const xs = toRows(x); // float32-rounded, as the core sees them
        const { q, k } = projectQKV(x, w.heads[0]!);
        const expected = xs.map((xi) => xs.map((xj) => xi.reduce((s, v, d) => s + v * xj[d]!, 0)));
        // Only the float32 rounding of q and k separates the two.
        expectMatrixClose(computeScores(q, k), expected, 1e-5);
      }),
      { numRuns: 60 },
    );
  });
});

describe('glorotUniform and orthonormalColumns', () => {
  it('glorotUniform is deterministic for a seeded generator and within its limit', () => {
    const a = glorotUniform(5, 3, mulberry32(1));
    const b = glorotUniform(5, 3, mulberry32(1));
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    expect([a.rows, a.cols]).toEqual([5, 3]);
    expect(maxAbs(a)).toBeLessThanOrEqual(Math.sqrt(6 / 8));
  });

  it('glorotUniform maps the generator 0 -> -limit and 0.5 -> 0', () => {
    // (2u - 1)·limit: u = 0 gives -limit, u = 0.5 gives 0. limit = √(6/(2+1)) = √2.
    expectMatrixClose(
      glorotUniform(2, 1, () => 0),
      [[-Math.SQRT2], [-Math.SQRT2]],
      1e-6,
    );
    expect(Array.from(glorotUniform(1, 2, () => 0.5).data)).toEqual([0, 0]);
  });

  it('orthonormalColumns gives orthonormal columns, square or tall', () => {
    for (const [rows, cols] of [
      [1, 1],
      [4, 4],
      [10, 3],
      [100, 100],
    ] as const) {
      const w = orthonormalColumns(rows, cols, mulberry32(rows * 31 + cols));
      expect([w.rows, w.cols]).toEqual([rows, cols]);
      expectMatrixClose(matmul(transpose(w), w), identityRows(cols), 1e-5, `${rows}x${cols}`);
    }
  });

  it('a square orthonormal W also has W·Wᵀ = I, which is why full-width scores are x_i·x_j', () => {
    const w = orthonormalColumns(6, 6, mulberry32(5));
    expectMatrixClose(matmul(w, transpose(w)), identityRows(6), 1e-5);
  });
});
