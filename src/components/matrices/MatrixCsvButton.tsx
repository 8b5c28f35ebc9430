/**
 * The small "CSV" button in a matrix grid's caption: saves the matrix shown, float32-exact,
 * with its row labels (tokens or dimensions) and column labels (dimensions). Built on click.
 */
import type { Matrix } from '../../core/matrix';
import { matrixCsv } from '../../export/csv';
import { downloadText, MEDIA_TYPES } from '../../export/download';
import { useMessages } from '../../messages';
import '../sharing/ExportMenu.css';

/** Props of `MatrixCsvButton`. */
export interface MatrixCsvButtonProps {
  readonly matrix: Matrix;
  /** The matrix's symbol ("Q"): the CSV's first cell. */
  readonly name: string;
  /** Its caption ("Q (3 × 8)"), for the button's accessible name. */
  readonly shape: string;
  readonly rowLabels: readonly string[];
  readonly colLabels: readonly string[];
  readonly fileName: string;
}

/** The button (see the module comment). */
export function MatrixCsvButton({
  matrix,
  name,
  shape,
  rowLabels,
  colLabels,
  fileName,
}: MatrixCsvButtonProps) {
  const m = useMessages().exportFiles;
  return (
    <button
      type="button"
      className="matrix-csv"
      aria-label={m.matrixCsvLabel(shape)}
      onClick={() =>
        downloadText(
          matrixCsv(matrix, rowLabels, colLabels, { corner: name }),
          MEDIA_TYPES.csv,
          fileName,
        )
      }
    >
      {m.matrixCsv}
    </button>
  );
}
