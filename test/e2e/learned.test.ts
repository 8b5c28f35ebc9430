/**
 * The learned preset in a real browser: chosen on the seed sentences at width 100 with 4
 * heads, the Attention weights table equals `npm run trace -- --weights learned` to the
 * displayed precision for every head; the head guide shows; a lesson link naming
 * weights=learned reproduces the view in a new page. Screenshots at 1366×768 and 390×844.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  closePage,
  DEFAULTS,
  errorsOf,
  openApp,
  OUTPUT_DIR,
  parseShown,
  runTrace,
  tableCells,
  typeSentence,
  waitForTokens,
  type JsonMatrix,
  type Settings,
} from './harness';
import { useBrowserSuite } from './suite';

const PORT = 4590;

const suite = useBrowserSuite(PORT);

const SHOWN = 0.5e-4 + 1e-6;

const LEARNED: Settings = { ...DEFAULTS, width: 100, heads: 4, weights: 'learned', causal: true };

function expectTableMatches(cells: string[][], expected: JsonMatrix, name: string) {
  expect(cells.length, `${name}: rows`).toBe(expected.length);
  cells.forEach((row, r) => {
    const want = expected[r] as (number | null)[];
    expect(row.length, `${name}: columns of row ${r}`).toBe(want.length);
    row.forEach((text, c) => {
      const w = want[c] ?? 0;
      expect(
        Math.abs(parseShown(text) - w),
        `${name}[${r}][${c}] = "${text}", trace ${w}`,
      ).toBeLessThanOrEqual(SHOWN);
    });
  });
}

/** Every head's weights table against the trace, and the guide for each head. */
async function expectLearnedView(page: Page, text: string) {
  const trace = runTrace(text, LEARNED);
  await waitForTokens(
    page,
    trace.tokens.map((t) => t.text),
  );
  const guide = page.getByRole('region', { name: 'Head guide' });
  for (let h = 0; h < 4; h++) {
    await page.getByLabel('Head', { exact: true }).selectOption(String(h));
    await expect
      .poll(() => guide.locator('.head-guide__line').textContent())
      .toMatch(new RegExp(`^Head ${h + 1} `));
    const weights = trace.heads[h]?.weights;
    if (!weights) throw new Error(`no head ${h}`);
    await expect
      .poll(async () => {
        try {
          expectTableMatches(
            await tableCells(page, 'Attention weights'),
            weights,
            'Attention weights',
          );
          return true;
        } catch {
          return false;
        }
      })
      .toBe(true);
    expectTableMatches(await tableCells(page, 'Attention weights'), weights, `head ${h + 1}`);
  }
  await page.getByLabel('Head', { exact: true }).selectOption('0');
}

describe('the learned preset', () => {
  it('shows the trace of the learned weights on the seed sentences, with the head guide, and a link reproduces it', async () => {
    const page = await openApp(suite.browser, suite.url);
    await page.getByLabel('Model width', { exact: true }).selectOption('100');
    await page.getByLabel('Heads', { exact: true }).selectOption('4');
    await page.getByLabel('Weights', { exact: true }).selectOption('learned');
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'Causal mask', exact: true }).isChecked())
      .toBe(true);
    await expect(page.getByRole('region', { name: 'Head guide' }).textContent()).resolves.toMatch(
      /Head 1 looks mostly at the word itself: \d+\u00a0%/,
    );
    await expectLearnedView(page, 'I love tennis.');
    await typeSentence(page, 'The cat sat on the mat because it was tired.');
    await expectLearnedView(page, 'The cat sat on the mat because it was tired.');
    await page.getByRole('region', { name: 'Head guide' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'learned-1366x768.png'), fullPage: false });
    const hash = await page.evaluate(() => window.location.hash);
    expect(hash).toContain('weights=learned');
    expect(errorsOf(page)).toEqual([]);
    await closePage(page);

    const linked = await openApp(suite.browser, `${suite.url}${hash}`, { width: 390, height: 844 });
    await expect
      .poll(() => linked.getByLabel('Weights', { exact: true }).inputValue())
      .toBe('learned');
    await expectLearnedView(linked, 'The cat sat on the mat because it was tired.');
    await linked.getByRole('region', { name: 'Head guide' }).scrollIntoViewIfNeeded();
    await linked.screenshot({
      path: path.join(OUTPUT_DIR, 'learned-390x844.png'),
      fullPage: false,
    });
    expect(errorsOf(linked)).toEqual([]);
    await closePage(linked);
  }, 120_000);
});
