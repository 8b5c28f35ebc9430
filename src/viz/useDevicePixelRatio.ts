/**
 * The screen's device pixel ratio, kept up to date, so canvases stay sharp when a window
 * moves to a retina screen or the page is zoomed (both change the ratio).
 */
import { useSyncExternalStore } from 'react';

function current(): number {
  return typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
}

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  // A media query matches one ratio only; re-subscribing after each change follows the next one.
  let query: MediaQueryList | null = null;
  const listen = () => {
    query?.removeEventListener('change', handle);
    query = window.matchMedia(`(resolution: ${current()}dppx)`);
    query.addEventListener('change', handle);
  };
  const handle = () => {
    listen();
    onChange();
  };
  listen();
  return () => query?.removeEventListener('change', handle);
}

/** Device pixels per CSS pixel (1 where unknown). */
export function useDevicePixelRatio(): number {
  return useSyncExternalStore(subscribe, current, () => 1);
}
