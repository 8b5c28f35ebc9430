/**
 * The graph's view options: how its nodes are placed and which edges it keeps. The
 * graph panel, its scene and export, and lesson links all speak of them in these words.
 */

/** How the graph places its nodes. */
export type GraphLayout = 'line' | 'circle' | 'force';

/** Every layout, in the order the layout control lists them. */
export const GRAPH_LAYOUTS: readonly GraphLayout[] = ['line', 'circle', 'force'];

/** Which edges of the focused token the graph keeps. */
export type FocusDirection = 'out' | 'in';

/** Both directions, the default first. */
export const FOCUS_DIRECTIONS: readonly FocusDirection[] = ['out', 'in'];

/** Graph filters and layout. */
export interface GraphView {
  readonly layout: GraphLayout;
  /** Edges with a weight below this are hidden (0 to 1). */
  readonly threshold: number;
  /** Keep only each token's k strongest edges; 0 keeps all. */
  readonly topK: number;
  /** The token whose edges alone are shown, or null for all tokens. */
  readonly focus: number | null;
  readonly direction: FocusDirection;
  /**
   * Draw every edge. Off (the default), each token shows only the strongest edges that
   * together carry most of its attention (`coveringEdges` in src/viz/graph/edges.ts), as
   * the background texts draw a few clear arrows rather than all T² of them.
   */
  readonly everyEdge: boolean;
}

/** The graph's first-visit layout and filters: the covering edges, in reading order. */
export const DEFAULT_GRAPH: GraphView = {
  layout: 'line',
  threshold: 0,
  topK: 0,
  focus: null,
  direction: 'out',
  everyEdge: false,
};

/** The threshold slider's step (its range is 0 to 1). */
export const THRESHOLD_STEP = 0.01;
