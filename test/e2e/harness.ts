/**
 * Browser-test harness: serves the built app with `vite preview` and drives Debian's
 * Chromium through playwright-core (Playwright's own browser download does not work on
 * the project's machines).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The repository root. */
// import.meta.url rather than __dirname: the harness also runs as plain ESM under tsx
// (`npm run bench:browser`), where __dirname does not exist.
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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

/** Resolves once something can listen on 127.0.0.1:`port` (then closed again), rejects if not. */
function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * `port` if nothing listens on it, else a free port the system picks. Each browser-test
 * file has a port of its own, but another checkout's tests on the same machine may hold it,
 * and a preview started there would answer this file's requests with another build.
 */
export async function freePort(port: number): Promise<number> {
  try {
    return await listenOnce(port);
  } catch {
    return listenOnce(0);
  }
}

/**
 * Serves dist/ (or `options.outDir`, a build elsewhere) with `vite preview` on `port` (or a
 * free port when another process holds it; see `freePort`) and resolves once it answers.
 */
export async function startPreview(
  wanted: number,
  options: { outDir?: string } = {},
): Promise<PreviewServer> {
  const port = await freePort(wanted);
  const outDir = path.resolve(ROOT, options.outDir ?? 'dist');
  if (!existsSync(path.join(outDir, 'index.html'))) {
    throw new Error(
      `${path.relative(ROOT, outDir) || outDir}/index.html is missing: run \`npm run build\` before the browser tests`,
    );
  }
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [vite, 'preview', '--port', String(port), '--strictPort', '--outDir', outDir],
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

/** Console errors and uncaught exceptions of each page opened by `openApp`. */
const pageErrors = new WeakMap<Page, string[]>();

/** The console errors and uncaught exceptions `page` has reported so far. */
export function errorsOf(page: Page): readonly string[] {
  return pageErrors.get(page) ?? [];
}

/**
 * Makes `context` a browser without service workers, for the tests that are not about the
 * offline app: in a fresh context the worker would install and precache the whole build
 * and the 6.4 MB table, 0.6 to 0.7 s of CPU more for every page a test opens, which costs
 * 2.2 s without it (`npm run bench:pages`). Not Playwright's `serviceWorkers: 'block'`:
 * with that the registration fails, and the app rightly says it could not be saved for
 * offline use, a notice that changes the page. Without `navigator.serviceWorker` the app
 * registers nothing and says nothing, as in a browser that has none. The offline tests
 * open their contexts with service workers allowed.
 */
export async function withoutServiceWorker(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
  });
}

/**
 * Opens the app at `size` and waits until the word vectors have loaded (the status line's
 * data-status leaves "loading"), the tokens of the first sentence are shown and every
 * lazily loaded panel has arrived (no `data-lazy-pending` placeholder is left). Throws
 * when the vectors failed: every comparison with `npm run trace` needs the real table.
 */
export async function openApp(
  browser: Browser,
  url: string,
  size: { width: number; height: number } = { width: 1366, height: 768 },
  options: { reducedMotion?: 'reduce' | 'no-preference'; colorScheme?: 'light' | 'dark' } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: size,
    reducedMotion: options.reducedMotion ?? 'reduce',
    colorScheme: options.colorScheme ?? 'light',
  });
  await withoutServiceWorker(context);
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    // Chromium asks for /favicon.ico on its own; the app declares no icon (yet), so that
    // 404 says nothing about the app's code.
    if (where.endsWith('/favicon.ico')) return;
    errors.push(`console: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.goto(url);
  await page.locator('.vector-status[data-status]').waitFor({ state: 'attached' });
  await page.waitForFunction(
    () => document.querySelector('.vector-status')?.getAttribute('data-status') !== 'loading',
  );
  const status = await page.locator('.vector-status').getAttribute('data-status');
  if (status !== 'ready') throw new Error(`the word vectors did not load (status ${status})`);
  await page.getByRole('list', { name: 'Tokens' }).waitFor();
  // The heavy panels are lazy chunks: wait until none is still a placeholder.
  await page.waitForFunction(() => !document.querySelector('[data-lazy-pending]'));
  return page;
}

/** Closes the page's browser context (and with it the page). */
export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

/** Model settings as the app's controls and the trace command both take them. */
export interface Settings {
  width: number;
  heads: number;
  seed: number;
  causal: boolean;
  scale: boolean;
  weights: 'random' | 'similarity' | 'learned';
  positions: boolean;
}

/** The app's first-visit settings (DEFAULT_SETTINGS in src/core/trace.ts, temperature 1). */
export const DEFAULTS: Settings = {
  width: 8,
  heads: 1,
  seed: 7,
  causal: false,
  scale: true,
  weights: 'similarity',
  positions: true,
};

/** A matrix of the trace JSON: rows of numbers, null for a masked (−∞) score. */
export type JsonMatrix = (number | null)[][];

/** The parts of `npm run trace`'s JSON document the browser tests read. */
export interface TraceJson {
  text: string;
  tokens: { text: string; known: boolean }[];
  settings: Settings & { temperature: number };
  dK: number;
  heads: Record<
    'q' | 'k' | 'v' | 'scores' | 'scaled' | 'masked' | 'weights' | 'output',
    JsonMatrix
  >[];
  output: JsonMatrix;
}

/** The trace command's flags for `settings`. */
export function traceFlags(settings: Settings): string[] {
  const flags = [
    '--width',
    String(settings.width),
    '--heads',
    String(settings.heads),
    '--seed',
    String(settings.seed),
    '--weights',
    settings.weights,
  ];
  if (settings.causal) flags.push('--causal');
  if (!settings.scale) flags.push('--no-scale');
  if (!settings.positions) flags.push('--no-positions');
  return flags;
}

/** Runs `npm run trace` (src/cli/trace.ts through tsx) for `text` and `settings`, and parses its JSON. */
export function runTrace(text: string, settings: Settings = DEFAULTS): TraceJson {
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const result = spawnSync(tsx, ['src/cli/trace.ts', '--text', text, ...traceFlags(settings)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`trace failed (${result.status}): ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as TraceJson;
}

