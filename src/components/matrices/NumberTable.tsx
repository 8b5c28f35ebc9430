/**
 * A matrix as a real HTML table: a row header per row, a column header per column, every
 * number as text. The one table component behind every accessible table of the app.
 */
import { memo, useMemo } from 'react';
import { row, type Matrix } from '../../core/matrix';
import { useNumberFormat } from '../common/useNumberFormat';

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

// Joins a row's formatted cells into one string prop, so that memo compares rows by content.
const SEPARATOR = '\u0001';

/** The parts of a joined string ("" is no parts, not one empty part). */
const parts = (joined: string) => (joined === '' ? [] : joined.split(SEPARATOR));

/**
 * `matrix` as a <table> named `name`. Up to 64 × 100 cells per table, always in the page,
 * so rows are memoized on their formatted text: typing at the end of a sentence leaves
 * the earlier tokens' rows of Q, K and V untouched, and the browser skips their layout.
 */
export const NumberTable = memo(function NumberTable({
  name,
  caption,
  corner,
  matrix,
  rowLabels,
  colLabels,
  digits = 4,
}: NumberTableProps) {
  const fmt = useNumberFormat();
  const rows = useMemo(
    () =>
      rowLabels.map((_, r) =>
        Array.from(row(matrix, r), (x) => fmt.number(x, digits)).join(SEPARATOR),
      ),
    [matrix, rowLabels, digits, fmt],
  );
  return (
    <table aria-label={name}>
      <caption>{caption}</caption>
      <thead>
        <HeaderRow corner={corner} labels={colLabels.join(SEPARATOR)} />
      </thead>
      <tbody>
        {rows.map((cells, r) => (
          <BodyRow key={r} label={rowLabels[r] ?? ''} cells={cells} />
        ))}
      </tbody>
    </table>
  );
});

/** The column headers, joined into one string so that an unchanged header row is skipped. */
const HeaderRow = memo(function HeaderRow({ corner, labels }: { corner: string; labels: string }) {
  return (
    <tr>
      <th scope="col">{corner}</th>
      {parts(labels).map((label, c) => (
        <th key={c} scope="col">
          {label}
        </th>
      ))}
    </tr>
  );
});

/** One body row: its header, then its formatted cells (joined by SEPARATOR). */
const BodyRow = memo(function BodyRow({ label, cells }: { label: string; cells: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {parts(cells).map((text, c) => (
        <td key={c}>{text}</td>
      ))}
    </tr>
  );
});
