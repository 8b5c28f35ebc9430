import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromRows, matrix, type Matrix } from '../../../src/core/matrix';
import {
  DEFAULT_MAX_EDGES,
  EDGE_MIN_OPACITY,
  edgeOpacity,
  edgeWidth,
  FADE_WEIGHT,
  LONG_INPUT_PER_TOKEN,
  maxEdgesFor,
  selectEdges,
  selectEdgesDetailed,
  type EdgeFilter,
} from '../../../src/viz/graph/edges';

const ALL: EdgeFilter = {
  threshold: 0,
  topK: 0,
  focus: null,
  direction: 'out',
  maxEdges: DEFAULT_MAX_EDGES,
  coverage: 1,
};

// Rows sum to 1, as softmax weights do; row 2 has a masked (0) entry.
const W = fromRows([
  [0.5, 0.3, 0.2],
  [0.1, 0.6, 0.3],
  [0.4, 0.6, 0],
]);

/** Edges as compact [source, target] pairs, for exact comparisons. */
const pairs = (edges: { source: number; target: number }[]) =>
  edges.map((e) => [e.source, e.target]);

describe('selectEdges', () => {
  it('keeps every positive weight, sorted by source then target, with the exact float32 weights', () => {
    const edges = selectEdges(W, ALL);
    expect(pairs(edges)).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
      [1, 2],
      [2, 0],
      [2, 1],
    ]);
    for (const e of edges) expect(e.weight).toBe(W.data[e.source * 3 + e.target]);
  });

  it('drops edges below the threshold and keeps edges equal to it', () => {
    expect(pairs(selectEdges(W, { ...ALL, threshold: Math.fround(0.3) }))).toEqual([
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 2],
      [2, 0],
      [2, 1],
    ]);
    expect(selectEdges(W, { ...ALL, threshold: 0.61 })).toEqual([]);
  });

  it('keeps each source’s k strongest with topK, ties to the earlier target', () => {
    expect(pairs(selectEdges(W, { ...ALL, topK: 1 }))).toEqual([
      [0, 0],
      [1, 1],
      [2, 1],
    ]);
    expect(pairs(selectEdges(W, { ...ALL, topK: 2 }))).toEqual([
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 2],
      [2, 0],
      [2, 1],
    ]);
    const tied = fromRows([
      [0.25, 0.25, 0.25, 0.25],
      [1, 0, 0, 0],
      [0, 0, 1, 0],
      [0.5, 0, 0, 0.5],
    ]);
    expect(pairs(selectEdges(tied, { ...ALL, topK: 2 }))).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [2, 2],
      [3, 0],
      [3, 3],
    ]);
  });

  it('combines threshold and topK', () => {
    expect(pairs(selectEdges(W, { ...ALL, topK: 2, threshold: 0.35 }))).toEqual([
      [0, 0],
      [1, 1],
      [2, 0],
      [2, 1],
    ]);
  });

  it('keeps only the focused token’s outgoing edges with direction out', () => {
    expect(pairs(selectEdges(W, { ...ALL, focus: 1, direction: 'out' }))).toEqual([
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
  });

  it('keeps only the focused token’s incoming edges with direction in', () => {
    expect(pairs(selectEdges(W, { ...ALL, focus: 2, direction: 'in' }))).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(pairs(selectEdges(W, { ...ALL, focus: 0, direction: 'in', threshold: 0.2 }))).toEqual([
      [0, 0],
      [2, 0],
    ]);
  });

  it('ignores a focus outside the matrix', () => {
    expect(selectEdges(W, { ...ALL, focus: 7 })).toHaveLength(8);
  });

  it('caps at maxEdges by keeping the strongest per source first', () => {
    const result = selectEdgesDetailed(W, { ...ALL, maxEdges: 4 });
    // 8 candidates over 3 sources: floor(4 / 3) = 1 per source.
    expect(result.candidates).toBe(8);
    expect(result.cappedPerSource).toBe(1);
    expect(pairs(result.edges)).toEqual([
      [0, 0],
      [1, 1],
      [2, 1],
    ]);
    expect(selectEdgesDetailed(W, ALL).cappedPerSource).toBeNull();
  });

  it('cuts to the strongest maxEdges overall when there are more sources than maxEdges', () => {
    expect(pairs(selectEdges(W, { ...ALL, maxEdges: 2 }))).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(selectEdges(W, { ...ALL, maxEdges: 0 })).toEqual([]);
  });

  it('never draws more than about a thousand edges for a long input', () => {
    const T = 512;
    const uniform = matrix(T, T, new Float32Array(T * T).fill(1 / T));
    const edges = selectEdges(uniform, ALL);
    expect(edges.length).toBeLessThanOrEqual(DEFAULT_MAX_EDGES);
    expect(edges.length).toBeGreaterThanOrEqual(T); // every token keeps at least one edge
  });

  it('never returns NaN weights and rejects a non-square matrix', () => {
    const bad = fromRows([
      [NaN, 1],
      [0.5, 0.5],
    ]);
    expect(pairs(selectEdges(bad, ALL))).toEqual([
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(() => selectEdges(fromRows([[1, 0]]), ALL)).toThrow(/square/);
  });
});

/** A random softmax-like (T, T) weight matrix, some entries masked to 0. */
const weightMatrix = fc
  .integer({ min: 1, max: 9 })
  .chain((T) =>
    fc
      .array(fc.float({ min: 0, max: 1, noNaN: true }), { minLength: T * T, maxLength: T * T })
      .map((values): Matrix => matrix(T, T, Float32Array.from(values))),
  );

const filters = fc.record({
  threshold: fc.double({ min: 0, max: 1, noNaN: true }),
  topK: fc.integer({ min: 0, max: 10 }),
  focus: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
  direction: fc.constantFrom('out' as const, 'in' as const),
  maxEdges: fc.integer({ min: 0, max: 100 }),
  coverage: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
});

describe('selectEdges invariants', () => {
  it('never returns an edge below the threshold, more than topK per source, or more than maxEdges', () => {
    fc.assert(
      fc.property(weightMatrix, filters, (w, f) => {
        const edges = selectEdges(w, f);
        expect(edges.length).toBeLessThanOrEqual(f.maxEdges);
        const perSource = new Map<number, number>();
        for (const e of edges) {
          expect(e.weight).toBeGreaterThanOrEqual(f.threshold);
          expect(e.weight).toBeGreaterThan(0);
          perSource.set(e.source, (perSource.get(e.source) ?? 0) + 1);
        }
        if (f.topK > 0)
          for (const count of perSource.values()) expect(count).toBeLessThanOrEqual(f.topK);
      }),
    );
  });

  it('returns weights equal to the matrix entries, each pair once, in reading order, honouring the focus', () => {
    fc.assert(
      fc.property(weightMatrix, filters, (w, f) => {
        const edges = selectEdges(w, f);
        const T = w.rows;
        edges.forEach((e, k) => {
          expect(e.weight).toBe(w.data[e.source * T + e.target]);
          const prev = edges[k - 1];
          if (prev) expect(prev.source * T + prev.target).toBeLessThan(e.source * T + e.target);
          if (f.focus !== null && f.focus < T)
            expect(f.direction === 'out' ? e.source : e.target).toBe(f.focus);
        });
      }),
    );
  });

  it('without a cap, returns exactly the pairs that pass the threshold (with topK 0)', () => {
    fc.assert(
      fc.property(weightMatrix, fc.double({ min: 0, max: 1, noNaN: true }), (w, threshold) => {
        const edges = selectEdges(w, { ...ALL, threshold, maxEdges: Infinity });
        const expected = Array.from(w.data).filter((x) => x > 0 && x >= threshold).length;
        expect(edges).toHaveLength(expected);
      }),
    );
  });
});

describe('maxEdgesFor', () => {
  it('draws every edge of a short sentence and the strongest few per token of a long one', () => {
    expect(maxEdgesFor(11, 0)).toBe(DEFAULT_MAX_EDGES);
    expect(maxEdgesFor(60, 0)).toBe(60 * LONG_INPUT_PER_TOKEN);
    expect(maxEdgesFor(512, 0)).toBe(DEFAULT_MAX_EDGES);
    expect(maxEdgesFor(60, 10)).toBe(DEFAULT_MAX_EDGES);
    const T = 60;
    const uniform = matrix(T, T, new Float32Array(T * T).fill(1 / T));
    const result = selectEdgesDetailed(uniform, { ...ALL, maxEdges: maxEdgesFor(T, 0) });
    expect(result.cappedPerSource).toBe(LONG_INPUT_PER_TOKEN);
    expect(result.edges).toHaveLength(T * LONG_INPUT_PER_TOKEN);
  });
});

describe('edge style', () => {
  it('grows width and opacity with the weight and keeps them in range', () => {
    expect(edgeWidth(0)).toBeGreaterThan(0);
    expect(edgeWidth(0.8)).toBeGreaterThan(edgeWidth(0.2));
    expect(edgeOpacity(1)).toBe(1);
    expect(edgeOpacity(2)).toBe(1);
    expect(edgeWidth(NaN)).toBe(edgeWidth(0));
  });

  it('draws the thickness proportional to the weight above the hairline', () => {
    expect(edgeWidth(0.5)).toBeCloseTo(2 * edgeWidth(0.25), 10);
    expect(edgeWidth(1)).toBeCloseTo(4 * edgeWidth(0.25), 10);
    expect(edgeWidth(0.00005)).toBe(edgeWidth(0));
  });

  it('fades faint weights out instead of drawing them as full lines (issue 13)', () => {
    expect(edgeOpacity(0)).toBe(0);
    expect(edgeOpacity(0.00005)).toBeLessThan(0.001);
    expect(edgeOpacity(FADE_WEIGHT / 2)).toBeCloseTo(EDGE_MIN_OPACITY / 2, 10);
    expect(edgeOpacity(FADE_WEIGHT)).toBeCloseTo(EDGE_MIN_OPACITY, 10);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => (a <= b ? edgeOpacity(a) <= edgeOpacity(b) : edgeOpacity(a) >= edgeOpacity(b)),
      ),
    );
  });
});
