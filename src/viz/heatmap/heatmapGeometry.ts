/**
 * Sizes of the attention heatmap for a sentence and a container width: cell size, label
 * bands, whether column labels must turn, whether numbers fit in cells, which labels are
 * drawn. Pure, so the SVG renderer and the canvas renderer (for long inputs) share it, and
 * `heatmapHit` maps a pointer position back to a cell or a token with the same numbers.
 */
import { isolate, unisolate } from '../../bidi';
import { formatNumber } from '../../format';
import type { Language } from '../../vocabulary/language';
import { estimateTextWidth, truncateLabel } from '../text';

/** Longest token label on the heatmap's axes, in characters. */
export const MAX_AXIS_LABEL = 12;
/** Cells at least this big (px) carry their number. */
export const MIN_CELL_FOR_NUMBERS = 28;
/** Cells never get smaller than this (px): the grid scrolls sideways instead. */
export const MIN_CELL = 12;
/** Cells never get bigger than this (px), so three tokens do not fill a projector wall. */
export const MAX_CELL = 72;

/**
 * From this many tokens on, the heatmap is drawn on a canvas (one pixel per cell, scaled
 * up): 33² ≈ 1,100 SVG cells still render quickly, but 512² = 262,144 would not.
 */
export const HEATMAP_CANVAS_MIN_TOKENS = 33;
/** On the canvas a cell may shrink to this (px), so 512 tokens fit a laptop panel without scrolling. */
export const MIN_CANVAS_CELL = 1;

/** Which renderer draws the heatmap. */
export type HeatmapRenderer = 'svg' | 'canvas';

/** The renderer for `T` tokens: SVG below HEATMAP_CANVAS_MIN_TOKENS, canvas from there on. */
export function heatmapRenderer(T: number): HeatmapRenderer {
  return T >= HEATMAP_CANVAS_MIN_TOKENS ? 'canvas' : 'svg';
}

/** The heatmap's drawing, ready to render. */
export interface HeatmapGeometry {
  /** Side of one cell, px. */
  readonly cell: number;
  /** x of the grid's left edge and y of its top edge. */
  readonly left: number;
  readonly top: number;
  /** Size of the whole drawing (may exceed the container on narrow screens: it scrolls). */
  readonly width: number;
  readonly height: number;
  /** x of the centre of the row-sum column to the right of the grid. */
  readonly sumsX: number;
  /** False when a long input's grid needed the row sums' room (canvas only). */
  readonly showSums: boolean;
  /** Column labels turned because they are wider than a cell. */
  readonly rotateColumnLabels: boolean;
  /** How far they are turned, in degrees (45 to 90; 0 when not turned). */
  readonly columnLabelAngle: number;
  readonly labels: readonly string[];
  readonly labelFontSize: number;
  /** Font size of the numbers in cells. */
  readonly numberFontSize: number;
  /** True when cells are big enough to carry numbers. */
  readonly showNumbers: boolean;
  /**
   * Every how many tokens an axis label (and a row sum) is drawn: 1 when each has room,
   * more when cells are thinner than a line of text (canvas only). Label k is drawn when
   * k % labelStride === 0; the hovered token's label is always drawn, in full.
   */
  readonly labelStride: number;
}

/** Options of `heatmapGeometry`. */
export interface HeatmapGeometryOptions {
  /**
   * 'svg' (the default) keeps cells at least MIN_CELL px and scrolls; 'canvas' shrinks
   * them (down to MIN_CANVAS_CELL) to fit the width and thins the labels instead.
   */
  readonly renderer?: HeatmapRenderer;
  /**
   * Numbers for the back row (presentation): 0.4 to 0.45 of a cell high instead of 0.26, and
   * up to 32 px instead of 16.
   */
  readonly largeNumbers?: boolean;
  /**
   * The smallest SVG cell (px) instead of MIN_CELL: a phone asks for a finger-sized cell and
   * scrolls the grid in its frame rather than shrink it below that.
   */
  readonly minCell?: number;
}

/** Width of the band holding an axis title, px. */
export const AXIS_TITLE = 20;
const SUMS_WIDTH = 48;
const LABEL_FONT = 12;
// Strides people count in: "every 5th token" reads better than "every 7th".
const NICE_STRIDES = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500];

