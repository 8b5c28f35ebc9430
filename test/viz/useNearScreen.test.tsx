// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MatrixGrid } from '../../src/components/matrices/MatrixGrid';
import { fromRows } from '../../src/core/matrix';
import { divergingScale } from '../../src/viz/scales';
import { NEAR_MARGIN, useNearScreen } from '../../src/viz/useNearScreen';
import { resetStore } from '../helpers/testStore';

// Counts how often a grid works out its colours (one diverging scale per palette).
vi.mock('../../src/viz/scales', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/viz/scales')>();
  return { ...actual, divergingScale: vi.fn(actual.divergingScale) };
});

/**
 * A stand-in for the browser's IntersectionObserver (jsdom has none): records what it was
 * asked to watch and with which options, and lets the test say when an element comes near.
 */
class FakeObserver {
  static all: FakeObserver[] = [];
  readonly watched: Element[] = [];
  disconnected = false;
  constructor(
    readonly callback: IntersectionObserverCallback,
    readonly options: IntersectionObserverInit,
  ) {
    FakeObserver.all.push(this);
  }
  observe(element: Element) {
    this.watched.push(element);
  }
  disconnect() {
    this.disconnected = true;
  }
  /** Tells the callback that every watched element is (or is not) within the margin. */
  report(isIntersecting: boolean) {
    const entries = this.watched.map((target) => ({ target, isIntersecting }));
    act(() => this.callback(entries as IntersectionObserverEntry[], this as never));
  }
}

function Probe() {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNearScreen(ref);
  return <div ref={ref}>{near ? 'near' : 'far'}</div>;
}

const M = fromRows([
  [0.5, -1.25],
  [2, 0.125],
]);

describe('useNearScreen', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    FakeObserver.all = [];
  });

  it('says near where there is no IntersectionObserver (jsdom), so nothing waits on it', () => {
    expect(typeof IntersectionObserver).toBe('undefined');
    render(<Probe />);
    expect(screen.getByText('near')).toBeInTheDocument();
  });

  describe('with an IntersectionObserver', () => {
    beforeEach(() => {
      vi.stubGlobal('IntersectionObserver', FakeObserver);
      resetStore({ vectors: 'made-up' });
    });

    it('is near until told otherwise, then follows the observer, through scroll boxes too', () => {
      const { unmount } = render(<Probe />);
      const observer = FakeObserver.all[0] as FakeObserver;
      expect(screen.getByText('near')).toBeInTheDocument();
      expect(observer.watched).toEqual([screen.getByText('near')]);
      // The margin widens the window and every scroll box that clips the element.
      expect(observer.options).toEqual({ rootMargin: NEAR_MARGIN, scrollMargin: NEAR_MARGIN });
      observer.report(false);
      expect(screen.getByText('far')).toBeInTheDocument();
      observer.report(true);
      expect(screen.getByText('near')).toBeInTheDocument();
      unmount();
      expect(observer.disconnected).toBe(true);
    });

    it('is near while the page prints, wherever it was scrolled', () => {
      render(<Probe />);
      (FakeObserver.all[0] as FakeObserver).report(false);
      act(() => void window.dispatchEvent(new Event('beforeprint')));
      expect(screen.getByText('near')).toBeInTheDocument();
      act(() => void window.dispatchEvent(new Event('afterprint')));
      expect(screen.getByText('far')).toBeInTheDocument();
    });

    it('lets a matrix grid far out of sight drop its cells, and bring them back when near', () => {
      render(<MatrixGrid matrix={M} name="Q" rowLabels={['I', 'love']} tokenRows />);
      expect(screen.getByText('−1.25')).toBeInTheDocument();
      const observer = FakeObserver.all[0] as FakeObserver;
      observer.report(false);
      // The caption and the column labels stay; no row, no number.
      expect(screen.getByText('Q (2 × 2)')).toBeInTheDocument();
      expect(screen.getByText('d1')).toBeInTheDocument();
      expect(screen.queryByText('−1.25')).toBeNull();
      expect(screen.queryByText('love')).toBeNull();
      observer.report(true);
      expect(screen.getByText('−1.25')).toBeInTheDocument();
      expect(screen.getByText('0.13')).toBeInTheDocument();
    });

    it("works out a grid's colours once per matrix: not while far, not again when back", () => {
      const scales = vi.mocked(divergingScale);
      scales.mockClear();
      const { rerender } = render(
        <MatrixGrid matrix={M} name="Q" rowLabels={['I', 'love']} tokenRows />,
      );
      const observer = FakeObserver.all[0] as FakeObserver;
      expect(scales).toHaveBeenCalledTimes(1);
      observer.report(false);
      observer.report(true);
      expect(scales).toHaveBeenCalledTimes(1);
      // A new matrix while far: nothing until it comes near, then once.
      observer.report(false);
      const next = fromRows([
        [1, 2],
        [3, 4],
      ]);
      rerender(<MatrixGrid matrix={next} name="Q" rowLabels={['I', 'love']} tokenRows />);
      expect(scales).toHaveBeenCalledTimes(1);
      observer.report(true);
      expect(scales).toHaveBeenCalledTimes(2);
      expect(screen.getByText('4.00')).toBeInTheDocument();
    });

    it('keeps the keyboard cell of a grid that has focus even when it is far', () => {
      render(<MatrixGrid matrix={M} name="Q" rowLabels={['I', 'love']} tokenRows />);
      (FakeObserver.all[0] as FakeObserver).report(false);
      expect(screen.queryByText('0.50')).toBeNull();
      act(() => screen.getByRole('group', { name: /Q \(2 × 2\)/ }).focus());
      // Focus renders the grid again, with the active cell's row.
      expect(screen.getByText('0.50')).toBeInTheDocument();
    });
  });
});
