/** The text and settings slice: what the trace's numbers depend on (see `InputsSlice`). */
import type { StateCreator } from 'zustand';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { clampStep } from '../../vocabulary/steps';
import { DEFAULT_TEXT } from '../../vocabulary/text';
import type { AppState, InputsSlice } from '../state';
import { clampHead } from './view';

/** The first visit's text and settings. */
export function initialInputs(): Pick<InputsSlice, 'text' | 'settings'> {
  return { text: DEFAULT_TEXT, settings: DEFAULT_SETTINGS };
}

/** Creates the slice. */
export const createInputsSlice: StateCreator<AppState, [], [], InputsSlice> = (set) => ({
  ...initialInputs(),
  setText: (text) =>
    // A new sentence changes the tokens, so indices held in the view no longer mean the same tokens.
    set((s) => ({
      text,
      selection: null,
      hoverCell: null,
      hoverToken: null,
      // The same object when there is no focus to clear: a new one on every keystroke
      // re-rendered the whole graph (512 nodes) in the keystroke's own task.
      graph: s.graph.focus === null ? s.graph : { ...s.graph, focus: null },
      follow: null,
    })),
  setSettings: (patch) =>
    set((s) => {
      const settings = { ...s.settings, ...patch };
      return {
        settings,
        step: clampStep(s.step, settings.heads),
        head: clampHead(s.head, settings.heads),
      };
    }),
});
