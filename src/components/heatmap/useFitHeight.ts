/**
 * The height the heatmap must fit in, or null when it may grow as tall as it likes. On the
 * stage (App.css) the heatmap's frame is as tall as what the window leaves and says so with
 * `--hm-fit: 1`; everywhere else (a phone, a panel below the fold) the frame follows the
 * drawing, whose height must then not feed back into its own size.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

/** The frame's content height (px) while its CSS sets `--hm-fit: 1`, else null. */
export function useFitHeight(ref: RefObject<HTMLElement | null>): number | null {
  const [height, setHeight] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      const fit = getComputedStyle(element).getPropertyValue('--hm-fit').trim() === '1';
      const h = Math.floor(element.clientHeight);
      setHeight(fit && h > 0 ? h : null);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}
