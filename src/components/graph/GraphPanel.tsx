/**
 * The graph panel: heading, controls, one line of status (how many edges, what the focus
 * shows, or that edges come at step Softmax), the graph sized to the panel, and its legend.
 * The graph's scene is built once here and read by all of them, and by the export menu.
 */
import { useId, useMemo, useRef } from 'react';
import type { AttentionTrace } from '../../core/types';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import {
  COVERING_MAX_PER_TOKEN,
  DEFAULT_COVERAGE,
  type EdgeSelection,
} from '../../viz/graph/edges';
import { headAt } from '../../viz/heatmap/heatmapModel';
import { useElementWidth } from '../../viz/useElementWidth';
import { AttentionGraph } from './AttentionGraph';
import { GraphControls } from './GraphControls';
import { GraphExport } from './GraphExport';
import { GraphLegend } from './GraphLegend';
import { useGraphScene } from './useGraphScene';
import { useHead, usePresenting } from '../../store/selectors';

/** Props of `GraphPanel`. */
export interface GraphPanelProps {
  readonly trace: AttentionTrace;
}

/** The graph panel (see the module comment). */
export function GraphPanel({ trace }: GraphPanelProps) {
  const m = useMessages().viz;
  const titleId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(boxRef);
  const n = trace.tokens.length;
  // Presenting, the graph is laid out at 1/2.6 of its frame and drawn that much larger
  // (Presentation.css), so its labels read from the back row.
  const presenting = usePresenting();
  const scene = useGraphScene(trace, presenting ? Math.round(width / 2.6) : width);

  return (
    <section className="attention-panel graph-panel" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId} className="attention-panel-title">
          {m.graphTitle}
        </h2>
        <GraphExport trace={trace} scene={scene} />
      </div>
      <GraphControls tokenCount={n} />
      <GraphStatus trace={trace} selection={scene.selection} />
      <div ref={boxRef} className="attention-panel-body graph-box">
        {n === 0 ? <p className="hm-note">{m.emptyText}</p> : <AttentionGraph scene={scene} />}
      </div>
      {/* One click away, so the picture keeps the panel's height on the stage. */}
      <details className="graph-legend-box">
        <summary>{m.legendSummary}</summary>
        <GraphLegend sides={scene.legend} />
      </details>
    </section>
  );
}

/** One line saying what the graph shows right now. */
function GraphStatus({
  trace,
  selection,
}: {
  trace: AttentionTrace;
  selection: EdgeSelection | null;
}) {
  const m = useMessages().viz;
  const focus = useAppStore((s) => s.graph.focus);
  const direction = useAppStore((s) => s.graph.direction);
  const everyEdge = useAppStore((s) => s.graph.everyEdge);
  const setGraph = useAppStore((s) => s.setGraph);
  const headIndex = useHead();
  const weights = headAt(trace, headIndex)?.weights;
  // Every pair a token can attend to (masked pairs have weight 0): what "all edges" means.
  const total = useMemo(
    () => (weights ? weights.data.reduce((c, w) => (w > 0 ? c + 1 : c), 0) : 0),
    [weights],
  );
  const token = focus === null ? undefined : trace.tokens[focus];
  if (!selection) {
    return <p className="graph-status graph-status--pending">{m.edgesAppear}</p>;
  }
  const count = selection.edges.length;
  return (
    <p className="graph-status" aria-live="polite">
      <span>{count === 0 ? m.noEdges : m.edgeCount(count, total)}</span>
      {!everyEdge && count > 0 && (
        <span> {m.covering(Math.round(DEFAULT_COVERAGE * 100), COVERING_MAX_PER_TOKEN)}</span>
      )}
      {selection.cappedPerSource !== null && <span> {m.capped(selection.cappedPerSource)}</span>}{' '}
      {token ? (
        <>
          <span>{m.focused(token.text, direction)}</span>{' '}
          <button
            type="button"
            className="graph-clear-focus"
            onClick={() => setGraph({ focus: null })}
          >
            {m.clearFocus}
          </button>
        </>
      ) : (
        <span>{m.focusHint}</span>
      )}
    </p>
  );
}
