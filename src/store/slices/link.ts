/** The lesson-link slice: applying a link, and its notice (see `LinkSlice`). */
import type { StateCreator } from 'zustand';
import { clampStep } from '../../vocabulary/steps';
import type { AppState, LinkSlice } from '../state';
import { clampHead } from './view';

/** `current` with `patch` applied, or `current` itself when the patch changes nothing. */
function merged<T extends object>(current: T, patch: Partial<T> | undefined): T {
  // Keeping the object when nothing changed keeps every memo keyed on it (the trace) warm.
  if (!patch) return current;
  const changed = (Object.keys(patch) as (keyof T)[]).some(
    (key) => patch[key] !== undefined && !Object.is(patch[key], current[key]),
  );
  return changed ? { ...current, ...patch } : current;
}

/** Creates the slice. */
export const createLinkSlice: StateCreator<AppState, [], [], LinkSlice> = (set) => ({
  linkNotice: null,
  setLinkNotice: (linkNotice) => set({ linkNotice }),
  applyLink: (patch) =>
    set((s) => {
      const text = patch.text ?? s.text;
      const newText = text !== s.text;
      const settings = merged(s.settings, patch.settings);
      const graph = merged(newText ? { ...s.graph, focus: null } : s.graph, patch.graph);
      const selection =
        patch.selection !== undefined ? patch.selection : newText ? null : s.selection;
      return {
        text,
        settings,
        step: clampStep(patch.step ?? s.step, settings.heads),
        head: clampHead(patch.head ?? s.head, settings.heads),
        allHeads: patch.allHeads ?? s.allHeads,
        embed: patch.embed ?? s.embed,
        graph,
        selection,
        // A link that names no story closes it; a new text ends a story of the old one.
        follow: patch.follow !== undefined ? patch.follow : newText ? null : s.follow,
        lang: patch.lang ?? s.lang,
        quiz:
          patch.quiz === undefined || patch.quiz === s.quiz.enabled
            ? s.quiz
            : { ...s.quiz, enabled: patch.quiz },
        hoverToken: null,
        hoverCell: null,
      };
    }),
});
