/**
 * What the browser benchmarks share: the built app served by `vite preview` to headless
 * Chromium, the shim that lets functions compiled by tsx run in the page, where results
 * go, and how times print.
 * `benchLoading.ts` (page loads) and `benchUpdates.ts` (input to painted panels) measure;
 * `benchBrowser.ts` runs them against the built app.
 */
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, ROOT, startPreview } from '../../test/e2e/harness';

/** Where screenshots and JSON reports of the browser benchmarks go. */
export const OUT_DIR = path.join(ROOT, 'test-results', 'perf');

/** A free TCP port on this machine. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Serves the build in `dist` with `vite preview` on a free port, starts headless Chromium,
 * runs `measure` with both, and closes both whatever happens: no preview process or
 * browser is left behind, even when the browser does not start.
 */
export async function withPreviewBrowser<T>(
  dist: string,
  measure: (browser: Browser, url: string) => Promise<T>,
): Promise<T> {
  const server = await startPreview(await freePort(), { outDir: dist });
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  try {
    return await measure(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * tsx compiles this file with esbuild's keepNames, which wraps named functions in a
 * `__name(fn, "name")` helper; the functions handed to the page carry those calls, so the
 * page needs a do-nothing `__name` of its own.
 */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

/** Milliseconds for a table, or "—" when the moment never came. */
export const ms = (x: number | null) => (x === null ? '—' : x.toFixed(0));

/** A long task's length for a table: "< 50" when there was none (the observer reports 50 ms and more). */
export const task = (x: number) => (x === 0 ? '< 50' : x.toFixed(0));

/**
 * Adds style rules to the open page (the benchmarks' `--css` and `--hide`). A `<style>`
 * element would be refused by the app's Content-Security-Policy (style-src 'self'); a
 * constructed style sheet is CSSOM, which the policy does not govern.
 */
export async function addStyleRules(page: Page, css: string): Promise<void> {
  await page.evaluate((rules) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rules);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);
}
