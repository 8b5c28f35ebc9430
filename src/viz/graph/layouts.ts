/**
 * Node positions for the attention graph. Every layout is a pure function of its inputs
 * and returns plain points, which React then renders: d3-force computes, it never draws.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import type { SimulationLinkDatum, SimulationNodeDatum } from 'd3-force';
import type { Matrix } from '../../core/matrix';
import { mulberry32 } from '../../core/random';

/** A node's centre in SVG user units. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Which way the reading-order line runs: across (wide screens) or down (phones). */
export type LineOrientation = 'horizontal' | 'vertical';

/** Options of `lineLayout`. */
export interface LineLayoutOptions {
  /** Height of the drawing; the horizontal line runs through its middle. */
  readonly height?: number;
  readonly orientation?: LineOrientation;
  /** Space kept free at both ends of the line, in px (room for the first and last labels). */
  readonly padding?: number;
  /**
   * Each token's own extent along the line (its node's width when horizontal). Given, each
   * slot is that extent plus an equal share of the free space, so short tokens ("a", ".")
   * take less room and long sentences still fit across; omitted, slots are equal.
   */
  readonly sizes?: readonly number[];
}

/**
 * Tokens in reading order on a line, evenly spaced, each in the middle of its slot:
 * horizontal across `width` at mid-height, or vertical down `height` at mid-width.
 */
export function lineLayout(n: number, width: number, options: LineLayoutOptions = {}): Point[] {
  const { height = 0, orientation = 'horizontal', padding = 0, sizes } = options;
  const length = Math.max(0, (orientation === 'horizontal' ? width : height) - 2 * padding);
  const size = (i: number) => (sizes ? Math.max(0, sizes[i] ?? 0) : 0);
  let used = 0;
  for (let i = 0; i < n; i++) used += size(i);
  // Free space shared equally; never negative, so an overfull line overlaps rather than reverses order.
  const extra = n > 0 ? Math.max(0, length - used) / n : 0;
  const points: Point[] = [];
  let cursor = padding;
  for (let i = 0; i < n; i++) {
    const slot = size(i) + extra;
    const along = cursor + slot / 2;
    cursor += slot;
    points.push(
      orientation === 'horizontal' ? { x: along, y: height / 2 } : { x: width / 2, y: along },
    );
  }
  return points;
}

/** Padding of `circleLayout` and `forceLayout`: room for labels at the box's edges. */
export interface BoxPadding {
  readonly x: number;
  readonly y: number;
}

/**
 * Tokens on an ellipse filling the box, clockwise in reading order from 12 o'clock, so the
 * sentence still reads round the circle. One token sits in the middle.
 */
export function circleLayout(
  n: number,
  width: number,
  height: number,
  padding: BoxPadding = { x: 0, y: 0 },
): Point[] {
  const cx = width / 2;
  const cy = height / 2;
  if (n === 1) return [{ x: cx, y: cy }];
  const rx = Math.max(0, width / 2 - padding.x);
  const ry = Math.max(0, height / 2 - padding.y);
  return Array.from({ length: n }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: cx + rx * Math.cos(angle), y: cy + ry * Math.sin(angle) };
  });
}

/** Options of `forceLayout`. */
export interface ForceLayoutOptions {
  readonly padding?: BoxPadding;
  /** Simulation steps; 300 is d3's default cooling schedule run to the end. */
  readonly iterations?: number;
  /** Seed of d3-force's jiggle, so the same weights always give the same drawing. */
  readonly seed?: number;
  /** Each token is linked to this many partners it attends to most (either way). */
  readonly linksPerNode?: number;
  /** Radius nodes keep clear around them, px; by default 6% of the box's smaller side (room for a labelled box). */
  readonly collideRadius?: number;
  /** Barnes-Hut accuracy of the repulsion (d3's default 0.9); larger is faster and coarser. */
  readonly theta?: number;
}

interface ForceNode extends SimulationNodeDatum {
  readonly index: number;
}

interface ForceLink extends SimulationLinkDatum<ForceNode> {
  readonly strength: number; // 0 to 1, relative to the strongest pair
}

