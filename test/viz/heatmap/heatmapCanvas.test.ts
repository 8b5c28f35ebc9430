import { rgb } from 'd3-color';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRows } from '../../../src/core/matrix';
import type { HeadTrace } from '../../../src/core/types';
import {
  AXIS_TITLE,
  HEATMAP_CANVAS_MIN_TOKENS,
  heatmapGeometry,
  heatmapHit,
  heatmapRenderer,
  MIN_CANVAS_CELL,
  visibleLabels,
  type HeatmapRenderer,
} from '../../../src/viz/heatmap/heatmapGeometry';
import { heatmapPixels, MASKED_RGB, maskedRuns } from '../../../src/viz/heatmap/heatmapImage';
import { heatmapView } from '../../../src/viz/heatmap/heatmapModel';
import { colorTable, colorTableIndex, divergingScale, weightScale } from '../../../src/viz/scales';

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`);

/** A head whose matrices are filled from `f` (T, T); only the fields the views read. */
function head(T: number, f: (i: number, j: number) => number): HeadTrace {
  const rows = Array.from({ length: T }, (_, i) => Array.from({ length: T }, (_, j) => f(i, j)));
  const m = fromRows(rows);
  const masked = fromRows(rows.map((r, i) => r.map((x, j) => (j > i ? -Infinity : x))));
  return { scores: m, scaled: m, masked, weights: m } as unknown as HeadTrace;
}

describe('heatmapRenderer', () => {
  it('draws SVG up to 32 tokens and a canvas from 33', () => {
    expect(HEATMAP_CANVAS_MIN_TOKENS).toBe(33);
    expect(heatmapRenderer(1)).toBe('svg');
    expect(heatmapRenderer(32)).toBe('svg');
    expect(heatmapRenderer(33)).toBe('canvas');
    expect(heatmapRenderer(512)).toBe('canvas');
  });
});

describe('heatmapGeometry on a canvas', () => {
  it('shrinks cells to fit the width instead of scrolling, and labels every nth token', () => {
    const g = heatmapGeometry(words(512), 900, { renderer: 'canvas' });
    expect(g.width).toBeLessThanOrEqual(900);
    expect(g.cell).toBeGreaterThanOrEqual(MIN_CANVAS_CELL);
    expect(g.cell).toBeLessThan(2);
    expect([5, 10, 20]).toContain(g.labelStride);
    // Labels drawn every labelStride cells clear a 14 px line of text.
    expect(g.cell * g.labelStride).toBeGreaterThanOrEqual(14);
    expect(g.showNumbers).toBe(false);
  });

  it('keeps whole-pixel cells and one label per token when there is room', () => {
    const g = heatmapGeometry(words(40), 1400, { renderer: 'canvas' });
    expect(Number.isInteger(g.cell)).toBe(true);
    expect(g.labelStride).toBe(1);
    // The SVG default is unchanged: at least MIN_CELL px, every label.
    expect(heatmapGeometry(words(40), 360).labelStride).toBe(1);
  });

  it('gives up the row sums, not the grid, when even one pixel per cell does not fit', () => {
    const long = (n: number) => Array.from({ length: n }, (_, i) => `attention${i}`);
    const g = heatmapGeometry(long(512), 640, { renderer: 'canvas' });
    expect(g.showSums).toBe(false);
    expect(g.cell).toBe(MIN_CANVAS_CELL);
    expect(g.width).toBeLessThanOrEqual(640);
    expect(heatmapGeometry(long(128), 600, { renderer: 'canvas' }).showSums).toBe(true);
  });
});

describe('heatmapHit', () => {
  const arbitrary = fc.record({
    n: fc.integer({ min: 1, max: 512 }),
    width: fc.integer({ min: 200, max: 2400 }),
    renderer: fc.constantFrom<HeatmapRenderer>('svg', 'canvas'),
  });

  it('maps every point inside the grid to the cell containing it', () => {
    fc.assert(
      fc.property(
        arbitrary,
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        ({ n, width, renderer }, fx, fy) => {
          const g = heatmapGeometry(words(n), width, { renderer });
          const x = g.left + fx * n * g.cell;
          const y = g.top + fy * n * g.cell;
          // fx just under 1 can round onto the grid's far edge, which is outside it.
          fc.pre(x < g.left + n * g.cell && y < g.top + n * g.cell);
          const hit = heatmapHit(g, n, x, y);
          expect(hit?.kind).toBe('cell');
          if (hit?.kind !== 'cell') return;
          expect(g.left + hit.j * g.cell).toBeLessThanOrEqual(x);
          expect(x).toBeLessThan(g.left + (hit.j + 1) * g.cell);
          expect(g.top + hit.i * g.cell).toBeLessThanOrEqual(y);
          expect(y).toBeLessThan(g.top + (hit.i + 1) * g.cell);
        },
      ),
    );
  });

  it('maps the centre of cell (i, j) to (i, j)', () => {
    fc.assert(
      fc.property(arbitrary, fc.nat(), fc.nat(), ({ n, width, renderer }, a, b) => {
        const g = heatmapGeometry(words(n), width, { renderer });
        const i = a % n;
        const j = b % n;
        const hit = heatmapHit(g, n, g.left + (j + 0.5) * g.cell, g.top + (i + 0.5) * g.cell);
        expect(hit).toEqual({ kind: 'cell', i, j });
      }),
    );
  });

  it('maps the label bands to their row or column token, and the rest to nothing', () => {
    const n = 40;
    const g = heatmapGeometry(words(n), 800, { renderer: 'canvas' });
    const mid = (k: number) => k * g.cell + g.cell / 2;
    expect(heatmapHit(g, n, g.left - 3, g.top + mid(7))).toEqual({ kind: 'row', i: 7 });
    expect(heatmapHit(g, n, g.left + mid(11), g.top - 3)).toEqual({ kind: 'column', j: 11 });
    expect(heatmapHit(g, n, AXIS_TITLE - 1, g.top + mid(7))).toBeNull(); // the axis title
    expect(heatmapHit(g, n, g.left - 3, g.top - 3)).toBeNull(); // the corner
    expect(heatmapHit(g, n, g.left + n * g.cell + 1, g.top + mid(3))).toBeNull(); // row sums
    expect(heatmapHit(g, n, g.left + mid(2), g.top + n * g.cell)).toBeNull(); // below
  });
});

describe('visibleLabels', () => {
  it('draws every nth label, always the highlighted ones, and none that would touch them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 33, max: 512 }),
        fc.integer({ min: 300, max: 1600 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (n, width, raw) => {
          const g = heatmapGeometry(words(n), width, { renderer: 'canvas' });
          const hl = raw.map((h) => h % n);
          const shown = visibleLabels(g, n, hl);
          for (const h of hl) expect(shown).toContain(h);
          for (const k of shown) {
            if (hl.includes(k)) continue;
            expect(k % g.labelStride).toBe(0);
            for (const h of hl) expect(Math.abs(h - k) * g.cell).toBeGreaterThanOrEqual(14);
          }
          expect(new Set(shown).size).toBe(shown.length);
        },
      ),
    );
  });
});

describe('heatmapPixels', () => {
  const channels = (pixels: Uint8ClampedArray, p: number) => [
    pixels[p],
    pixels[p + 1],
    pixels[p + 2],
  ];

  it('colours each cell as the SVG does: viridis exactly, the diverging scale to one 8-bit step', () => {
    const T = 37;
    const h = head(T, (i, j) => Math.sin(i * 1.3 + j * 0.7) * 3.1);
    for (const mode of ['weights', 'scores'] as const) {
      const view = heatmapView(h, mode, false);
      const pixels = heatmapPixels(view);
      expect(pixels).toHaveLength(T * T * 4);
      for (let i = 0; i < T; i++) {
        for (let j = 0; j < T; j++) {
          const want = rgb(view.color(view.values.data[i * T + j] as number));
          const [r, g, b] = channels(pixels, 4 * (i * T + j));
          const tolerance = mode === 'weights' ? 0 : 1;
          expect(Math.abs(r! - want.r)).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(g! - want.g)).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(b! - want.b)).toBeLessThanOrEqual(tolerance);
          expect(pixels[4 * (i * T + j) + 3]).toBe(255);
        }
      }
    }
  });

  it('gives masked cells their own colour, in one run per row', () => {
    const T = 34;
    const view = heatmapView(
      head(T, () => 0.5),
      'masked',
      true,
    );
    const pixels = heatmapPixels(view);
    expect(channels(pixels, 4 * (0 * T + 1))).toEqual([...MASKED_RGB]);
    expect(channels(pixels, 4 * (5 * T + 5))).not.toEqual([...MASKED_RGB]);
    const runs = maskedRuns(view);
    expect(runs).toHaveLength(T - 1);
    runs.forEach((r, i) => expect(r).toEqual({ i, j0: i + 1, j1: T }));
    expect(
      maskedRuns(
        heatmapView(
          head(T, () => 0.5),
          'scores',
          true,
        ),
      ),
    ).toEqual([]);
  });
});

describe('colorTable', () => {
  it('agrees with the scale it samples (viridis exactly), clamping outside the domain', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 3, noNaN: true }), (x) => {
        const scale = weightScale();
        const table = colorTable(scale, 0, 1);
        const k = 3 * colorTableIndex(table, x);
        const want = rgb(scale(x));
        expect([table.rgb[k], table.rgb[k + 1], table.rgb[k + 2]]).toEqual([
          want.r,
          want.g,
          want.b,
        ]);
      }),
    );
    const diverging = colorTable(divergingScale(2), -2, 2);
    expect(colorTableIndex(diverging, Number.NaN)).toBe(colorTableIndex(diverging, 0));
    expect(colorTableIndex(diverging, -Infinity)).toBe(colorTableIndex(diverging, 0));
  });
});
