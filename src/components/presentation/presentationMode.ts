/**
 * Entering and leaving presentation mode. Full screen is asked for, never required: a
 * browser that refuses (an iframe without permission, a phone, a test) still presents in
 * the window.
 */
import { useAppStore } from '../../store/store';

/** Runs a call that may throw or return a rejected promise (or nothing), ignoring failure. */
function attempt(call: () => unknown): void {
  try {
    Promise.resolve(call()).catch(() => {});
  } catch {
    // Not allowed here: presenting goes on without it.
  }
}

/** Starts presenting and asks for full screen (call from a click or a key press). */
export function enterPresentation(): void {
  useAppStore.getState().setPresenting(true);
  const root = document.documentElement;
  if (!document.fullscreenElement && typeof root.requestFullscreen === 'function') {
    attempt(() => root.requestFullscreen());
  }
}

/** Stops presenting and leaves full screen if the page is in it. */
export function leavePresentation(): void {
  useAppStore.getState().setPresenting(false);
  if (document.fullscreenElement && typeof document.exitFullscreen === 'function') {
    attempt(() => document.exitFullscreen());
  }
}
