/**
 * Which attention edges the graph draws. Pure: a weight matrix and filters in, a sorted
 * list of edges out, so the rules can be tested without a DOM.
 */
import type { Matrix } from '../../core/matrix';
import type { FocusDirection } from '../../vocabulary/graph';

/** One drawn edge: token `source` (a query) attends to token `target` (a key) with `weight`. */
export interface Edge {
  readonly source: number;
  readonly target: number;
  /** The attention weight, exactly as in the matrix (float32). */
  readonly weight: number;
}

/** Filters of `selectEdges`. */
export interface EdgeFilter {
  /** Drop edges whose weight is below this (0 keeps every edge with a positive weight). */
  readonly threshold: number;
  /** Keep each source's k strongest edges; 0 keeps all. */
  readonly topK: number;
  /** Only this token's edges, or null for every token. */
  readonly focus: number | null;
  /** With a focus: its outgoing edges ('out', focus attends to ...) or incoming ones ('in'). */
  readonly direction: FocusDirection;
  /** Never return more edges than this; see `selectEdgesDetailed` for how it cuts. */
  readonly maxEdges: number;
}

/** The hard cap: enough for every edge of 31 tokens; never 512² paths in the DOM. */
export const DEFAULT_MAX_EDGES = 1000;

/** Beyond this many tokens, all T² edges are a hairball: keep the strongest few per token. */
export const LONG_INPUT_TOKENS = 24;
/** Edges per token kept for a long input unless the user asks for more with "strongest per token". */
export const LONG_INPUT_PER_TOKEN = 4;

/**
 * The edge budget for `T` tokens: every edge of a short sentence; for a long input the
 * strongest LONG_INPUT_PER_TOKEN per token, unless the user chose a top-k (then up to the
 * cap). With a focused token the budget always holds its whole row or column (at most T
 * edges): focusing is how a reader sees everything one token does in a long input.
 */
export function maxEdgesFor(T: number, topK: number, focused = false): number {
  if (focused) return Math.max(DEFAULT_MAX_EDGES, T);
  if (topK > 0 || T <= LONG_INPUT_TOKENS) return DEFAULT_MAX_EDGES;
  return Math.min(DEFAULT_MAX_EDGES, T * LONG_INPUT_PER_TOKEN);
}

/** The result of `selectEdgesDetailed`. */
export interface EdgeSelection {
  /** The kept edges, sorted by source, then target. */
  readonly edges: Edge[];
  /** How many edges passed the threshold, top-k and focus filters before the cap. */
  readonly candidates: number;
  /** The per-source limit the cap imposed, or null when nothing was cut. */
  readonly cappedPerSource: number | null;
}

/** Reading order: by source, then target. */
function byPosition(a: Edge, b: Edge): number {
  return a.source - b.source || a.target - b.target;
}

/** Strongest first; ties go to the earlier target so the result never depends on sort stability. */
function byStrength(a: Edge, b: Edge): number {
  return b.weight - a.weight || a.source - b.source || a.target - b.target;
}

/** The `k` strongest edges of each source (all when k <= 0). `edges` must be grouped by source. */
function strongestPerSource(edges: readonly Edge[], k: number): Edge[] {
  if (k <= 0) return edges.slice();
  const bySource = new Map<number, Edge[]>();
  for (const e of edges) {
    const group = bySource.get(e.source);
    if (group) group.push(e);
    else bySource.set(e.source, [e]);
  }
  const out: Edge[] = [];
  for (const group of bySource.values()) out.push(...group.sort(byStrength).slice(0, k));
  return out.sort(byPosition);
}

/**
 * The edges to draw for a (T, T) weight matrix, with what the cap did. Rules, in order:
 * 1. an edge i -> j exists when weights(i, j) > 0 (a masked pair has weight 0: token i cannot
 *    attend to j, so there is nothing to draw) and weights(i, j) >= threshold;
 * 2. with a focus, only edges out of it ('out') or into it ('in');
 * 3. with topK > 0, each source keeps its topK strongest;
 * 4. when more than maxEdges remain, each source keeps its floor(maxEdges / sources)
 *    strongest, so every token still shows where it looks most; then, if that is still too
 *    many (more sources than maxEdges), the strongest maxEdges overall.
 */
export function selectEdgesDetailed(weights: Matrix, filter: EdgeFilter): EdgeSelection {
  if (weights.rows !== weights.cols) {
    throw new RangeError(
      `selectEdges: weights must be square, got (${weights.rows}, ${weights.cols})`,
    );
  }
  const T = weights.rows;
  const { threshold, topK, focus, direction } = filter;
  const maxEdges = Math.max(0, Math.floor(filter.maxEdges));
  const hasFocus = focus !== null && focus >= 0 && focus < T;
  const kept: Edge[] = [];
  for (let i = 0; i < T; i++) {
    if (hasFocus && direction === 'out' && i !== focus) continue;
    for (let j = 0; j < T; j++) {
      if (hasFocus && direction === 'in' && j !== focus) continue;
      const weight = weights.data[i * T + j] as number;
      // `!(weight > 0)` also drops NaN, which must never reach the screen.
      if (!(weight > 0) || weight < threshold) continue;
      kept.push({ source: i, target: j, weight });
    }
  }
  const filtered = strongestPerSource(kept, Math.floor(topK));
  if (filtered.length <= maxEdges) {
    return { edges: filtered, candidates: filtered.length, cappedPerSource: null };
  }
  const sources = new Set(filtered.map((e) => e.source)).size;
  const perSource = Math.max(1, Math.floor(maxEdges / sources));
  let edges = strongestPerSource(filtered, perSource);
  if (edges.length > maxEdges) edges = edges.sort(byStrength).slice(0, maxEdges).sort(byPosition);
  return { edges, candidates: filtered.length, cappedPerSource: perSource };
}

/** The edges to draw, sorted by source then target (see `selectEdgesDetailed` for the rules). */
export function selectEdges(weights: Matrix, filter: EdgeFilter): Edge[] {
  return selectEdgesDetailed(weights, filter).edges;
}

/** A stable key for an edge, for React lists and for comparing edges to a `Cell`. */
export function edgeKey(source: number, target: number): string {
  return `${source}-${target}`;
}

/** Stroke width in px for a weight in [0, 1]: thin but visible at 0, thick at 1. */
export function edgeWidth(weight: number): number {
  return 1 + 6 * clamp01(weight);
}

/**
 * The faintest edge's opacity. Every drawn edge carries information, so even the weakest
 * must reach 3:1 against the panel (WCAG 1.4.11): the edge colour (--edge, #3b4cca) at 0.65
 * over white is 3.16:1 (test/viz/contrast.test.ts checks it). Weight still shows twice,
 * as width (1 to 7 px) and as opacity above this floor.
 */
export const EDGE_MIN_OPACITY = 0.65;

/** Opacity for a weight in [0, 1]: EDGE_MIN_OPACITY at 0, opaque at 1. */
export function edgeOpacity(weight: number): number {
  return EDGE_MIN_OPACITY + (1 - EDGE_MIN_OPACITY) * clamp01(weight);
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
