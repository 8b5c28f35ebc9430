/**
 * Code loaded on demand that cannot be downloaded (issue 14): the worksheet's or the
 * quiz's chunk fails (a dropped connection, or a classroom server redeployed while the tab
 * was open). A message takes its place with "Try again", the rest of the app keeps
 * working, and when a new version was published the message offers a reload that keeps
 * the text.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closePage, goToStep, OUTPUT_DIR, typeSentence, waitForTokens } from './harness';
import { useBrowserSuite } from './suite';

const suite = useBrowserSuite(4732);

/**
 * Opens the app with `chunk` (a glob under assets/) failing as `how` says, and no service
 * worker (which would answer from its cache: the case is a page without one).
 */
async function openWithout(chunk: string, how: 'offline' | 'gone'): Promise<Page> {
  const context = await suite.browser.newContext({
    viewport: { width: 1366, height: 768 },
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  });
  await context.route(`**/assets/${chunk}`, (route) =>
    how === 'offline'
      ? route.abort('internetdisconnected')
      : route.fulfill({ status: 404, body: 'Not found' }),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as unknown as { uncaught: string[] }).uncaught = errors;
  await page.goto(suite.url);
  await page.waitForFunction(
    () => document.querySelector('.vector-status')?.getAttribute('data-status') === 'ready',
  );
  await waitForTokens(page, ['I', 'love', 'tennis', '.']);
  return page;
}

const uncaught = (page: Page) => (page as unknown as { uncaught: string[] }).uncaught;

/** The app around the failure still works: the sentence box, typing, the chips. */
async function appStillWorks(page: Page): Promise<void> {
  expect(await page.locator('#root').evaluate((root) => root.childElementCount)).toBeGreaterThan(0);
  await typeSentence(page, 'The cat sat.');
  await waitForTokens(page, ['The', 'cat', 'sat', '.']);
  await page.getByRole('img', { name: 'Attention graph' }).waitFor();
}

describe('a chunk loaded on demand cannot be downloaded', () => {
  it('the worksheet: a message in place with Try again, which opens it once the network is back', async () => {
    const page = await openWithout('WorksheetPreview-*.js', 'offline');
    try {
      await page.getByRole('button', { name: 'Worksheet' }).click();
      const alert = page
        .getByRole('alert')
        .filter({ hasText: 'The worksheet could not be opened' });
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent()).toContain('its code could not be downloaded');
      await page.screenshot({ path: `${OUTPUT_DIR}/lazy-worksheet-failed-1366.png` });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${OUTPUT_DIR}/lazy-worksheet-failed-390.png` });
      await page.setViewportSize({ width: 1366, height: 768 });
      await appStillWorks(page);

      await page.context().unroute('**/assets/WorksheetPreview-*.js');
      await alert.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('dialog', { name: 'Worksheet preview' }).waitFor({ timeout: 30_000 });
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(uncaught(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('the quiz card: a message in its place, the rest keeps working, Try again shows the question', async () => {
    const page = await openWithout('QuizCard-*.js', 'offline');
    try {
      await page.getByRole('checkbox', { name: 'Predict first' }).check();
      await goToStep(page, 'Softmax');
      const alert = page.getByRole('alert').filter({ hasText: 'The question could not be shown' });
      await alert.waitFor({ timeout: 30_000 });
      await alert.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUTPUT_DIR}/lazy-quiz-failed-1366.png` });
      await page.getByRole('checkbox', { name: 'Predict first' }).uncheck();
      await appStillWorks(page);
      await page.getByRole('checkbox', { name: 'Predict first' }).check();

      await page.context().unroute('**/assets/QuizCard-*.js');
      await alert.getByRole('button', { name: 'Try again' }).click();
      await page
        .getByRole('button', { name: 'Show without predicting' })
        .waitFor({ timeout: 30_000 });
      expect(uncaught(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('after a new version was published: the message offers Reload, which keeps the text', async () => {
    const page = await openWithout('WorksheetPreview-*.js', 'gone');
    try {
      // The server now names another build: index.html's entry script has a new hash.
      await page.context().route('**/index.html', async (route) => {
        const real = await route.fetch();
        const html = (await real.text()).replace(
          /assets\/index-[\w-]+\.js/,
          'assets/index-NEWBUILD.js',
        );
        await route.fulfill({ response: real, body: html });
      });
      await typeSentence(page, 'Kept across the reload.');
      await waitForTokens(page, ['Kept', 'across', 'the', 'reload', '.']);
      await page.getByRole('button', { name: 'Worksheet' }).click();
      const alert = page
        .getByRole('alert')
        .filter({ hasText: 'The worksheet could not be opened' });
      await alert.waitFor({ timeout: 30_000 });
      await alert.getByText('A new version of Attention Graph has been published').waitFor();
      await page.screenshot({ path: `${OUTPUT_DIR}/lazy-new-version-1366.png` });
      await page.context().unroute('**/index.html');
      await Promise.all([
        page.waitForEvent('load'),
        alert.getByRole('button', { name: 'Reload' }).click(),
      ]);
      await waitForTokens(page, ['Kept', 'across', 'the', 'reload', '.']);
      expect(await page.getByRole('textbox', { name: 'Sentence' }).inputValue()).toBe(
        'Kept across the reload.',
      );
    } finally {
      await closePage(page);
    }
  });
});
