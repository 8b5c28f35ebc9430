/**
 * The content width of an element, kept up to date with a ResizeObserver, so drawings fit
 * their panel on a phone and on a projector alike.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

/** Width used where nothing can be measured (jsdom, or before the first layout). */
export const FALLBACK_WIDTH = 640;

/**
 * Width in px of `ref`'s element, rounded down to whole pixels (so sub-pixel jitter does
 * not re-render), or `fallback` when the element has no measurable width.
 */
export function useElementWidth(
  ref: RefObject<HTMLElement | null>,
  fallback = FALLBACK_WIDTH,
): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = (measured: number) => setWidth(measured > 0 ? Math.floor(measured) : fallback);
    update(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) update(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, fallback]);
  return width;
}
