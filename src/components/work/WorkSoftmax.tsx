/**
 * "Show the work" at the Softmax step: row i of the masked scores, its maximum subtracted,
 * each exponential, their sum and each quotient (the trace's weights), cell j emphasised.
 */
import { useMemo } from 'react';
import { useNumberFormat } from '../common/useNumberFormat';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { softmaxWork } from '../../viz/arithmetic';
import { Num } from '../common/Num';
import { ScrollBox } from '../common/ScrollBox';
import type { WorkProps } from './workProps';

/** The softmax of the selected row, term by term. */
export function WorkSoftmax({ view, i, j }: WorkProps) {
  const fmt = useNumberFormat();
  const m = useMessages().numbers;
  const setHoverToken = useAppStore((s) => s.setHoverToken);
  const { trace, headIndex, labels } = view;
  const work = useMemo(() => softmaxWork(trace, headIndex, i, j), [trace, headIndex, i, j]);
  const withTau = work.temperature !== 1;
  const from = labels[i] ?? '';
  const anyMasked = work.scores.some((s) => s === -Infinity);
  return (
    <div className="work-step" data-step="softmax">
      <h4>{m.softmaxTitle}</h4>
      <p>{m.softmaxIntro(from)}</p>
      {withTau && <p className="work-line">{m.temperatureNote(fmt.number(work.temperature, 2))}</p>}
      <p className="work-line work-formula">
        {m.maxLine(fmt.number(work.max, 4), labels[work.argmax] ?? '')}
      </p>
      <ScrollBox className="work-scroll" label={m.softmaxTitle}>
        <table className="work-table">
          <thead>
            <tr>
              <th scope="col">{m.softmaxColumns.token}</th>
              <th scope="col">{m.softmaxColumns.score}</th>
              <th scope="col">{m.softmaxColumns.difference}</th>
              {withTau && <th scope="col">{m.softmaxColumns.exponent}</th>}
              <th scope="col">{m.softmaxColumns.exp(withTau)}</th>
              <th scope="col">{m.softmaxColumns.weight}</th>
            </tr>
          </thead>
          <tbody>
            {work.scores.map((s, t) => {
              const masked = s === -Infinity;
              return (
                <tr
                  key={t}
                  className={`${t === j ? 'work-selected' : ''}${masked ? ' work-masked-row' : ''}`}
                  aria-current={t === j ? 'true' : undefined}
                  onMouseEnter={() => setHoverToken(t)}
                  onMouseLeave={() => setHoverToken(null)}
                >
                  <th scope="row">{labels[t]}</th>
                  <td>
                    <Num value={s} kind="softmax-score" />
                  </td>
                  <td>
                    <Num value={work.differences[t] as number} kind="difference" />
                  </td>
                  {withTau && (
                    <td>
                      <Num value={work.exponents[t] as number} kind="exponent" />
                    </td>
                  )}
                  <td title={masked ? m.maskedExp : undefined}>
                    <Num value={work.exps[t] as number} kind="exp" />
                  </td>
                  <td className="work-result">
                    <Num value={work.weights[t] as number} kind="weight" />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={withTau ? 4 : 3}>
                {m.softmaxSum}
              </th>
              <td>
                <Num value={work.sum} kind="exp-sum" />
              </td>
              <td>
                <Num value={work.weightSum} kind="weight-sum" />
              </td>
            </tr>
          </tfoot>
        </table>
      </ScrollBox>
      {anyMasked && <p className="work-line">{m.maskedExp}</p>}
    </div>
  );
}
