/** One matrix of the worksheet as a ruled table, filled with numbers or blank to fill in. */
import type { Matrix } from '../../core/matrix';
import { isolate } from '../../bidi';
import { useMessages } from '../../messages';
import { useNumberFormat } from '../common/useNumberFormat';
import { MathText } from '../common/MathText';

/**
 * A token as a row or column label: a long word is cut with an ellipsis so that it cannot
 * widen a column past the page (the whole sentence is printed above the grids).
 */
function Label({ text }: { text: string }) {
  return (
    <span className="ws-label" title={isolate(text)} dir="auto">
      {text}
    </span>
  );
}

/** Props of one grid. */
export interface GridProps {
  /** Which matrix: `data-grid` for tests and styles. */
  readonly name: string;
  readonly caption: string;
  readonly rowLabels: readonly string[];
  readonly colLabels: readonly string[];
  readonly rowHeader: string;
  /** The numbers, or null for a blank grid to fill in. */
  readonly values: Matrix | null;
  readonly digits: number;
  /** Bigger cells: room for handwriting. */
  readonly writeIn?: boolean;
}

/** One matrix as a ruled table, with token (or dimension) labels, filled or blank. */
export function Grid({
  name,
  caption,
  rowLabels,
  colLabels,
  rowHeader,
  values,
  digits,
  writeIn,
}: GridProps) {
  const m = useMessages().worksheet;
  const fmt = useNumberFormat();
  return (
    <table
      className={`ws-grid${writeIn ? ' ws-grid--write' : ''}`}
      data-grid={name}
      data-blank={values ? undefined : ''}
    >
      <caption>
        <MathText text={caption} />{' '}
        <span className="ws-grid__shape">({m.shape(rowLabels.length, colLabels.length)})</span>
      </caption>
      <thead>
        <tr>
          <th scope="col" className="ws-grid__corner">
            {rowHeader}
          </th>
          {colLabels.map((label, j) => (
            <th scope="col" key={j}>
              <Label text={label} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rowLabels.map((label, i) => (
          <tr key={i}>
            <th scope="row">
              <Label text={label} />
            </th>
            {colLabels.map((_, j) => (
              <td key={j}>
                {values ? fmt.number(values.data[i * values.cols + j] as number, digits) : ''}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
