/**
 * Whether "Show the work" shows a cell's arithmetic, for the panel itself and for the stage
 * (which gives it a column of its own then). A module apart from the panel, which is a lazy
 * chunk: the stage is on the first page.
 */
import { useAppStore } from '../../store/store';
import { useTrace } from '../../store/useTrace';
import { useHeadTrace, type HeadView } from '../common/useHeadTrace';

/** The selected cell's row and column, as primitives (so a new selection object alone re-renders nothing). */
function useSelectedCell(): readonly [i: number | null, j: number | null] {
  const i = useAppStore((s) => s.selection?.i ?? null);
  const j = useAppStore((s) => s.selection?.j ?? null);
  return [i, j];
}

/**
 * Whether (i, j) is a cell of a sentence of `tokens` tokens: a selection made on a longer
 * sentence may outlive it by a render, and then the panel shows its hint, not a crash.
 */
function cellFits(i: number | null, j: number | null, tokens: number): boolean {
  return i !== null && j !== null && i < tokens && j < tokens;
}

/** The selected cell (i, j) when the work panel shows its arithmetic, else null. */
export function useShownWork(): { view: HeadView; i: number; j: number } | null {
  const view = useHeadTrace();
  const [i, j] = useSelectedCell();
  if (!view || i === null || j === null) return null;
  return cellFits(i, j, view.trace.tokens.length) ? { view, i, j } : null;
}

/**
 * Whether the work panel shows a cell's arithmetic (not its hint): the stage gives it a
 * column of its own then. An attribute says so to the CSS, rather than `:has()` on the
 * panel's heading, which made Chromium recheck the stage's style at every element an
 * update inserted anywhere in it. Only the token count is read: the stage needs no labels.
 */
export function useWorkOpen(): boolean {
  const tokens = useTrace()?.tokens.length ?? 0;
  const [i, j] = useSelectedCell();
  return cellFits(i, j, tokens);
}
