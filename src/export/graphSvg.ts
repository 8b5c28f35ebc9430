/**
 * The attention graph as a standalone SVG document, written from the graph's scene
 * (src/viz/graph/graphScene.ts), the very one the screen draws: the same node places, the
 * same edges in the same order, the same weight labels, painted with the theme's colours as
 * presentation attributes. Written from the scene rather than copied from the page because
 * the live SVG carries what a file must not: CSS custom properties that only the page
 * defines, transitions caught half-way, the hover overlay and tooltip, focus rings, and the
 * roving tabindex.
 *
 * What the screen shows of a focused token (its filled node, the weights printed on its
 * edges) is drawn too; hover highlights are not. Every node keeps data-token-index and a
 * <title> with the token's full text, every edge data-source, data-target, data-weight
 * and a <title>, as on screen.
 */
import type { GraphScene, GraphSceneNode } from '../viz/graph/graphScene';
import {
  EXPORT_COLORS,
  headingHeight,
  headingSvg,
  headingWidth,
  MARGIN,
  svgExport,
  wrapText,
  type Heading,
  type SvgExport,
} from './svgDocument';
import { tokensDescription } from './svgDescription';
import { element, num, xmlText } from './xml';

const ARROW_ID = 'arrow';
const LEGEND_FONT = 13;
// Text sits on its middle line: dy is portable where dominant-baseline is not (slide software).
const CENTRAL = '0.35em';
/** The halo behind text drawn over edges (AttentionGraph.css's .edge-label, .node-label-hl). */
const HALO = {
  stroke: EXPORT_COLORS.bg,
  'stroke-width': 4,
  'stroke-linejoin': 'round',
  'paint-order': 'stroke',
} as const;

/** What `graphSvg` draws. */
export interface GraphSvgInput {
  /** The scene on screen (`graphScene`). */
  readonly scene: GraphScene;
  readonly heading: Heading;
  /** How to read the graph, written below it. */
  readonly legend: string;
}

/** The standalone SVG of the graph (see the module comment). */
export function graphSvg(input: GraphSvgInput): SvgExport {
  const { scene, heading } = input;
  const top = headingHeight(heading);
  const width = Math.max(scene.width + 2 * MARGIN, headingWidth(heading));
  const legendLines = wrapText(input.legend, LEGEND_FONT, Math.max(200, width - 2 * MARGIN));
  const legendTop = top + scene.height + 8;
  const height = legendTop + legendLines.length * (LEGEND_FONT + 5) + MARGIN;

  const drawing = [baselineSvg(scene), edgesSvg(scene), nodesSvg(scene), focusLabelSvg(scene)];
  const legend = element(
    'g',
    { 'font-size': LEGEND_FONT, fill: EXPORT_COLORS.fg },
    legendLines.map((line, k) =>
      element('text', { x: MARGIN, y: legendTop + (k + 0.8) * (LEGEND_FONT + 5) }, xmlText(line)),
    ),
  );
  return svgExport({
    width,
    height,
    title: heading.title,
    description: tokensDescription(scene.nodes.map((node) => node.label)),
    defs: arrowMarker(),
    body:
      headingSvg(heading) +
      element('g', { transform: `translate(${num(MARGIN)} ${num(top)})` }, drawing) +
      legend,
  });
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
function baselineSvg(scene: GraphScene): string {
  if (scene.baselineY === null) return '';
  return element('line', {
    x1: 0,
    x2: scene.width,
    y1: scene.baselineY,
    y2: scene.baselineY,
    stroke: EXPORT_COLORS.border,
    'stroke-dasharray': '2 4',
  });
}

/** The edges in the scene's order, and the weights printed on a focused token's edges. */
function edgesSvg(scene: GraphScene): string {
  const edges = scene.edges.map((e) =>
    element(
      'g',
      {
        class: 'edge',
        'data-source': e.source,
        'data-target': e.target,
        'data-weight': String(e.weight),
      },
      [
        element('title', {}, xmlText(e.title)),
        element('path', {
          d: e.d,
          'stroke-width': e.strokeWidth,
          opacity: e.opacity,
          'marker-end': `url(#${ARROW_ID})`,
        }),
      ],
    ),
  );
  const group = element(
    'g',
    { class: 'edges', fill: 'none', stroke: EXPORT_COLORS.edge, 'stroke-linecap': 'round' },
    edges,
  );
  if (scene.edgeLabels.length === 0) return group;
  const labels = scene.edgeLabels.map((l) =>
    element('text', { x: l.x, y: l.y, dy: CENTRAL }, xmlText(l.text)),
  );
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
        ...HALO,
      },
      labels,
    )
  );
}

/** The nodes: labelled boxes, or dots with the labels that fit beside them. */
function nodesSvg(scene: GraphScene): string {
  const nodes = scene.nodes.map((node) =>
    element(
      'g',
      {
        class: 'node',
        'data-token-index': node.index,
        transform: `translate(${num(node.box.x)} ${num(node.box.y)})`,
      },
      [element('title', {}, xmlText(node.text)), ...nodeMarks(node, scene.fontSize)],
    ),
  );
  return element('g', { class: 'nodes' }, nodes);
}

/** A node's shape and label, painted as the scene says. */
function nodeMarks(node: GraphSceneNode, fontSize: number): string[] {
  const { box, paint } = node;
  const stroke = paint.stroke === null ? null : EXPORT_COLORS[paint.stroke];
  const outline = { stroke, 'stroke-width': stroke === null ? null : paint.strokeWidth };
  if (node.shape === 'box') {
    return [
      element('rect', {
        x: -box.halfWidth,
        y: -box.halfHeight,
        width: box.halfWidth * 2,
        height: box.halfHeight * 2,
        rx: Math.min(8, box.halfHeight),
        fill: EXPORT_COLORS[paint.fill],
        ...outline,
        'stroke-dasharray': paint.dashed ? '4 2' : null,
      }),
      element(
        'text',
        {
          'text-anchor': 'middle',
          dy: CENTRAL,
          'font-size': fontSize,
          'font-weight': paint.bold ? 700 : null,
          fill: EXPORT_COLORS[paint.text],
        },
        xmlText(node.label),
      ),
    ];
  }
  const dot = element('circle', { r: paint.radius, fill: EXPORT_COLORS[paint.fill], ...outline });
  // The focused token's label is drawn on top, in full (focusLabelSvg), as on screen.
  if (!node.spot.shown || node.focused) return [dot];
  const label = element(
    'text',
    {
      x: node.spot.dx,
      y: node.spot.dy,
      dy: CENTRAL,
      'text-anchor': node.spot.anchor,
      'font-size': fontSize,
      fill: EXPORT_COLORS[paint.text],
    },
    xmlText(node.label),
  );
  return [dot, label];
}

/** In a compact drawing, the focused token's full text on a halo above everything (HighlightedLabels). */
function focusLabelSvg(scene: GraphScene): string {
  const node = scene.focus === null ? undefined : scene.nodes[scene.focus];
  if (!scene.compact || !node) return '';
  return element(
    'text',
    {
      x: node.labelAt.x,
      y: node.labelAt.y,
      dy: CENTRAL,
      'text-anchor': node.spot.anchor,
      'font-size': scene.haloFontSize,
      'font-weight': 700,
      fill: EXPORT_COLORS.accent,
      ...HALO,
    },
    xmlText(node.display),
  );
}
