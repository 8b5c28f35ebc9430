/**
 * The attention heatmap as a standalone SVG document, built from the data (not copied from
 * the page), so it works the same whether the screen shows the SVG or the canvas heatmap:
 * a title, the key and query axes with every token's label (the full text in each label's
 * <title>), the cells coloured by the view's own scale (src/viz/heatmap/heatmapModel.ts), numbers in
 * cells that are big enough, the row sums once softmax is applied, and the colour legend.
 *
 * Up to DETAILED_MAX_TOKENS tokens each cell is its own <rect> carrying data-i, data-j,
 * data-value (float32-exact) and a <title> with its value, as on screen. Longer inputs
 * draw the cells as one <path> per colour (each row's runs of one colour merged, colours
 * from the same sampled table the canvas uses), which keeps a 512-token export to a few
 * megabytes instead of 262,144 elements.
 */
import { rgb } from 'd3-color';
import { numberFormat, type NumberFormat } from '../format';
import type { Messages } from '../messages';
import {
  cellText,
  heatmapGeometry,
  MAX_CELL,
  type HeatmapGeometry,
} from '../viz/heatmap/heatmapGeometry';
import { viewColorTable, viewDomain } from '../viz/heatmap/heatmapImage';
import { isMaskedCell, type HeatmapView } from '../viz/heatmap/heatmapModel';
import { colorTableIndex, textColorOn } from '../viz/scales';
import { estimateTextWidth } from '../viz/text';
import {
  EXPORT_COLORS,
  headingHeight,
  headingSvg,
  headingWidth,
  MARGIN,
  svgDocument,
  type Heading,
} from './svgDocument';
import { element, num, xmlText } from './xml';

/** Up to this many tokens, every cell is its own element with its value (see the module comment). */
export const DETAILED_MAX_TOKENS = 64;
/** Largest cell of an export, px: big enough for its number on a slide. */
export const EXPORT_MAX_CELL = 64;
/** The grid of an export is about this wide (cells shrink to fit it, down to the SVG minimum of 12 px). */
export const EXPORT_GRID = 768;

/** The strings a heatmap export writes (the viz messages of the interface's language). */
export type HeatmapSvgStrings = Pick<
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

/** The strings and the number format, as the drawing functions below take them. */
type LocalStrings = HeatmapSvgStrings & { readonly format: NumberFormat };

/** What `heatmapSvg` draws. */
export interface HeatmapSvgInput {
  /** The tokens' texts, in order. */
  readonly tokens: readonly string[];
  /** The matrix shown, with its colour scale (from `heatmapView`). */
  readonly view: HeatmapView;
  readonly heading: Heading;
  readonly strings: HeatmapSvgStrings;
  /** How numbers are written: the interface's language (a decimal comma in Spanish). */
  readonly format?: NumberFormat;
}

