/**
 * The attention heatmap as a standalone SVG document, written from the heatmap's scene
 * (src/viz/heatmap/heatmapScene.ts) as the screen draws it, at a file's own size: every
 * label drawn and cells big enough for their numbers. Built from the data, not copied from
 * the page, so it works the same whether the screen shows the SVG or the canvas heatmap: a
 * title, the key and query axes with every token's label (the full text in each label's
 * <title>), the cells coloured by the view's own scale and outlined as on screen, numbers
 * in cells that are big enough, the row sums once softmax is applied, and the colour legend.
 *
 * Up to DETAILED_MAX_TOKENS tokens each cell is its own <rect> carrying data-i, data-j,
 * data-value (float32-exact) and a <title> with its value, as on screen. Longer inputs
 * draw the cells as one <path> per colour (each row's runs of one colour merged, colours
 * from the same sampled table the canvas uses), which keeps a 512-token export to a few
 * megabytes instead of 262,144 elements.
 */
import { rgb } from 'd3-color';
import { numberFormat, type NumberFormat } from '../format';
import { heatmapGeometry, MAX_CELL, type HeatmapGeometry } from '../viz/heatmap/heatmapGeometry';
import { viewColorTable } from '../viz/heatmap/heatmapImage';
import { isMaskedCell, type HeatmapView } from '../viz/heatmap/heatmapModel';
import {
  HATCH,
  heatmapScene,
  LEGEND_BAR,
  SUM_FONT_SIZE,
  type HeatmapScene,
  type HeatmapSceneStrings,
  type SceneText,
} from '../viz/heatmap/heatmapScene';
import { colorTableIndex } from '../viz/scales';
import { estimateTextWidth } from '../viz/text';
import {
  EXPORT_COLORS,
  headingHeight,
  headingSvg,
  headingWidth,
  MARGIN,
  svgExport,
  type Heading,
  type SvgExport,
} from './svgDocument';
import { tokensDescription } from './svgDescription';
import { element, num, xmlText, type AttrValue } from './xml';

/** Up to this many tokens, every cell is its own element with its value (see the module comment). */
export const DETAILED_MAX_TOKENS = 64;
/** Largest cell of an export, px: big enough for its number on a slide. */
export const EXPORT_MAX_CELL = 64;
/** The grid of an export is about this wide (cells shrink to fit it, down to the SVG minimum of 12 px). */
export const EXPORT_GRID = 768;

/** The strings a heatmap export writes (the viz messages of the interface's language). */
export type HeatmapSvgStrings = HeatmapSceneStrings;

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

const HATCH_ID = 'hm-hatch';
const GRADIENT_ID = 'hm-legend-gradient';
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
  const scene = heatmapScene({
    tokens,
    view,
    geometry: exportHeatmapGeometry(tokens),
    format: input.format ?? numberFormat('en'),
    strings: input.strings,
  });
  const g = scene.geometry;
  const top = headingHeight(heading);
  const legendY = top + g.height + 12;
  const legend = legendSvg(scene, MARGIN, legendY);
  const width = Math.max(
    MARGIN + g.width + MARGIN,
    headingWidth(heading),
    MARGIN + legend.width + MARGIN,
  );
  const height = legendY + LEGEND_HEIGHT + MARGIN;

  const body = [
    headingSvg(heading),
    element('g', { transform: `translate(${num(MARGIN)} ${num(top)})` }, [
      axesSvg(scene),
      tokens.length <= DETAILED_MAX_TOKENS ? detailedCells(scene) : mergedCells(scene),
      sumsSvg(scene),
    ]),
    legend.svg,
  ];
  return svgExport({
    width,
    height,
    title: heading.title,
    description: tokensDescription(scene.rowLabels.map((label) => label.text)),
    defs: hatchPattern() + gradient(scene),
    body: body.join(''),
  });
}

