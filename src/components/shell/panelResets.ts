/**
 * What "Reset" clears for each panel a `PanelBoundary` guards: the view state that panel
 * reads from the store (graph filters, selection, hover, step). Never the sentence or the
 * settings: a reset must not cost the user what they typed or chose.
 */
import type { PanelName } from '../../messages/reliability';
import { useAppStore } from '../../store/store';
import { DEFAULT_GRAPH } from '../../vocabulary/graph';

function clearPointer(): void {
  const s = useAppStore.getState();
  s.setHoverToken(null);
  s.setHoverCell(null);
}

function resetGraph(): void {
  const s = useAppStore.getState();
  s.setGraph(DEFAULT_GRAPH);
  s.select(null);
  clearPointer();
}

function resetHeatmap(): void {
  const s = useAppStore.getState();
  s.setAllHeads(false);
  s.select(null);
  clearPointer();
}

function resetSteps(): void {
  useAppStore.getState().setStep('tokens');
  clearPointer();
}

/** The store reset of each guarded panel, run before it is mounted again. */
export const PANEL_RESETS: Readonly<Record<PanelName, () => void>> = {
  sentence: clearPointer,
  steps: resetSteps,
  explanation: resetSteps,
  views: () => {
    resetGraph();
    resetHeatmap();
  },
  heatmap: resetHeatmap,
  graph: resetGraph,
  // The concatenation reads only the trace: mounting it again is its reset.
  concat: clearPointer,
  work: () => {
    useAppStore.getState().select(null);
    clearPointer();
  },
  // The matrices and tables keep their view state (tab, scroll) in themselves: mounting them
  // again is their reset.
  matrices: clearPointer,
  settings: clearPointer,
  tables: clearPointer,
  // The Lab's inputs are good by construction; mounting it again is its reset.
  lab: () => {},
};
