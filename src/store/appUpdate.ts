/**
 * Whether a new version of the app waits to take over: the service worker's registration
 * (src/store/serviceWorker.ts) fills it, the update prompt (UpdatePrompt) reads it.
 */
import { create } from 'zustand';

/** Whether a new version of the app waits to take over, and how to switch to it. */
export interface AppUpdateState {
  /** Activates the waiting version and reloads the page; null while there is none. */
  readonly applyUpdate: (() => void) | null;
  /** Hides the prompt until the next version (or the next visit, which runs the new one). */
  dismiss(): void;
}

/**
 * A store of its own rather than a slice of the app's store: it holds no input of the
 * view, no lesson link carries it, and only UpdatePrompt reads it.
 */
export const useAppUpdate = create<AppUpdateState>()((set) => ({
  applyUpdate: null,
  dismiss: () => set({ applyUpdate: null }),
}));
