/**
 * The attention graph as a standalone SVG document, built from the layout data rather than
 * copied from the page: the same geometry (`graphGeometry`, for the same tokens, layout,
 * width and weights as on screen, so the nodes sit where they sit there) and the same
 * edges (the panel's selection, weakest first), drawn with the theme's colours as
 * presentation attributes. Built from data because the live SVG carries what a file must
 * not: CSS custom properties that only the page defines, transitions caught half-way, the
 * hover overlay and tooltip, focus rings, and the roving tabindex.
 *
 * What the screen shows of a focused token (its filled node, the weights printed on its
 * edges) is drawn too; hover highlights are not. Every node keeps data-token-index and a
 * <title> with the token's full text, every edge data-source, data-target, data-weight
 * and a <title>, as on screen.
 */
import type { Matrix } from '../core/matrix';
import { numberFormat, type NumberFormat } from '../format';
import type { Messages } from '../messages';
import type { FocusDirection, GraphLayout } from '../store/store';
import { edgeOpacity, edgeWidth, type Edge } from '../viz/graph/edges';
import { graphGeometry, type GraphGeometry } from '../viz/graph/graphGeometry';
import {
  EXPORT_COLORS,
  headingHeight,
  headingSvg,
  headingWidth,
  MARGIN,
  svgDocument,
  wrapText,
  type Heading,
} from './svgDocument';
import type { SvgExport } from './heatmapSvg';
import { element, num, xmlText } from './xml';

/** With a focus, edges carry their weight as a label up to this many edges (as on screen: MAX_EDGE_LABELS). */
const MAX_EDGE_LABELS = 40;
const ARROW_ID = 'arrow';
const LEGEND_FONT = 13;
const CENTRAL = '0.35em';

/** The strings a graph export writes. */
export type GraphSvgStrings = Pick<Messages['viz'], 'edgeTitle'>;

/** What `graphSvg` draws. */
export interface GraphSvgInput {
  /** The tokens' texts and whether GloVe knows them (unknown ones get a dashed border). */
  readonly tokens: readonly { readonly text: string; readonly known: boolean }[];
  /** The layout drawn (`effectiveLayout` of the store's choice). */
  readonly layout: GraphLayout;
  /** Width of the drawing, px: the panel's, so the export matches the screen. */
  readonly width: number;
  /** The selected head's weights (T, T): the force layout reads them. */
  readonly weights: Matrix | null;
  /** The causal mask is on (the line layout then keeps no room for arcs to later tokens). */
  readonly causal: boolean;
  /** The edges drawn on screen (the panel's selection), or none before step Softmax. */
  readonly edges: readonly Edge[];
  readonly focus: number | null;
  readonly direction: FocusDirection;
  readonly heading: Heading;
  /** How to read the graph, written below it. */
  readonly legend: string;
  readonly strings: GraphSvgStrings;
  /** How numbers are written: the interface's language (a decimal comma in Spanish). */
  readonly format?: NumberFormat;
}

/** The standalone SVG of the graph (see the module comment). */
export function graphSvg(input: GraphSvgInput): SvgExport {
  const { tokens, layout, heading } = input;
  const texts = tokens.map((t) => t.text);
  const forceWeights = layout === 'force' ? input.weights : null;
  const g = graphGeometry(texts, layout, input.width, forceWeights, input.causal);
  const top = headingHeight(heading);
  const width = Math.max(g.width + 2 * MARGIN, headingWidth(heading));
  const legendLines = wrapText(input.legend, LEGEND_FONT, Math.max(200, width - 2 * MARGIN));
  const legendTop = top + g.height + 8;
  const height = legendTop + legendLines.length * (LEGEND_FONT + 5) + MARGIN;

  const drawing = [
    baselineSvg(g, layout, texts.length),
    edgesSvg(g, input),
    nodesSvg(g, input),
    focusLabelSvg(g, input),
  ].join('');
  const legend = element(
    'g',
    { 'font-size': LEGEND_FONT, fill: EXPORT_COLORS.fg },
    legendLines.map((line, k) =>
      element('text', { x: MARGIN, y: legendTop + (k + 0.8) * (LEGEND_FONT + 5) }, xmlText(line)),
    ),
  );
  const svg = svgDocument({
    width,
    height,
    title: heading.title,
    description: heading.subtitle,
    defs: arrowMarker(),
    body:
      headingSvg(heading) +
      element('g', { transform: `translate(${num(MARGIN)} ${num(top)})` }, drawing) +
      legend,
  });
  return { svg, width: Math.ceil(width), height: Math.ceil(height) };
}

/** The arrowhead (ArrowMarker.tsx): 9 px long in user units, whatever the stroke width. */
function arrowMarker(): string {
  return element(
    'marker',
    {
      id: ARROW_ID,
      viewBox: '0 0 10 10',
      refX: 0,
      refY: 5,
      markerWidth: 9,
      markerHeight: 9,
      markerUnits: 'userSpaceOnUse',
      orient: 'auto',
    },
    element('path', { d: 'M0,0L10,5L0,10z', fill: EXPORT_COLORS.edge }),
  );
}

/** The dashed reading-order line under a horizontal line layout. */
function baselineSvg(g: GraphGeometry, layout: GraphLayout, n: number): string {
  if (g.orientation !== 'horizontal' || layout !== 'line' || n === 0) return '';
  const y = g.boxes[0]?.y ?? 0;
  return element('line', {
    x1: 0,
    x2: g.width,
    y1: y,
    y2: y,
    stroke: EXPORT_COLORS.border,
    'stroke-dasharray': '2 4',
  });
}

