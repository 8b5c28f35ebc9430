/**
 * The app with the keyboard alone. Tab walks the whole page in a sensible order (header
 * controls, sentence, steps, explanation, settings, then the step's picture: at Weighted
 * sum the matrices, then the graph and the heatmap); every element that
 * takes focus looks different when it has it (a screenshot of it and its surroundings with
 * and without focus differ); the heatmap's cells (SVG and canvas), the graph's nodes and
 * its edges are reached by Tab and worked with the arrows and Enter, and Enter on a cell
 * or an edge opens its arithmetic in the work panel.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closePage, focusPage, openApp, OUTPUT_DIR, typeSentence, waitForTokens } from './harness';
import { useBrowserSuite } from './suite';

const PORT = 4562;
const suite = useBrowserSuite(PORT);

/** The page's regions in reading order, each a selector; header and share bar come first. */
const REGIONS = [
  ['header controls', '.app-header, .share-bar'],
  ['sentence', '.app-main__input'],
  ['steps', '.app-main__steps'],
  // The stage (issue 13): the step's words and controls, then every other setting, in the
  // left column, before the step's picture. At Weighted sum (where the walk is made) the
  // picture is the weights times the values, so the matrices come before the graph and
  // the heatmap; the arithmetic's panel has nothing to focus until a cell is chosen.
  ['explanation', '.step-explanation'],
  ['settings', '.settings-panel'],
  ['matrices', '.matrices'],
  ['views', '.attention-views'],
] as const;

/** What has focus: its region's index in REGIONS (-1: none), a description, and its box. */
interface Focused {
  readonly region: number;
  readonly what: string;
  readonly box: { x: number; y: number; width: number; height: number } | null;
}

async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(
    (regions) => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const region = regions.findIndex(([, selector]) => el.closest(selector) !== null);
      const name =
        el.getAttribute('aria-label') ??
        (el as HTMLInputElement).labels?.[0]?.textContent ??
        el.textContent ??
        '';
      // A control drawn by its label (a radio in a segmented switch) shows focus on the label.
      const shown = el.closest('label') ?? el;
      const r = shown.getBoundingClientRect();
      return {
        region,
        what: `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} "${name.trim().slice(0, 40)}"`,
        box:
          r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null,
      };
    },
    REGIONS.map(([name, selector]) => [name, selector] as const),
  );
}

