/**
 * The graph's settings: layout, every edge or only each token's covering edges, weight
 * threshold, strongest k per token, and which edges of a focused token to show. They write store.graph, so a shared link can carry them. The
 * reading-order line is offered up to LINE_LAYOUT_MAX_TOKENS tokens only.
 */
import { useId, type ChangeEvent } from 'react';
import { useNumberFormat } from '../common/useNumberFormat';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { THRESHOLD_STEP, type FocusDirection, type GraphLayout } from '../../vocabulary/graph';
import { effectiveLayout, LINE_LAYOUT_MAX_TOKENS } from '../../viz/graph/graphGeometry';

/** Props of `GraphControls`. */
export interface GraphControlsProps {
  /** Number of tokens: the largest useful "strongest per token". */
  readonly tokenCount: number;
}

const LAYOUTS: readonly GraphLayout[] = ['line', 'circle', 'force'];
const DIRECTIONS: readonly FocusDirection[] = ['out', 'in'];

/** The controls (see the module comment). */
export function GraphControls({ tokenCount }: GraphControlsProps) {
  const fmt = useNumberFormat();
  const m = useMessages().viz;
  const layout = useAppStore((s) => s.graph.layout);
  const threshold = useAppStore((s) => s.graph.threshold);
  const topK = useAppStore((s) => s.graph.topK);
  const direction = useAppStore((s) => s.graph.direction);
  const everyEdge = useAppStore((s) => s.graph.everyEdge);
  const setGraph = useAppStore((s) => s.setGraph);
  const id = useId();

  const onTopK = (e: ChangeEvent<HTMLInputElement>) => {
    const k = Math.floor(Number(e.target.value));
    // An emptied field means "all", the same as 0, rather than an error while typing.
    setGraph({ topK: Number.isFinite(k) ? Math.max(0, Math.min(Math.max(tokenCount, 1), k)) : 0 });
  };

  return (
    <div className="graph-controls" role="group" aria-label={m.controlsLabel}>
      <label className="graph-control">
        <span>{m.layoutLabel}</span>
        {/* The layout drawn: past LINE_LAYOUT_MAX_TOKENS the line is not offered, and a chosen line shows as the circle. */}
        <select
          value={effectiveLayout(layout, tokenCount)}
          onChange={(e) => setGraph({ layout: e.target.value as GraphLayout })}
        >
          {LAYOUTS.map((l) => {
            const tooLong = l === 'line' && tokenCount > LINE_LAYOUT_MAX_TOKENS;
            return (
              <option key={l} value={l} disabled={tooLong}>
                {tooLong ? m.lineTooLong(LINE_LAYOUT_MAX_TOKENS) : m.layouts[l]}
              </option>
            );
          })}
        </select>
      </label>
      {/* Off, the default: each token's covering edges (DEFAULT_COVERAGE); on, all T² of them. */}
      <label className="graph-control graph-every-edge">
        <input
          type="checkbox"
          checked={everyEdge}
          onChange={(e) => setGraph({ everyEdge: e.target.checked })}
        />
        <span>{m.everyEdgeLabel}</span>
      </label>
      <label className="graph-control">
        <span>{m.thresholdLabel}</span>
        <span className="graph-control-row">
          <input
            type="range"
            min={0}
            max={1}
            step={THRESHOLD_STEP}
            value={threshold}
            aria-valuetext={fmt.number(threshold, 2)}
            onChange={(e) => setGraph({ threshold: Number(e.target.value) })}
          />
          <output aria-hidden="true">{fmt.number(threshold, 2)}</output>
        </span>
      </label>
      <div className="graph-control">
        <label htmlFor={`${id}-topk`}>{m.topKLabel}</label>
        <span className="graph-control-row">
          <input
            id={`${id}-topk`}
            type="number"
            inputMode="numeric"
            min={0}
            max={Math.max(tokenCount, 1)}
            step={1}
            value={topK}
            aria-describedby={`${id}-topk-hint`}
            onChange={onTopK}
          />
          <small id={`${id}-topk-hint`}>{m.topKHint}</small>
        </span>
      </div>
      <fieldset className="graph-control graph-direction">
        <legend>{m.directionLabel}</legend>
        {DIRECTIONS.map((d) => (
          <label key={d}>
            <input
              type="radio"
              name={`${id}-direction`}
              value={d}
              checked={direction === d}
              onChange={() => setGraph({ direction: d })}
            />
            {m.directions[d]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
