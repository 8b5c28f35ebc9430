/**
 * A matrix as a real HTML table: a row header per row, a column header per column, every
 * number as text. The one table component behind every accessible table of the app.
 */
import { memo } from 'react';
import { at, type Matrix } from '../core/matrix';
import { formatNumber } from '../format';

/** Props of NumberTable. */
export interface NumberTableProps {
  /** The table's accessible name (part of the automation contract: keep it stable). */
  readonly name: string;
  /** A sentence saying exactly what the numbers are. */
  readonly caption: string;
  /** Text of the top-left header cell, above the row headers. */
  readonly corner: string;
  readonly matrix: Matrix;
  /** One header per row (token texts). */
  readonly rowLabels: readonly string[];
  /** One header per column (dimension names or token texts). */
  readonly colLabels: readonly string[];
  /** Decimals shown; −∞ (a masked score) prints as "−∞". */
  readonly digits?: number;
}

/** `matrix` as a <table> named `name`; memoized because a 64 × 100 table is 6,400 cells. */
export const NumberTable = memo(function NumberTable({
  name,
  caption,
  corner,
  matrix,
  rowLabels,
  colLabels,
  digits = 4,
}: NumberTableProps) {
  return (
    <table aria-label={name}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{corner}</th>
          {colLabels.map((label, c) => (
            <th key={c} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rowLabels.map((label, r) => (
          <tr key={r}>
            <th scope="row">{label}</th>
            {colLabels.map((_, c) => (
              <td key={c}>{formatNumber(at(matrix, r, c), digits)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
