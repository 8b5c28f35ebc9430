/**
 * What "Concatenate and project" is about, first: every head's output for each token
 * placed side by side, one band per head, then the product with W_O that gives the final
 * output. The heatmap and graph of one head follow it (they belong to the earlier steps);
 * the grids of concat, W_O and the output are in the matrices panel.
 */
import { useId, useMemo } from 'react';
import { at } from '../../core/matrix';
import type { AttentionTrace } from '../../core/types';
import { isolate } from '../../bidi';
import { useMessages } from '../../messages';
import { useNumberFormat } from '../common/useNumberFormat';
import { textColorOn } from '../../viz/contrast';
import { divergingScale, maxAbs } from '../../viz/scales';
import { truncateLabel } from '../../viz/text';
import './ConcatView.css';

/** Numbers are written in the cells while the concatenation is at most this wide. */
const MAX_NUMBER_COLUMNS = 16;

/** The longest a token is quoted as a row label, in characters. */
const MAX_LABEL = 16;

/** Rows drawn at most: a long text shows its first rows (the matrices panel has them all). */
const MAX_ROWS = 24;

/** The concatenation of the heads' outputs, banded by head, and the projection that follows. */
export function ConcatView({ trace }: { trace: AttentionTrace }) {
  const m = useMessages().numbers;
  const fmt = useNumberFormat();
  const id = useId();
  const heads = trace.heads.length;
  const { concat } = trace;
  const dK = trace.dK;
  const color = useMemo(() => divergingScale(maxAbs(concat.data)), [concat]);
  const rows = Math.min(concat.rows, MAX_ROWS);
  const numbers = concat.cols <= MAX_NUMBER_COLUMNS;
  return (
    <section className="panel concat-view" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="concat-view__title">
        {m.concatViewTitle}
      </h2>
      <p className="concat-view__lead">{m.concatViewLead(heads, dK)}</p>
      {/* Focusable, so a keyboard can scroll the wide table (axe: scrollable-region-focusable). */}
      <div
        className="concat-view__scroll"
        tabIndex={0}
        role="region"
        aria-label={m.concatViewTable}
      >
        <table className="concat-view__table" aria-label={m.concatViewTable} data-numbers={numbers}>
          <thead>
            <tr>
              <td />
              {trace.heads.map((_, h) => (
                <th key={h} scope="colgroup" colSpan={dK} data-head={h % 8}>
                  {m.concatViewHead(h + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, i) => (
              <tr key={i}>
                <th scope="row" dir="auto">
                  {isolate(truncateLabel(trace.tokens[i]?.text ?? '', MAX_LABEL))}
                </th>
                {Array.from({ length: concat.cols }, (_, c) => {
                  const x = at(concat, i, c);
                  const background = color(x);
                  return (
                    <td
                      key={c}
                      // The first column of each head's band gets the band's edge.
                      data-band-start={c % dK === 0 ? '' : undefined}
                      style={{ backgroundColor: background, color: textColorOn(background) }}
                      title={fmt.number(x, 4)}
                    >
                      {numbers ? (
                        fmt.number(x, 2)
                      ) : (
                        <span className="visually-hidden">{fmt.number(x, 2)}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {concat.rows > rows && <p className="hint">{m.concatViewMoreRows(rows, concat.rows)}</p>}
      <p className="concat-view__projection">
        {m.concatViewProjection(concat.rows, concat.cols, trace.settings.width)}
      </p>
    </section>
  );
}
