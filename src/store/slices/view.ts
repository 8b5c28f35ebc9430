/** The view slice: the step, the head and the graph's options (see `ViewSlice`). */
import type { StateCreator } from 'zustand';
import { DEFAULT_GRAPH } from '../../vocabulary/graph';
import { clampStep, moveStep } from '../../vocabulary/steps';
import type { AppState, ViewSlice } from '../state';

/** `head` kept within the `heads` that exist. */
export function clampHead(head: number, heads: number): number {
  return Math.max(0, Math.min(head, heads - 1));
}

/** The first visit's view: the first step, the first head, the graph's defaults. */
export function initialView(): Pick<ViewSlice, 'step' | 'head' | 'allHeads' | 'graph' | 'embed'> {
  return { step: 'tokens', head: 0, allHeads: false, graph: DEFAULT_GRAPH, embed: false };
}

/** Creates the slice. */
export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  ...initialView(),
  setStep: (step) => set((s) => ({ step: clampStep(step, s.settings.heads) })),
  nextStep: () => set((s) => ({ step: moveStep(s.step, 1, s.settings.heads) })),
  previousStep: () => set((s) => ({ step: moveStep(s.step, -1, s.settings.heads) })),
  setHead: (head) => set((s) => ({ head: clampHead(head, s.settings.heads) })),
  setAllHeads: (allHeads) => set({ allHeads }),
  setGraph: (patch) => set((s) => ({ graph: { ...s.graph, ...patch } })),
});
