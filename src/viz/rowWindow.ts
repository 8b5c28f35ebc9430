/**
 * Which rows of a long scrolling grid to render: the rows in the scroll box's view, a few
 * more on either side (so a quick scroll does not show blank rows for a frame), and the
 * row that holds the keyboard's cell. Pure, for the matrix grids (MatrixGrid.tsx): at 128
 * tokens a step's three matrices held over 4,000 elements, all committed on every update,
 * while each box shows about 17 rows. Rows not rendered are not found by the browser's
 * find-in-page; the accessible tables (DataTables.tsx) hold every number.
 */

/** A half-open range of row indices, [start, end). */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}

/** What the grid knows about its scroll box, in CSS pixels. */
export interface RowView {
  /** The box's scrollTop. */
  readonly scrollTop: number;
  /** The box's clientHeight. */
  readonly height: number;
  /** The height of one row; the column-label row above the first row has the same height. */
  readonly rowHeight: number;
}

/** Rows rendered beyond each edge of the view. */
export const OVERSCAN_ROWS = 6;

/** Rows rendered before the box has been measured (the first paint, or no layout at all). */
export const UNMEASURED_ROWS = 40;

/**
 * The rows to render of a grid of `rows` rows seen through `view` (null before it is
 * measured), always including `keep` when it is a row of the grid. Row r's top sits at
 * (r + 1) · rowHeight in the scrolled content: the column labels come first.
 */
export function rowWindow(
  rows: number,
  view: RowView | null,
  keep: number | null = null,
  overscan = OVERSCAN_ROWS,
): RowRange {
  let start = 0;
  let end = Math.min(rows, UNMEASURED_ROWS);
  if (view && view.rowHeight > 0 && view.height > 0) {
    const first = Math.floor(view.scrollTop / view.rowHeight) - 1;
    const last = Math.ceil((view.scrollTop + view.height) / view.rowHeight) - 1;
    start = Math.max(0, Math.min(rows, first - overscan));
    end = Math.max(start, Math.min(rows, last + overscan));
  }
  if (keep !== null && keep >= 0 && keep < rows) {
    start = Math.min(start, keep);
    end = Math.max(end, keep + 1);
  }
  return { start, end };
}
