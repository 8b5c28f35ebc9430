/**
 * The stage (issue 13, items 1, 3 and 5): every step on one screen.
 *
 * - Desktop (1280×720, 1366×768, 1920×1080), page scrolled to the top, for every step: the
 *   step's picture (Tokens: the token list and the matrices panel; Q, K, V: the matrices
 *   panel; Score: the heatmap SVG; Softmax: the heatmap and the graph SVGs; Weighted sum:
 *   the matrices panel and the graph SVG) has its bounding box inside the viewport, and so
 *   has the step's controls group. After a heatmap cell is clicked at Score and at Softmax,
 *   the "Show the work" region's box lies inside the viewport. At Score the heatmap's cells
 *   are at least 28 px and every one prints its number.
 * - Phones (390×844, 360×740), page at the top: the first picture's panel (its <section>) starts at most
 *   120 px below the Sentence section's bottom (only the steps bar between them); at Score
 *   the heatmap cells are at least 24 px wide and high and carry numbers; at Softmax the
 *   "Σ row" header's box meets no axis label's box.
 * - Presentation at 1920×1080 (11 tokens): on-screen font sizes, i.e. the computed
 *   font-size times the SVG's screen scale (getScreenCTM) for SVG text: heatmap numbers
 *   ≥ 20 px, graph labels ≥ 24 px, explanation text ≥ 28 px; at 1280×720 the same figures
 *   scaled by 1280/1920. Every step's picture and, after a click, the arithmetic lie inside
 *   the viewport; → ← Space PageDown PageUp step after a cell was clicked; the QR code
 *   shows from the bar; entering from a scrolled page starts at the top.
 *
 * - The keyboard meets the parts as the eye does: after the steps bar, Tab goes into the
 *   step's picture on a phone (the matrices at Tokens, the heatmap at Score) and into the
 *   step's words on the stage.
 *
 * Screenshots of every step at every size go to test-results/e2e/stage/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  closePage,
  errorsOf,
  focusPage,
  goToStep,
  openApp,
  OUTPUT_DIR,
  typeSentence,
  waitForTokens,
} from './harness';
import { useBrowserSuite } from './suite';

const PORT = 4591;
const suite = useBrowserSuite(PORT);
const DIR = path.join(OUTPUT_DIR, 'stage');

const TEXT = 'The cat sat on the mat because it was tired.';
const TOKENS = ['The', 'cat', 'sat', 'on', 'the', 'mat', 'because', 'it', 'was', 'tired', '.'];
const DESKTOPS = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
];

/** Each step: the word its button holds, a file name, and the locators of its picture. */
const STEPS: { word: string; id: string; picture: (page: Page) => Locator[] }[] = [
  {
    word: 'Tokens',
    id: 'tokens',
    picture: (p) => [p.getByRole('list', { name: 'Tokens' }), p.locator('section.matrices')],
  },
  { word: 'Queries', id: 'qkv', picture: (p) => [p.locator('section.matrices')] },
  { word: 'Score', id: 'score', picture: (p) => [heatmap(p)] },
  { word: 'Softmax', id: 'softmax', picture: (p) => [heatmap(p), graph(p)] },
  {
    word: 'Weighted sum',
    id: 'weighted',
    picture: (p) => [p.locator('section.matrices'), graph(p)],
  },
];

const heatmap = (page: Page) => page.getByRole('img', { name: 'Attention heatmap' });
const graph = (page: Page) => page.getByRole('img', { name: 'Attention graph' });
const work = (page: Page) => page.getByRole('region', { name: 'Show the work' });

beforeAll(() => {
  mkdirSync(DIR, { recursive: true });
});

async function settle(page: Page) {
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  await page.waitForTimeout(150);
}

async function shot(page: Page, name: string) {
  await settle(page);
  await page.screenshot({ path: path.join(DIR, `${name}.png`) });
}

/** The box of `locator`, which must be rendered. */
async function box(locator: Locator) {
  const b = await locator.first().boundingBox();
  if (!b) throw new Error(`${locator.toString()} is not rendered`);
  return b;
}

/** Where `locator`'s box leaves the viewport, or [] when it lies inside. */
async function outside(page: Page, locator: Locator): Promise<string[]> {
  const b = await box(locator);
  const v = page.viewportSize() ?? { width: 0, height: 0 };
  const out: string[] = [];
  // Half a pixel of tolerance for sub-pixel layout.
  if (b.x < -0.5) out.push(`left ${b.x}`);
  if (b.y < -0.5) out.push(`top ${b.y}`);
  if (b.x + b.width > v.width + 0.5) out.push(`right ${b.x + b.width} > ${v.width}`);
  if (b.y + b.height > v.height + 0.5) out.push(`bottom ${b.y + b.height} > ${v.height}`);
  return out;
}