/** A drawn export: the SVG document and its size in px. */
export interface SvgExport {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

const HATCH_ID = 'hm-hatch';
const GRADIENT_ID = 'hm-legend-gradient';
const LEGEND_BAR = { width: 180, height: 12 };
const LEGEND_STOPS = 11;
const LEGEND_HEIGHT = 12 + LEGEND_BAR.height + 16;
// Text sits on its middle line: dy is portable where dominant-baseline is not (slide software).
const CENTRAL = '0.35em';

const hex = (color: string) => rgb(color).formatHex();

/** The heatmap's geometry for an export: every label drawn, cells as big as EXPORT_MAX_CELL. */
export function exportHeatmapGeometry(tokens: readonly string[]): HeatmapGeometry {
  const n = tokens.length;
  const cell = Math.max(
    12,
    Math.min(EXPORT_MAX_CELL, MAX_CELL, Math.floor(EXPORT_GRID / Math.max(1, n))),
  );
  // The label band depends on the tokens only: measure it, then ask for exactly `cell`.
  const probe = heatmapGeometry(tokens, 100_000, { renderer: 'svg' });
  const sumsAndSlack = 48 + 4;
  return heatmapGeometry(tokens, probe.left + n * cell + sumsAndSlack, { renderer: 'svg' });
}

/** The standalone SVG of the heatmap (see the module comment). */
export function heatmapSvg(input: HeatmapSvgInput): SvgExport {
  const { tokens, view, heading } = input;
  // Numbers travel with the strings: both are the interface's language.
  const strings: LocalStrings = { ...input.strings, format: input.format ?? numberFormat('en') };
  const n = tokens.length;
  if (view.values.rows !== n || view.values.cols !== n) {
    throw new RangeError(
      `heatmapSvg: ${n} tokens but the matrix is (${view.values.rows}, ${view.values.cols})`,
    );
  }
  const g = exportHeatmapGeometry(tokens);
  const top = headingHeight(heading);
  const legendY = top + g.height + 12;
  const legend = legendSvg(view, strings, MARGIN, legendY);
  const width = Math.max(
    MARGIN + g.width + MARGIN,
    headingWidth(heading),
    MARGIN + legend.width + MARGIN,
  );
  const height = legendY + LEGEND_HEIGHT + MARGIN;

  const body = [
    headingSvg(heading),
    element('g', { transform: `translate(${num(MARGIN)} ${num(top)})` }, [
      axesSvg(g, tokens, strings),
      cellsSvg(g, tokens, view, strings),
      sumsSvg(g, tokens, view, strings),
    ]),
    legend.svg,
  ];
  const svg = svgDocument({
    width,
    height,
    title: heading.title,
    description: heading.subtitle,
    defs: hatchPattern() + gradient(view),
    body: body.join(''),
  });
  return { svg, width: Math.ceil(width), height: Math.ceil(height) };
}

/** The hatch of masked cells (as .hm-hatch-bg and .hm-hatch-line draw it on screen). */
function hatchPattern(): string {
  return element(
    'pattern',
    {
      id: HATCH_ID,
      width: 6,
      height: 6,
      patternUnits: 'userSpaceOnUse',
      patternTransform: 'rotate(45)',
    },
    [
      element('rect', { width: 6, height: 6, fill: EXPORT_COLORS.hatchBg }),
      element('line', {
        x1: 0,
        y1: 0,
        x2: 0,
        y2: 6,
        stroke: EXPORT_COLORS.masked,
        'stroke-width': 2,
      }),
    ],
  );
}

/** The legend's gradient, sampled from the view's scale as HeatmapLegend does. */
function gradient(view: HeatmapView): string {
  const [low, high] = viewDomain(view);
  const stops = Array.from({ length: LEGEND_STOPS }, (_, k) => {
    const t = k / (LEGEND_STOPS - 1);
    return element('stop', { offset: t, 'stop-color': hex(view.color(low + t * (high - low))) });
  });
  return element('linearGradient', { id: GRADIENT_ID }, stops);
}

/** Axis titles and the token labels down the left and across the top. */
function axesSvg(g: HeatmapGeometry, tokens: readonly string[], s: HeatmapSvgStrings): string {
  const { cell, left, top } = g;
  const size = tokens.length * cell;
  const out: string[] = [];
  const axisTitle = { 'font-size': 12, 'font-style': 'italic', fill: EXPORT_COLORS.muted };
  out.push(element('text', { ...axisTitle, x: left, y: 13 }, xmlText(s.keyAxis)));
  out.push(
    element(
      'text',
      {
        ...axisTitle,
        transform: `translate(13 ${num(top + size / 2)}) rotate(-90)`,
        'text-anchor': 'middle',
      },
      xmlText(s.queryAxis),
    ),
  );
  const label = (i: number) =>
    element('title', {}, xmlText(tokens[i] ?? '')) + xmlText(g.labels[i] ?? '');
  const rows = tokens.map((_, i) =>
    element(
      'text',
      {
        x: left - 6,
        y: top + i * cell + cell / 2,
        dy: CENTRAL,
        'text-anchor': 'end',
        'data-row-label': i,
      },
      label(i),
    ),
  );
  const columns = tokens.map((_, j) => {
    const x = left + j * cell + cell / 2;
    const attrs = g.rotateColumnLabels
      ? {
          transform: `translate(${num(x)} ${num(top - 6)}) rotate(${num(-g.columnLabelAngle)})`,
          dy: CENTRAL,
          'text-anchor': 'start',
        }
      : { x, y: top - 8, 'text-anchor': 'middle' };
    return element('text', { ...attrs, 'data-column-label': j }, label(j));
  });
  out.push(
    element('g', { 'font-size': g.labelFontSize, fill: EXPORT_COLORS.fg }, [...rows, ...columns]),
  );
  return out.join('');
}

/** The cells: one element each (short texts) or one path per colour (long ones). */
function cellsSvg(
  g: HeatmapGeometry,
  tokens: readonly string[],
  view: HeatmapView,
  s: LocalStrings,
): string {
  return tokens.length <= DETAILED_MAX_TOKENS
    ? detailedCells(g, tokens, view, s)
    : mergedCells(g, tokens.length, view);
}

function detailedCells(
  g: HeatmapGeometry,
  tokens: readonly string[],
  view: HeatmapView,
  s: LocalStrings,
): string {
  const { cell, left, top } = g;
  const n = tokens.length;
  const rects: string[] = [];
  const numbers: string[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = view.values.data[i * n + j] as number;
      const masked = isMaskedCell(view, i, j);
      const query = tokens[i] ?? '';
      const key = tokens[j] ?? '';
      const fill = masked ? null : hex(view.color(value));
      const title = masked
        ? view.mode === 'weights'
          ? s.cellMaskedWeight(query, key)
          : s.cellMasked(query, key)
        : s.cellValue(query, key, s.format.full(value));
      const x = left + j * cell;
      const y = top + i * cell;
      rects.push(
        element(
          'rect',
          {
            class: masked ? 'hm-cell hm-cell--masked' : 'hm-cell',
            'data-i': i,
            'data-j': j,
            'data-value': Number.isFinite(value) ? String(value) : '-Infinity',
            x: x + 0.5,
            y: y + 0.5,
            width: cell - 1,
            height: cell - 1,
            fill: fill ?? `url(#${HATCH_ID})`,
          },
          element('title', {}, xmlText(title)),
        ),
      );
      const text = g.showNumbers
        ? masked && view.mode !== 'weights'
          ? '−∞'
          : cellText(value, cell, g.numberFontSize)
        : '';
      if (text) {
        numbers.push(
          element(
            'text',
            {
              x: x + cell / 2,
              y: y + cell / 2,
              dy: CENTRAL,
              fill: fill ? textColorOn(fill) : EXPORT_COLORS.muted,
            },
            xmlText(text),
          ),
        );
      }
    }
  }
  const numberGroup = numbers.length
    ? element(
        'g',
        { 'font-size': g.numberFontSize, 'text-anchor': 'middle', 'aria-hidden': 'true' },
        numbers,
      )
    : '';
  return element('g', { class: 'hm-grid' }, rects) + numberGroup;
}

