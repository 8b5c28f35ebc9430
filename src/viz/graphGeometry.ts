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

const NODE_GAP = 12;
// Room a self-loop needs beside its node.
const LOOP_ROOM = 40;
// Wide enough that a self-loop in the middle of the node's edge clears the arcs' ports at its sides.
const MIN_HALF_WIDTH = 21;

function nodeBoxes(
  points: readonly Point[],
  halfWidths: readonly number[],
  halfHeight: number,
): NodeBox[] {
  return points.map((p, i) => ({ x: p.x, y: p.y, halfWidth: halfWidths[i] ?? 16, halfHeight }));
}

/**
 * Lays out `tokens` (their display texts) for `layout` in a drawing `width` px wide; the
 * height follows from the layout. The line layout runs across when every label fits its
 * slot and turns vertical (reading order downwards) when it does not, as on a phone.
 * `weights` (T, T) drives the force layout only. With `backwardOnly` (the causal mask: no
 * token attends to a later one) the line layout keeps no room for arcs to later tokens.
 */
export function graphGeometry(
  tokens: readonly string[],
  layout: GraphLayout,
  width: number,
  weights: Matrix | null,
  backwardOnly = false,
): GraphGeometry {
  const n = tokens.length;
  // Larger type for short sentences: they are the ones projected in a classroom.
  const fontSize = n > 40 ? 11 : n > 16 ? 13 : 15;
  const halfHeight = Math.round(fontSize * 0.95);
  const labels = tokens.map((t) => truncateLabel(t, MAX_NODE_LABEL));
  const halfWidths = labels.map((l) =>
    Math.max(MIN_HALF_WIDTH, estimateTextWidth(l, fontSize) / 2 + 8),
  );
  const widest = Math.max(0, ...halfWidths) * 2;
  const lineLength = halfWidths.reduce((sum, hw) => sum + 2 * hw + NODE_GAP, 0);

  if (layout === 'line') {
    if (lineLength <= width) {
      const maxBulge = Math.min(150, Math.max(56, width * 0.16));
      // Above the line: arcs to later tokens, or only the self-loops.
      const above = backwardOnly ? LOOP_ROOM : maxBulge + 14;
      const lineY = above + halfHeight;
      const height = Math.round(lineY + halfHeight + maxBulge + 14);
      const sizes = halfWidths.map((hw) => 2 * hw + NODE_GAP);
      const boxes = nodeBoxes(
        lineLayout(n, width, { height: 2 * lineY, sizes }),
        halfWidths,
        halfHeight,
      );
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
    // Right of the line: arcs to later tokens, or only the self-loops, leaving the width to the left.
    const lineX = backwardOnly ? Math.max(width / 2, width - widest / 2 - LOOP_ROOM) : width / 2;
    const maxBulge = Math.max(30, lineX - widest / 2 - 16);
    const boxes = nodeBoxes(
      lineLayout(n, 2 * lineX, { height, orientation: 'vertical', padding: 8 }),
      halfWidths,
      halfHeight,
    );
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
  if (s === t)
    return selfLoopPath(a, orientation === 'horizontal' ? { x: 0, y: -1 } : { x: 1, y: 0 }, 20);
  return arcPath(a, boxes[t] as NodeBox, { orientation, maxBulge });
}