/** The smallest nice stride (1, 2, 5, 10, ...) of at least `min`. */
function niceStride(min: number): number {
  return NICE_STRIDES.find((s) => s >= min) ?? Math.ceil(min);
}

/** The side of a cell for `n` tokens in `available` px, for the given renderer. */
function cellSize(
  n: number,
  available: number,
  renderer: HeatmapRenderer,
  minCell = MIN_CELL,
): number {
  if (n === 0) return MAX_CELL;
  if (renderer === 'svg') return Math.max(minCell, Math.min(MAX_CELL, Math.floor(available / n)));
  const fit = Math.min(MAX_CELL, available / n);
  // Whole pixels while cells are big enough for it to matter; below 4 px, rounding down
  // would waste up to a fifth of the width, so keep quarter pixels.
  return fit >= 4 ? Math.floor(fit) : Math.max(MIN_CANVAS_CELL, Math.floor(fit * 4) / 4);
}

/**
 * Geometry for `tokens` (display texts) in a container `width` px wide. The row-sum
 * column is always reserved, so the grid does not jump when the walkthrough reaches Softmax.
 */
export function heatmapGeometry(
  tokens: readonly string[],
  width: number,
  options: HeatmapGeometryOptions = {},
): HeatmapGeometry {
  const renderer = options.renderer ?? 'svg';
  const n = tokens.length;
  // Cut first, then isolate: a right-to-left token keeps its ellipsis at its own end.
  const labels = tokens.map((t) => isolate(truncateLabel(unisolate(t), MAX_AXIS_LABEL)));
  const labelWidth = Math.max(0, ...labels.map((l) => estimateTextWidth(l, LABEL_FONT)));
  const left = AXIS_TITLE + Math.ceil(labelWidth) + 10;
  // On the canvas, the row sums give way when the grid would not fit at MIN_CANVAS_CELL:
  // seeing every column of 512 tokens matters more than 512 sums that all read 1.00.
  const showSums = renderer === 'svg' || n * MIN_CANVAS_CELL <= width - left - SUMS_WIDTH - 4;
  const sumsWidth = showSums ? SUMS_WIDTH : 0;
  const available = width - left - sumsWidth - 4;
  const cell = cellSize(n, available, renderer, options.minCell);
  // A line of text needs LABEL_FONT + 2 px across its baseline; thinner cells share a label.
  const labelStride = renderer === 'svg' ? 1 : niceStride(Math.ceil((LABEL_FONT + 2) / cell));
  const pitch = cell * labelStride;
  const rotate = labelWidth + 6 > pitch;
  // Turned labels sit pitch·sin(angle) apart across their baselines: steep enough that this
  // clears a line of text, and never flatter than 45°. Thinned labels (long inputs) stand
  // upright: a slanted one leans up to 60 px past the grid, which a 512-column grid at one
  // pixel per cell does not have to spare.
  const angle = !rotate
    ? 0
    : labelStride > 1
      ? 90
      : Math.max(
          45,
          Math.min(90, (Math.asin(Math.min(1, (LABEL_FONT + 2) / pitch)) * 180) / Math.PI),
        );
  const rad = (angle * Math.PI) / 180;
  const labelBand = rotate
    ? Math.ceil(labelWidth * Math.sin(rad) + LABEL_FONT * Math.cos(rad)) + 8
    : LABEL_FONT + 10;
  const top = AXIS_TITLE + labelBand;
  const numberFontSize = options.largeNumbers
    ? // A cell of 40 px or more keeps two decimals at 0.4 of its height; a smaller one
      // keeps the back row's size (0.45) and prints one decimal (cellText).
      Math.max(10, Math.min(32, Math.round(cell * (cell >= 40 ? 0.4 : 0.45))))
    : Math.max(10, Math.min(16, Math.round(cell * 0.26)));
  // The last turned label leans right, past the grid: keep room for it.
  const overhang = rotate
    ? Math.max(0, Math.ceil(labelWidth * Math.cos(rad) - cell / 2 - sumsWidth))
    : 0;
  // Fractional canvas cells: keep the drawing's own size whole, so it never blurs.
  const gridSize = Math.ceil(n * cell);
  return {
    cell,
    left,
    top,
    width: left + gridSize + sumsWidth + 4 + overhang,
    height: top + gridSize + 6,
    sumsX: left + gridSize + sumsWidth / 2,
    showSums,
    rotateColumnLabels: rotate,
    columnLabelAngle: angle,
    labels,
    labelFontSize: LABEL_FONT,
    numberFontSize,
    showNumbers: cell >= MIN_CELL_FOR_NUMBERS,
    labelStride,
  };
}