/** Each token's strongest partners by symmetric weight (w_ij + w_ji) / 2, as unique pairs. */
function strongestPairs(weights: Matrix, perNode: number): ForceLink[] {
  const n = weights.rows;
  const w = (i: number, j: number) =>
    (weights.data[i * n + j] as number) + (weights.data[j * n + i] as number);
  const pairs = new Map<string, { source: number; target: number; s: number }>();
  for (let i = 0; i < n; i++) {
    const partners: { j: number; s: number }[] = [];
    for (let j = 0; j < n; j++) if (j !== i) partners.push({ j, s: w(i, j) / 2 });
    partners.sort((a, b) => b.s - a.s || a.j - b.j);
    for (const { j, s } of partners.slice(0, perNode)) {
      const [a, b] = i < j ? [i, j] : [j, i];
      pairs.set(`${a}-${b}`, { source: a, target: b, s: Number.isFinite(s) ? s : 0 });
    }
  }
  const max = Math.max(1e-9, ...Array.from(pairs.values(), (p) => p.s));
  return Array.from(pairs.values(), (p) => ({
    source: p.source,
    target: p.target,
    strength: p.s / max,
  }));
}

/**
 * A force-directed layout where tokens that attend to each other strongly pull together.
 * Computed synchronously and deterministically (seeded jiggle, start from the circle), then
 * scaled uniformly to fit the box inside the padding. Only each token's strongest partners
 * are linked, so the cost grows with n, not n², for long inputs.
 */
export function forceLayout(
  weights: Matrix,
  width: number,
  height: number,
  options: ForceLayoutOptions = {},
): Point[] {
  const {
    padding = { x: 0, y: 0 },
    iterations = 300,
    seed = 1,
    linksPerNode = 3,
    theta = 0.9,
  } = options;
  const n = weights.rows;
  if (weights.cols !== n)
    throw new RangeError(`forceLayout: weights must be square, got (${n}, ${weights.cols})`);
  if (n <= 1) return circleLayout(n, width, height, padding);
  const start = circleLayout(n, width, height, padding);
  const nodes: ForceNode[] = start.map((p, index) => ({ index, x: p.x, y: p.y }));
  const links = strongestPairs(weights, linksPerNode);
  const spread = Math.min(width, height);
  const simulation = forceSimulation(nodes)
    .randomSource(mulberry32(seed))
    .force(
      'link',
      forceLink<ForceNode, ForceLink>(links)
        .id((d) => d.index)
        .distance((l) => spread * (0.12 + 0.25 * (1 - l.strength)))
        .strength((l) => 0.05 + 0.6 * l.strength),
    )
    .force(
      'charge',
      forceManyBody<ForceNode>()
        .strength(-spread * 0.8)
        .theta(theta),
    )
    .force('collide', forceCollide<ForceNode>(options.collideRadius ?? spread * 0.06))
    .force('x', forceX<ForceNode>(width / 2).strength(0.04))
    .force('y', forceY<ForceNode>(height / 2).strength(0.04))
    .stop();
  simulation.tick(iterations);
  return fitToBox(
    nodes.map((d) => ({ x: d.x ?? 0, y: d.y ?? 0 })),
    width,
    height,
    padding,
  );
}

/** Points scaled uniformly and centred so that they fill the box inside the padding. */
export function fitToBox(
  points: readonly Point[],
  width: number,
  height: number,
  padding: BoxPadding,
): Point[] {
  if (points.length === 0) return [];
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const spanX = Math.max(...xs) - minX;
  const spanY = Math.max(...ys) - minY;
  const innerW = Math.max(0, width - 2 * padding.x);
  const innerH = Math.max(0, height - 2 * padding.y);
  const scale = Math.min(
    spanX > 1e-9 ? innerW / spanX : Infinity,
    spanY > 1e-9 ? innerH / spanY : Infinity,
  );
  const k = Number.isFinite(scale) ? scale : 0;
  const cx = width / 2;
  const cy = height / 2;
  return points.map((p) => ({
    x: cx + (p.x - minX - spanX / 2) * k,
    y: cy + (p.y - minY - spanY / 2) * k,
  }));
}
