import { useLayoutEffect, useState, type DependencyList, type RefObject } from 'react';

/** Where a matrix grid's scroll box stands, in CSS pixels. */
export interface ScrollBox {
  readonly scrollTop: number;
  readonly scrollLeft: number;
  /** The box's clientHeight and clientWidth: what it shows. */
  readonly height: number;
  readonly width: number;
  /** How wide its content is (scrollWidth). */
  readonly contentWidth: number;
  /** The height of one row: the box's first child, the column labels, is one row high. */
  readonly rowHeight: number;
}

/**
 * Follows a matrix grid's scroll box: its scroll position, its size and its content's
 * width, for the rows to render (rowWindow) and the signs that it scrolls sideways. Null
 * until measured. Measured again when the box scrolls or changes size, and after a render
 * whose `deps` changed (new rows or columns widen the content without resizing the box).
 */
export function useScrollBox(
  box: RefObject<HTMLElement | null>,
  deps: DependencyList,
): ScrollBox | null {
  const [state, setState] = useState<ScrollBox | null>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    // Scroll events and ResizeObserver callbacks come at most once a frame: measure at once.
    const measure = () => {
      const next: ScrollBox = {
        scrollTop: el.scrollTop,
        scrollLeft: el.scrollLeft,
        height: el.clientHeight,
        width: el.clientWidth,
        contentWidth: el.scrollWidth,
        rowHeight: (el.firstElementChild as HTMLElement | null)?.offsetHeight ?? 0,
      };
      setState((s) =>
        s && (Object.keys(next) as (keyof ScrollBox)[]).every((k) => s[k] === next[k]) ? s : next,
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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps say when to measure again
  }, [box, ...deps]);
  return state;
}
