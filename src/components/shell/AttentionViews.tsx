/**
 * The attention views of the selected head: the heatmap (with the all-heads strip) and
 * the directed graph. Takes no props: everything comes from the store and the trace, so
 * the App can place it anywhere.
 */
import { useMessages } from '../../messages';
import { useTrace } from '../../store/useTrace';
import { GraphPanel } from '../graph/GraphPanel';
import { HeatmapPanel } from '../heatmap/HeatmapPanel';
import { ConcatView } from '../output/ConcatView';
import { useStep } from '../../store/selectors';
import { PanelBoundary } from './PanelBoundary';
import { viewOrder } from './pictureOrder';
import './AttentionViews.css';

/** The heatmap and the graph, side by side when the container is wide, stacked otherwise. */
export function AttentionViews() {
  const m = useMessages().viz;
  const trace = useTrace();
  const step = useStep();
  if (!trace) {
    return (
      <div className="attention-views">
        <p className="attention-views-waiting">{m.waitingForVectors}</p>
      </div>
    );
  }
  return (
    <div className="attention-views">
      {/* "Concatenate and project" leads with its own picture, before one head's views. */}
      {step === 'output' && trace.heads.length > 1 && (
        <PanelBoundary panel="concat">
          <ConcatView trace={trace} />
        </PanelBoundary>
      )}
      <div className="attention-views-grid">
        {/* In the order the step shows them (pictureOrder.ts), keyed so that they move, not remount. */}
        {viewOrder(step).map((view) =>
          view === 'heatmap' ? (
            <PanelBoundary key="heatmap" panel="heatmap">
              <HeatmapPanel trace={trace} />
            </PanelBoundary>
          ) : (
            <PanelBoundary key="graph" panel="graph">
              <GraphPanel trace={trace} />
            </PanelBoundary>
          ),
        )}
      </div>
    </div>
  );
}
