/**
 * The covering edges of a row (issue 13): hand-worked rows, properties over random rows,
 * and the golden rows of test/golden/covering_edges.py (NumPy's sorts and sums).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromRows, matrix } from '../../../src/core/matrix';
import {
  coveringEdges,
  COVERING_MAX_PER_TOKEN,
  DEFAULT_COVERAGE,
  DEFAULT_MAX_EDGES,
  selectEdges,
  type EdgeFilter,
} from '../../../src/viz/graph/edges';

const f32 = (xs: number[]) => Float32Array.from(xs);

describe('coveringEdges, by hand', () => {
  it('keeps the strongest edges until 80 % is covered, strongest first', () => {
    // 0.5 alone is 50 %; with 0.3 it is 80 %: two edges.
    expect(coveringEdges([0.2, 0.5, 0.3], 0.8)).toEqual([1, 2]);
    // 0.7 + 0.2 = 90 % >= 80 %, after 0.7 alone falls short.
    expect(coveringEdges([0.7, 0.2, 0.06, 0.04], 0.8)).toEqual([0, 1]);
    // A dominant weight alone covers 80 %: one edge.
    expect(coveringEdges([0.05, 0.85, 0.1], 0.8)).toEqual([1]);
  });

  it('needs most of a flat row', () => {
    // Ten equal weights: 8 of them make 80 %.
    expect(coveringEdges(new Array(10).fill(0.1), 0.8)).toHaveLength(8);
    expect(coveringEdges(new Array(10).fill(0.1), 0.8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('takes ties in index order and keeps at least one edge', () => {
    expect(coveringEdges([0.25, 0.25, 0.25, 0.25], 0.5)).toEqual([0, 1]);
    expect(coveringEdges([0.1, 0.9], 0)).toEqual([1]);
    expect(coveringEdges([1e-6, 0, 0], 0.8)).toEqual([0]);
  });

  it('never keeps a masked (0) or NaN weight, and keeps every positive one at 100 %', () => {
    expect(coveringEdges([0.6, 0, 0.4, NaN], 1)).toEqual([0, 2]);
    expect(coveringEdges([0, 0, 0], 0.8)).toEqual([]);
    expect(coveringEdges([], 0.8)).toEqual([]);
    // Float32 weights summing to a hair under 1 in float64 still all count at 100 %.
    const row = f32([0.1, 0.2, 0.3, 0.4]);
    expect(coveringEdges(row, 1)).toEqual([3, 2, 1, 0]);
    expect(coveringEdges(row, 0.9999999999)).toEqual([3, 2, 1, 0]);
  });

  it('measures coverage against the row total, so unnormalised rows work too', () => {
    expect(coveringEdges([2, 6, 2], 0.8)).toEqual([1, 0]);
  });
});

/** Rows of positive weights (some zero) normalised as softmax rows are. */
const rows = fc
  .array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1, noNaN: true })), {
    minLength: 1,
    maxLength: 40,
  })
  .map((xs) => {
    const s = xs.reduce((a, b) => a + b, 0);
    return f32(s > 0 ? xs.map((x) => x / s) : xs);
  });
const coverages = fc.double({ min: 0, max: 1, noNaN: true });

describe('coveringEdges, properties', () => {
  it('covers at least the asked share of the row', () => {
    fc.assert(
      fc.property(rows, coverages, (row, c) => {
        const total = row.reduce((a, b) => a + b, 0);
        const kept = coveringEdges(row, c).reduce((a, j) => a + (row[j] as number), 0);
        expect(kept).toBeGreaterThanOrEqual(c * total * (1 - 1e-9));
      }),
    );
  });

  it('drops no edge heavier than a kept one, and stops as soon as the share is covered', () => {
    fc.assert(
      fc.property(rows, coverages, (row, c) => {
        const kept = coveringEdges(row, c);
        const lightest = Math.min(...kept.map((j) => row[j] as number));
        for (let j = 0; j < row.length; j++) {
          if (!kept.includes(j)) expect(row[j] as number).toBeLessThanOrEqual(lightest);
        }
        // Without its last (lightest) edge, the rest would not cover the share.
        const total = row.reduce((a, b) => a + b, 0);
        const withoutLast = kept.slice(0, -1).reduce((a, j) => a + (row[j] as number), 0);
        if (kept.length > 1) expect(withoutLast).toBeLessThan(c * total * (1 - 1e-9));
      }),
    );
  });

  it('keeps at least one edge of every row with a positive weight, only positive ones', () => {
    fc.assert(
      fc.property(rows, coverages, (row, c) => {
        const kept = coveringEdges(row, c);
        const positive = row.some((w) => w > 0);
        expect(kept.length >= 1).toBe(positive);
        for (const j of kept) expect(row[j]).toBeGreaterThan(0);
        expect(new Set(kept).size).toBe(kept.length);
      }),
    );
  });

  it('with a limit, returns the first `limit` of the full answer (ties and masked entries too)', () => {
    const tied = fc
      .array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 30 })
      .map((ks) => ks.map((k) => k / 4));
    fc.assert(
      fc.property(fc.oneof(rows, tied), coverages, fc.integer({ min: 0, max: 6 }), (row, c, k) => {
        expect(coveringEdges(row, c, k)).toEqual(coveringEdges(row, c).slice(0, k));
        expect(coveringEdges(row, 1, k)).toEqual(coveringEdges(row, 1).slice(0, k));
      }),
    );
    expect(coveringEdges([0.1, NaN, 0.5, 0, 0.4], 0.8, 1)).toEqual([2]);
    expect(coveringEdges([0.1, NaN, 0.5, 0, 0.4], 0.95, 2)).toEqual([2, 4]);
  });

  it('is deterministic on ties: equal weights are taken in index order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 30 }),
        coverages,
        (ints, c) => {
          const row = ints.map((k) => k / 4);
          const kept = coveringEdges(row, c);
          for (let a = 0; a + 1 < kept.length; a++) {
            const [x, y] = [kept[a] as number, kept[a + 1] as number];
            if (row[x] === row[y]) expect(x).toBeLessThan(y);
          }
          // Same answer from a copy of the row: nothing depends on state.
          expect(coveringEdges(row.slice(), c)).toEqual(kept);
        },
      ),
    );
  });
});