/** Goes to the step with the mouse, then back to the top of the page. */
async function showStep(page: Page, word: string) {
  await goToStep(page, word);
  await page.evaluate(() => window.scrollTo(0, 0));
  await settle(page);
}

/** The on-screen size (px) of the first SVG text matching `selector`: font-size × scale. */
function svgFontPx(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const svg = (el as SVGGraphicsElement).ownerSVGElement;
      const scale = svg?.getScreenCTM()?.a ?? 1;
      return parseFloat(getComputedStyle(el).fontSize) * scale;
    });
}

describe('one screen per step on laptops and projectors', () => {
  for (const size of DESKTOPS) {
    it(`${size.width}×${size.height}`, async () => {
      const page = await openApp(suite.browser, suite.url, size);
      try {
        await typeSentence(page, TEXT);
        await waitForTokens(page, TOKENS);
        for (const step of STEPS) {
          await showStep(page, step.word);
          await shot(page, `${size.width}x${size.height}-${step.id}`);
          for (const part of step.picture(page)) {
            expect(await outside(page, part), `${step.id}: ${part.toString()}`).toEqual([]);
          }
          const controls = page.locator('.step-controls');
          if (await controls.count()) {
            expect(await outside(page, controls), `${step.id}: its controls`).toEqual([]);
          }
          if (step.id === 'weighted') {
            // The graph beside the matrices comes before the heatmap below them, for the keyboard too.
            const graphFirst = await page.evaluate(() => {
              const graph = document.querySelector('.graph-panel');
              const heatmap = document.querySelector('.heatmap-panel');
              return Boolean(
                graph &&
                heatmap &&
                graph.compareDocumentPosition(heatmap) & Node.DOCUMENT_POSITION_FOLLOWING,
              );
            });
            expect(graphFirst, 'Weighted sum: the graph before the heatmap').toBe(true);
          }
          if (step.id === 'score') {
            // The heatmap alone takes the stage's height: its cells are big enough for numbers.
            const cell = await box(page.locator('.hm-cell'));
            expect(cell.height, 'Score: cell size').toBeGreaterThanOrEqual(28);
            expect(await page.locator('.heatmap .hm-num').count(), 'Score: numbers').toBe(
              TOKENS.length ** 2,
            );
          }
        }
        // The keyboard meets the words (the left column) before the picture.
        await showStep(page, 'Tokens');
        expect(await firstAfterSteps(page), 'Tab after the steps').toBe('app-main__explain');
        for (const [n, word] of ['Score', 'Softmax'].entries()) {
          await showStep(page, word);
          await page
            .locator('.hm-cell')
            .nth(TOKENS.length + 2 + n)
            .click();
          await work(page).locator('.work-heading').waitFor();
          await page.evaluate(() => window.scrollTo(0, 0));
          await shot(page, `${size.width}x${size.height}-${word.toLowerCase()}-work`);
          expect(await outside(page, work(page)), `${word}: the arithmetic`).toEqual([]);
        }
        expect(errorsOf(page)).toEqual([]);
      } finally {
        await closePage(page);
      }
    });
  }
});

