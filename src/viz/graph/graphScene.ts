/**
 * The attention graph as a scene: one pure function from the sentence, the selected head's
 * weights and the graph's view options (layout, threshold, top-k, focus, every edge or
 * only each token's covering edges) to everything the
 * graph draws: where each node sits and how it is painted, which edges are shown and in
 * which order, their paths, widths and opacities, which edges carry their weight as a label
 * and where, the reading-order line, and which legend applies. The graph panel renders it
 * as React elements and src/export/graphSvg.ts writes the very same scene into a file, so
 * the screen and the export cannot disagree on a rule.
 *
 * Placing the nodes (`layoutGraph`) is the costly part (the force layout runs a
 * simulation) and depends on fewer inputs than the rest, so it is a step of its own, which
 * the screen memoizes apart and `graphScene` runs itself when it is not handed one.
 */
import { isolate } from '../../bidi';
import type { Matrix } from '../../core/matrix';
import type { NumberFormat } from '../../format';
import type { Messages } from '../../messages';
import type { GraphLayout, GraphView } from '../../vocabulary/graph';
import type { SceneColor } from '../sceneColor';
import {
  DEFAULT_COVERAGE,
  edgeKey,
  edgeOpacity,
  edgeWidth,
  LONG_INPUT_TOKENS,
  maxEdgesFor,
  selectEdgesDetailed,
  type Edge,
  type EdgeSelection,
} from './edges';
import {
  effectiveLayout,
  graphGeometry,
  type GraphGeometry,
  type LabelSpot,
} from './graphGeometry';
import type { LineOrientation, Point } from './layouts';
import type { EdgeShape, NodeBox } from './paths';

/**
 * With a focused token, its edges carry their weight as a label, up to this many edges:
 * beyond, the labels would pile up on each other.
 */
export const MAX_EDGE_LABELS = 40;
/**
 * Past LONG_INPUT_TOKENS tokens, with no focused token, every edge is drawn at this share
 * of its opacity: hundreds of arrows become a faint overview of where attention goes,
 * under the hovered token's edges, which the highlight draws at full strength (and a
 * focused token's edges, drawn alone, keep their full opacity too).
 */
export const OVERVIEW_OPACITY = 0.35;
/** Decimals of an edge's weight label. */
export const EDGE_LABEL_DIGITS = 2;
/** A focused dot too small to see (a long input's) is drawn this big, px. */
export const FOCUSED_DOT_RADIUS = 4;
/** Dots smaller than this radius (px) are drawn filled and without an outline. */
const SMALL_DOT = 3;

/** What places the nodes: the sentence, the layout asked for, the width and the weights. */
export interface GraphLayoutInput {
  /** Each token's text as displayed (isolated here when it needs it: see `isolate`). */
  readonly texts: readonly string[];
  /** The layout the user chose; a long input's line becomes a circle (`effectiveLayout`). */
  readonly layout: GraphLayout;
  /** Width of the drawing, px. */
  readonly width: number;
  /** The selected head's weights (T, T), which only the force layout reads; or null. */
  readonly weights: Matrix | null;
  /** The causal mask is on: the line layout keeps no room for arcs to later tokens. */
  readonly causal: boolean;
}

/** The nodes placed for `input` (see the module comment): the geometry `graphScene` draws. */
export function layoutGraph(input: GraphLayoutInput): GraphGeometry {
  const layout = effectiveLayout(input.layout, input.texts.length);
  return graphGeometry(
    input.texts.map(isolate),
    layout,
    input.width,
    layout === 'force' ? input.weights : null,
    input.causal,
  );
}

/** A token as the graph needs it. */
export interface GraphToken {
  readonly text: string;
  /** False for a word without a GloVe vector (a made-up one): its node is marked. */
  readonly known: boolean;
}

/** The strings a graph scene writes: the edges' titles. */
export type GraphSceneStrings = Pick<Messages['viz'], 'edgeTitle'>;

/** Everything `graphScene` draws from. */
export interface GraphSceneInput {
  readonly tokens: readonly GraphToken[];
  /** Width of the drawing, px. */
  readonly width: number;
  /** The selected head's weights (T, T): the edges, and the force layout's pull. */
  readonly weights: Matrix | null;
  /** Edges are drawn (the walkthrough has reached Softmax); before, the tokens only. */
  readonly edgesShown: boolean;
  readonly causal: boolean;
  /** Layout, threshold, top-k, focus and its direction, as the store holds them. */
  readonly view: GraphView;
  /** How numbers are written: the interface's language. */
  readonly format: NumberFormat;
  readonly strings: GraphSceneStrings;
}

