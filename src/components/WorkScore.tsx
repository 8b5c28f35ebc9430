/**
 * "Show the work" at the Score step: q_i and k_j side by side, their products, the sum
 * (the trace's score), the division by √dK, and the causal mask when it applies.
 */
import { useMemo } from 'react';
import { useMessages } from '../messages';
import { scoreWork } from '../viz/arithmetic';
import { Num } from './Num';
import { ScrollBox } from './ScrollBox';
import type { WorkProps } from './WorkPanel';
import { MathText } from './MathText';

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
      <ScrollBox className="work-scroll" label={m.scoreTitle}>
        <table className="work-table">
          <thead>
            <tr>
              <th scope="col">{m.scoreColumns.dim}</th>
              <th scope="col">{m.scoreColumns.q(from)}</th>
              <th scope="col">{m.scoreColumns.k(to)}</th>
              <th scope="col">{m.scoreColumns.product}</th>
            </tr>
          </thead>
          <tbody>
            {work.products.map((p, d) => (
              <tr key={d}>
                <th scope="row">{m.dim(d)}</th>
                <td>
                  <Num value={work.q[d] as number} kind="q" />
                </td>
                <td>
                  <Num value={work.k[d] as number} kind="k" />
                </td>
                <td>
                  <Num value={p} kind="product" />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {m.scoreSum}
              </th>
              <td className="work-result">
                <Num value={work.score} kind="score" />
              </td>
            </tr>
          </tfoot>
        </table>
      </ScrollBox>
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
