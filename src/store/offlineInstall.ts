/**
 * Whether the app could be saved for offline use. The service worker's install copies the
 * whole build and the 6.4 MB word-vector table into the browser's storage; where the
 * browser allows the site less (a small quota, a nearly full disk, a private window) the
 * install fails inside the worker and nothing on the page would know. This watches the
 * registration and keeps what the page should say: src/components/shell/UpdatePrompt.tsx
 * shows it.
 *
 * A store of its own, as src/store/appUpdate.ts: no input of the view, in no link.
 */
import { create } from 'zustand';

/** Storage figures the browser gave when the install failed, in bytes (null: unknown). */
export interface StorageFigures {
  readonly quota: number;
  readonly usage: number;
}

/** What the page knows of the offline install. */
export interface OfflineInstallState {
  /** 'failed' once the first install was refused; 'ok' otherwise (installed, or not tried). */
  readonly status: 'ok' | 'failed';
  readonly storage: StorageFigures | null;
  /** Hides the message (until the next visit tries again). */
  dismiss(): void;
}

/** The offline-install status; UpdatePrompt reads it. */
export const useOfflineInstall = create<OfflineInstallState>()((set) => ({
  status: 'ok',
  storage: null,
  dismiss: () => set({ status: 'ok' }),
}));

/** The least the offline copy needs: the word-vector table alone (vite.config.ts says its size). */
const NEEDED_BYTES = Number(import.meta.env.VITE_VECTORS_BYTES ?? 0);

/**
 * Records that the offline install failed, with the browser's storage figures when they
 * explain it (less room than the table alone needs). A browser may report a quota larger
 * than what it enforces for the site; figures that explain nothing are left out.
 */
export async function reportOfflineInstallFailed(): Promise<void> {
  let storage: StorageFigures | null = null;
  try {
    const estimate = await navigator.storage?.estimate();
    if (estimate?.quota !== undefined) {
      storage = { quota: estimate.quota, usage: estimate.usage ?? 0 };
    }
  } catch {
    storage = null;
  }
  const explains = storage !== null && storage.quota - storage.usage < NEEDED_BYTES;
  useOfflineInstall.setState({ status: 'failed', storage: explains ? storage : null });
}

/**
 * Watches `registration`'s first install: a worker that becomes redundant while no other
 * worker is active, waiting or installing failed to install (an update that fails leaves
 * the installed version working offline, and says nothing).
 */
export function watchOfflineInstall(registration: ServiceWorkerRegistration): void {
  const watch = (worker: ServiceWorker | null) => {
    worker?.addEventListener('statechange', () => {
      if (worker.state !== 'redundant') return;
      if (registration.active || registration.waiting || registration.installing) return;
      void reportOfflineInstallFailed();
    });
  };
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
  // It may have failed before this was called.
  if (!registration.active && !registration.waiting && !registration.installing) {
    void reportOfflineInstallFailed();
  }
}
