// @vitest-environment jsdom
/**
 * The heatmaps' shared behaviour, on its own: hover and selection go to the store, the
 * grid's keys move a clamped active cell (or DOM focus, through focusCell) and Enter
 * toggles the selection, keys the grid uses never reach the page, and nothing happens
 * without a view.
 */
import { act, cleanup, renderHook } from '@testing-library/react';
import type { KeyboardEvent } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  sameCell,
  useHeatmapInteraction,
  type HeatmapInteractionOptions,
} from '../../../src/components/heatmap/useHeatmapInteraction';
import { initialState, useAppStore } from '../../../src/store/store';
import type { Cell } from '../../../src/vocabulary/cell';

/** A keyboard event as React hands it, with spies on the two calls that stop it. */
function key(k: string, ctrlKey = false) {
  return {
    key: k,
    ctrlKey,
    preventDefault: vi.fn(),
    stopPropagation: vi.fn(),
  } as unknown as KeyboardEvent & {
    preventDefault: ReturnType<typeof vi.fn>;
    stopPropagation: ReturnType<typeof vi.fn>;
  };
}

const state = () => useAppStore.getState();

function setup(options: HeatmapInteractionOptions) {
  return renderHook((props: HeatmapInteractionOptions) => useHeatmapInteraction(props), {
    initialProps: options,
  });
}

describe('useHeatmapInteraction', () => {
  beforeEach(() => useAppStore.setState(initialState()));
  afterEach(cleanup);

  it('compares cells by position, and null with nothing', () => {
    expect(sameCell({ i: 1, j: 2 }, { i: 1, j: 2 })).toBe(true);
    expect(sameCell({ i: 1, j: 2 }, { i: 2, j: 1 })).toBe(false);
    expect(sameCell(null, null)).toBe(false);
  });

  it('moves the active cell with the arrows, stopping at the edges, and sets the hover', () => {
    const { result } = setup({ n: 3, enabled: true });
    expect(result.current.active).toEqual({ i: 0, j: 0 });
    const right = key('ArrowRight');
    act(() => result.current.keyDown(right));
    expect(result.current.active).toEqual({ i: 0, j: 1 });
    expect(state().hoverCell).toEqual({ i: 0, j: 1 });
    // The walkthrough listens to arrows on the page: the grid keeps them.
    expect(right.preventDefault).toHaveBeenCalled();
    expect(right.stopPropagation).toHaveBeenCalled();
    act(() => result.current.keyDown(key('ArrowDown')));
    act(() => result.current.keyDown(key('ArrowDown')));
    act(() => result.current.keyDown(key('ArrowDown')));
    expect(result.current.active).toEqual({ i: 2, j: 1 });
    act(() => result.current.keyDown(key('End', true)));
    expect(result.current.active).toEqual({ i: 2, j: 2 });
  });

  it('toggles the selection of the active cell with Enter and Space', () => {
    const { result } = setup({ n: 4, enabled: true });
    act(() => result.current.activate({ i: 2, j: 3 }));
    act(() => result.current.keyDown(key('Enter')));
    expect(state().selection).toEqual({ i: 2, j: 3 });
    act(() => result.current.keyDown(key(' ')));
    expect(state().selection).toBeNull();
  });

  it('starts from the given cell (the focused SVG cell) and moves DOM focus through focusCell', () => {
    const focusCell = vi.fn<(c: Cell) => void>();
    const { result } = setup({ n: 5, enabled: true, focusCell });
    act(() => result.current.keyDown(key('ArrowLeft'), { i: 3, j: 3 }));
    expect(focusCell).toHaveBeenCalledWith({ i: 3, j: 2 });
    // Moving focus does not itself activate: the cell's focus event does.
    expect(result.current.active).toEqual({ i: 0, j: 0 });
    act(() => result.current.keyDown(key('Enter'), { i: 4, j: 1 }));
    expect(state().selection).toEqual({ i: 4, j: 1 });
  });

  it('leaves keys the grid does not use to the page', () => {
    const { result } = setup({ n: 3, enabled: true });
    const tab = key('Tab');
    act(() => result.current.keyDown(tab));
    expect(tab.preventDefault).not.toHaveBeenCalled();
    expect(result.current.active).toEqual({ i: 0, j: 0 });
  });

  it('does nothing without a view (before step Score)', () => {
    const { result } = setup({ n: 3, enabled: false });
    const right = key('ArrowRight');
    act(() => result.current.keyDown(right));
    act(() => result.current.click({ i: 1, j: 1 }));
    expect(right.preventDefault).not.toHaveBeenCalled();
    expect(result.current.active).toEqual({ i: 0, j: 0 });
    expect(state().selection).toBeNull();
  });

  it('selects a clicked cell and makes it active; a second click unselects', () => {
    const { result } = setup({ n: 4, enabled: true });
    act(() => result.current.click({ i: 1, j: 3 }));
    expect(state().selection).toEqual({ i: 1, j: 3 });
    expect(result.current.active).toEqual({ i: 1, j: 3 });
    act(() => result.current.click({ i: 1, j: 3 }));
    expect(state().selection).toBeNull();
    act(() => result.current.click(null));
    expect(state().selection).toBeNull();
  });

  it('writes the hover only when it changes', () => {
    const { result } = setup({ n: 4, enabled: true });
    const writes: unknown[] = [];
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.hoverCell !== prev.hoverCell) writes.push(s.hoverCell);
    });
    act(() => result.current.hover({ i: 1, j: 1 }));
    act(() => result.current.hover({ i: 1, j: 1 }));
    act(() => result.current.hover(null));
    act(() => result.current.hover(null));
    unsubscribe();
    expect(writes).toEqual([{ i: 1, j: 1 }, null]);
  });

  it('clamps the active cell when the sentence gets shorter', () => {
    const { result, rerender } = setup({ n: 6, enabled: true });
    act(() => result.current.activate({ i: 5, j: 4 }));
    rerender({ n: 3, enabled: true });
    expect(result.current.active).toEqual({ i: 2, j: 2 });
  });
});
