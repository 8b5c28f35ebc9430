/**
 * "Show the work" at the Score step: q_i and k_j side by side, their products, the sum
 * (the trace's score), the division by √dK, and the causal mask when it applies.
 */
import { useMemo } from 'react';
import { useMessages } from '../../messages';
import { scoreWork } from '../../viz/arithmetic';
import { Num } from '../common/Num';
import type { WorkProps } from './workProps';
import { MathText } from '../common/MathText';
import { ProductTable } from './ProductTable';

/** The dot product behind score (i, j) of the selected head. */
export function WorkScore({ view, i, j }: WorkProps) {
  const m = useMessages().numbers;
  const { trace, headIndex, labels } = view;
  const work = useMemo(() => scoreWork(trace, headIndex, i, j), [trace, headIndex, i, j]);
  const from = labels[i] ?? '';
  const to = labels[j] ?? '';
  return (
    <div className="work-step" data-step="score">
      <h4>{m.scoreTitle}</h4>
      <p>{m.scoreIntro(from, to)}</p>
      <ProductTable
        columns={[
          m.scoreColumns.dim,
          m.scoreColumns.q(from),
          m.scoreColumns.k(to),
          m.scoreColumns.product,
        ]}
        rowLabel={m.dim}
        left={work.q}
        right={work.k}
        products={work.products}
        sumLabel={m.scoreSum}
        sum={work.score}
        kinds={{ left: 'q', right: 'k', product: 'product', sum: 'score' }}
        label={m.scoreTitle}
      />
      {work.scaleOn ? (
        <p className="work-line">
          <MathText text={m.scaleLine} />{' '}
          <span className="work-formula">
            <Num value={work.score} /> ÷ {m.scaleRoot(trace.dK)} = <Num value={work.score} /> ÷{' '}
            <Num value={work.sqrtDK} kind="sqrt-dk" /> ={' '}
            <strong className="work-result">
              <Num value={work.scaled} kind="scaled" />
            </strong>{' '}
            ({m.scaledResult})
          </span>
        </p>
      ) : (
        <p className="work-line">
          <MathText text={m.scaleOff} />
        </p>
      )}
      {work.masked && (
        <p className="work-masked" data-work="masked">
          {m.maskedNote(from, to)}
        </p>
      )}
    </div>
  );
}
