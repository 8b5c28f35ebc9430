/**
 * The Attention Lab in Chromium: it opens by its control and by `#lab`; Train on `lookup`
 * reaches held-out accuracy 0.99; the query's largest weight in the Lab's graph and heatmap
 * sits on the matching book; "Step through this head" shows the trained numbers in the
 * walkthrough; a lesson link reproduces the weights (same loss at the same step).
 * Screenshots before and after training at three sizes go to test-results/e2e/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closePage, errorsOf, openApp, OUTPUT_DIR, withoutServiceWorker } from './harness';
import { useBrowserSuite } from './suite';
import { LAB_TASK_IDS } from '../../src/core/lab/tasks/types';

const PORT = 4677;
const suite = useBrowserSuite(PORT);

beforeAll(() => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
});

/** Opens `url` (a Lab link) at `size` and waits for the first training status. */
async function openLab(
  browser: Browser,
  url: string,
  size = { width: 1366, height: 768 },
): Promise<Page> {
  const context = await browser.newContext({ viewport: size, reducedMotion: 'reduce' });
  await withoutServiceWorker(context);
  const page = await context.newPage();
  await page.goto(url);
  await waitForStatus(page);
  return page;
}

/** Waits until the status carries a loss (the worker's first progress). */
async function waitForStatus(page: Page): Promise<void> {
  await page
    .getByRole('status', { name: 'Training status' })
    .and(page.locator('[data-loss]:not([data-loss=""])'))
    .waitFor({ timeout: 60_000 });
}

/** The status's numbers. */
async function status(page: Page) {
  const el = page.getByRole('status', { name: 'Training status' });
  return {
    step: Number(await el.getAttribute('data-step')),
    loss: Number(await el.getAttribute('data-loss')),
    accuracy: Number(await el.getAttribute('data-accuracy')),
  };
}

/** Trains (full speed is the default) until held-out accuracy reaches `target`, then pauses. */
async function trainTo(page: Page, target: number): Promise<void> {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  await page.waitForFunction(
    (t) => {
      const el = document.querySelector('[aria-label="Training status"]');
      return Number(el?.getAttribute('data-accuracy')) >= t;
    },
    target,
    { timeout: 90_000 },
  );
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor();
}

/** Index of the book whose key the query (the last token) asks for, from the graph's node texts. */
async function matchingBook(page: Page): Promise<{ query: number; book: number }> {
  const texts = await page
    .getByRole('img', { name: 'Lab attention graph' })
    .locator('[data-token-index]')
    .evaluateAll((nodes) => nodes.map((n) => n.querySelector('text')?.textContent ?? ''));
  const query = texts.length - 1;
  const key = (texts[query] ?? '').trim()[0];
  const book = texts.findIndex((t, i) => i < query && t.trim().startsWith(key ?? '#'));
  return { query, book };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUTPUT_DIR, `lab-${name}.png`), fullPage: true });
}

describe('the Attention Lab', () => {
  it('opens by its control, trains lookup to 0.99, and the query finds its book', async () => {
    const page = await openApp(suite.browser, suite.url);
    await page.getByRole('button', { name: 'Attention Lab' }).click();
    await waitForStatus(page);
    const task = page.getByRole('combobox', { name: 'Task' });
    expect(await task.inputValue()).toBe('lookup');
    const values = await task
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(values).toEqual([...LAB_TASK_IDS]);
    // The address follows the view once it has been still for LINK_WRITE_DELAY_MS (300 ms):
    // on a busy machine the Lab's controls can be there before it.
    await expect.poll(() => page.url()).toContain('#lab');
    await page.getByRole('combobox', { name: 'Speed' }).waitFor();
    await shot(page, '1366-before');

    await trainTo(page, 0.99);
    const done = await status(page);
    expect(done.accuracy).toBeGreaterThanOrEqual(0.99);
    await shot(page, '1366-after');

    const { query, book } = await matchingBook(page);
    expect(book).toBeGreaterThanOrEqual(0);
    // The heatmap: the query's row is largest at the book.
    const row = await page
      .getByRole('img', { name: 'Lab attention heatmap' })
      .locator(`[data-i="${query}"]`)
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
    expect(row.indexOf(Math.max(...row))).toBe(book);
    // The graph: the query's heaviest edge goes to the book.
    const edges = await page
      .getByRole('img', { name: 'Lab attention graph' })
      .locator(`[data-source="${query}"]`)
      .evaluateAll((es) =>
        es.map((e) => ({
          target: Number(e.getAttribute('data-target')),
          weight: Number(e.getAttribute('data-weight')),
        })),
      );
    const heaviest = edges.reduce((a, b) => (b.weight > a.weight ? b : a));
    expect(heaviest.target).toBe(book);
    const labWeight = row[book] as number;

    // Step through this head: the walkthrough shows the trained weights.
    await page.getByRole('button', { name: 'Step through this head' }).click();
    await page.getByRole('button', { name: 'Back to the Lab' }).waitFor();
    await page.getByRole('button', { name: 'Next step' }).click();
    const edge = page
      .getByRole('img', { name: 'Attention graph' })
      .locator(`[data-source="${query}"][data-target="${book}"]`);
    await edge.waitFor();
    const shown = Number(await edge.getAttribute('data-weight'));
    expect(Math.abs(shown - labWeight)).toBeLessThan(1e-4);
    await page.getByRole('button', { name: 'Back to the Lab' }).click();
    await waitForStatus(page);
    expect((await status(page)).step).toBe(done.step);
    expect(errorsOf(page)).toEqual([]);

    // The lesson link reproduces the weights: the same loss at the same step.
    await page.waitForFunction((step) => location.hash.includes(`steps=${step}`), done.step);
    const link = page.url();
    const again = await openLab(suite.browser, link);
    await again.waitForFunction(
      (step) =>
        document.querySelector('[aria-label="Training status"]')?.getAttribute('data-step') ===
        String(step),
      done.step,
      { timeout: 60_000 },
    );
    expect((await status(again)).loss).toBe(done.loss);
    await closePage(again);
    await closePage(page);
  });

  it('opens on its defaults at #lab, and looks right on a projector and a phone', async () => {
    for (const [name, size] of [
      ['1920', { width: 1920, height: 1080 }],
      ['390', { width: 390, height: 844 }],
    ] as const) {
      const page = await openLab(suite.browser, `${suite.url}#lab`, size);
      expect(await page.getByRole('combobox', { name: 'Task' }).inputValue()).toBe('lookup');
      expect((await status(page)).step).toBe(0);
      await shot(page, `${name}-before`);
      const scroll = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(scroll).toBeLessThanOrEqual(0);
      await trainTo(page, 0.99);
      await shot(page, `${name}-after`);
      await closePage(page);
    }
  });
});
