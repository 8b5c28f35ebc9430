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
  /**
   * Keep only each source's covering edges for this share of its row (`coveringEdges`);
   * 1 (or more) keeps every edge.
   */
  readonly coverage: number;
}

/**
 * The share of each token's attention its default edges carry: its strongest edges until
 * 80 % of its row is covered. A peaked row keeps one or two arrows, a flat row more.
 */
export const DEFAULT_COVERAGE = 0.8;

/**
 * At most this many covering edges per token. The example sentences' rows, at the default
 * settings (similarity weights, width 8), are flat: 80 % of a row takes 4.5 edges on
 * average, up to 6 for a sentence, which is already a tangle at 14 tokens. Three arrows a
 * token keep the drawing as the background texts draw it (issue 13 asks for at most 3 per
 * token on average); a peaked row still keeps only the one or two its 80 % needs.
 */
export const COVERING_MAX_PER_TOKEN = 3;

/**
 * Relative slack when a running sum is compared with its goal: summing float32 weights in
 * float64 can miss 100 % of a row by a few ulps, which must not add the row's faintest edge.
 */
const COVER_SLACK = 1e-9;

/**
 * The covering edges of one row of attention weights: the indices of its strongest
 * entries, taken strongest first until their weights add up to at least `coverage` of the
 * row's total (so a token with one dominant weight keeps one edge, a flat row many).
 * Rules:
 * - only positive, finite weights count (a masked pair's 0 and NaN are never kept);
 * - at least one index whenever the row has a positive weight, whatever `coverage`;
 * - coverage >= 1 keeps every positive weight; coverage <= 0 keeps the strongest one;
 * - equal weights are taken in index order (the earlier key first), so the result never
 *   depends on the sort's stability, and a dropped weight is never heavier than a kept one.
 * Returns the indices strongest first. test/golden/covering_edges.py computes the same with
 * NumPy. With `limit`, returns the first `limit` of them (the same as `.slice(0, limit)`),
 * found without sorting the whole row: a pass per kept index, so a 512-token graph's rows
 * cost 3 passes each rather than a sort.
 */
export function coveringEdges(
  row: ArrayLike<number>,
  coverage: number,
  limit = Infinity,
): number[] {
  if (limit < row.length) return coveringPrefix(row, coverage, Math.max(0, Math.floor(limit)));
  const order: number[] = [];
  let total = 0;
  for (let j = 0; j < row.length; j++) {
    const w = row[j] as number;
    if (w > 0 && Number.isFinite(w)) {
      order.push(j);
      total += w;
    }
  }
  order.sort((a, b) => (row[b] as number) - (row[a] as number) || a - b);
  if (coverage >= 1 || !Number.isFinite(coverage)) return order;
  const goal = Math.max(0, coverage) * total * (1 - COVER_SLACK);
  let sum = 0;
  let k = 0;
  while (k < order.length) {
    sum += row[order[k] as number] as number;
    k++;
    if (sum >= goal) break;
  }
  return order.slice(0, k);
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

/** `coveringEdges(row, coverage).slice(0, limit)` by `limit` scans for the next strongest. */
function coveringPrefix(row: ArrayLike<number>, coverage: number, limit: number): number[] {
  let total = 0;
  for (let j = 0; j < row.length; j++) {
    const w = row[j] as number;
    if (w > 0 && Number.isFinite(w)) total += w;
  }
  const all = coverage >= 1 || !Number.isFinite(coverage);
  const goal = Math.max(0, coverage) * total * (1 - COVER_SLACK);
  const out: number[] = [];
  let sum = 0;
  // The previous pick (weight, index): the next is the strongest strictly after it in the
  // order "heavier first, then lower index".
  let lastW = Infinity;
  let lastJ = -1;
  while (out.length < limit) {
    let best = -1;
    let bestW = 0;
    for (let j = 0; j < row.length; j++) {
      const w = row[j] as number;
      if (!(w > 0) || !Number.isFinite(w)) continue;
      const after = w < lastW || (w === lastW && j > lastJ);
      if (after && (best < 0 || w > bestW)) {
        best = j;
        bestW = w;
      }
    }
    if (best < 0) break;
    out.push(best);
    sum += bestW;
    lastW = bestW;
    lastJ = best;
    if (!all && sum >= goal) break;
  }
  return out;
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
 * 2. with coverage < 1, only each source's covering edges (`coveringEdges` of its whole
 *    row, before the threshold: the row is the token's attention), at most
 *    COVERING_MAX_PER_TOKEN of them;
 * 3. with a focus, only edges out of it ('out') or into it ('in');
 * 4. with topK > 0, each source keeps its topK strongest;
 * 5. when more than maxEdges remain, each source keeps its floor(maxEdges / sources)
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
  const cover = filter.coverage < 1;
  const kept: Edge[] = [];
  for (let i = 0; i < T; i++) {
    if (hasFocus && direction === 'out' && i !== focus) continue;
    // The keys looked at: with the coverage, the row's covering edges (at most
    // COVERING_MAX_PER_TOKEN, in reading order); else every key.
    const targets = cover
      ? coveringEdges(
          weights.data.subarray(i * T, (i + 1) * T),
          filter.coverage,
          COVERING_MAX_PER_TOKEN,
        ).sort((a, b) => a - b)
      : null;
    const count = targets ? targets.length : T;
    for (let k = 0; k < count; k++) {
      const j = targets ? (targets[k] as number) : k;
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

/** Stroke width of an edge of weight 1, px. */
export const EDGE_MAX_WIDTH = 8;
/** The thinnest stroke, px: a hairline any screen still draws. */
export const EDGE_MIN_WIDTH = 1;

/**
 * Stroke width in px for a weight in [0, 1]: proportional to the weight (EDGE_MAX_WIDTH at
 * 1, half as thick at 0.5), never thinner than EDGE_MIN_WIDTH.
 */
export function edgeWidth(weight: number): number {
  return Math.max(EDGE_MIN_WIDTH, EDGE_MAX_WIDTH * clamp01(weight));
}

/**
 * The opacity of an edge at FADE_WEIGHT and above. The edge colour (--edge, #3b4cca) at
 * 0.65 over white is 3.16:1, the 3:1 of WCAG 1.4.11 (test/viz/contrast.test.ts checks it):
 * every edge that carries a share of attention worth reading is drawn at least this strong.
 */
export const EDGE_MIN_OPACITY = 0.65;

/**
 * Below this weight an edge fades out instead of drawing as a full line (issue 13): a
 * weight of 0.00005 is not a relation worth an arrow. Such an edge is drawn only when the
 * reader asks for every edge, or in a long input where all weights are small; its weight
 * stays readable in its title, the tooltip and the heatmap.
 */
export const FADE_WEIGHT = 0.05;

/**
 * Opacity for a weight in [0, 1]: from 0 at weight 0 rising linearly to EDGE_MIN_OPACITY at
 * FADE_WEIGHT (faint weights fade out), then linearly to opaque at 1. Continuous and
 * increasing, so a heavier edge is never fainter.
 */
export function edgeOpacity(weight: number): number {
  const w = clamp01(weight);
  if (w < FADE_WEIGHT) return (EDGE_MIN_OPACITY * w) / FADE_WEIGHT;
  return EDGE_MIN_OPACITY + ((1 - EDGE_MIN_OPACITY) * (w - FADE_WEIGHT)) / (1 - FADE_WEIGHT);
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
