/**
 * The pointer and keyboard behaviour both heatmap renderers share (the SVG one and the
 * canvas one): a roving active cell, hover and selection in the store, and the grid's keys
 * (src/viz/gridKeys.ts). The renderers differ only in how they find the cell under an
 * event (the SVG reads the target's data-i/data-j, the canvas the pointer's position) and
 * in how the active cell moves (the SVG moves DOM focus to the cell's element, the canvas
 * keeps focus on itself and outlines the active cell).
 */
import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store/store';
import { moveInGrid } from '../../viz/gridKeys';
import type { Cell } from '../../vocabulary/cell';

/** True when both are cells and the same cell. */
export const sameCell = (a: Cell | null, b: Cell | null): boolean =>
  a !== null && b !== null && a.i === b.i && a.j === b.j;

/** What `useHeatmapInteraction` hands the renderer. */
export interface HeatmapInteraction {
  /** The cell holding the grid's one tab stop, clamped to the grid. */
  readonly active: Cell;
  /** Makes `cell` the active cell and the hovered one (a focus or a click landed on it). */
  activate(cell: Cell): void;
  /** Sets store.hoverCell to `cell` (null clears it), writing only when it changes. */
  hover(cell: Cell | null): void;
  /** Selects `cell` for the work panel, or clears the selection when it is already selected. */
  toggleSelect(cell: Cell): void;
  /** A click on `cell` (null: not on a cell): activates and toggles its selection. */
  click(cell: Cell | null): void;
  /**
   * The grid's keys, starting from `from` (the focused cell; the active cell by default):
   * arrows, Home, End, PageUp and PageDown move, Enter and Space toggle the selection.
   * Keys the grid uses do not reach the walkthrough, which also listens to the arrows.
   */
  keyDown(e: KeyboardEvent, from?: Cell): void;
}

/** Options of `useHeatmapInteraction`. */
export interface HeatmapInteractionOptions {
  /** Tokens: the grid is n x n. */
  readonly n: number;
  /** False before step Score (an empty grid): keys and clicks then do nothing. */
  readonly enabled: boolean;
  /**
   * Moves DOM focus to `cell`'s element, when each cell is focusable; its focus handler
   * then calls `activate`. Without it, moving just activates the cell.
   */
  readonly focusCell?: (cell: Cell) => void;
}

/** The shared heatmap behaviour (see the module comment). */
export function useHeatmapInteraction({
  n,
  enabled,
  focusCell,
}: HeatmapInteractionOptions): HeatmapInteraction {
  const setHoverCell = useAppStore((s) => s.setHoverCell);
  const select = useAppStore((s) => s.select);
  const [rawActive, setActive] = useState<Cell>({ i: 0, j: 0 });
  const last = Math.max(0, n - 1);
  const ai = Math.min(rawActive.i, last);
  const aj = Math.min(rawActive.j, last);
  const active = useMemo(() => ({ i: ai, j: aj }), [ai, aj]);

  // Every handler reads the store at event time, so that pointer moves within one cell
  // write nothing and the handlers need not re-render with the store.
  const hover = useCallback(
    (cell: Cell | null) => {
      const current = useAppStore.getState().hoverCell;
      if (cell === null ? current !== null : !sameCell(current, cell)) setHoverCell(cell);
    },
    [setHoverCell],
  );
  const activate = useCallback(
    (cell: Cell) => {
      setActive(cell);
      hover(cell);
    },
    [hover],
  );
  const toggleSelect = useCallback(
    (cell: Cell) => select(sameCell(useAppStore.getState().selection, cell) ? null : cell),
    [select],
  );
  const click = useCallback(
    (cell: Cell | null) => {
      if (!enabled || cell === null) return;
      activate(cell);
      toggleSelect(cell);
    },
    [enabled, activate, toggleSelect],
  );
  const keyDown = useCallback(
    (e: KeyboardEvent, from: Cell = active) => {
      if (!enabled || n === 0) return;
      const move = moveInGrid(e.key, from, n, e.ctrlKey);
      if (!move) return;
      e.preventDefault();
      e.stopPropagation();
      if (move === 'select') toggleSelect(from);
      else if (focusCell) focusCell(move);
      else activate(move);
    },
    [enabled, n, active, toggleSelect, focusCell, activate],
  );

  return { active, activate, hover, toggleSelect, click, keyDown };
}