/** Presses Tab until `test` holds for the focused element (at most `max` presses). */
async function tabUntil(page: Page, selector: string, max = 150): Promise<void> {
  for (let k = 0; k < max; k++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Goes to the last step with the keyboard (the walkthrough's ArrowRight). */
async function lastStepByKeys(page: Page): Promise<void> {
  await focusPage(page);
  for (let k = 0; k < 6; k++) await page.keyboard.press('ArrowRight');
  await page
    .locator('nav[aria-label="Steps"] [aria-current="step"]', { hasText: 'Weighted sum' })
    .waitFor();
}

/** A screenshot of `box` grown by `pad` px on every side, clipped to the viewport. */
async function shot(page: Page, box: NonNullable<Focused['box']>, pad = 8): Promise<Buffer> {
  const size = page.viewportSize() ?? { width: 1366, height: 768 };
  const x = Math.max(0, box.x - pad);
  const y = Math.max(0, box.y - pad);
  const width = Math.min(size.width - x, box.width + 2 * pad);
  const height = Math.min(size.height - y, box.height + 2 * pad);
  return page.screenshot({ clip: { x, y, width, height }, animations: 'disabled' });
}

describe('keyboard alone', () => {
  it('tabs through the page in reading order, every stop with a visible focus indicator', async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const page = await openApp(suite.browser, suite.url, { width: 1366, height: 900 });
    try {
      await lastStepByKeys(page);
      await focusPage(page);
      const stops: Focused[] = [];
      const invisible: string[] = [];
      for (let k = 0; k < 250; k++) {
        await page.keyboard.press('Tab');
        const now = await focused(page);
        if (!now) break; // back to the page: the walk is over
        if (stops.length > 0 && now.what === stops[0]?.what && now.region === stops[0]?.region)
          break;
        stops.push(now);
        if (!now.box) {
          invisible.push(`${now.what}: no box`);
          continue;
        }
        // With focus, then with the same element blurred: the two must differ.
        const withFocus = await shot(page, now.box);
        const handle = await page.evaluateHandle(() => document.activeElement as HTMLElement);
        await page.evaluate((el) => el.blur(), handle);
        const without = await shot(page, now.box);
        if (withFocus.equals(without)) invisible.push(now.what);
        // Back to where Tab was, as the keyboard left it (focus-visible follows the keyboard).
        await page.evaluate((el) => el.focus(), handle);
        await handle.dispose();
      }
      const order = stops.map((s) => s.region);
      const described = stops.map((s) => `${REGIONS[s.region]?.[0] ?? 'outside'}: ${s.what}`);
      // Every stop belongs to a region, the regions come in order, and each is reached.
      expect(
        order.filter((r) => r < 0),
        described.join('\n'),
      ).toEqual([]);
      expect(
        [...order].sort((a, b) => a - b),
        described.join('\n'),
      ).toEqual(order);
      expect(new Set(order).size).toBe(REGIONS.length);
      writeFileSync(path.join(OUTPUT_DIR, 'tab-order.txt'), `${described.join('\n')}\n`);
      expect(invisible, 'elements with no visible focus indicator').toEqual([]);
    } finally {
      await closePage(page);
    }
  }, 600_000);

  it('moves through the SVG heatmap with the arrows; Enter opens the cell’s arithmetic', async () => {
    const page = await openApp(suite.browser, suite.url);
    try {
      await lastStepByKeys(page);
      await focusPage(page);
      await tabUntil(page, '.heatmap [role="gridcell"]');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-i'))).toBe('0');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowDown');
      const at = await page.evaluate(() => [
        document.activeElement?.getAttribute('data-i'),
        document.activeElement?.getAttribute('data-j'),
      ]);
      expect(at).toEqual(['1', '2']);
      // The walkthrough kept its step: the grid took the arrows.
      await expect(
        page.locator('nav[aria-label="Steps"] [aria-current="step"]').textContent(),
      ).resolves.toContain('Weighted sum');
      await page.keyboard.press('Enter');
      await page.locator('[data-selected-cell="1,2"]').waitFor();
      // "I love tennis." : row 1 is "love", column 2 "tennis".
      await expect(page.locator('.work-pair').textContent()).resolves.toBe('love → tennis');
    } finally {
      await closePage(page);
    }
  }, 180_000);

  it('moves an outlined active cell through the canvas heatmap; Enter selects it', async () => {
    const page = await openApp(suite.browser, suite.url);
    try {
      const words = Array.from(
        { length: 40 },
        (_, k) => ['the', 'cat', 'sat', 'on', 'mat'][k % 5] as string,
      );
      await typeSentence(page, words.join(' '));
      await waitForTokens(page, words);
      await lastStepByKeys(page);
      await focusPage(page);
      await tabUntil(page, '.heatmap--canvas');
      await page.locator('[data-active-cell="0,0"]').waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      await page.locator('[data-active-cell="2,1"]').waitFor();
      await page.keyboard.press('Enter');
      await page.locator('[data-selected-cell="2,1"]').waitFor();
      await expect(page.locator('.work-pair').textContent()).resolves.toBe('sat → cat');
    } finally {
      await closePage(page);
    }
  }, 180_000);

  it('reaches the graph’s edges and nodes: arrows move, Enter selects an edge or focuses a node', async () => {
    const page = await openApp(suite.browser, suite.url);
    try {
      await lastStepByKeys(page);
      await focusPage(page);
      await tabUntil(page, '.attention-graph .edge');
      const edge = () =>
        page.evaluate(() => [
          document.activeElement?.getAttribute('data-source'),
          document.activeElement?.getAttribute('data-target'),
        ]);
      const first = await edge();
      await page.keyboard.press('ArrowRight');
      const second = await edge();
      expect(second).not.toEqual(first);
      await page.keyboard.press('Enter');
      await page.locator(`[data-selected-cell="${second[0]},${second[1]}"]`).waitFor();
      await page.locator('.work-pair').waitFor();

      await tabUntil(page, '.attention-graph [data-token-index]');
      expect(
        await page.evaluate(() => document.activeElement?.getAttribute('data-token-index')),
      ).toBe('0');
      await page.keyboard.press('ArrowRight');
      expect(
        await page.evaluate(() => document.activeElement?.getAttribute('data-token-index')),
      ).toBe('1');
      await page.keyboard.press('Enter');
      await expect(
        page.locator('.attention-graph [data-token-index="1"]').getAttribute('aria-pressed'),
      ).resolves.toBe('true');
    } finally {
      await closePage(page);
    }
  }, 180_000);
});
