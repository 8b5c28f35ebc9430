/**
 * "Show the work" at the output step: row i of concat (the heads' output rows side by side)
 * times one column of wo gives one entry of the final output. The column is picked here;
 * it is local to this panel because no other panel shows it.
 */
import { useId, useMemo, useState } from 'react';
import { useMessages } from '../../messages';
import { projectionWork } from '../../viz/arithmetic';
import { Num } from '../common/Num';
import { ProductTable } from './ProductTable';
import type { WorkProps } from './workProps';

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
      <ProductTable
        columns={[
          m.projectionColumns.index,
          m.projectionColumns.concat,
          m.projectionColumns.wo(m.dim(column)),
          m.projectionColumns.product,
        ]}
        rowLabel={(k) => m.projectionIndex(Math.floor(k / trace.dK), k % trace.dK)}
        left={work.concat}
        right={work.wo}
        products={work.products}
        sumLabel={m.projectionSum(m.dim(column))}
        sum={work.value}
        kinds={{ left: 'concat', right: 'wo', product: 'projection-product', sum: 'final' }}
        label={m.projectionTitle}
        rowClass={(k) =>
          Math.floor(k / trace.dK) === headIndex ? 'work-selected-head' : undefined
        }
      />
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
