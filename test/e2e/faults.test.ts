/**
 * Faults (issue 6): a missing, corrupt or unreachable word-vector table gives a clear
 * message, the app keeps working on made-up vectors and says so, and "Try again" loads
 * the table once it can be had; a panel whose code cannot be fetched shows what failed,
 * and Reset brings it back once the network does.
 */
import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { closePage, OUTPUT_DIR, tokenTexts, typeSentence, waitForTokens } from './harness';
import { useBrowserSuite } from './suite';

const suite = useBrowserSuite(4552);

const VECTORS = '**/vectors/**';

/** Opens the app with `handler` answering the word-vector table, and waits for the failure. */
async function openWithVectors(handler: (route: Route) => Promise<void>): Promise<Page> {
  const context = await suite.browser.newContext({
    viewport: { width: 1366, height: 768 },
    reducedMotion: 'reduce',
  });
  await context.route(VECTORS, handler);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as unknown as { pageErrors: string[] }).pageErrors = errors;
  await page.goto(suite.url);
  await page.waitForFunction(
    () => document.querySelector('.vector-status')?.getAttribute('data-status') === 'failed',
    undefined,
    { timeout: 60_000 },
  );
  return page;
}

const uncaught = (page: Page) => (page as unknown as { pageErrors: string[] }).pageErrors;

/** The app on made-up vectors says so and still computes; then "Try again" gets the table. */
async function checkMadeUpThenRetry(page: Page, reason: RegExp, shot: string): Promise<void> {
  const status = page.getByRole('status').filter({ hasText: 'could not be loaded' });
  await expect.poll(() => status.textContent()).toMatch(reason);
  await expect.poll(() => status.textContent()).toContain('Every word uses a made-up vector');
  // The chips and the numbers are there, marked as made up.
  await waitForTokens(page, ['I', 'love', 'tennis', '.']);
  await page
    .getByText('The word-vector table is not loaded: every token uses a made-up vector.')
    .first()
    .waitFor();
  await page.getByRole('img', { name: 'Attention graph' }).waitFor();
  expect(
    await page.locator('[aria-label="Attention heatmap"]').getAttribute('data-token-count'),
  ).toBe('4');
  // Typing still works, the trace follows it.
  await typeSentence(page, 'The cat sat on the mat.');
  await waitForTokens(page, ['The', 'cat', 'sat', 'on', 'the', 'mat', '.']);
  // The chips come before the trace (issue 13: tokens at once), so wait for the table.
  const weights = page.getByRole('table', { name: 'Attention weights', exact: true });
  await weights.waitFor({ state: 'attached' });
  expect(await weights.count()).toBe(1);
  // A long text takes the worker path, which must know the vectors are made up too.
  const long = Array.from({ length: 300 }, (_, i) => `w${i % 50}`).join(' ');
  await typeSentence(page, long);
  await expect.poll(async () => (await tokenTexts(page)).length, { timeout: 30_000 }).toBe(300);
  await page.screenshot({ path: `${OUTPUT_DIR}/faults-${shot}.png` });

  // The network is back: "Try again" loads the real table and the warning goes.
  await page.context().unroute(VECTORS);
  await typeSentence(page, 'I love tennis.');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.waitForFunction(
    () => document.querySelector('.vector-status')?.getAttribute('data-status') === 'ready',
    undefined,
    { timeout: 60_000 },
  );
  await waitForTokens(page, ['I', 'love', 'tennis', '.']);
  await expect
    .poll(() =>
      page
        .getByText('The word-vector table is not loaded: every token uses a made-up vector.')
        .count(),
    )
    .toBe(0);
  // "love" and "tennis" are GloVe words again; "I" is not in GloVe.
  await expect
    .poll(() =>
      page
        .locator('ul[aria-label="Tokens"] > li')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-known'))),
    )
    .toEqual(['false', 'true', 'true', 'true']);
  expect(uncaught(page)).toEqual([]);
}

describe('the word-vector table cannot be had', () => {
  it('404: says so, computes on made-up vectors, and Try again works once the file is back', async () => {
    const page = await openWithVectors((route) =>
      route.fulfill({ status: 404, body: 'Not found' }),
    );
    try {
      await checkMadeUpThenRetry(page, /HTTP 404/, '404');
    } finally {
      await closePage(page);
    }
  });

  it('corrupt bytes: says the file is not a word-vector file', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const page = await openWithVectors((route) =>
      route.fulfill({ status: 200, contentType: 'application/octet-stream', body: garbage }),
    );
    try {
      await checkMadeUpThenRetry(page, /not a word-vector file|corrupt/, 'garbage');
    } finally {
      await closePage(page);
    }
  });

  it('a table cut short: says the file is truncated', async () => {
    const page = await openWithVectors(async (route) => {
      const real = await route.fetch();
      const body = await real.body();
      await route.fulfill({ response: real, body: body.subarray(0, body.length >> 1) });
    });
    try {
      await checkMadeUpThenRetry(page, /truncated: expected \d+ bytes/, 'truncated');
    } finally {
      await closePage(page);
    }
  });

  it('no network: says the table could not be fetched', async () => {
    const page = await openWithVectors((route) => route.abort('internetdisconnected'));
    try {
      await checkMadeUpThenRetry(page, /could not load word vectors/, 'offline');
    } finally {
      await closePage(page);
    }
  });
});

describe('a panel whose code cannot be fetched', () => {
  it('shows what failed with Reset; the sentence and the other panels work; Reset loads it once the network is back', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const CHUNK = '**/assets/AttentionViews-*.js';
    await context.route(CHUNK, (route) => route.abort('internetdisconnected'));
    const page = await context.newPage();
    const uncaughtErrors: string[] = [];
    page.on('pageerror', (e) => uncaughtErrors.push(e.message));
    try {
      await page.goto(suite.url);
      const alert = page.getByRole('alert').filter({ hasText: 'could not be shown' });
      await alert.waitFor({ timeout: 60_000 });
      expect(await alert.textContent()).toContain('The heatmap and the graph could not be shown: ');
      // The rest of the app is fine.
      await waitForTokens(page, ['I', 'love', 'tennis', '.']);
      await typeSentence(page, 'The cat sat.');
      await waitForTokens(page, ['The', 'cat', 'sat', '.']);
      await page.getByRole('table', { name: 'Attention weights', exact: true }).waitFor();
      await alert.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUTPUT_DIR}/faults-panel.png` });

      await context.unroute(CHUNK);
      await alert.getByRole('button', { name: 'Reset' }).click();
      await page.getByRole('img', { name: 'Attention graph' }).waitFor({ timeout: 60_000 });
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(
        await page.locator('[aria-label="Attention heatmap"]').getAttribute('data-token-count'),
      ).toBe('4');
      expect(await page.getByRole('textbox', { name: 'Sentence' }).inputValue()).toBe(
        'The cat sat.',
      );
      expect(uncaughtErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
