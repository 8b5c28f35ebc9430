/**
 * "Show the work" at the output step: row i of concat (the heads' output rows side by side)
 * times one column of wo gives one entry of the final output. The column is picked here;
 * it is local to this panel because no other panel shows it.
 */
import { useId, useMemo, useState } from 'react';
import { useMessages } from '../messages';
import { projectionWork } from '../viz/arithmetic';
import { Num } from './Num';
import { ScrollBox } from './ScrollBox';
import type { WorkProps } from './WorkPanel';

/** Final output entry (i, column) as Σ_m concat[i][m] · wo[m][column], with the whole output row. */
export function WorkProjection({ view, i }: WorkProps) {
  const m = useMessages().numbers;
  const { trace, headIndex, labels } = view;
  const id = useId();
  const width = trace.wo.cols;
  const heads = trace.heads.length;
  const [picked, setPicked] = useState(0);
  const column = Math.min(picked, width - 1);
  const work = useMemo(() => projectionWork(trace, i, column), [trace, i, column]);
  const from = labels[i] ?? '';
  return (
    <div className="work-step" data-step="output">
      <h4>{m.projectionTitle}</h4>
      <p>{m.projectionIntro(from, heads)}</p>
      <p className="work-line">
        <label htmlFor={`${id}-column`}>{m.projectionColumn}</label>{' '}
        <select
          id={`${id}-column`}
          value={column}
          onChange={(e) => setPicked(Number(e.target.value))}
        >
          {Array.from({ length: width }, (_, c) => (
            <option key={c} value={c}>
              {m.dim(c)}
            </option>
          ))}
        </select>
      </p>
      <ScrollBox className="work-scroll" label={m.projectionTitle}>
        <table className="work-table">
          <thead>
            <tr>
              <th scope="col">{m.projectionColumns.index}</th>
              <th scope="col">{m.projectionColumns.concat}</th>
              <th scope="col">{m.projectionColumns.wo(m.dim(column))}</th>
              <th scope="col">{m.projectionColumns.product}</th>
            </tr>
          </thead>
          <tbody>
            {work.products.map((p, k) => {
              const head = Math.floor(k / trace.dK);
              return (
                <tr key={k} className={head === headIndex ? 'work-selected-head' : undefined}>
                  <th scope="row">{m.projectionIndex(head, k % trace.dK)}</th>
                  <td>
                    <Num value={work.concat[k] as number} kind="concat" />
                  </td>
                  <td>
                    <Num value={work.wo[k] as number} kind="wo" />
                  </td>
                  <td>
                    <Num value={p} kind="projection-product" />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {m.projectionSum(m.dim(column))}
              </th>
              <td className="work-result">
                <Num value={work.value} kind="final" />
              </td>
            </tr>
          </tfoot>
        </table>
      </ScrollBox>
      <p className="work-line">{m.projectionRow(from)}</p>
      <p className="work-vector">
        {work.outputRow.map((x, c) => (
          <span key={c} className={c === column ? 'work-selected' : undefined}>
            <Num value={x} kind="final-row" />
          </span>
        ))}
      </p>
    </div>
  );
}
