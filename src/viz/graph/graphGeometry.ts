/**
 * Everything about where the graph's nodes sit and how its edges bend, for one sentence,
 * layout and width. Pure and DOM-free: the component memoizes it per (labels, layout,
 * width, and the weights for the force layout only) and renders the result, so nothing is
 * laid out per frame or per hover. Long inputs get small dots with every label that fits
 * beside them instead of labelled boxes, and no reading-order line (see effectiveLayout).
 */
import type { Matrix } from '../../core/matrix';
import type { GraphLayout } from '../../vocabulary/graph';
import { circleLayout, forceLayout, lineLayout, type LineOrientation, type Point } from './layouts';
import { arcPath, chordPath, selfLoopPath, type EdgeShape, type NodeBox } from './paths';
import { estimateTextWidth, truncateLabel } from '../text';

/** Longest label drawn in a node, in characters; the full token is in the node's title. */
export const MAX_NODE_LABEL = 12;

/**
 * The reading-order line holds at most this many tokens. Beyond, it would be a column
 * some 30 px per token tall (512 tokens: 14,000 px) with arcs spanning screens, so the
 * graph uses the circle instead, which keeps reading order (clockwise) in one screen.
 */
export const LINE_LAYOUT_MAX_TOKENS = 40;

/** The layout drawn for `layout` (the store's choice) with `n` tokens: the line becomes a circle past LINE_LAYOUT_MAX_TOKENS. */
export function effectiveLayout(layout: GraphLayout, n: number): GraphLayout {
  return layout === 'line' && n > LINE_LAYOUT_MAX_TOKENS ? 'circle' : layout;
}

/** Radius of a node drawn as a dot (compact drawings), px. */
export const DOT_RADIUS = 4;
/** Dots never get smaller than this, px. */
const MIN_DOT_RADIUS = 1.5;
/** A compact drawing's self-loops reach this far (px), a labelled box's the default 22. */
const COMPACT_LOOP = 10;

/** Where a node's label goes, relative to the node's centre, and whether it is drawn. */
export interface LabelSpot {
  readonly dx: number;
  readonly dy: number;
  readonly anchor: 'start' | 'middle' | 'end';
  /** False when the label would overlap one drawn before it (it still shows on hover). */
  readonly shown: boolean;
}

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
  /**
   * True when nodes are dots with their labels beside them (too many tokens for labelled
   * boxes); then `labelSpots` says where each label goes and which are drawn.
   */
  readonly compact: boolean;
  readonly labelSpots: readonly LabelSpot[];
  /**
   * Radius of the transparent disc that takes the pointer around a dot (compact only; 0
   * otherwise): as big as it can be without covering the neighbours' dots.
   */
  readonly hitRadius: number;
  /** The path of the edge source -> target (a self-loop when they are equal). */
  edgeShape(source: number, target: number): EdgeShape;
}

const CENTRED: LabelSpot = { dx: 0, dy: 0, anchor: 'middle', shown: true };

/** The room kept for labels grows in steps of this many px (see `labelRoom`). */
export const LABEL_ROOM_STEP = 16;

/**
 * The room a ring keeps for its widest label, `width` rounded up to a whole step. Typing
 * changes the widest label by a few pixels per keystroke; with the exact width, every node
 * of the ring would shift by a fraction of a pixel each time (a drawing that trembles, and
 * hundreds of nodes to move in the DOM). In steps, the ring stays put until a label grows
 * past the room it has.
 */
export function labelRoom(width: number): number {
  return Math.ceil(width / LABEL_ROOM_STEP) * LABEL_ROOM_STEP;
}

/** A label's rectangle, for the overlap test. */
interface Rect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

const overlaps = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** True when two neighbours on the ring (consecutive points, and last with first) would touch. */
function ringCrowded(points: readonly Point[], halfWidths: readonly number[], halfHeight: number) {
  const gap = 2;
  for (let i = 0; i < points.length && points.length > 1; i++) {
    const k = (i + 1) % points.length;
    const a = points[i] as Point;
    const b = points[k] as Point;
    const apartX = Math.abs(a.x - b.x) >= (halfWidths[i] ?? 0) + (halfWidths[k] ?? 0) + gap;
    const apartY = Math.abs(a.y - b.y) >= 2 * halfHeight + gap;
    if (!apartX && !apartY) return true;
  }
  return false;
}

/**
 * Label spots beside dots: pointing away from `centre` (circle) or to the right (force),
 * each label kept only if its rectangle clears every label kept before it. Greedy in
 * reading order, which on a ring leaves evenly spaced labels: every nth token.
 */