describe('16 tokens still fit one screen', () => {
  // 16 tokens, the longest sentence item 1 asks to fit, at the smallest desktop size.
  const LONG = 'The old cat sat on the warm mat because it was tired after the day .';
  it('1280×720', async () => {
    const page = await openApp(suite.browser, suite.url, DESKTOPS[0]);
    try {
      await typeSentence(page, LONG);
      await expect.poll(async () => page.locator('ul[aria-label="Tokens"] > li').count()).toBe(16);
      for (const step of STEPS) {
        await showStep(page, step.word);
        await shot(page, `1280x720-16-tokens-${step.id}`);
        for (const part of step.picture(page)) {
          expect(await outside(page, part), `${step.id}: ${part.toString()}`).toEqual([]);
        }
      }
      expect(errorsOf(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });
});

describe('matrices out of sight', () => {
  /** Row 0 of the `n`-th grid of the matrices panel as numbers, once its cells are rendered. */
  async function firstRow(page: Page, n: number): Promise<number[]> {
    const cells = page
      .locator('section.matrices .mgrid')
      .nth(n)
      .locator('[data-r="0"] .mgrid-cell');
    await expect.poll(() => cells.count(), { message: `grid ${n}'s cells` }).toBe(8);
    const texts = await cells.allTextContents();
    return texts.map((t) => Number(t.replace('−', '-')));
  }

  it('render when the panel scrolls to them, with the numbers X = E + P', async () => {
    const page = await openApp(suite.browser, suite.url, DESKTOPS[1]);
    try {
      await typeSentence(page, TEXT);
      await waitForTokens(page, TOKENS);
      await showStep(page, 'Tokens');
      const panel = page.locator('section.matrices');
      const grids = panel.locator('.mgrid');
      await expect.poll(() => grids.count()).toBe(3);
      const e = await firstRow(page, 0);
      // X, two grids' height below the panel's view, has its caption but no cells yet.
      expect(await grids.nth(2).locator('figcaption').textContent()).toContain('X (11 × 8)');
      expect(await grids.nth(2).locator('.mgrid-cell').count()).toBe(0);

      await grids.nth(1).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const p = await firstRow(page, 1);
      await grids.nth(2).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const x = await firstRow(page, 2);
      // Each printed number is rounded to 2 decimals: the sum may be off by 0.015.
      x.forEach((value, c) => {
        expect(Math.abs(value - ((e[c] as number) + (p[c] as number))), `X[0][${c}]`).toBeLessThan(
          0.0151,
        );
      });
      // Scrolled away from E, it drops its cells.
      await expect.poll(() => grids.nth(0).locator('.mgrid-cell').count()).toBe(0);
      expect(errorsOf(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });
});

describe('phones: the picture right after the sentence', () => {
  for (const size of PHONES) {
    it(`${size.width}×${size.height}`, async () => {
      const page = await openApp(suite.browser, suite.url, size);
      try {
        await typeSentence(page, TEXT);
        await waitForTokens(page, TOKENS);
        const sentence = page.locator('section.sentence-input');
        for (const step of STEPS) {
          await showStep(page, step.word);
          await shot(page, `${size.width}x${size.height}-${step.id}`);
          const below = (await box(sentence)).y + (await box(sentence)).height;
          // The panel of the step's first picture that is not the sentence's own token list.
          const first = step.picture(page).find((l) => !l.toString().includes('Tokens'));
          const panel = (first ?? heatmap(page)).locator('xpath=ancestor-or-self::section[1]');
          const top = (await box(panel)).y;
          expect(top - below, `${step.id}: gap above the picture`).toBeLessThanOrEqual(120);
          // The keyboard meets the step's own picture first too: the matrices at Tokens, the
          // heatmap's panel at Score.
          const reached = { tokens: 'matrices', score: 'heatmap-panel' }[step.id];
          if (reached)
            expect(await firstAfterSteps(page), `${step.id}: Tab after the steps`).toBe(reached);
        }
        await showStep(page, 'Score');
        const cell = await box(page.locator('.hm-cell'));
        expect(cell.width).toBeGreaterThanOrEqual(24);
        expect(cell.height).toBeGreaterThanOrEqual(24);
        expect(await page.locator('.heatmap .hm-num').count()).toBeGreaterThan(0);
        // The row sums appear at Softmax.
        await showStep(page, 'Softmax');
        const clashes = await page.locator('.heatmap').evaluate((svg) => {
          const header = svg.querySelector('.hm-sum-header')?.getBoundingClientRect();
          if (!header) return ['no Σ header'];
          return Array.from(svg.querySelectorAll('.hm-label'))
            .filter((label) => {
              const b = label.getBoundingClientRect();
              return (
                b.left < header.right &&
                b.right > header.left &&
                b.top < header.bottom &&
                b.bottom > header.top
              );
            })
            .map((label) => label.textContent ?? '');
        });
        expect(clashes).toEqual([]);
        expect(errorsOf(page)).toEqual([]);
      } finally {
        await closePage(page);
      }
    });
  }
});

/** The panel the keyboard reaches first after the steps bar: the class of its part of the page. */
async function firstAfterSteps(page: Page): Promise<string> {
  // The steps bar's last control is "Next step" (disabled at the last step: go back one).
  await page.evaluate(() => {
    const buttons = Array.from(
      document.querySelectorAll<HTMLButtonElement>(
        'nav[aria-label="Steps"] button:not([disabled])',
      ),
    );
    buttons.at(-1)?.focus();
  });
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const at = document.activeElement;
    const parts = ['matrices', 'heatmap-panel', 'graph-panel', 'app-main__explain', 'work'];
    const part = at?.closest(parts.map((p) => `.${p}`).join(', '));
    return parts.find((p) => part?.classList.contains(p)) ?? `outside: ${at?.tagName ?? 'nothing'}`;
  });
}

describe('presentation for the back row', () => {
  const SIZES = [
    { width: 1920, height: 1080, scale: 1 },
    { width: 1280, height: 720, scale: 1280 / 1920 },
  ];
  for (const size of SIZES) {
    it(`${size.width}×${size.height}: sizes, one screen per step, clicker keys, QR code`, async () => {
      const page = await openApp(suite.browser, suite.url, size);
      const title = page.locator('.step-explanation__title');
      try {
        await typeSentence(page, TEXT);
        await waitForTokens(page, TOKENS);
        await focusPage(page);
        await page.evaluate(() => window.scrollTo(0, 400));
        await page.keyboard.press('p');
        await page.getByRole('region', { name: 'Presentation' }).waitFor();
        expect(await page.evaluate(() => window.scrollY)).toBe(0);
        await page.keyboard.press('Home');
        for (const [k, step] of STEPS.entries()) {
          await expect.poll(() => title.textContent()).toContain(step.word.split(',')[0]);
          await settle(page);
          await shot(page, `present-${size.width}x${size.height}-${step.id}`);
          // Presenting, Softmax shows the heatmap alone, across the screen; the graph waits
          // for Weighted sum.
          const parts = step
            .picture(page)
            .filter((l) => !l.toString().includes('Tokens'))
            .filter((l) => step.id !== 'softmax' || !l.toString().includes('Attention graph'));
          for (const part of parts) {
            expect(await outside(page, part), `${step.id}: ${part.toString()}`).toEqual([]);
          }
          const body = await page
            .locator('.step-explanation__text p')
            .first()
            .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
          expect(body, `${step.id}: body text`).toBeGreaterThanOrEqual(28 * size.scale);
          if (step.id === 'tokens') {
            // The embedding numbers are on the screen.
            const number = page.locator('section.matrices').getByText(/^−?\d+\.\d+$/);
            expect(await number.first().isVisible()).toBe(true);
          }
          if (step.id === 'score' || step.id === 'softmax') {
            expect(await svgFontPx(page, '.heatmap .hm-num')).toBeGreaterThanOrEqual(
              20 * size.scale,
            );
          }
          if (step.id === 'weighted') {
            expect(await svgFontPx(page, '.attention-graph text')).toBeGreaterThanOrEqual(
              24 * size.scale,
            );
          }
          if (k < STEPS.length - 1) await page.keyboard.press('PageDown');
        }

        // A clicked cell: its arithmetic on the screen, and every clicker key still steps.
        await page.keyboard.press('PageUp');
        await expect.poll(() => title.textContent()).toContain('Softmax');
        await page
          .locator('.hm-cell')
          .nth(TOKENS.length + 2)
          .click();
        await work(page).locator('.work-heading').waitFor();
        await settle(page);
        await shot(page, `present-${size.width}x${size.height}-softmax-work`);
        expect(await outside(page, work(page))).toEqual([]);
        const keys: [string, string][] = [
          ['ArrowRight', 'Weighted sum'],
          ['ArrowLeft', 'Softmax'],
          ['Space', 'Weighted sum'],
          ['PageUp', 'Softmax'],
          ['PageDown', 'Weighted sum'],
        ];
        // Focus back on the clicked cell, as a teacher's click leaves it.
        await page
          .locator('.hm-cell')
          .nth(TOKENS.length + 2)
          .focus();
        for (const [key, want] of keys) {
          await page.keyboard.press(key);
          await expect.poll(() => title.textContent()).toContain(want);
          if (want === 'Softmax')
            await page
              .locator('.hm-cell')
              .nth(TOKENS.length + 2)
              .focus();
        }
        await settle(page);
        expect(await outside(page, work(page)), 'weighted: the arithmetic').toEqual([]);

        await page.getByRole('button', { name: 'QR code' }).click();
        await page.locator('.presentation__qr').waitFor();
        expect(await page.locator('.presentation__qr').isVisible()).toBe(true);
        expect(errorsOf(page)).toEqual([]);
      } finally {
        await closePage(page);
      }
    });
  }
});
