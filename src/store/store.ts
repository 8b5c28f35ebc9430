/**
 * The app's one zustand store, composed of slices (zustand's slices pattern), one file per
 * concern in `slices/`: text and settings, view, hover and selection, quiz, vectors,
 * preferences, lesson links. Their types are in `state.ts`. It holds inputs only; the
 * trace is derived from them (see `useTrace`). Components read it through narrow
 * selectors, the common ones named in `selectors.ts`.
 */
import { create } from 'zustand';
import { initialQuiz } from './quiz';
import { initialInputs, createInputsSlice } from './slices/inputs';
import { createFollowSlice, initialFollow } from './slices/follow';
import { createLabSlice, initialLab } from './slices/lab';
import { createLearnedSlice, initialLearned } from './slices/learned';
import { createLinkSlice } from './slices/link';
import { createPointerSlice, initialPointer } from './slices/pointer';
import { createPreferencesSlice, initialPreferences } from './slices/preferences';
import { createQuizSlice } from './slices/quiz';
import { createVectorsSlice, initialVectors } from './slices/vectors';
import { createViewSlice, initialView } from './slices/view';
import type { AppInputs, AppState } from './state';

export type { AppState, VectorsState } from './state';

/** The initial inputs (without actions), also used by tests to reset the store. */
export function initialState(): AppInputs {
  return {
    ...initialInputs(),
    ...initialView(),
    ...initialPointer(),
    quiz: initialQuiz(),
    vectors: initialVectors(),
    learned: initialLearned(),
    ...initialPreferences(),
    linkNotice: null,
    ...initialLab(),
    ...initialFollow(),
  };
}

/** The store hook: `useAppStore((s) => s.text)`. Select narrowly; never build objects in a selector. */
export const useAppStore = create<AppState>()((...a) => ({
  ...createInputsSlice(...a),
  ...createViewSlice(...a),
  ...createPointerSlice(...a),
  ...createQuizSlice(...a),
  ...createVectorsSlice(...a),
  ...createLearnedSlice(...a),
  ...createPreferencesSlice(...a),
  ...createLinkSlice(...a),
  ...createLabSlice(...a),
  ...createFollowSlice(...a),
}));
