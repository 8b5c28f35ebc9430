/** The word-vector slice (see `VectorsSlice`; `loadVectors.ts` fills it). */
import type { StateCreator } from 'zustand';
import { madeUpWordVectors } from '../../core/vectors/table';
import type { AppState, VectorsSlice, VectorsState } from '../state';

/** Loading, with the made-up table standing in until the real one arrives. */
export function initialVectors(): VectorsState {
  return {
    status: 'loading',
    table: madeUpWordVectors(),
    bytes: null,
    progress: null,
    error: null,
  };
}

/** Creates the slice. */
export const createVectorsSlice: StateCreator<AppState, [], [], VectorsSlice> = (set) => ({
  vectors: initialVectors(),
  setVectors: (patch) => set((s) => ({ vectors: { ...s.vectors, ...patch } })),
});
