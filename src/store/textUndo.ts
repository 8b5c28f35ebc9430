/**
 * What the user typed, kept one click away when something else replaced it: an example
 * picked from the menu, or a lesson link opened in the same tab. The text box's own undo
 * history cannot always hold it (a link replaces the text from outside the box), so the
 * sentence panel offers "Undo" (see src/components/sentence/TextUndo.tsx) until the user
 * uses or dismisses it.
 *
 * A store of its own rather than a slice of the app's store: it is no input of the view,
 * no lesson link carries it, and only the sentence panel reads it.
 */
import { create } from 'zustand';
import { shell } from '../messages/shell';
import { DEFAULT_TEXT } from '../vocabulary/text';
import { useAppStore } from './store';

/** What replaced the user's text, and the text it replaced. */
export interface ReplacedText {
  /** The user's own text before it was replaced, or null when there is nothing to undo. */
  readonly previous: string | null;
  /** The text that replaced it (an example's, or a link's). */
  readonly replacement: string | null;
  /** What replaced it, for the notice's wording ('undo': an undone replacement, offered back). */
  readonly by: 'example' | 'link' | 'undo' | null;
}

/** The undo offer; read it with `useReplacedText((s) => s.previous)`. */
export const useReplacedText = create<ReplacedText>()(() => ({
  previous: null,
  replacement: null,
  by: null,
}));

/**
 * True when `text` is worth keeping: something the user typed, not the first visit's
 * sentence, an example (the menu gives it back at any time) or blank space.
 */
export function isOwnText(text: string): boolean {
  if (text.trim() === '' || text === DEFAULT_TEXT) return false;
  return !shell.examples.items.some((example) => example.text === text);
}

/**
 * Records that `replacement` is about to replace `current` (call it before the store
 * changes). Nothing is recorded when `current` is not the user's own text; an offer still
 * open for an earlier replacement keeps the older own text when the text was not edited
 * since (a teacher trying one example after another can still go back to their sentence).
 */
export function noteReplacement(
  current: string,
  replacement: string,
  by: 'example' | 'link',
): void {
  if (current === replacement) return;
  const offer = useReplacedText.getState();
  if (offer.previous !== null && current === offer.replacement) {
    useReplacedText.setState({ replacement, by });
    return;
  }
  if (!isOwnText(current)) return;
  useReplacedText.setState({ previous: current, replacement, by });
}

/** Withdraws the offer (the user dismissed it). */
export function forgetReplacement(): void {
  if (useReplacedText.getState().previous === null) return;
  useReplacedText.setState({ previous: null, replacement: null, by: null });
}

/**
 * Puts the user's own text back. When the text it replaces is the user's own too (an
 * example they edited since, a link's text), the two swap places and the offer stays, as
 * "Redo": neither is lost.
 */
export function undoReplacement(): void {
  const { previous } = useReplacedText.getState();
  if (previous === null) return;
  const current = useAppStore.getState().text;
  if (isOwnText(current)) {
    useReplacedText.setState({ previous: current, replacement: previous, by: 'undo' });
  } else {
    forgetReplacement();
  }
  useAppStore.getState().setText(previous);
}

/**
 * Withdraws the offer once the text is the replaced text again (typed back, or undone in
 * the text box): there is nothing left to give back. Subscribed once, when this module loads.
 */
useAppStore.subscribe((state, before) => {
  if (state.text === before.text) return;
  const { previous } = useReplacedText.getState();
  if (previous !== null && state.text === previous) forgetReplacement();
});
