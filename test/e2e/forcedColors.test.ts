/**
 * Forced colours (issue 14): with Windows high contrast (Chromium's emulation of
 * `forced-colors: active`) the current step and the selected heatmap matrix still stand
 * out from their neighbours: the browser's forced palette must not make them look alike.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { closePage, openApp, OUTPUT_DIR } from './harness';
import { useBrowserSuite } from './suite';

const suite = useBrowserSuite(4736);

/**
 * The colour of `element`'s own background as drawn, a few pixels inside its left edge:
 * its screenshot, decoded by the page's own image decoder.
 */
async function backgroundPixel(element: Locator): Promise<number[]> {
  const png = (await element.screenshot()).toString('base64');
  return element.page().evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.drawImage(image, 0, 0);
    return Array.from(context.getImageData(4, Math.floor(image.height / 2), 1, 1).data).slice(0, 3);
  }, png);
}

const distance = (a: readonly number[], b: readonly number[]) =>
  Math.max(...a.map((v, i) => Math.abs(v - (b[i] as number))));

describe('forced colours', () => {
  it('the current step and the selected heatmap matrix differ from the others', async () => {
    const page = await openApp(suite.browser, `${suite.url}#step=score&causal=1`);
    try {
      await page.emulateMedia({ forcedColors: 'active' });
      expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
      const steps = page.getByRole('navigation', { name: 'Steps' });
      const current = steps.locator('[aria-current="step"]');
      const other = steps.getByRole('button', { name: 'Softmax' });
      const modes = page.locator('.hm-mode-options label');
      const checked = modes.filter({ has: page.locator('input:checked') });
      const unchecked = modes.filter({ has: page.locator('input:not(:checked)') }).first();
      await checked.waitFor();
      await page.screenshot({ path: `${OUTPUT_DIR}/forced-colors-1366.png` });

      for (const [on, off] of [
        [current, other],
        [checked, unchecked],
      ] as const) {
        // Told apart by their colours, in the user's forced palette…
        expect(distance(await backgroundPixel(on), await backgroundPixel(off))).toBeGreaterThan(60);
        // …and by a mark that needs no colour at all.
        expect(await on.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe(
          'underline',
        );
        expect(await off.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('none');
      }
    } finally {
      await closePage(page);
    }
  });
});
