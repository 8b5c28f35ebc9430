import { useLayoutEffect, useState, type RefObject } from 'react';
import { rowWindow, type RowRange, type RowView } from '../../viz/rowWindow';

/**
 * The rows of a matrix grid to render (see rowWindow): at 128 tokens the three matrices of a
 * step held over 4,000 elements, and committing and laying them out was most of an update's
 * time (npm run profile:update); the box shows about 17 rows. Follows the box's scroll
 * position and size; `keep` (the keyboard's row) is always rendered, so that it can be
 * scrolled into view. Rows not rendered are not found by the browser's find-in-page; the
 * accessible tables (DataTables.tsx) hold every number.
 */
export function useRowWindow(
  box: RefObject<HTMLElement | null>,
  rows: number,
  keep: number | null,
): RowRange {
  const [view, setView] = useState<RowView | null>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    // Scroll events and ResizeObserver callbacks come at most once a frame: measure at once.
    const measure = () => {
      // The column-label row is the box's first child, one row high.
      const rowHeight = (el.firstElementChild as HTMLElement | null)?.offsetHeight ?? 0;
      const next = { scrollTop: el.scrollTop, height: el.clientHeight, rowHeight };
      setView((v) =>
        v &&
        v.scrollTop === next.scrollTop &&
        v.height === next.height &&
        v.rowHeight === next.rowHeight
          ? v
          : next,
      );
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, [box]);
  return rowWindow(rows, view, keep);
}
