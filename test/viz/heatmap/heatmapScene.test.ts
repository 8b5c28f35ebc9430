import { describe, expect, it } from 'vitest';
import { fromRows } from '../../../src/core/matrix';
import { numberFormat } from '../../../src/format';
import { en } from '../../../src/messages';
import { heatmapGeometry } from '../../../src/viz/heatmap/heatmapGeometry';
import {
  cellNumber,
  gridOutline,
  heatmapScene,
  LEGEND_BAR,
  type HeatmapSceneInput,
} from '../../../src/viz/heatmap/heatmapScene';
import { textColorOn, weightScale } from '../../../src/viz/scales';
import { maskedView, weightsView } from './views';

// Every value exact in float32, so the expectations can be written out.
const WEIGHTS = fromRows([
  [0.75, 0.25],
  [0.125, 0.875],
]);
const MASKED_WEIGHTS = fromRows([
  [1, 0, 0],
  [0.25, 0.75, 0],
  [0.5, 0.25, 0.25],
]);
const MASKED_SCORES = fromRows([
  [1.5, -Infinity, -Infinity],
  [-0.5, 2, -Infinity],
  [0.25, -2, 1],
]);

/** The scene of `tokens` laid out 640 px wide for the SVG heatmap, unless `options` say otherwise. */
function input(
  tokens: readonly string[],
  view: HeatmapSceneInput['view'],
  options: Partial<HeatmapSceneInput> = {},
): HeatmapSceneInput {
  return {
    tokens,
    view,
    geometry: heatmapGeometry(tokens, 640),
    format: numberFormat('en'),
    strings: en.viz,
    ...options,
  };
}

