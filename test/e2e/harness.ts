/**
 * Browser-test harness: serves the built app with `vite preview` and drives Debian's
 * Chromium through playwright-core (Playwright's own browser download does not work on
 * the project's machines).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../..');

/** Where screenshots and other browser-test output go. */
export const OUTPUT_DIR = path.join(ROOT, 'test-results', 'e2e');

/** The Chromium binary: CHROMIUM_PATH, or Debian's. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium quiet on a machine with no network but the package registries. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A running preview server. */
export interface PreviewServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves dist/ with `vite preview` on `port` and resolves once it answers. */
export async function startPreview(port: number): Promise<PreviewServer> {
  if (!existsSync(path.join(ROOT, 'dist', 'index.html'))) {
    throw new Error('dist/index.html is missing: run `npm run build` before the browser tests');
  }
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [vite, 'preview', '--port', String(port), '--strictPort'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`vite preview did not start on port ${port}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

/** Launches Debian's Chromium, with a clear message when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Opens the app at `size` and waits until the word vectors are loaded. */
export async function openApp(
  browser: Browser,
  url: string,
  size: { width: number; height: number } = { width: 1366, height: 768 },
  options: { reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: size,
    reducedMotion: options.reducedMotion ?? 'reduce',
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('list', { name: 'Tokens' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-vectors-status="loading"]'));
  return page;
}