function spotsBesideDots(
  points: readonly Point[],
  widths: readonly number[],
  fontSize: number,
  centre: Point | null,
  dot: number,
): LabelSpot[] {
  const kept: Rect[] = [];
  const lineHeight = fontSize + 2;
  const away = dot + 4;
  return points.map((p, i) => {
    const w = widths[i] ?? 0;
    let dx = away;
    let dy = 0;
    let anchor: LabelSpot['anchor'] = 'start';
    if (centre) {
      const vx = p.x - centre.x;
      const vy = p.y - centre.y;
      const len = Math.hypot(vx, vy) || 1;
      const ux = vx / len;
      const uy = vy / len;
      anchor = ux > 0.3 ? 'start' : ux < -0.3 ? 'end' : 'middle';
      dx = ux * away;
      // Centred labels (top and bottom of the ring) sit a whole half-line further out.
      dy = uy * (away + (anchor === 'middle' ? lineHeight / 2 : 0));
    }
    const x0 = p.x + dx - (anchor === 'start' ? 0 : anchor === 'end' ? w : w / 2);
    const rect = {
      x0: x0 - 1,
      y0: p.y + dy - lineHeight / 2,
      x1: x0 + w + 1,
      y1: p.y + dy + lineHeight / 2,
    };
    const shown = !kept.some((r) => overlaps(r, rect));
    if (shown) kept.push(rect);
    return { dx, dy, anchor, shown };
  });
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
        compact: false,
        labelSpots: boxes.map(() => CENTRED),
        hitRadius: 0,
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
      compact: false,
      labelSpots: boxes.map(() => CENTRED),
      hitRadius: 0,
      edgeShape: (s, t) => lineEdge(boxes, s, t, 'vertical', maxBulge),
    };
  }

  const height = Math.round(Math.min(560, Math.max(300, width * 0.8)));
  const centre = { x: width / 2, y: height / 2 };
  // Room for the widest label and for self-loops, which point away from the middle.
  const padding = { x: labelRoom(widest) / 2 + 30, y: halfHeight + 34 };
  // Labelled boxes while they fit round the ring (the force layout spreads them at least as well).
  const compact = ringCrowded(circleLayout(n, width, height, padding), halfWidths, halfHeight);
  const textWidths = labels.map((l) => estimateTextWidth(l, fontSize));
  const widestText = labelRoom(Math.max(0, ...textWidths));
  const usedPadding = compact
    ? // Labels stand beside the dots, outside the ring (circle) or to their right (force).
      layout === 'circle'
      ? { x: widestText + DOT_RADIUS + 12, y: fontSize + DOT_RADIUS + 14 }
      : { x: widestText + DOT_RADIUS + 10, y: fontSize }
    : padding;
  const points =
    layout === 'circle' || weights === null
      ? circleLayout(n, width, height, usedPadding)
      : forceLayout(weights, width, height, {
          padding: usedPadding,
          // d3's full 300-tick cooling of 512 nodes takes seconds on a classroom laptop.
          // Started from the circle, a long input has settled enough after 80 coarser
          // ticks; dots need far less clearance than labelled boxes.
          ...(n > 100 ? { iterations: 80, theta: 1.2 } : {}),
          ...(compact ? { collideRadius: DOT_RADIUS * 2.5 } : {}),
        });
  const ring = layout === 'circle' || weights === null;
  // Typical distance between neighbouring dots: along the ring, or the side of each dot's
  // share of the box for the force layout.
  const spacing = ring
    ? nearestOnRing(points)
    : Math.sqrt(
        (Math.max(1, width - 2 * usedPadding.x) * Math.max(1, height - 2 * usedPadding.y)) /
          Math.max(1, n),
      );
  // Radii to a twentieth of a pixel: two sentences of the same length then give the same
  // dots (not ones a millionth of a pixel apart, every circle rewritten in the DOM).
  const dot = roundRadius(Math.max(MIN_DOT_RADIUS, Math.min(DOT_RADIUS, spacing * 0.35)));
  const boxes = compact
    ? nodeBoxes(
        points,
        points.map(() => dot),
        dot,
      )
    : nodeBoxes(points, halfWidths, halfHeight);
  const labelSpots = compact
    ? spotsBesideDots(points, textWidths, fontSize, ring ? centre : null, dot)
    : boxes.map(() => CENTRED);
  return {
    width,
    height,
    orientation: 'horizontal',
    fontSize,
    labels,
    boxes,
    compact,
    labelSpots,
    hitRadius: compact ? roundRadius(Math.max(dot + 1, Math.min(10, spacing / 2))) : 0,
    edgeShape: (s, t) => {
      const a = boxes[s] as NodeBox;
      if (s === t) {
        const away = { x: a.x - centre.x, y: a.y - centre.y };
        const outwards = Math.hypot(away.x, away.y) > 1 ? away : { x: 0, y: -1 };
        // Dots on a ring have their labels outside: their small loops turn inwards.
        if (compact)
          return selfLoopPath(
            a,
            ring ? { x: -outwards.x, y: -outwards.y } : outwards,
            COMPACT_LOOP,
          );
        return selfLoopPath(a, outwards);
      }
      return chordPath(a, boxes[t] as NodeBox);
    },
  };
}

/** `r` to the nearest twentieth of a pixel. */
const roundRadius = (r: number) => Math.round(r * 20) / 20;

/** The smallest distance between consecutive points of a ring (last and first included). */
function nearestOnRing(points: readonly Point[]): number {
  if (points.length < 2) return Infinity;
  let min = Infinity;
  for (let i = 0; i < points.length; i++) {
    const a = points[i] as Point;
    const b = points[(i + 1) % points.length] as Point;
    min = Math.min(min, Math.hypot(a.x - b.x, a.y - b.y));
  }
  return min;
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
