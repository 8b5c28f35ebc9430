/** The learned-weights slice (see `LearnedSlice`; `loadLearned.ts` fills it). */
import type { StateCreator } from 'zustand';
import type { AppState, LearnedSlice, LearnedState } from '../state';

/** Nothing asked for yet: the file loads only when the preset is chosen. */
export function initialLearned(): LearnedState {
  return { status: 'idle', file: null, heads: null, error: null };
}

/** Creates the slice. */
export const createLearnedSlice: StateCreator<AppState, [], [], LearnedSlice> = (set) => ({
  learned: initialLearned(),
  setLearned: (patch) => set((s) => ({ learned: { ...s.learned, ...patch } })),
});
