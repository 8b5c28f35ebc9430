/**
 * The set-up every browser-test file shares: a `vite preview` of the build on the file's
 * own port and one Chromium, started before the file's tests and stopped after them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startPreview, type PreviewServer } from './harness';

/** The server and browser of a browser-test file, ready inside its tests. */
export interface BrowserSuite {
  /** The preview's address, ending in "/". */
  readonly url: string;
  readonly browser: Browser;
  readonly server: PreviewServer;
}

/**
 * Registers beforeAll/afterAll hooks that serve dist/ (or `options.outDir`) on `port` and
 * launch Chromium; returns an object whose fields are filled in once they have run.
 * Each test file takes its own port so that files can run in parallel.
 */
export function useBrowserSuite(port: number, options: { outDir?: string } = {}): BrowserSuite {
  const suite = {} as { url: string; browser: Browser; server: PreviewServer };
  beforeAll(async () => {
    suite.server = await startPreview(port, options);
    suite.url = suite.server.url;
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
