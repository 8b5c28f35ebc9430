/**
 * The table of a dot product as "Show the work" lays it out: one row per term with its two
 * factors and their product, and the sum in the footer. The Score step (q · k) and the
 * output projection (concat · wo column) are both this table with other headings.
 */
import type { ReactNode } from 'react';
import { Num } from '../common/Num';
import { ScrollBox } from '../common/ScrollBox';

/** Props of ProductTable. */
export interface ProductTableProps {
  /** Column headings: index, first factor, second factor, product. */
  readonly columns: readonly [ReactNode, ReactNode, ReactNode, ReactNode];
  /** Row heading of term k. */
  readonly rowLabel: (k: number) => ReactNode;
  readonly left: ArrayLike<number>;
  readonly right: ArrayLike<number>;
  readonly products: readonly number[];
  /** Footer heading of the sum. */
  readonly sumLabel: ReactNode;
  readonly sum: number;
  /** `data-work` names of the factors, the products and the sum, for tests and styling. */
  readonly kinds: {
    readonly left: string;
    readonly right: string;
    readonly product: string;
    readonly sum: string;
  };
  /** Accessible name of the scrolling box (the title of the work it belongs to). */
  readonly label: string;
  /** Class of row k's <tr>, e.g. to mark the rows of the selected head. */
  readonly rowClass?: (k: number) => string | undefined;
}

/** Σ_k left[k] · right[k], term by term. */
export function ProductTable({
  columns,
  rowLabel,
  left,
  right,
  products,
  sumLabel,
  sum,
  kinds,
  label,
  rowClass,
}: ProductTableProps) {
  return (
    <ScrollBox className="work-scroll" label={label}>
      <table className="work-table">
        <thead>
          <tr>
            {columns.map((heading, c) => (
              <th key={c} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {products.map((p, k) => (
            <tr key={k} className={rowClass?.(k)}>
              <th scope="row">{rowLabel(k)}</th>
              <td>
                <Num value={left[k] as number} kind={kinds.left} />
              </td>
              <td>
                <Num value={right[k] as number} kind={kinds.right} />
              </td>
              <td>
                <Num value={p} kind={kinds.product} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {sumLabel}
            </th>
            <td className="work-result">
              <Num value={sum} kind={kinds.sum} />
            </td>
          </tr>
        </tfoot>
      </table>
    </ScrollBox>
  );
}