function mergedCells(g: HeatmapGeometry, n: number, view: HeatmapView): string {
  const { cell, left, top } = g;
  const table = viewColorTable(view);
  const HATCH = -1;
  const paths = new Map<number, string[]>();
  const colorOf = (i: number, j: number) =>
    isMaskedCell(view, i, j)
      ? HATCH
      : colorTableIndex(table, view.values.data[i * n + j] as number);
  for (let i = 0; i < n; i++) {
    let j = 0;
    while (j < n) {
      const color = colorOf(i, j);
      let end = j + 1;
      while (end < n && colorOf(i, end) === color) end++;
      const d = `M${num(left + j * cell)} ${num(top + i * cell)}h${num((end - j) * cell)}v${num(cell)}h${num(-(end - j) * cell)}z`;
      const list = paths.get(color);
      if (list) list.push(d);
      else paths.set(color, [d]);
      j = end;
    }
  }
  const out: string[] = [];
  for (const [color, ds] of paths) {
    const fill =
      color === HATCH
        ? `url(#${HATCH_ID})`
        : rgb(
            table.rgb[3 * color] as number,
            table.rgb[3 * color + 1] as number,
            table.rgb[3 * color + 2] as number,
          ).formatHex();
    out.push(element('path', { fill, d: ds.join('') }));
  }
  return element('g', { class: 'hm-grid', 'data-cells': n * n }, out);
}