interface Golden {
  coverages: number[];
  cases: { row: number[]; covering: Record<string, number[]> }[];
}

describe('coveringEdges, golden (NumPy)', () => {
  const golden = JSON.parse(
    readFileSync(path.resolve(__dirname, '../../golden/covering/covering_edges.json'), 'utf8'),
  ) as Golden;

  it('agrees with test/golden/covering_edges.py on every row and coverage', () => {
    expect(golden.cases.length).toBeGreaterThan(40);
    let checked = 0;
    for (const { row, covering } of golden.cases) {
      for (const [c, expected] of Object.entries(covering)) {
        expect(coveringEdges(f32(row), Number(c)), `coverage ${c} of ${row.length}`).toEqual(
          expected,
        );
        checked++;
      }
    }
    expect(checked).toBe(golden.cases.length * golden.coverages.length);
  });
});

describe('selectEdges with coverage', () => {
  const W = fromRows([
    [0.7, 0.2, 0.1],
    [0.35, 0.5, 0.15],
    [0.05, 0.9, 0.05],
  ]);
  const COVER: EdgeFilter = {
    threshold: 0,
    topK: 0,
    focus: null,
    direction: 'out',
    maxEdges: DEFAULT_MAX_EDGES,
    coverage: DEFAULT_COVERAGE,
  };
  const pairs = (f: EdgeFilter) => selectEdges(W, f).map((e) => [e.source, e.target]);

  it('keeps each token’s covering edges, in reading order', () => {
    // Row 0: 0.7 + 0.2 (0.7 alone falls short); row 1: 0.5 + 0.35; row 2: 0.9 alone.
    expect(pairs(COVER)).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 1],
    ]);
  });

  it('keeps at most COVERING_MAX_PER_TOKEN (3) of a flat row, the earliest of equal weights', () => {
    const flat = matrix(10, 10, new Float32Array(100).fill(0.1));
    const edges = selectEdges(flat, COVER);
    expect(edges).toHaveLength(10 * COVERING_MAX_PER_TOKEN);
    expect(edges.filter((e) => e.source === 4).map((e) => e.target)).toEqual([0, 1, 2]);
    expect(selectEdges(flat, { ...COVER, coverage: 1 })).toHaveLength(100);
  });

  it('keeps for every source exactly the first (at most 3) of its covering edges', () => {
    fc.assert(
      fc.property(fc.array(rows, { minLength: 1, maxLength: 12 }), coverages, (rs, c) => {
        const T = rs.length;
        const w = matrix(T, T);
        rs.forEach((r, i) => {
          for (let j = 0; j < T; j++) w.data[i * T + j] = r[j] ?? 0;
        });
        const edges = selectEdges(w, { ...COVER, coverage: Math.min(c, 0.99) });
        for (let i = 0; i < T; i++) {
          const row = w.data.subarray(i * T, (i + 1) * T);
          const expected = coveringEdges(row, Math.min(c, 0.99)).slice(0, 3);
          const got = edges.filter((e) => e.source === i).map((e) => e.target);
          expect(got).toEqual([...expected].sort((a, b) => a - b));
        }
      }),
    );
  });

  it('keeps every edge at coverage 1', () => {
    expect(pairs({ ...COVER, coverage: 1 })).toHaveLength(9);
  });

  it('covers each source’s own row under a focus, in both directions', () => {
    expect(pairs({ ...COVER, focus: 1 })).toEqual([
      [1, 0],
      [1, 1],
    ]);
    // Into token 1: rows 0, 1 and 2 all cover it.
    expect(pairs({ ...COVER, focus: 1, direction: 'in' })).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
    // Into token 2: no row needs it for 80 %.
    expect(pairs({ ...COVER, focus: 2, direction: 'in' })).toEqual([]);
  });

  it('applies the threshold after the coverage (which reads the whole row)', () => {
    expect(pairs({ ...COVER, threshold: 0.4 })).toEqual([
      [0, 0],
      [1, 1],
      [2, 1],
    ]);
  });
});
