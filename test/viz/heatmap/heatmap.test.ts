import { describe, expect, it } from 'vitest';
import { fromRows } from '../../../src/core/matrix';
import type { HeadTrace } from '../../../src/core/types';
import {
  cellText,
  heatmapGeometry,
  MAX_CELL,
  MIN_CELL,
  rowSums,
} from '../../../src/viz/heatmap/heatmapGeometry';
import {
  availableModes,
  heatmapView,
  isMaskedCell,
  resolveMode,
} from '../../../src/viz/heatmap/heatmapModel';
import { luminance } from '../../../src/viz/scales';

describe('heatmapGeometry', () => {
  it('fits the grid and the row-sum column into the width', () => {
    const g = heatmapGeometry(['The', 'cat', 'sat', 'on', 'the', 'mat'], 600);
    expect(g.width).toBeLessThanOrEqual(600);
    expect(g.cell).toBeGreaterThanOrEqual(28);
    expect(g.showNumbers).toBe(true);
    expect(g.sumsX).toBeGreaterThan(g.left + 6 * g.cell);
  });

  it('caps the cell size for short sentences and floors it for long ones (which then scroll)', () => {
    expect(heatmapGeometry(['I', 'love', 'tennis'], 2000).cell).toBe(MAX_CELL);
    const long = heatmapGeometry(
      Array.from({ length: 64 }, (_, i) => `w${i}`),
      360,
    );
    expect(long.cell).toBe(MIN_CELL);
    expect(long.showNumbers).toBe(false);
  });

  it('turns column labels only when they are wider than a cell', () => {
    expect(heatmapGeometry(['a', 'b'], 600).rotateColumnLabels).toBe(false);
    expect(
      heatmapGeometry(['because', 'tired', 'x', 'y', 'z', 'w', 'v', 'u', 't', 's'], 400)
        .rotateColumnLabels,
    ).toBe(true);
  });
});

describe('cellText', () => {
  it('uses two decimals when they fit, fewer when not, and nothing when nothing fits', () => {
    expect(cellText(0.3412, 40, 11)).toBe('0.34');
    expect(cellText(-12.345, 30, 11)).toBe('−12');
    expect(cellText(-12345.6, 14, 11)).toBe('');
  });
});

describe('rowSums', () => {
  it('adds each row', () => {
    expect(
      rowSums(
        fromRows([
          [0.25, 0.75],
          [0.5, 0.5],
        ]),
      ),
    ).toEqual([1, 1]);
  });
});

const head = {
  scores: fromRows([
    [4, -2],
    [1, 3],
  ]),
  scaled: fromRows([
    [2, -1],
    [0.5, 1.5],
  ]),
  masked: fromRows([
    [2, -Infinity],
    [0.5, 1.5],
  ]),
  weights: fromRows([
    [1, 0],
    [0.27, 0.73],
  ]),
} as unknown as HeadTrace;

describe('heatmap model', () => {
  it('offers nothing before Score, the score stages at Score and the weights from Softmax on', () => {
    expect(availableModes('qkv', { scale: true, causal: true })).toEqual([]);
    expect(availableModes('score', { scale: true, causal: false })).toEqual(['scores', 'scaled']);
    expect(availableModes('score', { scale: false, causal: true })).toEqual(['scores', 'masked']);
    expect(availableModes('softmax', { scale: true, causal: true })).toEqual([
      'scores',
      'scaled',
      'masked',
      'weights',
    ]);
    expect(availableModes('weighted', { scale: false, causal: false })).toEqual([
      'scores',
      'weights',
    ]);
  });

  it('defaults to the latest matrix and keeps a still-available choice', () => {
    expect(resolveMode(null, ['scores', 'scaled'])).toBe('scaled');
    expect(resolveMode('scores', ['scores', 'scaled'])).toBe('scores');
    expect(resolveMode('masked', ['scores', 'scaled'])).toBe('scaled');
    expect(resolveMode(null, [])).toBeNull();
  });

  it('colours each score matrix on its own diverging range, centred on zero, ignoring −∞', () => {
    const raw = heatmapView(head, 'scores', false);
    const scaled = heatmapView(head, 'scaled', false);
    const masked = heatmapView(head, 'masked', true);
    expect(raw.limit).toBe(4);
    expect(scaled.limit).toBe(2);
    expect(masked.limit).toBe(2);
    expect(raw.color(0)).toBe(scaled.color(0));
    expect(raw.color(4)).toBe(scaled.color(2));
    expect(raw.color(4)).not.toBe(raw.color(-4));
    expect(raw.sums).toBeNull();
  });

  it('marks masked cells only once the mask is applied, and in the weights', () => {
    expect(isMaskedCell(heatmapView(head, 'scaled', true), 0, 1)).toBe(false);
    expect(isMaskedCell(heatmapView(head, 'masked', true), 0, 1)).toBe(true);
    expect(isMaskedCell(heatmapView(head, 'masked', true), 1, 0)).toBe(false);
    expect(isMaskedCell(heatmapView(head, 'weights', true), 0, 1)).toBe(true);
    expect(isMaskedCell(heatmapView(head, 'weights', false), 0, 1)).toBe(false);
  });

  it('shows weights on a sequential scale, brighter for more attention, with row sums', () => {
    const view = heatmapView(head, 'weights', false);
    expect(view.kind).toBe('sequential');
    expect(view.sums?.map((s) => Math.round(s * 1e6) / 1e6)).toEqual([1, 1]);
    expect(luminance(view.color(0.73))).toBeGreaterThan(luminance(view.color(0.27)));
  });
});

describe('heatmapGeometry for the back row and for phones', () => {
  const tokens = ['The', 'cat', 'sat', 'on', 'the', 'mat', 'because', 'it', 'was', 'tired', '.'];

  it('prints larger numbers in the same cells when asked (presentation)', () => {
    const usual = heatmapGeometry(tokens, 900);
    const large = heatmapGeometry(tokens, 900, { largeNumbers: true });
    expect(large.cell).toBe(usual.cell);
    expect(large.numberFontSize).toBeGreaterThanOrEqual(Math.round(usual.cell * 0.4));
    expect(large.numberFontSize).toBeGreaterThan(usual.numberFontSize);
  });

  it('keeps cells a fingertip wide on a phone, scrolling rather than shrinking', () => {
    const narrow = heatmapGeometry(tokens, 340);
    expect(narrow.cell).toBeLessThan(30);
    const phone = heatmapGeometry(tokens, 340, { minCell: 30 });
    expect(phone.cell).toBe(30);
    expect(phone.showNumbers).toBe(true);
    expect(phone.width).toBeGreaterThan(340);
  });
});
