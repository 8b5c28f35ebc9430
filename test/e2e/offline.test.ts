/**
 * The installable, offline app (issue 5): after one visit the service worker holds the
 * whole build and the word-vector table, so the app opens and computes with no network and
 * the real GloVe vectors. The first visit downloads the 6.4 MB table once, although both the
 * page and the service worker's precache ask for it, and stays within `npm run size`'s
 * figure. The web manifest is served, valid, and names icons that exist.
 *
 * The browser reaches the app through a counting proxy (countingProxy.ts): every byte of
 * the first visit crosses it, the service worker's included, and closing it takes the
 * network away for real before the context is also set offline.
 */
import { appendFileSync, cpSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIRST_VISIT_BUDGET, measure, precacheEntries } from '../../src/tools/sizes';
import { startCountingProxy, type CountingProxy } from './countingProxy';
import { goToStep, OUTPUT_DIR, ROOT, startPreview, typeSentence, waitForTokens } from './harness';
// Renamed on import: a name starting with "use" reads as a React hook to the lint rules.
import { useBrowserSuite } from './suite';
import { VECTOR_TABLE_PATH } from '../../src/data/vectorTable';

const PORT = 4531;
const PROXY_PORT = 4532;
const UPDATE_PORT = 4534;
const suite = useBrowserSuite(PORT);
const DIST = path.join(ROOT, 'dist');

let proxy: CountingProxy;
beforeAll(async () => {
  proxy = await startCountingProxy(PROXY_PORT, suite.url);
});
afterAll(async () => {
  await proxy?.close();
});

