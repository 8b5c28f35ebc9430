/**
 * The worksheet in a real browser: the Worksheet button opens a preview of the handout for
 * the current sentence; its given numbers are the app's width-4 inputs rounded to one
 * decimal, its answer key is the app's own arithmetic on those inputs, and printing shows
 * the sheet alone: three A4 pages (the task, the work, the key). The PDF and screenshots
 * land in test-results/e2e/ for a look.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { attentionHead } from '../../src/core/attention';
import { fromRows, toRows, type Matrix } from '../../src/core/matrix';
import { formatNumber } from '../../src/format';
import {
  closePage,
  DEFAULTS,
  errorsOf,
  openApp,
  OUTPUT_DIR,
  parseShown,
  runTrace,
  typeSentence,
  waitForTokens,
} from './harness';
import { useBrowserSuite } from './suite';

const PORT = 4481;

const suite = useBrowserSuite(PORT);
const TEXT = 'The cat sat on the mat because it was tired.';
const KEPT = ['The', 'cat', 'sat'];

let page: Page;

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  page = await openApp(suite.browser, suite.url, { width: 1280, height: 900 });
  await typeSentence(page, TEXT, 'fill');
  await waitForTokens(
    page,
    runTrace(TEXT, DEFAULTS).tokens.map((t) => t.text),
  );
});

afterAll(async () => {
  if (page) await closePage(page);
});

function dialog(): Locator {
  return page.getByRole('dialog', { name: 'Worksheet preview' });
}

/** The cells of grid `name` in `region` ("Your work", "Answer key") or the task page, as shown. */
async function grid(name: string, region?: string): Promise<string[][]> {
  const scope = region
    ? dialog().getByRole('region', { name: region })
    : dialog().locator('.ws-page--task');
  return scope
    .locator(`table[data-grid="${name}"]`)
    .evaluate((table) =>
      Array.from((table as HTMLTableElement).tBodies[0]?.rows ?? [], (row) =>
        Array.from(row.querySelectorAll('td'), (td) => (td.textContent ?? '').trim()),
      ),
    );
}

const numbers = (rows: string[][]): number[][] => rows.map((r) => r.map(parseShown));

/** `x` rounded to one decimal half away from zero, as the sheet rounds. */
const round1 = (x: number) => (Math.sign(x) * Math.round(Math.abs(x) * 10)) / 10 || 0;

/** A key matrix as the sheet prints it. */
const printed = (m: Matrix, digits: number) =>
  toRows(m).map((r) => r.map((x) => formatNumber(x, digits)));

describe('worksheet', () => {
  it('opens a preview whose given numbers are the app’s width-4 inputs, rounded to one decimal', async () => {
    await page.getByRole('button', { name: 'Worksheet' }).click();
    await dialog().waitFor();
    await expect(dialog().textContent()).resolves.toContain('Sentence: “The cat sat”');
    // `npm run trace` at the worksheet's settings: width 4, one head, the app's other settings.
    const trace = runTrace(KEPT.join(' '), { ...DEFAULTS, width: 4, heads: 1 }) as unknown as {
      input: number[][];
      heads: { wq: number[][]; wk: number[][]; wv: number[][]; weights: number[][] }[];
    };
    expect(numbers(await grid('x'))).toEqual(trace.input.map((r) => r.map(round1)));
    const head = trace.heads[0]!;
    expect(numbers(await grid('wq'))).toEqual(head.wq.map((r) => r.map(round1)));
    expect(numbers(await grid('wk'))).toEqual(head.wk.map((r) => r.map(round1)));
    expect(numbers(await grid('wv'))).toEqual(head.wv.map((r) => r.map(round1)));
    // The students' grids are blank and of the right shapes.
    for (const [name, cols] of [
      ['q', 4],
      ['k', 4],
      ['v', 4],
      ['scores', 3],
      ['scaled', 3],
      ['weights', 3],
      ['output', 4],
    ] as const) {
      const cells = await grid(name, 'Your work');
      expect(cells, name).toEqual(Array(3).fill(Array(cols).fill('')));
    }
    // The unrounded weights of the app are close to the key's: rounding moves them a little.
    const key = numbers(await grid('weights', 'Answer key'));
    key.forEach((r, i) =>
      r.forEach((w, j) => expect(Math.abs(w - head.weights[i]![j]!)).toBeLessThan(0.1)),
    );
  });

  it('has an answer key that is exactly the app’s arithmetic on the printed inputs', async () => {
    const given = async (name: string) => fromRows(numbers(await grid(name)));
    const x = await given('x');
    const h = attentionHead(
      x,
      { wq: await given('wq'), wk: await given('wk'), wv: await given('wv') },
      {
        causal: DEFAULTS.causal,
        scale: DEFAULTS.scale,
        temperature: 1,
      },
    );
    expect(await grid('q', 'Answer key')).toEqual(printed(h.q, 2));
    expect(await grid('k', 'Answer key')).toEqual(printed(h.k, 2));
    expect(await grid('v', 'Answer key')).toEqual(printed(h.v, 2));
    expect(await grid('scores', 'Answer key')).toEqual(printed(h.scores, 3));
    expect(await grid('scaled', 'Answer key')).toEqual(printed(h.masked, 3));
    expect(await grid('weights', 'Answer key')).toEqual(printed(h.weights, 3));
    expect(await grid('output', 'Answer key')).toEqual(printed(h.output, 3));
  });

  it('prints the sheet alone, on three pages: task, work, answer key', async () => {
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'worksheet-preview.png') });
    await page.emulateMedia({ media: 'print' });
    const styles = await page.evaluate(() => {
      const display = (selector: string) => {
        const el = document.querySelector(selector);
        return el ? getComputedStyle(el).display : null;
      };
      const key = document.querySelector('.ws-page--key');
      return {
        app: display('#root'),
        bar: display('.worksheet-preview__bar'),
        sheet: display('.ws-sheet'),
        position: getComputedStyle(document.querySelector('.worksheet-preview')!).position,
        keyBreak: key ? getComputedStyle(key).breakBefore : null,
      };
    });
    expect(styles).toEqual({
      app: 'none',
      bar: 'none',
      sheet: 'block',
      position: 'static',
      keyBreak: 'page',
    });
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'worksheet-print.png'), fullPage: true });
    const pdf = await page.pdf({ path: path.join(OUTPUT_DIR, 'worksheet.pdf'), format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
    expect(pages).toHaveLength(3);
    await page.emulateMedia({ media: 'screen' });
  });

  it('Print calls the browser’s print; Escape closes and gives focus back to the button', async () => {
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await dialog().getByRole('button', { name: 'Print' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // While the preview is open the app is inert: it cannot be clicked or tabbed into.
    expect(await page.locator('#root').getAttribute('inert')).toBe('');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect(await page.locator('#root').getAttribute('inert')).toBeNull();
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Worksheet');
    expect(errorsOf(page)).toEqual([]);
  });
});
