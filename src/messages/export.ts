/**
 * Strings of the exports: the Export menus of the heatmap and the graph, the CSV button of
 * each matrix, and the titles written into the exported files. Functions take values
 * already formatted for display.
 */

/** The English strings of the exports. */
export const exportFiles = {
  /** The menu's button; `what` (said to screen readers only) tells the menus apart. */
  menu: 'Export',
  menuWhat: {
    heatmap: 'the heatmap',
    graph: 'the graph',
  },
  heatmapSvg: 'Heatmap as SVG (vector image)',
  heatmapPng: 'Heatmap as PNG (picture)',
  heatmapCsv: 'Heatmap numbers as CSV',
  graphSvg: 'Graph as SVG (vector image)',
  graphPng: 'Graph as PNG (picture)',
  traceJson: 'Whole trace as JSON',
  /** The small button of each matrix grid, and its full name. */
  matrixCsv: 'CSV',
  matrixCsvLabel: (shape: string) => `Download ${shape} as CSV`,
  busy: 'Preparing the file…',
  failed: (reason: string) => `The file could not be made (${reason}).`,
  /** Titles inside the files. */
  heatmapFileTitle: (matrix: string, head: string) => `Attention heatmap: ${matrix}${head}`,
  graphFileTitle: (head: string) => `Attention graph${head}`,
  /** ", head 2 of 4" after a title when there are several heads, else nothing. */
  headPart: (head: number, heads: number) => (heads > 1 ? `, head ${head + 1} of ${heads}` : ''),
  sentence: (text: string) => `“${text}”`,
  /** First cell of the heatmap's CSV: rows are queries, columns keys. */
  csvCorner: 'query \\ key',
};
