/** Keyboard movement in a grid of cells (the heatmap, the matrix grids), as a pure function. */
import type { Cell } from '../vocabulary/cell';

/**
 * Where `key` takes the focus from `cell` in a grid of `rows` x `cols` cells (i the row, j
 * the column): arrows move by one (stopping at the edges), Home/End go to the row's ends
 * (with Ctrl, the grid's corners), PageUp/PageDown to the column's ends. 'select' for Enter
 * and Space; null for keys the grid leaves alone.
 */
export function moveInRect(
  key: string,
  cell: Cell,
  rows: number,
  cols: number,
  ctrlKey = false,
): Cell | 'select' | null {
  let { i, j } = cell;
  switch (key) {
    case 'ArrowUp':
      i -= 1;
      break;
    case 'ArrowDown':
      i += 1;
      break;
    case 'ArrowLeft':
      j -= 1;
      break;
    case 'ArrowRight':
      j += 1;
      break;
    case 'Home':
      j = 0;
      if (ctrlKey) i = 0;
      break;
    case 'End':
      j = cols - 1;
      if (ctrlKey) i = rows - 1;
      break;
    case 'PageUp':
      i = 0;
      break;
    case 'PageDown':
      i = rows - 1;
      break;
    case 'Enter':
    case ' ':
      return 'select';
    default:
      return null;
  }
  const clamp = (x: number, n: number) => Math.max(0, Math.min(n - 1, x));
  return { i: clamp(i, rows), j: clamp(j, cols) };
}

/** `moveInRect` in a square n x n grid (the heatmap). */
export function moveInGrid(
  key: string,
  cell: Cell,
  n: number,
  ctrlKey = false,
): Cell | 'select' | null {
  return moveInRect(key, cell, n, n, ctrlKey);
}