/** Across its baseline a label needs this many px clear of the next one. */
const LABEL_LINE = LABEL_FONT + 2;

/**
 * The token labels to draw on an axis: every labelStride-th, except those a highlighted
 * token's label (always drawn, at its own row or column) would overlap, plus the
 * highlighted ones. Sorted, without repeats. For the turned column labels pass
 * axis 'column': neighbours there sit only pitch · sin(angle) apart across their baselines.
 */
export function visibleLabels(
  geometry: Pick<
    HeatmapGeometry,
    'cell' | 'labelStride' | 'rotateColumnLabels' | 'columnLabelAngle'
  >,
  n: number,
  highlighted: readonly number[],
  axis: 'row' | 'column' = 'row',
): number[] {
  const { cell, labelStride } = geometry;
  const across =
    axis === 'column' && geometry.rotateColumnLabels
      ? cell * Math.sin((geometry.columnLabelAngle * Math.PI) / 180)
      : cell;
  const hl = highlighted.filter((h) => h >= 0 && h < n);
  const out = new Set(hl);
  for (let k = 0; k < n; k += labelStride) {
    if (!hl.some((h) => h !== k && Math.abs(h - k) * across < LABEL_LINE)) out.add(k);
  }
  return [...out].sort((a, b) => a - b);
}

/** What a point of the heatmap's drawing is over: a cell, a row label, a column label, or nothing. */
export type HeatmapHit =
  | { readonly kind: 'cell'; readonly i: number; readonly j: number }
  | { readonly kind: 'row'; readonly i: number }
  | { readonly kind: 'column'; readonly j: number }
  | null;

/**
 * The index of the band of width `size` starting at `origin` that holds `x`, among `n`
 * bands, or -1 outside them. Corrected after the division so that the band's own edges,
 * computed as `origin + k * size` the way renderers draw them, always contain `x`.
 */
function bandAt(x: number, origin: number, size: number, n: number): number {
  if (!(size > 0) || x < origin) return -1;
  let k = Math.floor((x - origin) / size);
  if (k > 0 && origin + k * size > x) k -= 1;
  if (origin + (k + 1) * size <= x) k += 1;
  return k >= 0 && k < n ? k : -1;
}

/**
 * What the point (x, y) of the drawing (px from its top-left corner) points at, for `n`
 * tokens: the cell under it; or, left of the grid, the row's token; or, above it, the
 * column's token (labels stand in line with their row or column, so the whole band
 * counts, drawn label or not). Pure, so the canvas renderer's pointer handling is tested
 * without a canvas.
 */
export function heatmapHit(geometry: HeatmapGeometry, n: number, x: number, y: number): HeatmapHit {
  const { cell, left, top } = geometry;
  const j = bandAt(x, left, cell, n);
  const i = bandAt(y, top, cell, n);
  if (i >= 0 && j >= 0) return { kind: 'cell', i, j };
  if (i >= 0 && x >= AXIS_TITLE && x < left) return { kind: 'row', i };
  if (j >= 0 && y >= AXIS_TITLE && y < top) return { kind: 'column', j };
  return null;
}

/**
 * The number to print in a cell of side `cell`: two decimals, or fewer when that does not
 * fit, or '' when nothing fits (the value is still in the cell's title); in `lang`.
 */
export function cellText(
  value: number,
  cell: number,
  fontSize: number,
  lang: Language = 'en',
): string {
  for (const digits of [2, 1, 0]) {
    const text = formatNumber(value, digits, lang);
    // Numbers are drawn with tabular digits, about 0.64 em wide in the usual sans fonts
    // against the estimate's 0.58: a tenth more, so a number never runs into the next cell.
    if (estimateTextWidth(text, fontSize) * 1.1 <= cell - 4) return text;
  }
  return '';
}

/** The sum of each row of a (T, T) matrix, in float64. */
export function rowSums(values: { rows: number; cols: number; data: ArrayLike<number> }): number[] {
  const sums: number[] = [];
  for (let i = 0; i < values.rows; i++) {
    let s = 0;
    for (let j = 0; j < values.cols; j++) s += values.data[i * values.cols + j] as number;
    sums.push(s);
  }
  return sums;
}