/** Console errors and uncaught exceptions of `page`, from now on. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

async function waitForVectorsReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('.vector-status')?.getAttribute('data-status') === 'ready',
    undefined,
    { timeout: 90_000 },
  );
}

/** Width and height from a PNG's IHDR chunk; throws when `bytes` is not a PNG. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('offline', () => {
  it('after one visit opens, tokenizes and draws the graph with no network, with GloVe vectors', async () => {
    const context = await suite.browser.newContext({
      serviceWorkers: 'allow',
      viewport: { width: 1366, height: 768 },
      reducedMotion: 'reduce',
    });
    try {
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(proxy.url);
      await waitForVectorsReady(page);
      // The worker registers after the table and is ready once its install has precached
      // every entry; then it takes charge of this page (clientsClaim).
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        timeout: 60_000,
      });
      const cached = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys()) {
          for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
        }
        return urls;
      });
      const table = cached.find((url) => url.includes('/vectors/'));
      expect(table).toMatch(/\/vectors\/glove-30k-100d\.bin\?v=[0-9a-f]{12}$/);
      // The precache holds the table under exactly the URL the page asked for, without a
      // revision (so the worker's request may be answered by the HTTP cache).
      const asked = proxy.responses.find((r) => r.url.startsWith(`/${VECTOR_TABLE_PATH}`));
      expect(new URL(table as string).pathname + new URL(table as string).search).toBe(asked?.url);
      const listed = precacheEntries(readFileSync(path.join(DIST, 'sw.js'), 'utf8'));
      expect(listed).toContainEqual({ url: (asked?.url ?? '').slice(1), revision: null });
      expect(listed).toContainEqual({ url: 'index.html', revision: expect.any(String) });
      // The learned weights and their head figures, so the Learned preset works offline.
      expect(listed).toContainEqual({ url: 'weights/learned.json', revision: expect.any(String) });
      expect(listed).toContainEqual({
        url: 'weights/learned-heads.json',
        revision: expect.any(String),
      });
      expect(cached.some((url) => url.includes('/weights/learned.json'))).toBe(true);
      expect(cached.some((url) => /\/assets\/WorksheetPreview-[\w-]+\.js$/.test(url))).toBe(true);
      expect(cached.some((url) => /\/assets\/traceWorker-[\w-]+\.js$/.test(url))).toBe(true);

      // The first visit's bytes: the table crossed the network once, and the whole visit
      // (page, table, service worker, precache) stays within what `npm run size` counts.
      const tableBytes = statSync(path.join(DIST, VECTOR_TABLE_PATH)).size;
      const tableSent = proxy.responses
        .filter((r) => r.url.startsWith(`/${VECTOR_TABLE_PATH}`))
        .reduce((total, r) => total + r.bytes, 0);
      expect(tableSent).toBe(tableBytes);
      const visitBytes = proxy.responses.reduce((total, r) => total + r.bytes, 0);
      const report = measure(DIST);
      expect(visitBytes).toBeLessThanOrEqual(report.firstVisit.raw);
      expect(visitBytes).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);
      expect(proxy.responses.some((r) => r.url === '/sw.js' && r.status === 200)).toBe(true);

      // No network at all: the server behind the app is gone, and the browser is offline.
      await proxy.close();
      await context.setOffline(true);
      await page.reload();
      await waitForVectorsReady(page);
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

      await typeSentence(page, 'Birds fly south every winter.');
      await waitForTokens(page, ['Birds', 'fly', 'south', 'every', 'winter', '.']);
      await expect
        .poll(() => page.locator('.tokens__count').textContent())
        .toBe('6 tokens, every one with a GloVe vector');
      expect(await page.getByText('every token uses a made-up vector').count()).toBe(0);
      // The graph draws its edges from the Softmax step on.
      await goToStep(page, 'Softmax');
      const graph = page.getByRole('img', { name: 'Attention graph' });
      await graph.waitFor();
      await expect
        .poll(() => graph.locator('[data-token-index]').count(), { timeout: 30_000 })
        .toBe(6);
      await expect
        .poll(() => graph.locator('[data-source][data-target]').count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
      // A lesson link opens offline too (the service worker answers every navigation).
      const lesson = await context.newPage();
      const lessonErrors = collectErrors(lesson);
      await lesson.goto(`${proxy.url}#t=The+cat+sat.`);
      await waitForVectorsReady(lesson);
      await waitForTokens(lesson, ['The', 'cat', 'sat', '.']);
      await page.screenshot({ path: path.join(OUTPUT_DIR, 'offline.png') });
      expect([...errors, ...lessonErrors]).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('serves a valid web manifest whose icons exist at their sizes', async () => {
    const page = await suite.browser.newPage();
    try {
      await page.goto(suite.url);
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      expect(href).toBeTruthy();
      const manifestUrl = new URL(href as string, suite.url);
      const response = await fetch(manifestUrl);
      expect(response.status).toBe(200);
      const manifest = JSON.parse(await response.text()) as {
        name: string;
        short_name: string;
        description: string;
        start_url: string;
        display: string;
        theme_color: string;
        background_color: string;
        icons: { src: string; sizes: string; type: string; purpose?: string }[];
      };
      expect(manifest.name).toBe('Attention Graph');
      expect(manifest.short_name.length).toBeGreaterThan(0);
      expect(manifest.short_name.length).toBeLessThanOrEqual(12);
      expect(manifest.description).toMatch(/self-attention/);
      expect(manifest.display).toBe('standalone');
      expect(new URL(manifest.start_url, manifestUrl).href).toBe(suite.url);
      expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
      const theme = await page.locator('meta[name="theme-color"]').getAttribute('content');
      expect(theme).toBe(manifest.theme_color);

      const found = new Set<string>();
      for (const icon of manifest.icons) {
        const iconResponse = await fetch(new URL(icon.src, manifestUrl));
        expect(iconResponse.status, icon.src).toBe(200);
        expect(icon.type).toBe('image/png');
        const size = pngSize(new Uint8Array(await iconResponse.arrayBuffer()));
        expect(`${size.width}x${size.height}`, icon.src).toBe(icon.sizes);
        found.add(`${icon.sizes} ${icon.purpose ?? 'any'}`);
      }
      expect(found).toEqual(new Set(['192x192 any', '512x512 any', '512x512 maskable']));

      // The apple-touch-icon of index.html (iOS does not read the manifest's icons).
      const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
      const touchBytes = readFileSync(path.join(DIST, touch as string));
      expect(pngSize(touchBytes)).toEqual({ width: 180, height: 180 });
    } finally {
      await page.close();
    }
  });
  it('offers a new version with a Reload prompt, and the reload keeps the lesson', async () => {
    // A copy of the build that can change under the running app, as a deployment would.
    const copy = path.join(ROOT, 'test-results', 'pwa-update-dist');
    rmSync(copy, { recursive: true, force: true });
    cpSync(DIST, copy, { recursive: true });
    const server = await startPreview(UPDATE_PORT, { outDir: copy });
    const context = await suite.browser.newContext({ serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(server.url);
      await waitForVectorsReady(page);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const prompt = page.getByRole('status', { name: 'New version', includeHidden: true });
      expect(await prompt.textContent()).toBe('');
      await typeSentence(page, 'Updates keep the lesson.');
      await waitForTokens(page, ['Updates', 'keep', 'the', 'lesson', '.']);
      await page.waitForFunction(() => location.hash.includes('Updates'));

      // Two new versions in turn: the first reaches the page of the first visit (which the
      // worker took over while it ran), the second a page the worker controlled from its start.
      for (const version of [2, 3]) {
        // A new version is deployed: its service worker differs by a few bytes.
        appendFileSync(path.join(copy, 'sw.js'), `\n// version ${version}\n`);
        await page.evaluate(async () => {
          await (await navigator.serviceWorker.getRegistration())?.update();
        });
        await prompt
          .getByText('A new version of Attention Graph is ready.')
          .waitFor({ timeout: 60_000 });
        if (version === 2) {
          await page.screenshot({ path: path.join(OUTPUT_DIR, 'update-prompt.png') });
        }
        // Nothing reloads by itself: the sentence is still there until the user chooses.
        expect(await page.getByRole('textbox', { name: 'Sentence' }).inputValue()).toBe(
          'Updates keep the lesson.',
        );
        const reloaded = page.waitForEvent('framenavigated', { timeout: 60_000 });
        await prompt.getByRole('button', { name: 'Reload' }).click();
        await reloaded;
        await waitForVectorsReady(page);
        await waitForTokens(page, ['Updates', 'keep', 'the', 'lesson', '.']);
        expect(await prompt.textContent()).toBe('');
        const state = await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          const script = await (await fetch('sw.js', { cache: 'no-store' })).text();
          return {
            waiting: registration?.waiting ?? null,
            active: registration?.active?.state,
            controlled: navigator.serviceWorker.controller !== null,
            script: script.trimEnd().split('\n').pop(),
          };
        });
        expect(state).toEqual({
          waiting: null,
          active: 'activated',
          controlled: true,
          script: `// version ${version}`,
        });
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
