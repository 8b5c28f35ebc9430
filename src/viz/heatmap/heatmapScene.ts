/**
 * The attention heatmap as a scene: one pure function from the tokens, the matrix shown
 * (a `HeatmapView`) and the drawing's geometry to everything the heatmap draws: the axis
 * titles and token labels and where they stand, each cell's place, colour (or the masked
 * cells' hatch), number and title, the row sums, the grid's outline and the colour legend.
 * The SVG heatmap, the canvas heatmap (long inputs) and the exported file
 * (src/export/heatmapSvg.ts) all draw it, so there is one rule for each of those.
 *
 * Cells are given one at a time (`cellAt`), never as a T² list: the canvas paints 512²
 * cells as one image and asks only for the numbers it prints.
 */
import type { NumberFormat } from '../../format';
import type { Messages } from '../../messages';
import { textColorOn } from '../contrast';
import { cellText, type HeatmapGeometry } from './heatmapGeometry';
import { viewDomain } from './heatmapImage';
import { isMaskedCell, type HeatmapView } from './heatmapModel';

/**
 * The hatch of masked cells: a pattern tile `size` px square, turned by `angle` degrees,
 * with a line `lineWidth` wide along its left edge. The tile clips the line, so what shows
 * is half of it: a 1-px stripe every 6 px, on the masked background.
 */
export const HATCH = { size: 6, angle: 45, lineWidth: 2 } as const;

/** Font size of the row sums and their header, px (as .hm-sum in Heatmap.css). */
export const SUM_FONT_SIZE = 12;

/** Cells at least this big (px) are outlined one by one; smaller ones get a frame round the grid. */
export const MIN_CELL_FOR_OUTLINES = 8;

/** The legend's gradient bar, px, and how many colour stops sample the scale. */
export const LEGEND_BAR = { width: 180, height: 12, stops: 11 } as const;

/** The strings a heatmap scene writes (the viz messages of the interface's language). */
export type HeatmapSceneStrings = Pick<
  Messages['viz'],
  | 'keyAxis'
  | 'queryAxis'
  | 'rowSumHeader'
  | 'rowSumTitle'
  | 'legendScores'
  | 'legendWeights'
  | 'legendMasked'
  | 'legendMaskedWeight'
  | 'cellValue'
  | 'cellMasked'
  | 'cellMaskedWeight'
>;

/** Everything `heatmapScene` draws from. */
export interface HeatmapSceneInput {
  /** The tokens' texts as displayed (isolated), in order. */
  readonly tokens: readonly string[];
  /** The matrix shown with its colour scale, or null before step Score (an empty grid). */
  readonly view: HeatmapView | null;
  /** Sizes: `heatmapGeometry` for the screen, a larger one for a file. */
  readonly geometry: HeatmapGeometry;
  /** How numbers are written: the interface's language. */
  readonly format: NumberFormat;
  readonly strings: HeatmapSceneStrings;
}

/** A line of text: where it stands, how it is anchored, and (turned) by how many degrees. */
export interface SceneText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
  /**
   * Degrees to turn the text about (x, y), counter-clockwise being negative as in SVG;
   * 0 when it stays level.
   */
  readonly rotate: number;
  /** Centred on its line (dominant-baseline central) rather than standing on it. */
  readonly central: boolean;
}

/** A token's label on an axis. */
export interface AxisLabel extends SceneText {
  readonly index: number;
  /** The token's whole text (the label may be shortened). */
  readonly title: string;
}

/** Where a cell lies: the square drawn (1 px inside the cell, for the gap between cells) and its centre. */
export interface CellBox {
  readonly x: number;
  readonly y: number;
  readonly side: number;
  readonly cx: number;
  readonly cy: number;
}

/** A cell with its value. */
export interface HeatmapSceneCell extends CellBox {
  readonly i: number;
  readonly j: number;
  /** The matrix's value, float32-exact (−∞ for a masked score). */
  readonly value: number;
  /** Hidden by the causal mask: drawn with the hatch. */
  readonly masked: boolean;
  /** The cell's colour, or null for the hatch. */
  readonly fill: string | null;
  /** The number printed in it ('' when none fits or the cells are too small for numbers). */
  readonly text: string;
  /** Colour of that number: black or white for contrast, or null for muted (on the hatch). */
  readonly ink: string | null;
  /** The cell's name: query, key and value in full. */
  readonly title: string;
}

