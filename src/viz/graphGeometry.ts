/**
 * Everything about where the graph's nodes sit and how its edges bend, for one sentence,
 * layout and width. Pure and DOM-free: the component memoizes it per (labels, layout,
 * width, weights) and renders the result, so nothing is laid out per frame.
 */
import type { Matrix } from '../core/matrix';
import type { GraphLayout } from '../store/store';
import { circleLayout, forceLayout, lineLayout, type LineOrientation, type Point } from './layouts';
import { arcPath, chordPath, selfLoopPath, type EdgeShape, type NodeBox } from './paths';
import { estimateTextWidth, truncateLabel } from './text';

/** Longest label drawn in a node, in characters; the full token is in the node's title. */
export const MAX_NODE_LABEL = 12;

/** The graph's drawing, ready to render. */
export interface GraphGeometry {
  readonly width: number;
  readonly height: number;
  /** Orientation of the line layout (also set, unused, for the others). */
  readonly orientation: LineOrientation;
  readonly fontSize: number;
  /** The (possibly shortened) label of each node. */
  readonly labels: readonly string[];
  readonly boxes: readonly NodeBox[];
  /** The path of the edge source -> target (a self-loop when they are equal). */
  edgeShape(source: number, target: number): EdgeShape;
}

const NODE_HALF_HEIGHT = 13;
const NODE_GAP = 10;

function nodeBoxes(points: readonly Point[], halfWidths: readonly number[], halfHeight: number): NodeBox[] {
  return points.map((p, i) => ({ x: p.x, y: p.y, halfWidth: halfWidths[i] ?? 16, halfHeight }));
}

/**
 * Lays out `tokens` (their display texts) for `layout` in a drawing `width` px wide; the
 * height follows from the layout. The line layout runs across when every label fits its
 * slot and turns vertical (reading order downwards) when it does not, as on a phone.
 * `weights` (T, T) drives the force layout only.
 */
export function graphGeometry(
  tokens: readonly string[],
  layout: GraphLayout,
  width: number,
  weights: Matrix | null,
): GraphGeometry {
  const n = tokens.length;
  const fontSize = n > 40 ? 11 : 13;
  const halfHeight = n > 40 ? 11 : NODE_HALF_HEIGHT;
  const labels = tokens.map((t) => truncateLabel(t, MAX_NODE_LABEL));
  const halfWidths = labels.map((l) => Math.max(halfHeight + 3, estimateTextWidth(l, fontSize) / 2 + 9));
  const widest = Math.max(0, ...halfWidths) * 2;

  if (layout === 'line') {
    const horizontal = n === 0 || width / n >= widest + NODE_GAP;
    if (horizontal) {
      const maxBulge = Math.min(150, Math.max(56, width * 0.16));
      const height = Math.round(2 * (maxBulge + 14) + 2 * halfHeight);
      const boxes = nodeBoxes(lineLayout(n, width, { height }), halfWidths, halfHeight);
      return {
        width,
        height,
        orientation: 'horizontal',
        fontSize,
        labels,
        boxes,
        edgeShape: (s, t) => lineEdge(boxes, s, t, 'horizontal', maxBulge),
      };
    }
    const step = n > 40 ? 2 * halfHeight + 8 : 2 * halfHeight + 16;
    const height = n * step + 16;
    const maxBulge = Math.max(30, width / 2 - widest / 2 - 16);
    const boxes = nodeBoxes(lineLayout(n, width, { height, orientation: 'vertical', padding: 8 }), halfWidths, halfHeight);
    return {
      width,
      height,
      orientation: 'vertical',
      fontSize,
      labels,
      boxes,
      edgeShape: (s, t) => lineEdge(boxes, s, t, 'vertical', maxBulge),
    };
  }

  const height = Math.round(Math.min(560, Math.max(300, width * 0.8)));
  // Room for the widest label and for self-loops, which point away from the middle.
  const padding = { x: widest / 2 + 30, y: halfHeight + 34 };
  const points =
    layout === 'circle' || weights === null
      ? circleLayout(n, width, height, padding)
      : forceLayout(weights, width, height, { padding });
  const boxes = nodeBoxes(points, halfWidths, halfHeight);
  const centre = { x: width / 2, y: height / 2 };
  return {
    width,
    height,
    orientation: 'horizontal',
    fontSize,
    labels,
    boxes,
    edgeShape: (s, t) => {
      const a = boxes[s] as NodeBox;
      if (s === t) {
        const away = { x: a.x - centre.x, y: a.y - centre.y };
        return selfLoopPath(a, Math.hypot(away.x, away.y) > 1 ? away : { x: 0, y: -1 });
      }
      return chordPath(a, boxes[t] as NodeBox);
    },
  };
}

function lineEdge(
  boxes: readonly NodeBox[],
  s: number,
  t: number,
  orientation: LineOrientation,
  maxBulge: number,
): EdgeShape {
  const a = boxes[s] as NodeBox;
  // Self-loops sit on the side of the arcs to later tokens, in the middle of the node's edge.
  if (s === t) return selfLoopPath(a, orientation === 'horizontal' ? { x: 0, y: -1 } : { x: 1, y: 0 }, 18);
  return arcPath(a, boxes[t] as NodeBox, { orientation, maxBulge });
}
