/**
 * Presentation mode and the themes in Chromium: a teacher presses Present, steps with a
 * clicker's keys (PageDown, Space, arrows, PageUp), sees the one panel that matters at each
 * step large and no controls, and leaves with Escape; the dark theme comes from the switch
 * or from the system, repaints the canvas heatmap, and passes axe's colour-contrast rule.
 * Screenshots of light, dark and presentation at 1920×1080 and 390×844 go to
 * test-results/e2e/ to be looked at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  closePage,
  errorsOf,
  focusPage,
  goToStep,
  openApp,
  OUTPUT_DIR,
  stepNav,
  typeSentence,
  waitForTokens,
} from './harness';
import { useBrowserSuite } from './suite';
import { HIGH_CONTRAST, THEMES } from '../../src/theme';

const PORT = 4501;
const suite = useBrowserSuite(PORT);

const TEXT = 'The cat sat on the mat because it was tired.';
const TOKENS = ['The', 'cat', 'sat', 'on', 'the', 'mat', 'because', 'it', 'was', 'tired', '.'];
const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

beforeAll(() => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
});

/** `#rrggbb` as the `rgb(r, g, b)` that getComputedStyle reports. */
function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** The page's background and text colours, as computed on <html>. */
function pageColours(page: Page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    return {
      theme: document.documentElement.dataset.theme,
      background: style.backgroundColor,
      color: style.color,
      scheme: style.colorScheme,
    };
  });
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  // Two frames, so what the last change painted is in the picture.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  await page.screenshot({ path: path.join(OUTPUT_DIR, `present-${name}.png`), fullPage });
}

const presentation = (page: Page) => page.getByRole('region', { name: 'Presentation' });
const heatmap = (page: Page) => page.getByRole('img', { name: 'Attention heatmap' });
const graph = (page: Page) => page.getByRole('img', { name: 'Attention graph' });

/** Whether each part of the page is on screen (rendered and not hidden by presentation mode). */
async function shown(page: Page) {
  const visible = (selector: string) => page.locator(selector).first().isVisible();
  return {
    tokens: await page.getByRole('list', { name: 'Tokens' }).isVisible(),
    matrices: await visible('.matrices'),
    heatmap: await heatmap(page).isVisible(),
    graph: await graph(page).isVisible(),
    work: await visible('.work'),
  };
}

/** The controls presentation mode hides: every one must be off screen. */
async function controlsShown(page: Page): Promise<string[]> {
  const controls = {
    sentenceBox: page.getByRole('textbox', { name: 'Sentence' }),
    stepNav: stepNav(page),
    present: page.getByRole('button', { name: 'Present', exact: true }),
    theme: page.getByRole('combobox', { name: 'Theme' }),
    worksheet: page.getByRole('button', { name: 'Worksheet' }),
    about: page.getByRole('button', { name: 'About' }),
    copyLink: page.getByRole('button', { name: 'Copy link' }),
    heads: page.getByRole('combobox', { name: 'Heads', exact: true }),
    heatmapValues: page.locator('.hm-mode'),
    graphControls: page.locator('.graph-controls'),
  };
  const visible: string[] = [];
  for (const [name, locator] of Object.entries(controls)) {
    if (await locator.first().isVisible()) visible.push(name);
  }
  return visible;
}

/** The bounding box of `locator`, which must be on the page. */
async function box(locator: ReturnType<Page['locator']>) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not rendered');
  return b;
}