/** The row sums beside the grid, once softmax is applied. */
function sumsSvg(
  g: HeatmapGeometry,
  tokens: readonly string[],
  view: HeatmapView,
  s: LocalStrings,
): string {
  if (!view.sums) return '';
  const { cell, top } = g;
  const header = element(
    'text',
    { x: g.sumsX, y: top - 8, 'font-weight': 700 },
    xmlText(s.rowSumHeader),
  );
  const sums = view.sums.map((sum, i) =>
    element(
      'text',
      { x: g.sumsX, y: top + i * cell + cell / 2, dy: CENTRAL },
      element('title', {}, xmlText(s.rowSumTitle(tokens[i] ?? '', s.format.full(sum)))) +
        xmlText(s.format.number(sum, 2)),
    ),
  );
  return element(
    'g',
    {
      'font-size': Math.min(g.numberFontSize, 12),
      'text-anchor': 'middle',
      fill: EXPORT_COLORS.fg,
    },
    [header, element('g', { 'font-size': Math.min(g.numberFontSize, 13) }, sums)],
  );
}

/** The colour key below the grid: the gradient bar, its range, what it measures, the masked swatch. */
function legendSvg(
  view: HeatmapView,
  s: LocalStrings,
  x: number,
  y: number,
): { svg: string; width: number } {
  const [low, high] = viewDomain(view);
  const ticks = [low, (low + high) / 2, high];
  const digits = view.kind === 'diverging' ? 2 : 1;
  const what = view.kind === 'diverging' ? s.legendScores : s.legendWeights;
  const parts: string[] = [
    element('rect', {
      width: LEGEND_BAR.width,
      height: LEGEND_BAR.height,
      fill: `url(#${GRADIENT_ID})`,
      stroke: EXPORT_COLORS.border,
    }),
    ...ticks.map((t, k) =>
      element(
        'text',
        {
          x: (k / (ticks.length - 1)) * LEGEND_BAR.width,
          y: LEGEND_BAR.height + 13,
          'font-size': 11,
          'text-anchor': k === 0 ? 'start' : k === ticks.length - 1 ? 'end' : 'middle',
        },
        xmlText(s.format.number(t, digits)),
      ),
    ),
  ];
  let cursor = LEGEND_BAR.width + 16;
  parts.push(
    element(
      'text',
      { x: cursor, y: LEGEND_BAR.height / 2, dy: CENTRAL, 'font-size': 13 },
      xmlText(what),
    ),
  );
  cursor += estimateTextWidth(what, 13) + 24;
  if (view.causal) {
    const masked = view.mode === 'weights' ? s.legendMaskedWeight : s.legendMasked;
    parts.push(
      element('rect', {
        x: cursor,
        y: -3,
        width: 18,
        height: 18,
        fill: `url(#${HATCH_ID})`,
        stroke: EXPORT_COLORS.border,
      }),
      element(
        'text',
        { x: cursor + 24, y: LEGEND_BAR.height / 2, dy: CENTRAL, 'font-size': 13 },
        xmlText(masked),
      ),
    );
    cursor += 24 + estimateTextWidth(masked, 13);
  }
  return {
    svg: element(
      'g',
      { transform: `translate(${num(x)} ${num(y)})`, fill: EXPORT_COLORS.fg, class: 'hm-legend' },
      parts,
    ),
    width: cursor,
  };
}
