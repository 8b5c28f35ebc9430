/**
 * The Lab's slice: which screen is open, and the Lab's inputs (task, settings, seed, speed,
 * example, the layer and head shown). Training's progress is not here: it is derived, by
 * the training worker, and read from `labClient` (src/lab-worker/client.ts).
 */
import type { StateCreator } from 'zustand';
import { resolveLabConfig } from '../../core/lab/config';
import { DEFAULT_LAB_TASK, labTask } from '../../core/lab/tasks';
import type { LabConfig, LabTaskId } from '../../core/lab/tasks/types';
import { DEFAULT_LAB_SPEED } from '../../lab-worker/protocol';
import type { AppState, LabInputs, LabSlice } from '../state';

/** The seed the Lab opens with. */
export const DEFAULT_LAB_SEED = 1;

/** The Lab's inputs for a task, at its defaults. */
export function labDefaults(task: LabTaskId = DEFAULT_LAB_TASK): LabInputs {
  return {
    task,
    config: resolveLabConfig(labTask(task)),
    seed: DEFAULT_LAB_SEED,
    speed: DEFAULT_LAB_SPEED,
    example: null,
    layer: 0,
    head: 0,
    steps: 0,
  };
}

/** The first visit's screen and Lab. */
export function initialLab(): Pick<LabSlice, 'screen' | 'lab' | 'labWalk'> {
  return { screen: 'walkthrough', lab: labDefaults(), labWalk: false };
}

/** `layer` and `head` kept within a configuration's model. */
function clampView(lab: LabInputs, config: LabConfig): Pick<LabInputs, 'layer' | 'head'> {
  return {
    layer: Math.max(0, Math.min(lab.layer, config.layers - 1)),
    head: Math.max(0, Math.min(lab.head, config.heads - 1)),
  };
}

/** Creates the slice. */
export const createLabSlice: StateCreator<AppState, [], [], LabSlice> = (set) => ({
  ...initialLab(),
  setScreen: (screen) => set({ screen, labWalk: false }),
  setLabTask: (task) => set((s) => ({ lab: { ...labDefaults(task), speed: s.lab.speed } })),
  setLabConfig: (patch) =>
    set((s) => {
      const config = { ...s.lab.config, ...patch };
      return { lab: { ...s.lab, config, ...clampView(s.lab, config), steps: 0 } };
    }),
  setLabSeed: (seed) => set((s) => ({ lab: { ...s.lab, seed, steps: 0 } })),
  setLabSpeed: (speed) => set((s) => ({ lab: { ...s.lab, speed } })),
  setLabExample: (example) => set((s) => ({ lab: { ...s.lab, example } })),
  setLabView: (layer, head) =>
    set((s) => ({ lab: { ...s.lab, ...clampView({ ...s.lab, layer, head }, s.lab.config) } })),
  applyLab: (lab, screen) => set({ lab, screen, labWalk: false }),
  setLabWalk: (labWalk) => set({ labWalk, screen: 'walkthrough' }),
});