/** The hatch of masked cells: the scene's HATCH, in the colours of .hm-hatch-bg and .hm-hatch-line. */
function hatchPattern(): string {
  return element(
    'pattern',
    {
      id: HATCH_ID,
      width: HATCH.size,
      height: HATCH.size,
      patternUnits: 'userSpaceOnUse',
      patternTransform: `rotate(${HATCH.angle})`,
    },
    [
      element('rect', { width: HATCH.size, height: HATCH.size, fill: EXPORT_COLORS.hatchBg }),
      element('line', {
        x1: 0,
        y1: 0,
        x2: 0,
        y2: HATCH.size,
        stroke: EXPORT_COLORS.masked,
        'stroke-width': HATCH.lineWidth,
      }),
    ],
  );
}

/** The legend's gradient, the scene's stops. */
function gradient(scene: HeatmapScene): string {
  const stops = (scene.legend?.stops ?? []).map((s) =>
    element('stop', { offset: s.offset, 'stop-color': hex(s.color) }),
  );
  return element('linearGradient', { id: GRADIENT_ID }, stops);
}

/** A scene's text as <text> attributes: level at its point, or turned about it. */
function placed(t: SceneText): Record<string, AttrValue> {
  const at: Record<string, AttrValue> =
    t.rotate === 0
      ? { x: t.x, y: t.y }
      : { transform: `translate(${num(t.x)} ${num(t.y)}) rotate(${num(t.rotate)})` };
  return { ...at, ...(t.central ? { dy: CENTRAL } : {}), 'text-anchor': t.anchor };
}

/** Axis titles and the token labels down the left and across the top. */
function axesSvg(scene: HeatmapScene): string {
  const axisTitle = { 'font-size': 12, 'font-style': 'italic', fill: EXPORT_COLORS.muted };
  const labels = [...scene.rowLabels, ...scene.columnLabels].map((l, k) =>
    element(
      'text',
      {
        ...placed(l),
        [k < scene.n ? 'data-row-label' : 'data-column-label']: l.index,
      },
      element('title', {}, xmlText(l.title)) + xmlText(l.text),
    ),
  );
  return [
    element(
      'text',
      { ...axisTitle, x: scene.keyTitle.x, y: scene.keyTitle.y },
      xmlText(scene.keyTitle.text),
    ),
    element('text', { ...axisTitle, ...placed(scene.queryTitle) }, xmlText(scene.queryTitle.text)),
    element('g', { 'font-size': scene.geometry.labelFontSize, fill: EXPORT_COLORS.fg }, labels),
  ].join('');
}

/** The grid's group, outlined as on screen (see HeatmapScene.outline). */
function gridGroup(scene: HeatmapScene, extra: Record<string, number>, children: string[]) {
  const outlined = scene.outline === 'cells';
  return element(
    'g',
    {
      class: 'hm-grid',
      ...extra,
      stroke: outlined ? EXPORT_COLORS.outline : null,
      'stroke-width': outlined ? 1 : null,
    },
    children,
  );
}

