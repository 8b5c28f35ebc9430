import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A service worker whose state the test moves. */
class FakeWorker extends EventTarget {
  state: ServiceWorkerState = 'installing';
  become(state: ServiceWorkerState): void {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

/** A registration with the fields the watcher reads. */
class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = new FakeWorker();
  waiting: FakeWorker | null = null;
  active: FakeWorker | null = null;
}

async function load(estimate: { quota: number; usage: number } | null) {
  vi.resetModules();
  vi.stubEnv('VITE_VECTORS_BYTES', '6405052');
  vi.stubGlobal('navigator', {
    storage: estimate ? { estimate: () => Promise.resolve(estimate) } : undefined,
  });
  return import('../../src/store/offlineInstall');
}

describe('the offline install', () => {
  beforeEach(() => vi.useRealTimers());
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  it('a first install that fails is told, with the storage figures when they explain it', async () => {
    const { useOfflineInstall, watchOfflineInstall } = await load({ quota: 5e6, usage: 1e6 });
    const registration = new FakeRegistration();
    watchOfflineInstall(registration as unknown as ServiceWorkerRegistration);
    expect(useOfflineInstall.getState().status).toBe('ok');
    const worker = registration.installing as FakeWorker;
    registration.installing = null;
    worker.become('redundant');
    await vi.waitFor(() => expect(useOfflineInstall.getState().status).toBe('failed'));
    expect(useOfflineInstall.getState().storage).toEqual({ quota: 5e6, usage: 1e6 });
    useOfflineInstall.getState().dismiss();
    expect(useOfflineInstall.getState().status).toBe('ok');
  });

  it('leaves out figures that do not explain the failure', async () => {
    const { useOfflineInstall, watchOfflineInstall } = await load({ quota: 1e10, usage: 1e6 });
    const registration = new FakeRegistration();
    watchOfflineInstall(registration as unknown as ServiceWorkerRegistration);
    const worker = registration.installing as FakeWorker;
    registration.installing = null;
    worker.become('redundant');
    await vi.waitFor(() => expect(useOfflineInstall.getState().status).toBe('failed'));
    expect(useOfflineInstall.getState().storage).toBeNull();
  });

  it('an install that succeeds, or an update that fails beside a working version, says nothing', async () => {
    const { useOfflineInstall, watchOfflineInstall } = await load({ quota: 5e6, usage: 1e6 });
    const registration = new FakeRegistration();
    watchOfflineInstall(registration as unknown as ServiceWorkerRegistration);
    const first = registration.installing as FakeWorker;
    first.become('installed');
    first.become('activated');
    registration.installing = null;
    registration.active = first;
    const update = new FakeWorker();
    registration.installing = update;
    registration.dispatchEvent(new Event('updatefound'));
    registration.installing = null;
    update.become('redundant');
    await new Promise((r) => setTimeout(r, 10));
    expect(useOfflineInstall.getState().status).toBe('ok');
  });
});
