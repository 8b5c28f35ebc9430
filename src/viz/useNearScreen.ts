/**
 * Whether an element is on screen or close to it, followed with an IntersectionObserver, so
 * that a drawing far out of sight can skip its work on every update. At 12 tokens the
 * Tokens step holds three matrix grids (E, P and X) of which the panel shows the first:
 * 192 of the update's 288 numbered cells were drawn for no one (README, "Why the updates
 * were slow", item 10, for the figures).
 */
import { useEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/**
 * How close counts as near: 15 % of the screen (or of the scroll box) beyond each edge. A
 * drawing renders in the frame after it comes near, so the margin is what a fast scroll
 * covers in a frame or two (about 120 px on a phone); a wider one made the stage's second
 * matrix, 110 px below its panel's edge at 1366×768, render on every update.
 */
export const NEAR_MARGIN = '15%';

/**
 * True while `ref`'s element is within NEAR_MARGIN of the screen, through every scroll box
 * that clips it. True until the first observation (nothing waits for it on the first
 * paint), always where IntersectionObserver is missing (jsdom), and while the page prints.
 */
export function useNearScreen(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(true);
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        if (entry) setNear(entry.isIntersecting);
      },
      // scrollMargin widens the clip of every scroll box on the way (the stage's panels
      // scroll by themselves); rootMargin widens the window's.
      { rootMargin: NEAR_MARGIN, scrollMargin: NEAR_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  useEffect(() => {
    // A printed page shows every drawing, wherever the screen was scrolled: rendered before
    // the browser lays the page out for print, not in a later task.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return near || printing;
}
