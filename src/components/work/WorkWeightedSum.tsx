/**
 * "Show the work" at the Weighted sum step: each weight w_ij times its value vector v_j,
 * the weighted vectors added up to the head's output row i, the selected j emphasised.
 * Each token takes two rows (v, then w × v) so the table stays 2 + dK columns wide.
 */
import { useMemo } from 'react';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { weightedSumWork } from '../../viz/arithmetic';
import { Num } from '../common/Num';
import { ScrollBox } from '../common/ScrollBox';
import type { WorkProps } from './workProps';

/** Output row i of the selected head as Σ_j w_ij v_j. */
export function WorkWeightedSum({ view, i, j }: WorkProps) {
  const m = useMessages().numbers;
  const setHoverToken = useAppStore((s) => s.setHoverToken);
  const { trace, headIndex, labels } = view;
  const work = useMemo(() => weightedSumWork(trace, headIndex, i, j), [trace, headIndex, i, j]);
  const from = labels[i] ?? '';
  return (
    <div className="work-step" data-step="weighted">
      <h4>{m.weightedTitle}</h4>
      <p>{m.weightedIntro(from)}</p>
      <ScrollBox className="work-scroll" label={m.weightedTitle}>
        <table className="work-table work-weighted">
          <thead>
            <tr>
              <th scope="col">{m.weightedColumns.token}</th>
              <th scope="col">{m.weightedColumns.weight}</th>
              <td />
              {work.output.map((_, d) => (
                <th key={d} scope="col">
                  {m.dim(d)}
                </th>
              ))}
            </tr>
          </thead>
          {work.weights.map((w, t) => (
            <tbody
              key={t}
              className={t === j ? 'work-selected' : undefined}
              data-token={t}
              onMouseEnter={() => setHoverToken(t)}
              onMouseLeave={() => setHoverToken(null)}
            >
              <tr>
                <th scope="rowgroup" rowSpan={2}>
                  {labels[t]}
                </th>
                <td rowSpan={2} className="work-result">
                  <Num value={w} kind="w" />
                </td>
                <th scope="row" className="work-op">
                  {m.weightedColumns.value}
                </th>
                {(work.values[t] as readonly number[]).map((x, d) => (
                  <td key={d}>
                    <Num value={x} kind="v" />
                  </td>
                ))}
              </tr>
              <tr className="work-term">
                <th scope="row" className="work-op">
                  {m.weightedColumns.term}
                </th>
                {(work.terms[t] as readonly number[]).map((x, d) => (
                  <td key={d}>
                    <Num value={x} kind="term" />
                  </td>
                ))}
              </tr>
            </tbody>
          ))}
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {m.weightedSum(from)}
              </th>
              {work.output.map((x, d) => (
                <td key={d} className="work-result">
                  <Num value={x} kind="output" />
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </ScrollBox>
    </div>
  );
}
