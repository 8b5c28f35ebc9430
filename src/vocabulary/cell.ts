/**
 * A cell of the attention matrix, the vocabulary every panel uses for "this pair of
 * tokens": the heatmap's cells, the graph's edges, the selection whose arithmetic is shown.
 */

/** A heatmap cell or graph edge: query (attending) token i, key (attended) token j. */
export interface Cell {
  readonly i: number;
  readonly j: number;
}
