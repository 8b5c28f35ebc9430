/** The hover and selection slice (see `PointerSlice`). */
import type { StateCreator } from 'zustand';
import type { AppState, PointerSlice } from '../state';

/** Nothing hovered, nothing selected. */
export function initialPointer(): Pick<PointerSlice, 'hoverToken' | 'hoverCell' | 'selection'> {
  return { hoverToken: null, hoverCell: null, selection: null };
}

/** Creates the slice. */
export const createPointerSlice: StateCreator<AppState, [], [], PointerSlice> = (set) => ({
  ...initialPointer(),
  setHoverToken: (hoverToken) => set({ hoverToken }),
  setHoverCell: (hoverCell) => set({ hoverCell }),
  select: (selection) => set({ selection }),
});
