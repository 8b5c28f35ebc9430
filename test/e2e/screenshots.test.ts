/**
 * The layout at the four sizes the app must work at (a projector, a laptop, a tablet and a
 * phone): typing works, the graph and the heatmap are on screen, the page never scrolls
 * sideways, and nothing logs an error. Full-page and viewport screenshots of each size go
 * to test-results/e2e/ to be looked at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  closePage,
  errorsOf,
  goToStep,
  openApp,
  OUTPUT_DIR,
  runTrace,
  typeSentence,
  waitForTokens,
} from './harness';
import { useBrowserSuite } from './suite';

const PORT = 4404;

const suite = useBrowserSuite(PORT);
const TEXT = 'The cat sat on the mat because it was tired.';

const SIZES = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1366x768', width: 1366, height: 768 },
  { name: '768x1024', width: 768, height: 1024 },
  { name: '390x844', width: 390, height: 844 },
] as const;

const errors: string[] = [];
let tokens: string[];

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  tokens = runTrace(TEXT).tokens.map((t) => t.text);
});

/** Width of the page's content against the viewport's: more means a sideways scroll. */
async function horizontalOverflow(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

/** Waits for two frames and a moment, so a screenshot taken after a scroll shows fresh paint. */
async function settle(page: Page) {
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
  await page.waitForTimeout(150);
}

async function expectVisibleBox(page: Page, role: 'img', name: string) {
  const el = page.getByRole(role, { name, exact: true }).first();
  await el.scrollIntoViewIfNeeded();
  expect(await el.isVisible(), `${name} is visible`).toBe(true);
  const box = await el.boundingBox();
  expect(box, `${name} has a box`).not.toBeNull();
  expect(box?.width ?? 0, `${name} width`).toBeGreaterThan(0);
  expect(box?.height ?? 0, `${name} height`).toBeGreaterThan(0);
}

describe('layout at the four target sizes', () => {
  for (const size of SIZES) {
    it(size.name, async () => {
      const page = await openApp(suite.browser, suite.url, size);
      try {
        const box = page.getByRole('textbox', { name: 'Sentence' });
        expect(await box.isVisible()).toBe(true);
        // Typed key by key, as on the device: the box must take the keys at every size.
        await typeSentence(page, TEXT, 'press');
        expect(await box.inputValue()).toBe(TEXT);
        await waitForTokens(page, tokens);

        await goToStep(page, 'Softmax');
        const heatmap = page.getByRole('img', { name: 'Attention heatmap', exact: true });
        const cell = heatmap.locator('[data-i="7"][data-j="1"]');
        await cell.click();
        await page.locator('[data-selected-cell="7,1"]').waitFor();
        await page.locator('.work-step[data-step="softmax"]').waitFor();
        // Move the pointer off the heatmap, so the shots show the selection rather than a hover.
        await page.mouse.move(0, 0);

        await expectVisibleBox(page, 'img', 'Attention heatmap');
        await expectVisibleBox(page, 'img', 'Attention graph');
        const { scrollWidth, innerWidth } = await horizontalOverflow(page);
        expect(
          scrollWidth,
          `page width ${scrollWidth} > viewport ${innerWidth}`,
        ).toBeLessThanOrEqual(innerWidth + 1);

        await page.evaluate(() => window.scrollTo(0, 0));
        await settle(page);
        await page.screenshot({ path: path.join(OUTPUT_DIR, `${size.name}-viewport.png`) });
        await page.screenshot({
          path: path.join(OUTPUT_DIR, `${size.name}-full.png`),
          fullPage: true,
        });
        // The views as a student scrolls to them, with the sticky steps bar over the page.
        await heatmap.scrollIntoViewIfNeeded();
        await settle(page);
        await page.screenshot({ path: path.join(OUTPUT_DIR, `${size.name}-views.png`) });
        errors.push(...errorsOf(page).map((e) => `${size.name}: ${e}`));
      } finally {
        await closePage(page);
      }
    });
  }

  it('logged no console errors at any size', () => {
    expect(errors).toEqual([]);
  });
});
