/**
 * Whether "Show the work" shows a cell's arithmetic, for the panel itself and for the stage
 * (which gives it a column of its own then). A module apart from the panel, which is a lazy
 * chunk: the stage is on the first page.
 */
import { useAppStore } from '../../store/store';
import { useHeadTrace, type HeadView } from '../common/useHeadTrace';

/** The selected cell (i, j) when the work panel shows its arithmetic, else null. */
export function useShownWork(): { view: HeadView; i: number; j: number } | null {
  const view = useHeadTrace();
  const i = useAppStore((s) => s.selection?.i ?? null);
  const j = useAppStore((s) => s.selection?.j ?? null);
  const T = view?.trace.tokens.length ?? 0;
  // A selection made on a longer sentence may outlive it by a render: show the hint, not a crash.
  return view !== null && i !== null && j !== null && i < T && j < T ? { view, i, j } : null;
}

/**
 * Whether the work panel shows a cell's arithmetic (not its hint): the stage gives it a
 * column of its own then. An attribute says so to the CSS, rather than `:has()` on the
 * panel's heading, which made Chromium recheck the stage's style at every element an
 * update inserted anywhere in it.
 */
export function useWorkOpen(): boolean {
  return useShownWork() !== null;
}
