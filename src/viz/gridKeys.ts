import type { Cell } from '../vocabulary/cell';
/** Keyboard movement in a square grid of cells (the heatmap), as a pure function. */

/**
 * Where `key` takes the focus from `cell` in an n x n grid: arrows move by one (stopping at
 * the edges), Home/End go to the row's ends (with Ctrl, the grid's corners), PageUp/PageDown
 * to the column's ends. 'select' for Enter and Space; null for keys the grid leaves alone.
 */
export function moveInGrid(
  key: string,
  cell: Cell,
  n: number,
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
      j = n - 1;
      if (ctrlKey) i = n - 1;
      break;
    case 'PageUp':
      i = 0;
      break;
    case 'PageDown':
      i = n - 1;
      break;
    case 'Enter':
    case ' ':
      return 'select';
    default:
      return null;
  }
  const clamp = (x: number) => Math.max(0, Math.min(n - 1, x));
  return { i: clamp(i), j: clamp(j) };
}