/** The edges, weakest first so strong ones lie on top, and their weights when a token is focused. */
function edgesSvg(g: GraphGeometry, input: GraphSvgInput): string {
  const { tokens, focus, direction, strings } = input;
  const format = input.format ?? numberFormat('en');
  const drawn = input.edges
    .map((e) => ({ ...e, ...g.edgeShape(e.source, e.target) }))
    .sort((a, b) => a.weight - b.weight);
  const edges = drawn.map((e) => {
    const title = strings.edgeTitle(
      tokens[e.source]?.text ?? '',
      tokens[e.target]?.text ?? '',
      format.full(e.weight),
    );
    return element(
      'g',
      {
        class: 'edge',
        'data-source': e.source,
        'data-target': e.target,
        'data-weight': String(e.weight),
      },
      [
        element('title', {}, xmlText(title)),
        element('path', {
          d: e.d,
          'stroke-width': edgeWidth(e.weight),
          opacity: edgeOpacity(e.weight),
          'marker-end': `url(#${ARROW_ID})`,
        }),
      ],
    );
  });
  const group = element(
    'g',
    {
      class: 'edges',
      fill: 'none',
      stroke: EXPORT_COLORS.edge,
      'stroke-linecap': 'round',
    },
    edges,
  );
  if (focus === null || drawn.length > MAX_EDGE_LABELS) return group;
  const labels = drawn.map((e) => {
    const p = e.source === e.target ? e.label : direction === 'out' ? e.nearTarget : e.nearSource;
    return element('text', { x: p.x, y: p.y, dy: CENTRAL }, xmlText(format.number(e.weight, 2)));
  });
  return (
    group +
    element(
      'g',
      {
        class: 'edge-labels',
        'font-size': 12,
        'font-weight': 700,
        'text-anchor': 'middle',
        fill: EXPORT_COLORS.fg,
        stroke: EXPORT_COLORS.bg,
        'stroke-width': 4,
        'stroke-linejoin': 'round',
        'paint-order': 'stroke',
      },
      labels,
    )
  );
}

/** The nodes: labelled boxes, or dots with the labels that fit beside them. */
function nodesSvg(g: GraphGeometry, input: GraphSvgInput): string {
  const { tokens, focus } = input;
  const nodes = g.boxes.map((box, i) => {
    const token = tokens[i];
    const text = token?.text ?? '';
    const unknown = token ? !token.known : false;
    const focused = focus === i;
    const label = g.labels[i] ?? '';
    const parts = [element('title', {}, xmlText(text))];
    if (g.compact) {
      const small = box.halfWidth < 3;
      parts.push(
        element('circle', {
          r: focused && small ? 4 : box.halfWidth,
          fill: focused ? EXPORT_COLORS.accent : small ? EXPORT_COLORS.muted : EXPORT_COLORS.bg,
          stroke: focused
            ? EXPORT_COLORS.accent
            : small
              ? null
              : unknown
                ? EXPORT_COLORS.unknown
                : EXPORT_COLORS.fg,
          'stroke-width': small && !focused ? null : 1.5,
        }),
      );
      const spot = g.labelSpots[i];
      // The focused token's label is drawn on top, in full (focusLabelSvg).
      if (spot?.shown && !focused) {
        parts.push(
          element(
            'text',
            {
              x: spot.dx,
              y: spot.dy,
              dy: CENTRAL,
              'text-anchor': spot.anchor,
              'font-size': g.fontSize,
              fill: EXPORT_COLORS.muted,
            },
            xmlText(label),
          ),
        );
      }
    } else {
      parts.push(
        element('rect', {
          x: -box.halfWidth,
          y: -box.halfHeight,
          width: box.halfWidth * 2,
          height: box.halfHeight * 2,
          rx: Math.min(8, box.halfHeight),
          fill: focused ? EXPORT_COLORS.accent : EXPORT_COLORS.bg,
          stroke: focused
            ? EXPORT_COLORS.accent
            : unknown
              ? EXPORT_COLORS.unknown
              : EXPORT_COLORS.fg,
          'stroke-width': 1.5,
          'stroke-dasharray': unknown ? '4 2' : null,
        }),
        element(
          'text',
          {
            'text-anchor': 'middle',
            dy: CENTRAL,
            'font-size': g.fontSize,
            'font-weight': focused ? 700 : null,
            fill: focused ? EXPORT_COLORS.accentFg : EXPORT_COLORS.fg,
          },
          xmlText(label),
        ),
      );
    }
    return element(
      'g',
      {
        class: 'node',
        'data-token-index': i,
        transform: `translate(${num(box.x)} ${num(box.y)})`,
      },
      parts,
    );
  });
  return element('g', { class: 'nodes' }, nodes);
}

/** In a compact drawing, the focused token's full text on a halo above everything (HighlightedLabels). */
function focusLabelSvg(g: GraphGeometry, input: GraphSvgInput): string {
  const { focus, tokens } = input;
  if (!g.compact || focus === null) return '';
  const box = g.boxes[focus];
  const spot = g.labelSpots[focus];
  if (!box || !spot) return '';
  return element(
    'text',
    {
      x: box.x + spot.dx,
      y: box.y + spot.dy,
      dy: CENTRAL,
      'text-anchor': spot.anchor,
      'font-size': g.fontSize + 1,
      'font-weight': 700,
      fill: EXPORT_COLORS.accent,
      stroke: EXPORT_COLORS.bg,
      'stroke-width': 4,
      'stroke-linejoin': 'round',
      'paint-order': 'stroke',
    },
    xmlText(tokens[focus]?.text ?? ''),
  );
}