/** How a node is painted, in theme colours (AttentionGraph.css says the same for the screen). */
export interface NodePaint {
  readonly fill: SceneColor;
  readonly stroke: SceneColor | null;
  readonly strokeWidth: number;
  /** A dashed outline: a word without a GloVe vector, as its chip. */
  readonly dashed: boolean;
  /** Radius of a dot, px (0 for a labelled box). */
  readonly radius: number;
  /** Colour and weight of the node's label. */
  readonly text: SceneColor;
  readonly bold: boolean;
}

/**
 * A node: a labelled box, a dot with its label beside it (a compact drawing), or, when
 * dots are only a few px apart, a small filled dot.
 */
export interface GraphSceneNode {
  readonly index: number;
  readonly shape: 'box' | 'dot' | 'smallDot';
  /** Centre and half-sizes (the geometry's own object, so it keeps its identity). */
  readonly box: NodeBox;
  /** The shortened label drawn in or beside the node. */
  readonly label: string;
  /** Where a dot's label goes relative to the centre, and whether it is drawn at all. */
  readonly spot: LabelSpot;
  /** The label's position in the drawing (centre plus spot). */
  readonly labelAt: Point;
  /** The token's text, for titles. */
  readonly text: string;
  /** The token's whole text as displayed (isolated), for a highlighted label. */
  readonly display: string;
  readonly known: boolean;
  readonly focused: boolean;
  readonly paint: NodePaint;
}

/** A drawn edge: the pair, its weight, its path and how strongly it is stroked. */
export interface GraphSceneEdge extends Edge, EdgeShape {
  /** `edgeKey(source, target)`. */
  readonly key: string;
  readonly strokeWidth: number;
  readonly opacity: number;
  /** "query → key: weight", with the weight in full. */
  readonly title: string;
}