/** A number as the app prints it ("−0.1234", "−∞"), back to a number. */
export function parseShown(text: string): number {
  const t = text.trim().replace('\u2212', '-');
  if (t === '-∞') return -Infinity;
  if (t === '∞') return Infinity;
  return Number(t);
}

/** The texts of the "Tokens" list items, in order. */
export async function tokenTexts(page: Page): Promise<string[]> {
  return page
    .getByRole('list', { name: 'Tokens' })
    .getByRole('listitem')
    .evaluateAll((items) => items.map((li) => (li.textContent ?? '').trim()));
}

/** Waits until the "Tokens" list shows exactly `expected` (typing is deferred, so panels follow). */
export async function waitForTokens(page: Page, expected: readonly string[]): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const list = document.querySelector('ul[aria-label="Tokens"]');
      if (!list) return false;
      const got = Array.from(list.querySelectorAll(':scope > li'), (li) =>
        (li.textContent ?? '').trim(),
      );
      return got.length === want.length && got.every((t, i) => t === want[i]);
    },
    expected,
    { timeout: 10_000 },
  );
}

/** How the sentence is typed: fill (one input event), keyboard.type, or pressSequentially. */
export type TypingMode = 'fill' | 'keyboard' | 'press';

/** Clears the "Sentence" box and types `text` into it as a user would, by `mode`. */
export async function typeSentence(
  page: Page,
  text: string,
  mode: TypingMode = 'fill',
): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Sentence' });
  await box.click();
  await box.fill('');
  if (mode === 'fill') {
    await box.fill(text);
  } else if (mode === 'keyboard') {
    await page.keyboard.type(text);
  } else {
    await box.pressSequentially(text);
  }
}

/**
 * Waits until the accessible tables show the latest trace: they follow the visible panels
 * 100 ms after the frame that paints them, aria-busy meanwhile (DataTables.tsx).
 */
export async function tablesSettled(page: Page): Promise<void> {
  await page.locator('.data-tables[aria-busy="false"]').waitFor({ state: 'attached' });
}

/** The body cells of the table named `name`, as text, one array per row, once the tables settle. */
export async function tableCells(page: Page, name: string): Promise<string[][]> {
  await tablesSettled(page);
  return page
    .getByRole('table', { name, exact: true })
    .evaluate((table) =>
      Array.from((table as HTMLTableElement).tBodies[0]?.rows ?? [], (row) =>
        Array.from(row.querySelectorAll('td'), (td) => (td.textContent ?? '').trim()),
      ),
    );
}

/** Sets the model settings through the Settings panel's controls, as a user would. */
export async function setSettings(page: Page, settings: Settings): Promise<void> {
  await page.getByLabel('Model width', { exact: true }).selectOption(String(settings.width));
  await page.getByLabel('Heads', { exact: true }).selectOption(String(settings.heads));
  await page.getByLabel('Weights', { exact: true }).selectOption(settings.weights);
  await page.getByRole('textbox', { name: 'Seed', exact: true }).fill(String(settings.seed));
  await page
    .getByRole('checkbox', { name: 'Causal mask', exact: true })
    .setChecked(settings.causal);
  await page
    .getByRole('checkbox', { name: 'Scale by √d_k', exact: true })
    .setChecked(settings.scale);
  await page
    .getByRole('checkbox', { name: 'Positions', exact: true })
    .setChecked(settings.positions);
}

/** The step navigation landmark. */
export function stepNav(page: Page) {
  return page.getByRole('navigation', { name: 'Steps' });
}

/** The title of the current step (the control with aria-current="step"). */
export async function currentStep(page: Page): Promise<string> {
  return ((await stepNav(page).locator('[aria-current="step"]').textContent()) ?? '').trim();
}

/** Clicks the step whose title contains `word` ("Score", "Softmax", "Weighted sum"). */
export async function goToStep(page: Page, word: string): Promise<void> {
  await stepNav(page).getByRole('button', { name: word }).click();
  await stepNav(page).locator('[aria-current="step"]', { hasText: word }).waitFor();
}

/** Moves the keyboard focus to the page itself, out of any control. */
export async function focusPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    document.body.focus();
  });
}
