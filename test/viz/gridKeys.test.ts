import { describe, expect, it } from 'vitest';
import { moveInGrid, moveInRect } from '../../src/viz/gridKeys';

describe('moveInGrid', () => {
  const c = { i: 1, j: 1 };

  it('moves by one with the arrows and stops at the edges', () => {
    expect(moveInGrid('ArrowRight', c, 3)).toEqual({ i: 1, j: 2 });
    expect(moveInGrid('ArrowLeft', c, 3)).toEqual({ i: 1, j: 0 });
    expect(moveInGrid('ArrowUp', c, 3)).toEqual({ i: 0, j: 1 });
    expect(moveInGrid('ArrowDown', c, 3)).toEqual({ i: 2, j: 1 });
    expect(moveInGrid('ArrowRight', { i: 0, j: 2 }, 3)).toEqual({ i: 0, j: 2 });
    expect(moveInGrid('ArrowUp', { i: 0, j: 0 }, 3)).toEqual({ i: 0, j: 0 });
  });

  it('jumps with Home, End, Ctrl+Home, Ctrl+End, PageUp and PageDown', () => {
    expect(moveInGrid('Home', c, 4)).toEqual({ i: 1, j: 0 });
    expect(moveInGrid('End', c, 4)).toEqual({ i: 1, j: 3 });
    expect(moveInGrid('Home', c, 4, true)).toEqual({ i: 0, j: 0 });
    expect(moveInGrid('End', c, 4, true)).toEqual({ i: 3, j: 3 });
    expect(moveInGrid('PageUp', c, 4)).toEqual({ i: 0, j: 1 });
    expect(moveInGrid('PageDown', c, 4)).toEqual({ i: 3, j: 1 });
  });

  it('selects with Enter and Space and ignores other keys', () => {
    expect(moveInGrid('Enter', c, 3)).toBe('select');
    expect(moveInGrid(' ', c, 3)).toBe('select');
    expect(moveInGrid('a', c, 3)).toBeNull();
    expect(moveInGrid('Tab', c, 3)).toBeNull();
  });
});

describe('moveInRect', () => {
  // 2 rows of 5 columns, as a matrix grid of 2 tokens by 5 dimensions.
  const c = { i: 0, j: 3 };

  it('stops at the last column and the last row, each its own', () => {
    expect(moveInRect('ArrowRight', c, 2, 5)).toEqual({ i: 0, j: 4 });
    expect(moveInRect('ArrowRight', { i: 0, j: 4 }, 2, 5)).toEqual({ i: 0, j: 4 });
    expect(moveInRect('ArrowDown', { i: 1, j: 3 }, 2, 5)).toEqual({ i: 1, j: 3 });
  });

  it('jumps to the row’s end, the column’s end and the far corner', () => {
    expect(moveInRect('End', c, 2, 5)).toEqual({ i: 0, j: 4 });
    expect(moveInRect('End', c, 2, 5, true)).toEqual({ i: 1, j: 4 });
    expect(moveInRect('PageDown', c, 2, 5)).toEqual({ i: 1, j: 3 });
    expect(moveInRect('Home', { i: 1, j: 3 }, 2, 5, true)).toEqual({ i: 0, j: 0 });
  });
});