/** A weight printed beside its edge. */
export interface EdgeLabel {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

/** Which sentence of the legend says where each direction goes (a key of the viz messages). */
export type GraphLegendKey = 'legendLineHorizontal' | 'legendLineVertical' | 'legendOther';

/** Everything the graph draws. */
export interface GraphScene {
  readonly width: number;
  readonly height: number;
  /** The layout drawn (the choice, or the circle for a long line). */
  readonly layout: GraphLayout;
  readonly orientation: LineOrientation;
  readonly fontSize: number;
  /** Nodes are dots with their labels beside them (see GraphGeometry.compact). */
  readonly compact: boolean;
  /** Radius of the disc that takes the pointer around a dot (0 for boxes). */
  readonly hitRadius: number;
  /** The dashed reading-order line under a horizontal line layout, at this y; or null. */
  readonly baselineY: number | null;
  readonly nodes: readonly GraphSceneNode[];
  /** The edges shown, weakest first so that the strong ones lie on top. */
  readonly edges: readonly GraphSceneEdge[];
  /** The edges chosen and what the cap did, or null before step Softmax. */
  readonly selection: EdgeSelection | null;
  /** The weights printed on the focused token's edges (none without a focus, or too many edges). */
  readonly edgeLabels: readonly EdgeLabel[];
  /** The focused token, or null (also for a focus beyond the sentence). */
  readonly focus: number | null;
  /** Font size of a highlighted or focused label drawn in full over a compact drawing. */
  readonly haloFontSize: number;
  readonly legend: GraphLegendKey;
  /**
   * The edge i -> j as it would be drawn, whether or not the filters keep it; null before
   * step Softmax, for a pair outside the sentence or for a weight of 0 (masked). The screen
   * highlights a hovered or selected heatmap cell's edge with it when the default view
   * leaves that edge out, so choosing any pair still shows its arrow.
   */
  readonly edgeOf: (source: number, target: number) => GraphSceneEdge | null;
}

/** The paint of a node of `shape` (see NodePaint). */
export function nodePaint(
  shape: GraphSceneNode['shape'],
  radius: number,
  focused: boolean,
  known: boolean,
): NodePaint {
  const outline: SceneColor = focused ? 'accent' : known ? 'fg' : 'unknown';
  if (shape === 'box') {
    return {
      fill: focused ? 'accent' : 'bg',
      stroke: outline,
      strokeWidth: 1.5,
      dashed: !known,
      radius: 0,
      text: focused ? 'accentFg' : 'fg',
      bold: focused,
    };
  }
  if (shape === 'dot') {
    const fill = focused ? 'accent' : 'bg';
    return {
      fill,
      stroke: outline,
      strokeWidth: 1.5,
      dashed: false,
      radius,
      text: 'muted',
      bold: false,
    };
  }
  // Hundreds of dots a few px apart would merge into a black ring if outlined; an unknown
  // word's dot keeps its mark, and the focused one grows to be seen.
  return {
    fill: focused ? 'accent' : 'muted',
    stroke: focused || !known ? outline : null,
    strokeWidth: 1.5,
    dashed: false,
    radius: focused ? FOCUSED_DOT_RADIUS : radius,
    text: 'muted',
    bold: false,
  };
}

/** The edges to draw for the view's filters, or null when edges are not shown yet. */
function edgeSelection(input: GraphSceneInput): EdgeSelection | null {
  const { weights, view } = input;
  if (!input.edgesShown || !weights) return null;
  return selectEdgesDetailed(weights, {
    threshold: view.threshold,
    topK: view.topK,
    focus: view.focus,
    direction: view.direction,
    maxEdges: maxEdgesFor(weights.rows, view.topK, view.focus !== null),
    coverage: view.everyEdge ? 1 : DEFAULT_COVERAGE,
  });
}

/**
 * The graph's scene for `input` (see the module comment). `geometry` is `layoutGraph` of
 * the same input, passed by callers that keep it between scenes.
 */
export function graphScene(
  input: GraphSceneInput,
  geometry: GraphGeometry = layoutGraph({
    texts: input.tokens.map((t) => t.text),
    layout: input.view.layout,
    width: input.width,
    weights: input.weights,
    causal: input.causal,
  }),
): GraphScene {
  const { tokens, view, format, strings } = input;
  const n = tokens.length;
  const layout = effectiveLayout(view.layout, n);
  const focus = view.focus !== null && view.focus >= 0 && view.focus < n ? view.focus : null;
  const display = tokens.map((t) => isolate(t.text));

  const nodes = geometry.boxes.map((box, i): GraphSceneNode => {
    const token = tokens[i];
    const known = token?.known ?? true;
    const shape = !geometry.compact ? 'box' : box.halfWidth < SMALL_DOT ? 'smallDot' : 'dot';
    const spot = geometry.labelSpots[i] as LabelSpot;
    return {
      index: i,
      shape,
      box,
      label: geometry.labels[i] ?? '',
      spot,
      labelAt: { x: box.x + spot.dx, y: box.y + spot.dy },
      text: token?.text ?? '',
      display: display[i] ?? '',
      known,
      focused: focus === i,
      paint: nodePaint(shape, box.halfWidth, focus === i, known),
    };
  });

  const selection = edgeSelection(input);
  const fade = n > LONG_INPUT_TOKENS && focus === null ? OVERVIEW_OPACITY : 1;
  const sceneEdge = (e: Edge): GraphSceneEdge => ({
    ...e,
    ...geometry.edgeShape(e.source, e.target),
    key: edgeKey(e.source, e.target),
    strokeWidth: edgeWidth(e.weight),
    opacity: edgeOpacity(e.weight) * fade,
    title: strings.edgeTitle(
      display[e.source] ?? '',
      display[e.target] ?? '',
      format.full(e.weight),
    ),
  });
  const { weights } = input;
  const edgeOf = (source: number, target: number): GraphSceneEdge | null => {
    if (!selection || !weights || source < 0 || target < 0 || source >= n || target >= n) {
      return null;
    }
    const weight = weights.data[source * weights.cols + target] as number;
    return weight > 0 ? sceneEdge({ source, target, weight }) : null;
  };
  const edges = (selection?.edges ?? []).map(sceneEdge).sort((a, b) => a.weight - b.weight);

  return {
    width: geometry.width,
    height: geometry.height,
    layout,
    orientation: geometry.orientation,
    fontSize: geometry.fontSize,
    compact: geometry.compact,
    hitRadius: geometry.hitRadius,
    baselineY:
      layout === 'line' && geometry.orientation === 'horizontal' && n > 0
        ? (geometry.boxes[0]?.y ?? 0)
        : null,
    nodes,
    edges,
    selection,
    edgeLabels: focus === null ? [] : edgeLabels(edges, view.direction, format),
    focus,
    haloFontSize: geometry.fontSize + 1,
    edgeOf,
    legend:
      layout !== 'line'
        ? 'legendOther'
        : geometry.orientation === 'horizontal'
          ? 'legendLineHorizontal'
          : 'legendLineVertical',
  };
}

/**
 * The weights of a focused token's edges, printed beside them; none when there are more
 * than MAX_EDGE_LABELS. The edges fan out from the focused token, so each label goes near
 * the edge's other end, where the fan is widest (a self-loop's just beyond the loop).
 */
function edgeLabels(
  edges: readonly GraphSceneEdge[],
  direction: GraphView['direction'],
  format: NumberFormat,
): EdgeLabel[] {
  if (edges.length > MAX_EDGE_LABELS) return [];
  return edges.map((e) => {
    const p = e.source === e.target ? e.label : direction === 'out' ? e.nearTarget : e.nearSource;
    return { key: e.key, x: p.x, y: p.y, text: format.number(e.weight, EDGE_LABEL_DIGITS) };
  });
}
