/**
 * Matrices as CSV (RFC 4180): a header row (a corner cell, then the column labels), then
 * one row per matrix row (its label, then its numbers). Numbers are float32-exact: the
 * shortest decimal that reads back as the same float32, as in the JSON trace; a masked
 * score (−∞) is written `-inf`, which NumPy, pandas and Python's float() all read.
 *
 * Labels are the user's tokens, so they are escaped twice over:
 * - RFC 4180 quoting: a cell holding a comma, a double quote, a CR or an LF is put in
 *   double quotes, and its quotes doubled.
 * - Formula injection: a spreadsheet runs a cell that starts with =, +, -, @ (or a tab or
 *   CR) as a formula. Such a label gets a leading apostrophe, which spreadsheets read as
 *   "this is text" and do not show. To keep every label recoverable, a label that already
 *   starts with apostrophes followed by one of those characters gets one more apostrophe,
 *   so a reader drops exactly one apostrophe from a cell matching /^'+[=+\-@\t\r]/.
 *   Numbers (including negative ones) are never touched: they are numbers, not labels.
 *
 * Lines end in CRLF (RFC 4180), and the file starts with a UTF-8 byte-order mark so that
 * spreadsheet programs read non-English tokens correctly (pandas and NumPy skip it).
 */
import type { Matrix } from '../core/matrix';
import { float32ToJson } from '../core/trace';

/** What starts a formula in a spreadsheet, possibly after apostrophes we added. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** What forces a cell into quotes (RFC 4180). */
const NEEDS_QUOTES = /[",\r\n]/;

/** The byte-order mark the file starts with. */
export const CSV_BOM = '\ufeff';

/** A text cell (a label): formula-guarded, then quoted when needed. */
export function csvTextCell(text: string): string {
  const guarded = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** A number cell: float32-exact, `-inf` for a masked score. Throws on NaN or +∞, which must never be exported. */
export function csvNumberCell(x: number): string {
  if (x === -Infinity) return '-inf';
  const v = float32ToJson(x);
  return String(v);
}

/** Options of `matrixCsv`. */
export interface MatrixCsvOptions {
  /** The header row's first cell (above the row labels): the matrix's name, say. */
  readonly corner?: string;
}

/**
 * `matrix` (rows × cols) as a CSV document with `rowLabels` (one per row) down the left and
 * `colLabels` (one per column) across the top. Throws when the label counts do not match
 * the shape.
 */
export function matrixCsv(
  matrix: Matrix,
  rowLabels: readonly string[],
  colLabels: readonly string[],
  options: MatrixCsvOptions = {},
): string {
  const { rows, cols, data } = matrix;
  if (rowLabels.length !== rows || colLabels.length !== cols) {
    throw new RangeError(
      `matrixCsv: matrix is (${rows}, ${cols}) but there are ${rowLabels.length} row and ${colLabels.length} column labels`,
    );
  }
  const lines = [[options.corner ?? '', ...colLabels].map(csvTextCell).join(',')];
  for (let r = 0; r < rows; r++) {
    const cells = [csvTextCell(rowLabels[r] as string)];
    for (let c = 0; c < cols; c++) cells.push(csvNumberCell(data[r * cols + c] as number));
    lines.push(cells.join(','));
  }
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