/** A row's sum beside the grid. */
export interface RowSum {
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly title: string;
}

/** The colour key: the gradient, its range and what it measures, and the masked swatch's words. */
export interface HeatmapLegend {
  readonly low: number;
  readonly high: number;
  readonly stops: readonly { readonly offset: number; readonly color: string }[];
  /** The range written under the bar (low, middle, high). */
  readonly ticks: readonly SceneText[];
  /** "score" or "attention weight". */
  readonly what: string;
  /** What the hatched swatch means, or null without the causal mask. */
  readonly masked: string | null;
}

/** Everything the heatmap draws. */
export interface HeatmapScene {
  readonly geometry: HeatmapGeometry;
  readonly n: number;
  /** Side of the whole grid, px. */
  readonly size: number;
  readonly view: HeatmapView | null;
  /** Lines between cells ('cells': each cell outlined) or one frame round the grid. */
  readonly outline: 'cells' | 'frame';
  readonly keyTitle: SceneText;
  readonly queryTitle: SceneText;
  /** One label per token down the left, and across the top. */
  readonly rowLabels: readonly AxisLabel[];
  readonly columnLabels: readonly AxisLabel[];
  /** The square of cell (i, j). */
  cellBox(i: number, j: number): CellBox;
  /** Cell (i, j) with its value; only with a view. */
  cellAt(i: number, j: number): HeatmapSceneCell;
  /** The row sums (every labelStride-th) once softmax is applied and there is room; else null. */
  readonly sums: { readonly header: SceneText; readonly rows: readonly RowSum[] } | null;
  /** The colour key, or null before step Score. */
  readonly legend: HeatmapLegend | null;
}

/** How the grid is outlined for cells of `cell` px (see MIN_CELL_FOR_OUTLINES). */
export function gridOutline(cell: number): 'cells' | 'frame' {
  return cell >= MIN_CELL_FOR_OUTLINES ? 'cells' : 'frame';
}

/**
 * The number printed in cell (i, j) of `view`: "−∞" on a masked score, else the value as
 * `cellText` fits it; '' when the geometry's cells carry no numbers.
 */
export function cellNumber(
  view: HeatmapView,
  i: number,
  j: number,
  geometry: Pick<HeatmapGeometry, 'cell' | 'numberFontSize' | 'showNumbers'>,
  lang: NumberFormat['lang'],
): string {
  if (!geometry.showNumbers) return '';
  if (isMaskedCell(view, i, j) && view.mode !== 'weights') return '−∞';
  const n = view.values.cols;
  return cellText(
    view.values.data[i * n + j] as number,
    geometry.cell,
    geometry.numberFontSize,
    lang,
  );
}

