/**
 * SVG path data for the graph's edges: arcs over and under a line of tokens, gently curved
 * chords for the circle and force layouts, and self-loops. Every path stops one arrowhead
 * short of the target's border, so the marker (drawn from the path's end onwards) touches
 * the node instead of hiding under it.
 */
import type { LineOrientation, Point } from './layouts';

/** A node drawn as a rectangle centred on (x, y). */
export interface NodeBox {
  readonly x: number;
  readonly y: number;
  readonly halfWidth: number;
  readonly halfHeight: number;
}

/** A path and where a weight label can go on it. */
export interface EdgeShape {
  readonly d: string;
  /** The middle of the curve (t = 0.5). */
  readonly label: Point;
  /** Points a quarter of the way along from each end, where labels of a fan of edges spread out. */
  readonly nearSource: Point;
  readonly nearTarget: Point;
}

/** Length of the arrowhead in px: paths end this far before the target's border. */
export const ARROW_LENGTH = 9;

const r = (x: number) => Math.round(x * 10) / 10;
const pt = (p: Point) => `${r(p.x)},${r(p.y)}`;
const plus = (a: Point, b: Point, k = 1): Point => ({ x: a.x + b.x * k, y: a.y + b.y * k });
const minus = (a: Point, b: Point): Point => ({ x: a.x - b.x, y: a.y - b.y });
function unit(v: Point): Point {
  const len = Math.hypot(v.x, v.y);
  return len > 1e-9 ? { x: v.x / len, y: v.y / len } : { x: 0, y: -1 };
}

/** Where the ray from the box's centre towards `toward` leaves the box. */
export function boundaryPoint(box: NodeBox, toward: Point): Point {
  const dx = toward.x - box.x;
  const dy = toward.y - box.y;
  const tx = Math.abs(dx) > 1e-9 ? box.halfWidth / Math.abs(dx) : Infinity;
  const ty = Math.abs(dy) > 1e-9 ? box.halfHeight / Math.abs(dy) : Infinity;
  const t = Math.min(tx, ty);
  if (!Number.isFinite(t)) return { x: box.x, y: box.y - box.halfHeight };
  return { x: box.x + dx * t, y: box.y + dy * t };
}

/** The point at t of the cubic Bézier p0, p1, p2, p3. */
function cubicAt(p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return {
    x: a * p0.x + b * p1.x + c * p2.x + d * p3.x,
    y: a * p0.y + b * p1.y + c * p2.y + d * p3.y,
  };
}

/** Cubic Bézier from `start` to `tip` with controls c1 and c2, stopped ARROW_LENGTH before `tip`. */
function cubicToTip(start: Point, c1: Point, c2: Point, tip: Point): EdgeShape {
  const end = plus(tip, unit(minus(c2, tip)), ARROW_LENGTH);
  return {
    d: `M${pt(start)}C${pt(c1)} ${pt(c2)} ${pt(end)}`,
    label: cubicAt(start, c1, c2, end, 0.5),
    nearSource: cubicAt(start, c1, c2, end, 0.25),
    nearTarget: cubicAt(start, c1, c2, end, 0.75),
  };
}

/** Options of `arcPath`. */
export interface ArcOptions {
  readonly orientation: LineOrientation;
  /** The tallest an arc may rise above (or sink below) the line, in px. */
  readonly maxBulge: number;
}

/**
 * An arc between two tokens of the line layout, as a teacher draws it on a board. Edges to
 * a later token rise above a horizontal line (or bulge right of a vertical one); edges to an
 * earlier token go below (or left), so i -> j and j -> i never share a curve. On each
 * side the arc leaves from one half of the node's edge and arrives at the other half, so
 * outgoing and incoming arrows do not meet. The arc's height grows with the distance.
 */
export function arcPath(source: NodeBox, target: NodeBox, options: ArcOptions): EdgeShape {
  const horizontal = options.orientation === 'horizontal';
  const forward = horizontal ? target.x >= source.x : target.y >= source.y;
  const along: Point = horizontal ? { x: 1, y: 0 } : { x: 0, y: 1 };
  const normal: Point = horizontal ? { x: 0, y: forward ? -1 : 1 } : { x: forward ? 1 : -1, y: 0 };
  const sign = forward ? 1 : -1;
  const extent = (b: NodeBox) => (horizontal ? b.halfHeight : b.halfWidth);
  const port = (b: NodeBox) => (horizontal ? b.halfWidth : b.halfHeight) * 0.55;
  const start = plus(plus(source, normal, extent(source)), along, sign * port(source));
  const tip = plus(plus(target, normal, extent(target)), along, -sign * port(target));
  const distance = Math.hypot(tip.x - start.x, tip.y - start.y);
  const bulge = Math.max(ARROW_LENGTH * 2, Math.min(options.maxBulge, distance * 0.5));
  // A cubic whose two controls sit at the same height peaks at 3/4 of that height.
  const lift = (bulge * 4) / 3;
  return cubicToTip(start, plus(start, normal, lift), plus(tip, normal, lift), tip);
}

/**
 * A gently curved edge between two nodes anywhere (circle and force layouts). The curve
 * bends to the left of the direction of travel, so i -> j and j -> i bow to opposite sides.
 * `curvature` is the bow as a fraction of the distance.
 */
export function chordPath(source: NodeBox, target: NodeBox, curvature = 0.18): EdgeShape {
  const d = minus(target, source);
  const len = Math.hypot(d.x, d.y);
  const left = len > 1e-9 ? { x: d.y / len, y: -d.x / len } : { x: 0, y: -1 };
  const control = plus(
    { x: (source.x + target.x) / 2, y: (source.y + target.y) / 2 },
    left,
    curvature * len,
  );
  const start = boundaryPoint(source, control);
  const tip = boundaryPoint(target, control);
  const end = plus(tip, unit(minus(control, tip)), ARROW_LENGTH);
  const at = (t: number): Point => ({
    x: (1 - t) ** 2 * start.x + 2 * (1 - t) * t * control.x + t * t * end.x,
    y: (1 - t) ** 2 * start.y + 2 * (1 - t) * t * control.y + t * t * end.y,
  });
  return {
    d: `M${pt(start)}Q${pt(control)} ${pt(end)}`,
    label: at(0.5),
    nearSource: at(0.25),
    nearTarget: at(0.75),
  };
}

/**
 * A token attending to itself: a small loop that leaves the node's border in `direction`
 * (a vector; its length does not matter) and comes back with an arrow. `size` is how far
 * the loop reaches out from the border, in px.
 */
export function selfLoopPath(box: NodeBox, direction: Point, size = 22): EdgeShape {
  const out = unit(direction);
  const side: Point = { x: -out.y, y: out.x };
  const base = boundaryPoint(box, plus(box, out, 1000));
  const start = plus(base, side, -4);
  const tip = plus(base, side, 4);
  const reach = size * 1.35;
  const spread = size * 0.75;
  const c1 = plus(plus(start, out, reach), side, -spread);
  const c2 = plus(plus(tip, out, reach), side, spread);
  const shape = cubicToTip(start, c1, c2, tip);
  // A label at the loop's middle would sit on its line: put it just beyond the loop's far end.
  const beyond = plus(base, out, reach * 0.75 + 12);
  return { ...shape, label: beyond, nearSource: beyond, nearTarget: beyond };
}