describe('presentation mode', () => {
  it('steps with clicker keys, shows each step’s panel large, hides the controls, leaves with Escape', async () => {
    const page = await openApp(suite.browser, suite.url, PROJECTOR);
    try {
      await typeSentence(page, TEXT);
      await waitForTokens(page, TOKENS);
      await shot(page, 'light-1920-normal');
      const normalTitle = await page
        .locator('.step-explanation__title')
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      await focusPage(page);
      await page.keyboard.press('p');
      await presentation(page).waitFor();

      expect(await controlsShown(page)).toEqual([]);
      expect(await presentation(page).textContent()).toContain(TEXT);
      const bigTitle = await page
        .locator('.step-explanation__title')
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(bigTitle).toBeGreaterThan(normalTitle * 1.3);
      // High contrast: pure white behind pure black.
      expect(await pageColours(page)).toMatchObject({
        background: rgb(HIGH_CONTRAST.light.background),
        color: rgb(HIGH_CONTRAST.light.text),
      });

      const indicator = page.locator('.presentation__indicator [aria-hidden="true"]');
      const title = page.locator('.step-explanation__title');
      const visit = async (key: string, want: { title: string; indicator: string }) => {
        if (key) await page.keyboard.press(key);
        await expect.poll(() => title.textContent()).toBe(want.title);
        expect(await indicator.textContent()).toBe(want.indicator);
        expect(await controlsShown(page)).toEqual([]);
        return shown(page);
      };

      // The tokens with their embedding numbers (issue 13: the back row sees the numbers).
      expect(await visit('', { title: '1 Tokens and embeddings', indicator: '1 / 5' })).toEqual({
        tokens: true,
        matrices: true,
        heatmap: false,
        graph: false,
        work: false,
      });
      await shot(page, 'light-1920-tokens');

      expect(
        await visit('PageDown', { title: '2 Queries, keys and values', indicator: '2 / 5' }),
      ).toEqual({ tokens: false, matrices: true, heatmap: false, graph: false, work: false });
      await shot(page, 'light-1920-qkv');

      expect(await visit('Space', { title: '3 Score', indicator: '3 / 5' })).toEqual({
        tokens: false,
        matrices: false,
        heatmap: true,
        graph: false,
        work: false,
      });
      // The heatmap is the page: laid out to fill the screen's height (its numbers for the
      // back row are measured in stage.test.ts), and whole on screen.
      const hm = await box(heatmap(page));
      expect(hm.height).toBeGreaterThan(PROJECTOR.height / 2);
      expect(hm.y + hm.height).toBeLessThanOrEqual(PROJECTOR.height);
      await shot(page, 'light-1920-score');

      expect(await visit('ArrowRight', { title: '4 Softmax', indicator: '4 / 5' })).toEqual({
        tokens: false,
        matrices: false,
        heatmap: true,
        graph: false,
        work: false,
      });

      // A cell clicked while presenting opens its arithmetic beside the heatmap.
      await page
        .locator('.hm-cell')
        .nth(TOKENS.length + 1)
        .click();
      expect((await shown(page)).work).toBe(true);
      await shot(page, 'light-1920-softmax-work');

      // PageDown steps from the focused heatmap; Weighted sum shows the weights times the
      // values (the matrices) beside the graph, and the arithmetic stays.
      expect(await visit('PageDown', { title: '5 Weighted sum', indicator: '5 / 5' })).toEqual({
        tokens: false,
        matrices: true,
        heatmap: false,
        graph: true,
        work: true,
      });
      await shot(page, 'light-1920-weighted');

      // At the end PageDown stays; PageUp, ArrowUp and Shift+Space go back one step each.
      await visit('PageDown', { title: '5 Weighted sum', indicator: '5 / 5' });
      await visit('PageUp', { title: '4 Softmax', indicator: '4 / 5' });
      await visit('Shift+Space', { title: '3 Score', indicator: '3 / 5' });
      await visit('ArrowUp', { title: '2 Queries, keys and values', indicator: '2 / 5' });
      await visit('End', { title: '5 Weighted sum', indicator: '5 / 5' });
      await visit('Home', { title: '1 Tokens and embeddings', indicator: '1 / 5' });
      await visit('ArrowDown', { title: '2 Queries, keys and values', indicator: '2 / 5' });

      await page.keyboard.press('Escape');
      await presentation(page).waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
      await stepNav(page).waitFor();
      expect(await controlsShown(page)).toEqual([
        'sentenceBox',
        'stepNav',
        'present',
        'theme',
        'worksheet',
        'about',
        'copyLink',
        'heads',
        'graphControls',
      ]);
      // The step reached while presenting stays, and the page is its usual self.
      expect(await stepNav(page).locator('[aria-current="step"]').textContent()).toContain(
        'Queries, keys and values',
      );
      expect(await pageColours(page)).toMatchObject({ background: rgb(THEMES.light.background) });
      // The link never carries presenting or the theme.
      expect(decodeURIComponent(page.url())).not.toMatch(/present|theme/i);
      expect(errorsOf(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('the Present button enters too, and leaving full screen through the browser leaves presenting', async () => {
    const page = await openApp(suite.browser, suite.url, PROJECTOR);
    try {
      await page.getByRole('button', { name: 'Present', exact: true }).click();
      await presentation(page).waitFor();
      // Headless Chromium may or may not grant full screen; either way the page presents.
      const inFullscreen = await page.evaluate(() => document.fullscreenElement !== null);
      if (inFullscreen) {
        await page.evaluate(() => document.exitFullscreen());
        await presentation(page).waitFor({ state: 'detached' });
      } else {
        await page.getByRole('button', { name: 'Exit presentation' }).click();
        await presentation(page).waitFor({ state: 'detached' });
      }
      expect(await page.getByRole('button', { name: 'Present', exact: true }).isVisible()).toBe(
        true,
      );
      expect(errorsOf(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('lays out on a phone: the panel below the words, nothing wider than the screen', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openApp(suite.browser, suite.url, PHONE, { colorScheme: scheme });
      try {
        await typeSentence(page, TEXT);
        await waitForTokens(page, TOKENS);
        await goToStep(page, 'Score');
        await shot(page, `${scheme}-390-normal`);
        await page.getByRole('button', { name: 'Present', exact: true }).click();
        await presentation(page).waitFor();
        expect(await controlsShown(page)).toEqual([]);
        expect((await shown(page)).heatmap).toBe(true);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(PHONE.width);
        await shot(page, `${scheme}-390-score`, true);
        await page.keyboard.press('PageDown');
        await page.keyboard.press('PageDown');
        await expect.poll(() => graph(page).isVisible()).toBe(true);
        await shot(page, `${scheme}-390-weighted`, true);
        expect(errorsOf(page)).toEqual([]);
      } finally {
        await closePage(page);
      }
    }
  });
});

describe('dark theme', () => {
  /** The colour (rgb(...)) of the canvas heatmap's pixel at the middle of cell (0, 0). */
  const firstCellPixel = (page: Page) =>
    page.locator('canvas.hm-canvas').evaluate((canvas: HTMLCanvasElement) => {
      const n = Number(canvas.closest('[data-token-count]')?.getAttribute('data-token-count'));
      const cell = canvas.width / n;
      const ctx = canvas.getContext('2d');
      const [r, g, b] = ctx ? ctx.getImageData(cell / 2, cell / 2, 1, 1).data : [];
      return `rgb(${r}, ${g}, ${b})`;
    });

  it('follows the system (colorScheme: dark), and the switch overrides it and is remembered', async () => {
    const page = await openApp(suite.browser, suite.url, PROJECTOR, { colorScheme: 'dark' });
    try {
      const dark = {
        theme: 'dark',
        background: rgb(THEMES.dark.background),
        color: rgb(THEMES.dark.text),
        scheme: 'dark',
      };
      expect(await pageColours(page)).toEqual(dark);
      expect(await page.getByRole('combobox', { name: 'Theme' }).inputValue()).toBe('system');

      // 40 tokens: the canvas heatmap, whose colours come from the theme. Before Score its
      // cells are the empty grid, painted in the panel colour.
      const long = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
      await typeSentence(page, long);
      await page.locator('canvas.hm-canvas').waitFor();
      await expect.poll(() => firstCellPixel(page)).toBe(rgb(THEMES.dark.surface));
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
      await expect.poll(() => firstCellPixel(page)).toBe(rgb(THEMES.light.surface));
      expect(await pageColours(page)).toMatchObject({ theme: 'light', scheme: 'light' });

      // Remembered across a visit, whatever the system says.
      await page.reload();
      await page.getByRole('list', { name: 'Tokens' }).waitFor();
      expect(await pageColours(page)).toMatchObject({ theme: 'light' });
      expect(await page.getByRole('combobox', { name: 'Theme' }).inputValue()).toBe('light');
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
      expect(await pageColours(page)).toEqual(dark);
      expect(errorsOf(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('the switch turns a light system dark; every text passes axe colour contrast, presenting too', async () => {
    const page = await openApp(suite.browser, suite.url, PROJECTOR);
    try {
      await typeSentence(page, TEXT);
      await waitForTokens(page, TOKENS);
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
      expect(await pageColours(page)).toMatchObject({
        theme: 'dark',
        background: rgb(THEMES.dark.background),
      });
      await goToStep(page, 'Softmax');
      await page
        .locator('.hm-cell')
        .nth(TOKENS.length + 1)
        .click();
      await shot(page, 'dark-1920-normal', true);
      const contrast = async () =>
        (await new AxeBuilder({ page }).withRules(['color-contrast']).analyze()).violations.flatMap(
          (v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
        );
      expect(await contrast()).toEqual([]);

      await focusPage(page);
      await page.keyboard.press('p');
      await presentation(page).waitFor();
      expect(await pageColours(page)).toMatchObject({
        background: rgb(HIGH_CONTRAST.dark.background),
        color: rgb(HIGH_CONTRAST.dark.text),
      });
      await shot(page, 'dark-1920-softmax');
      expect(await contrast()).toEqual([]);
      await page.keyboard.press('PageDown');
      await expect.poll(() => graph(page).isVisible()).toBe(true);
      await shot(page, 'dark-1920-weighted');
      await page.keyboard.press('Escape');
      await presentation(page).waitFor({ state: 'detached' });
      expect(errorsOf(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });
});