/** The heatmap's scene for `input` (see the module comment). */
export function heatmapScene(input: HeatmapSceneInput): HeatmapScene {
  const { tokens, view, geometry: g, format, strings } = input;
  const n = tokens.length;
  if (view && (view.values.rows !== n || view.values.cols !== n)) {
    throw new RangeError(
      `heatmapScene: ${n} tokens but the matrix is (${view.values.rows}, ${view.values.cols})`,
    );
  }
  const { cell, left, top } = g;
  const size = Math.ceil(n * cell);

  const rowLabels = tokens.map((title, i): AxisLabel => ({
    index: i,
    title,
    text: g.labels[i] ?? '',
    x: left - 6,
    y: top + i * cell + cell / 2,
    anchor: 'end',
    rotate: 0,
    central: true,
  }));
  const turned = g.rotateColumnLabels;
  const columnLabels = tokens.map((title, j): AxisLabel => ({
    index: j,
    title,
    text: g.labels[j] ?? '',
    x: left + j * cell + cell / 2,
    y: turned ? top - 6 : top - 8,
    anchor: turned ? 'start' : 'middle',
    rotate: turned ? -g.columnLabelAngle : 0,
    central: turned,
  }));

  const cellBox = (i: number, j: number): CellBox => {
    const x = left + j * cell;
    const y = top + i * cell;
    return { x: x + 0.5, y: y + 0.5, side: cell - 1, cx: x + cell / 2, cy: y + cell / 2 };
  };
  const cellAt = (i: number, j: number): HeatmapSceneCell => {
    if (!view) throw new RangeError('heatmapScene: no values before step Score');
    const value = view.values.data[i * n + j] as number;
    const masked = isMaskedCell(view, i, j);
    const query = tokens[i] ?? '';
    const key = tokens[j] ?? '';
    const fill = masked ? null : view.color(value);
    const title = masked
      ? view.mode === 'weights'
        ? strings.cellMaskedWeight(query, key)
        : strings.cellMasked(query, key)
      : strings.cellValue(query, key, format.full(value));
    return {
      ...cellBox(i, j),
      i,
      j,
      value,
      masked,
      fill,
      text: cellNumber(view, i, j, g, format.lang),
      ink: fill === null ? null : textColorOn(fill),
      title,
    };
  };

  return {
    geometry: g,
    n,
    size,
    view,
    outline: gridOutline(cell),
    keyTitle: { text: strings.keyAxis, x: left, y: 13, anchor: 'start', rotate: 0, central: false },
    queryTitle: {
      text: strings.queryAxis,
      x: 13,
      y: top + size / 2,
      anchor: 'middle',
      rotate: -90,
      central: false,
    },
    rowLabels,
    columnLabels,
    cellBox,
    cellAt,
    sums: rowSumsOf(input),
    legend: view ? legendOf(view, format, strings) : null,
  };
}

/** The row sums beside the grid (see HeatmapScene.sums). */
function rowSumsOf(input: HeatmapSceneInput): HeatmapScene['sums'] {
  const { view, geometry: g, tokens, format, strings } = input;
  if (!view?.sums || !g.showSums) return null;
  const rows: RowSum[] = [];
  // Long inputs label every nth row: the sums follow the labels.
  for (let i = 0; i < view.sums.length; i += g.labelStride) {
    const sum = view.sums[i] as number;
    rows.push({
      index: i,
      x: g.sumsX,
      y: g.top + i * g.cell + g.cell / 2,
      text: format.number(sum, 2),
      title: strings.rowSumTitle(tokens[i] ?? '', format.full(sum)),
    });
  }
  const header: SceneText = {
    text: strings.rowSumHeader,
    x: g.sumsX,
    y: g.top - 8,
    anchor: 'middle',
    rotate: 0,
    central: false,
  };
  return { header, rows };
}

/** The colour key of `view`: -limit, 0, +limit for scores; 0, 0.5, 1 for weights. */
function legendOf(
  view: HeatmapView,
  format: NumberFormat,
  strings: HeatmapSceneStrings,
): HeatmapLegend {
  const [low, high] = viewDomain(view);
  const stops = Array.from({ length: LEGEND_BAR.stops }, (_, k) => {
    const offset = k / (LEGEND_BAR.stops - 1);
    return { offset, color: view.color(low + offset * (high - low)) };
  });
  // Weights read best as 0, 0.5, 1; scores need two decimals when their range is small.
  const digits = view.kind === 'diverging' ? 2 : 1;
  const values = [low, (low + high) / 2, high];
  const ticks = values.map((t, k): SceneText => ({
    text: format.number(t, digits),
    x: (k / (values.length - 1)) * LEGEND_BAR.width,
    y: LEGEND_BAR.height + 13,
    anchor: k === 0 ? 'start' : k === values.length - 1 ? 'end' : 'middle',
    rotate: 0,
    central: false,
  }));
  return {
    low,
    high,
    stops,
    ticks,
    what: view.kind === 'diverging' ? strings.legendScores : strings.legendWeights,
    masked: !view.causal
      ? null
      : view.mode === 'weights'
        ? strings.legendMaskedWeight
        : strings.legendMasked,
  };
}