describe('heatmapScene', () => {
  it('gives each cell its place, value, colour, number and name', () => {
    const scene = heatmapScene(input(['cat', 'sat'], weightsView(WEIGHTS)));
    const { cell, left, top } = scene.geometry;
    expect(cell).toBe(72); // two tokens: the biggest cells
    const c = scene.cellAt(1, 0);
    // The square sits 0.5 px inside its cell, leaving the 1-px gap the outline is drawn in.
    expect(c).toMatchObject({ x: left + 0.5, y: top + cell + 0.5, side: 71 });
    expect(c).toMatchObject({ cx: left + 36, cy: top + cell + 36 });
    expect(c.value).toBe(0.125);
    expect(c.masked).toBe(false);
    expect(c.fill).toBe(weightScale()(0.125));
    expect(c.text).toBe('0.13');
    expect(c.ink).toBe(textColorOn(weightScale()(0.125)));
    expect(c.title).toBe('sat → cat: 0.125');
    expect(scene.outline).toBe('cells');
  });

  it('hatches masked scores (fill null) and prints −∞ on them in the muted colour', () => {
    const scene = heatmapScene(input(['a', 'b', 'c'], maskedView(MASKED_SCORES, 2)));
    const masked = scene.cellAt(0, 2);
    expect(masked).toMatchObject({ masked: true, fill: null, ink: null, text: '−∞' });
    expect(masked.title).toBe(en.viz.cellMasked('a', 'c'));
    expect(scene.cellAt(2, 1)).toMatchObject({ masked: false, text: '−2.00' });
    expect(scene.legend?.masked).toBe(en.viz.legendMasked);
    expect(scene.legend?.what).toBe(en.viz.legendScores);
    // Scores have no row sums.
    expect(scene.sums).toBeNull();
  });

  it('prints a masked weight as its 0, muted, and says the weight is 0', () => {
    const scene = heatmapScene(input(['a', 'b', 'c'], weightsView(MASKED_WEIGHTS, true)));
    const masked = scene.cellAt(1, 2);
    expect(masked).toMatchObject({ masked: true, fill: null, ink: null, text: '0.00' });
    expect(masked.title).toBe(en.viz.cellMaskedWeight('b', 'c'));
    expect(scene.legend?.masked).toBe(en.viz.legendMaskedWeight);
  });

  it('puts the labels in line with their row and column, each with the whole token', () => {
    const tokens = ['The', 'extraordinarily', 'cat'];
    const scene = heatmapScene(input(tokens, null));
    const { cell, left, top } = scene.geometry;
    expect(scene.rowLabels[2]).toMatchObject({
      index: 2,
      title: 'cat',
      text: 'cat',
      x: left - 6,
      y: top + 2 * cell + cell / 2,
      anchor: 'end',
      central: true,
    });
    // A label longer than 12 characters is cut; its title keeps the whole token.
    expect(scene.rowLabels[1]).toMatchObject({ text: 'extraordina…', title: 'extraordinarily' });
    // Too wide for a column: the labels turn about the point above the column's middle.
    expect(scene.geometry.rotateColumnLabels).toBe(true);
    expect(scene.columnLabels[0]).toMatchObject({
      x: left + cell / 2,
      y: top - 6,
      anchor: 'start',
      rotate: -scene.geometry.columnLabelAngle,
    });
    expect(scene.queryTitle).toMatchObject({ x: 13, y: top + (3 * cell) / 2, rotate: -90 });
    // No values before step Score: places, but no cells, sums or legend.
    expect(scene.legend).toBeNull();
    expect(scene.sums).toBeNull();
    expect(() => scene.cellAt(0, 0)).toThrow(RangeError);
    expect(scene.cellBox(0, 1).x).toBe(left + cell + 0.5);
  });

  it('sums each row beside the grid, and samples the legend over its range', () => {
    const scene = heatmapScene(input(['cat', 'sat'], weightsView(WEIGHTS)));
    expect(scene.sums?.rows.map((r) => r.text)).toEqual(['1.00', '1.00']);
    expect(scene.sums?.rows[1]).toMatchObject({
      x: scene.geometry.sumsX,
      y: scene.geometry.top + 72 + 36,
    });
    expect(scene.sums?.header.text).toBe(en.viz.rowSumHeader);
    const legend = scene.legend!;
    expect([legend.low, legend.high]).toEqual([0, 1]);
    expect(legend.ticks.map((t) => t.text)).toEqual(['0.0', '0.5', '1.0']);
    expect(legend.ticks.map((t) => t.x)).toEqual([0, LEGEND_BAR.width / 2, LEGEND_BAR.width]);
    expect(legend.stops).toHaveLength(LEGEND_BAR.stops);
    expect(legend.stops[5]).toEqual({ offset: 0.5, color: weightScale()(0.5) });
    expect(legend.masked).toBeNull();
  });

  it('writes numbers in the interface’s language', () => {
    const scene = heatmapScene(
      input(['cat', 'sat'], weightsView(WEIGHTS), { format: numberFormat('es') }),
    );
    expect(scene.cellAt(0, 0).text).toBe('0,75');
    expect(scene.cellAt(0, 0).title).toBe('cat → cat: 0,75');
    expect(scene.sums?.rows[0]!.text).toBe('1,00');
  });

  it('leaves numbers out of small cells and sums every labelled row of a long input', () => {
    const T = 100;
    const tokens = Array.from({ length: T }, (_, k) => `w${k}`);
    const values = fromRows(
      Array.from({ length: T }, () => Array.from({ length: T }, () => 1 / T)),
    );
    const geometry = heatmapGeometry(tokens, 1000, { renderer: 'canvas' });
    expect(geometry.showNumbers).toBe(false);
    expect(geometry.labelStride).toBe(2);
    const scene = heatmapScene(input(tokens, weightsView(values), { geometry }));
    expect(scene.cellAt(3, 4).text).toBe('');
    expect(scene.sums?.rows.map((r) => r.index).slice(0, 3)).toEqual([0, 2, 4]);
    expect(scene.sums?.rows).toHaveLength(50);
  });

  it('refuses a matrix of another size than the sentence', () => {
    expect(() => heatmapScene(input(['a', 'b', 'c'], weightsView(WEIGHTS)))).toThrow(
      /3 tokens but the matrix is \(2, 2\)/,
    );
  });
});

describe('gridOutline and cellNumber', () => {
  it('outlines cells of 8 px and more, and frames the grid of smaller ones', () => {
    expect(gridOutline(7.75)).toBe('frame');
    expect(gridOutline(8)).toBe('cells');
  });

  it('fits the number to the cell: fewer decimals, then none', () => {
    const view = weightsView(WEIGHTS);
    const sized = (cell: number) => ({ cell, numberFontSize: 10, showNumbers: true });
    expect(cellNumber(view, 0, 0, sized(40), 'en')).toBe('0.75');
    // At 10 px "0.8" is estimated 14.8 px wide, with a tenth more for tabular digits 16.3:
    // it fits a 22 px cell (18 px inside its margins) but not a 20 px one (16 px).
    expect(cellNumber(view, 0, 0, sized(22), 'en')).toBe('0.8');
    expect(cellNumber(view, 0, 0, sized(20), 'en')).toBe('1');
    expect(cellNumber(view, 0, 0, { ...sized(40), showNumbers: false }, 'en')).toBe('');
  });
});
