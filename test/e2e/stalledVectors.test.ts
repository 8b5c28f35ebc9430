/**
 * A word-vector request that never answers, or answers late (issue 14): the app never
 * waits without an end. While the table loads, every panel works on made-up vectors,
 * marked as such; a request that sends nothing for 20 seconds is given up on, with the
 * reason and "Try again"; and a table that arrives, even after that, replaces the
 * made-up numbers.
 */
import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { OUTPUT_DIR, waitForTokens } from './harness';
import { useBrowserSuite } from './suite';

const suite = useBrowserSuite(4740);

const MADE_UP = 'The word-vector table is not loaded: every token uses a made-up vector.';

const known = (page: Page) =>
  page
    .locator('ul[aria-label="Tokens"] > li')
    .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-known')));

const status = (page: Page) => page.locator('.vector-status').getAttribute('data-status');

describe('a word-vector request that does not answer', () => {
  it('works on made-up vectors meanwhile, gives up after 20 s with the reason, and takes the table when it comes', async () => {
    const context = await suite.browser.newContext({
      viewport: { width: 1366, height: 768 },
      serviceWorkers: 'block',
    });
    let hung: Route | null = null;
    await context.route('**/vectors/**', (route) => {
      // Held: the request neither fails nor answers.
      hung = route;
    });
    const page = await context.newPage();
    const uncaught: string[] = [];
    page.on('pageerror', (e) => uncaught.push(e.message));
    try {
      await page.goto(suite.url);
      // At once: the chips, the graph and the heatmap, on made-up vectors, said so.
      await waitForTokens(page, ['I', 'love', 'tennis', '.']);
      await page.getByText(MADE_UP).first().waitFor();
      await page.getByRole('img', { name: 'Attention graph' }).waitFor();
      expect(await status(page)).toBe('loading');
      expect(
        await page.getByRole('button', { name: 'Worksheet' }).getAttribute('aria-disabled'),
      ).toBe('true');
      await page.screenshot({ path: `${OUTPUT_DIR}/vectors-loading-made-up-1366.png` });

      // Nothing came for 20 seconds: the wait ends, with the reason and Try again.
      await expect.poll(() => status(page), { timeout: 40_000 }).toBe('failed');
      const failed = page.locator('.vector-status');
      expect(await failed.textContent()).toContain('the server sent nothing for 20 seconds');
      await failed.getByRole('button', { name: 'Try again' }).waitFor();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${OUTPUT_DIR}/vectors-stalled-390.png` });

      // The held request answers after all: the real table replaces the made-up numbers.
      await (hung as Route | null)?.continue();
      await expect.poll(() => status(page), { timeout: 60_000 }).toBe('ready');
      await expect.poll(() => known(page)).toEqual(['false', 'true', 'true', 'true']);
      expect(await page.getByText(MADE_UP).count()).toBe(0);
      expect(uncaught).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a slow table: made-up numbers first, then the table’s, without a reload', async () => {
    const context = await suite.browser.newContext({ serviceWorkers: 'block' });
    await context.route('**/vectors/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    const page = await context.newPage();
    try {
      await page.goto(suite.url);
      await waitForTokens(page, ['I', 'love', 'tennis', '.']);
      expect(await known(page)).toEqual(['pending', 'pending', 'pending', 'pending']);
      await expect.poll(() => status(page), { timeout: 60_000 }).toBe('ready');
      await expect.poll(() => known(page)).toEqual(['false', 'true', 'true', 'true']);
    } finally {
      await context.close();
    }
  });
});
