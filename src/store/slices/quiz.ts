/** The quiz slice: "Predict first" (see `QuizSlice`; the updaters are in ../quiz.ts). */
import type { StateCreator } from 'zustand';
import { initialQuiz } from '../quiz';
import type { AppState, QuizSlice } from '../state';

/** Creates the slice. */
export const createQuizSlice: StateCreator<AppState, [], [], QuizSlice> = (set) => ({
  quiz: initialQuiz(),
  updateQuiz: (change) => set((s) => ({ quiz: change(s.quiz) })),
});
