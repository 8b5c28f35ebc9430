/**
 * Sizes of the attention heatmap for a sentence and a container width: cell size, label
 * bands, whether column labels must turn, whether numbers fit in cells. Pure, so an SVG
 * and a future canvas renderer share it.
 */
import { formatNumber } from '../format';
import { estimateTextWidth, truncateLabel } from './text';

/** Longest token label on the heatmap's axes, in characters. */
export const MAX_AXIS_LABEL = 12;
/** Cells at least this big (px) carry their number. */
export const MIN_CELL_FOR_NUMBERS = 28;
/** Cells never get smaller than this (px): the grid scrolls sideways instead. */
export const MIN_CELL = 12;
/** Cells never get bigger than this (px), so three tokens do not fill a projector wall. */
export const MAX_CELL = 72;

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
}

const AXIS_TITLE = 20;
const SUMS_WIDTH = 48;
const LABEL_FONT = 12;

/**
 * Geometry for `tokens` (display texts) in a container `width` px wide. The row-sum
 * column is always reserved, so the grid does not jump when the walkthrough reaches Softmax.
 */
export function heatmapGeometry(tokens: readonly string[], width: number): HeatmapGeometry {
  const n = tokens.length;
  const labels = tokens.map((t) => truncateLabel(t, MAX_AXIS_LABEL));
  const labelWidth = Math.max(0, ...labels.map((l) => estimateTextWidth(l, LABEL_FONT)));
  const left = AXIS_TITLE + Math.ceil(labelWidth) + 10;
  const available = width - left - SUMS_WIDTH - 4;
  const cell = n > 0 ? Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor(available / n))) : MAX_CELL;
  const rotate = labelWidth + 6 > cell;
  // Turned labels sit cell·sin(angle) apart across their baselines: steep enough that this
  // clears a line of text, and never flatter than 45°.
  const angle = rotate
    ? Math.max(45, Math.min(90, (Math.asin(Math.min(1, (LABEL_FONT + 2) / cell)) * 180) / Math.PI))
    : 0;
  const rad = (angle * Math.PI) / 180;
  const labelBand = rotate
    ? Math.ceil(labelWidth * Math.sin(rad) + LABEL_FONT * Math.cos(rad)) + 8
    : LABEL_FONT + 10;
  const top = AXIS_TITLE + labelBand;
  const numberFontSize = Math.max(10, Math.min(16, Math.round(cell * 0.26)));
  // The last turned label leans right, past the grid: keep room for it.
  const overhang = rotate
    ? Math.max(0, Math.ceil(labelWidth * Math.cos(rad) - cell / 2 - SUMS_WIDTH))
    : 0;
  return {
    cell,
    left,
    top,
    width: left + n * cell + SUMS_WIDTH + 4 + overhang,
    height: top + n * cell + 6,
    sumsX: left + n * cell + SUMS_WIDTH / 2,
    rotateColumnLabels: rotate,
    columnLabelAngle: angle,
    labels,
    labelFontSize: LABEL_FONT,
    numberFontSize,
    showNumbers: cell >= MIN_CELL_FOR_NUMBERS,
  };
}

/**
 * The number to print in a cell of side `cell`: two decimals, or fewer when that does not
 * fit, or '' when nothing fits (the value is still in the cell's title).
 */
export function cellText(value: number, cell: number, fontSize: number): string {
  for (const digits of [2, 1, 0]) {
    const text = formatNumber(value, digits);
    if (estimateTextWidth(text, fontSize) <= cell - 4) return text;
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