/** One <rect> per cell with its value and title, and the numbers that fit. */
function detailedCells(scene: HeatmapScene): string {
  const { n, geometry: g } = scene;
  const rects: string[] = [];
  const numbers: string[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const c = scene.cellAt(i, j);
      rects.push(
        element(
          'rect',
          {
            class: c.masked ? 'hm-cell hm-cell--masked' : 'hm-cell',
            'data-i': i,
            'data-j': j,
            'data-value': String(c.value),
            x: c.x,
            y: c.y,
            width: c.side,
            height: c.side,
            fill: c.fill === null ? `url(#${HATCH_ID})` : hex(c.fill),
          },
          element('title', {}, xmlText(c.title)),
        ),
      );
      if (c.text) {
        const ink = c.ink ?? EXPORT_COLORS.muted;
        numbers.push(
          element('text', { x: c.cx, y: c.cy, dy: CENTRAL, fill: ink }, xmlText(c.text)),
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
  return gridGroup(scene, {}, rects) + numberGroup;
}

/** The cells as one <path> per colour, and the outline as one path of lines. */
function mergedCells(scene: HeatmapScene): string {
  const { n, view } = scene;
  const { cell, left, top } = scene.geometry;
  if (!view) return '';
  const table = viewColorTable(view);
  const HATCHED = -1;
  const paths = new Map<number, string[]>();
  const colorOf = (i: number, j: number) =>
    isMaskedCell(view, i, j)
      ? HATCHED
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
      color === HATCHED
        ? `url(#${HATCH_ID})`
        : rgb(
            table.rgb[3 * color] as number,
            table.rgb[3 * color + 1] as number,
            table.rgb[3 * color + 2] as number,
          ).formatHex();
    out.push(element('path', { fill, d: ds.join(''), stroke: 'none' }));
  }
  out.push(element('path', { fill: 'none', d: gridLines(scene) }));
  return gridGroup(scene, { 'data-cells': n * n }, out);
}

/** The lines the canvas draws between cells (or round the grid, for small cells), as path data. */
function gridLines(scene: HeatmapScene): string {
  const { n, size } = scene;
  const { cell, left, top } = scene.geometry;
  if (scene.outline === 'frame')
    return `M${num(left)} ${num(top)}h${num(size)}v${num(size)}h${num(-size)}z`;
  const lines: string[] = [];
  for (let k = 0; k <= n; k++) {
    lines.push(`M${num(left + k * cell)} ${num(top)}v${num(size)}`);
    lines.push(`M${num(left)} ${num(top + k * cell)}h${num(size)}`);
  }
  return lines.join('');
}

/** The row sums beside the grid, once softmax is applied. */
function sumsSvg(scene: HeatmapScene): string {
  const { sums } = scene;
  if (!sums) return '';
  const header = element(
    'text',
    { x: sums.header.x, y: sums.header.y, 'font-weight': 700 },
    xmlText(sums.header.text),
  );
  const rows = sums.rows.map((sum) =>
    element(
      'text',
      { x: sum.x, y: sum.y, dy: CENTRAL },
      element('title', {}, xmlText(sum.title)) + xmlText(sum.text),
    ),
  );
  return element(
    'g',
    { 'font-size': SUM_FONT_SIZE, 'text-anchor': 'middle', fill: EXPORT_COLORS.fg },
    [header, ...rows],
  );
}

/** The colour key below the grid: the gradient bar, its range, what it measures, the masked swatch. */
function legendSvg(scene: HeatmapScene, x: number, y: number): { svg: string; width: number } {
  const { legend } = scene;
  if (!legend) return { svg: '', width: 0 };
  const parts: string[] = [
    element('rect', {
      width: LEGEND_BAR.width,
      height: LEGEND_BAR.height,
      fill: `url(#${GRADIENT_ID})`,
      stroke: EXPORT_COLORS.outline,
    }),
    ...legend.ticks.map((t) =>
      element(
        'text',
        { x: t.x, y: t.y, 'font-size': 11, 'text-anchor': t.anchor },
        xmlText(t.text),
      ),
    ),
  ];
  let cursor = LEGEND_BAR.width + 16;
  parts.push(
    element(
      'text',
      { x: cursor, y: LEGEND_BAR.height / 2, dy: CENTRAL, 'font-size': 13 },
      xmlText(legend.what),
    ),
  );
  cursor += estimateTextWidth(legend.what, 13) + 24;
  if (legend.masked !== null) {
    parts.push(
      element('rect', {
        x: cursor,
        y: -3,
        width: 18,
        height: 18,
        fill: `url(#${HATCH_ID})`,
        stroke: EXPORT_COLORS.outline,
      }),
      element(
        'text',
        { x: cursor + 24, y: LEGEND_BAR.height / 2, dy: CENTRAL, 'font-size': 13 },
        xmlText(legend.masked),
      ),
    );
    cursor += 24 + estimateTextWidth(legend.masked, 13);
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
