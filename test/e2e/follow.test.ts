/**
 * "Follow one token" in Chromium: a teacher opens it, clicks through every frame with a
 * keyboard's or clicker's keys (the steps stay where they are), and every frame fits the
 * screen at 1280×720 (16 tokens, nothing scrolls) and on a 390×844 phone; in presentation at
 * 1920×1080 the words are at least 28 px and the numbers at least 20 px; the weights and
 * the new vector on screen are the trace command's; a lesson link opens the frame it names.
 * Screenshots of every frame go to test-results/e2e/follow-*.png to be looked at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { closePage, errorsOf, openApp, OUTPUT_DIR, runTrace, currentStep } from './harness';
import { useBrowserSuite } from './suite';

const PORT = 4591;
const suite = useBrowserSuite(PORT);

/** Sixteen tokens: the longest sentence the story must fit on one screen. */
const LONG = 'The cat sat on the mat because it was tired and the dog ran off home';
const TWELVE = 'The cat sat on the mat because it was tired and slept';

beforeAll(() => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
});

const link = (text: string, extra = '') =>
  `#step=score${extra}&t=${encodeURIComponent(text).replace(/%20/g, '+')}`;
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Follow one token' });

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  await page.screenshot({ path: path.join(OUTPUT_DIR, `follow-${name}.png`) });
}

/** "3 / 20" as [3, 20]. */
async function indicator(d: Locator): Promise<[number, number]> {
  const text = (await d.locator('.follow__indicator').textContent()) ?? '';
  const [n, total] = text.split('/').map((s) => Number(s.trim()));
  return [n ?? NaN, total ?? NaN];
}

/** How the dialog sits in the viewport, and whether its frame must scroll. */
async function fit(page: Page) {
  return page.locator('dialog.follow').evaluate((d) => {
    const box = d.getBoundingClientRect();
    const visual = d.querySelector('.follow__visual') as HTMLElement;
    return {
      inside:
        box.top >= 0 &&
        box.left >= 0 &&
        box.bottom <= window.innerHeight &&
        box.right <= window.innerWidth,
      dialogScrolls: d.scrollHeight > d.clientHeight + 1,
      visualScrolls:
        visual.scrollHeight > visual.clientHeight + 1 ||
        visual.scrollWidth > visual.clientWidth + 1,
      kind: d.getAttribute('data-frame-kind'),
    };
  });
}

/** Opens the story with the button and steps through every frame with `keys` in turn. */
async function stepThrough(
  page: Page,
  name: string,
  keys: readonly string[],
  check: (f: Awaited<ReturnType<typeof fit>>, frame: number) => void,
): Promise<number> {
  const d = dialog(page);
  const [, total] = await indicator(d);
  for (let frame = 1; frame <= total; frame++) {
    expect(await indicator(d)).toEqual([frame, total]);
    check(await fit(page), frame);
    await shot(page, `${name}-${String(frame).padStart(2, '0')}`);
    if (frame < total) await page.keyboard.press(keys[frame % keys.length]!);
  }
  return total;
}

describe('Follow one token in Chromium', () => {
  it('steps through every frame of a 16-token sentence at 1280×720 without scrolling', async () => {
    const page = await openApp(suite.browser, `${suite.url}${link(LONG)}`, {
      width: 1280,
      height: 720,
    });
    try {
      const before = await currentStep(page);
      await page.getByRole('button', { name: 'Follow one token' }).click();
      const d = dialog(page);
      await d.waitFor();
      const seen = new Set<string>();
      const total = await stepThrough(page, '1280', ['ArrowRight', 'Space', 'PageDown'], (f) => {
        expect(f.inside, `frame ${f.kind} inside the viewport`).toBe(true);
        expect(f.dialogScrolls, `dialog scrolls at ${f.kind}`).toBe(false);
        expect(f.visualScrolls, `frame scrolls at ${f.kind}`).toBe(false);
        seen.add(f.kind ?? '');
      });
      // "home" is followed (the last word): 16 keys met, then bars, softmax, sum, arrows.
      expect(total).toBe(20);
      expect([...seen]).toEqual(['meet', 'bars', 'softmax', 'mix', 'arrows']);
      expect(await currentStep(page)).toBe(before);

      // Back with the clicker's other key; the numbers are the trace command's.
      await page.keyboard.press('PageUp');
      await page.keyboard.press('ArrowLeft');
      expect(await indicator(d)).toEqual([18, 20]);
      const trace = runTrace(LONG);
      const weights = trace.heads[0]!.weights[15]!;
      const shown = await d
        .locator('[data-follow="weight"]')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
      expect(shown).toHaveLength(16);
      shown.forEach((w, j) => expect(Math.abs(w - (weights[j] as number))).toBeLessThan(1e-6));
      await expect(d.locator('[data-follow="weight-sum"]').textContent()).resolves.toBe('1.000');
      await page.keyboard.press('ArrowRight');
      const output = await d
        .locator('[data-follow="output"]')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
      expect(output).toHaveLength(8);
      output.forEach((x, c) =>
        expect(Math.abs(x - (trace.heads[0]!.output[15]![c] as number))).toBeLessThan(1e-5),
      );

      await page.keyboard.press('Escape');
      await d.waitFor({ state: 'detached' });
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
        'Follow one token',
      );
      expect(errorsOf(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('fits a phone at 390×844, every frame inside the screen', async () => {
    const page = await openApp(suite.browser, `${suite.url}${link(LONG)}`, {
      width: 390,
      height: 844,
    });
    try {
      await page.getByRole('button', { name: 'Follow one token' }).click();
      await dialog(page).waitFor();
      await stepThrough(page, 'phone', ['ArrowRight'], (f) => {
        expect(f.inside, `frame ${f.kind} inside the viewport`).toBe(true);
        expect(f.dialogScrolls, `dialog scrolls at ${f.kind}`).toBe(false);
      });
      expect(errorsOf(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('reads from the back row in presentation at 1920×1080, and the clicker moves the frames', async () => {
    const page = await openApp(suite.browser, `${suite.url}${link(TWELVE)}`, {
      width: 1920,
      height: 1080,
    });
    try {
      await page.keyboard.press('p');
      await page.locator('html[data-presenting]').waitFor({ state: 'attached' });
      await page.getByRole('button', { name: 'Follow one token' }).click();
      const d = dialog(page);
      await d.waitFor();
      const sizes = { words: Infinity, numbers: Infinity };
      const [, total] = await indicator(d);
      for (let frame = 1; frame <= total; frame++) {
        const f = await fit(page);
        expect(f.inside && !f.dialogScrolls && !f.visualScrolls, `frame ${f.kind} fits`).toBe(true);
        const measured = await page.evaluate(() => {
          const px = (selector: string) =>
            Array.from(document.querySelectorAll(`dialog.follow ${selector}`), (e) =>
              parseFloat(getComputedStyle(e).fontSize),
            );
          return { words: px('.follow__text p'), numbers: px('.follow-num') };
        });
        sizes.words = Math.min(sizes.words, ...measured.words);
        sizes.numbers = Math.min(sizes.numbers, ...measured.numbers);
        if (frame === 1 || frame >= total - 3) await shot(page, `present-${frame}`);
        if (frame < total) await page.keyboard.press('PageDown');
      }
      expect(sizes.words).toBeGreaterThanOrEqual(28);
      expect(sizes.numbers).toBeGreaterThanOrEqual(20);
      // PageDown moved the frames, never the presentation's steps; Escape closes only the story.
      expect(await page.locator('.app').getAttribute('data-present-step')).toBe('score');
      await page.keyboard.press('Escape');
      await d.waitFor({ state: 'detached' });
      await expect(page.locator('html[data-presenting]').count()).resolves.toBe(1);
      expect(errorsOf(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('shows a wide head (d_k = 50) and the causal mask within 1280×720', async () => {
    const url = `${suite.url}#w=100&h=2&head=1&causal=1&step=score&follow=7-10&t=${encodeURIComponent(
      'The cat sat on the mat because it was tired.',
    )}`;
    const page = await openApp(suite.browser, url, { width: 1280, height: 720 });
    try {
      const d = dialog(page);
      await d.waitFor();
      // "it" sees the 8 tokens up to itself: 8 meetings and 4 more frames; the 11th is the sum.
      expect(await indicator(d)).toEqual([11, 12]);
      await expect(d.locator('.follow__head').textContent()).resolves.toBe('Head 2 of 2');
      expect(await fit(page)).toEqual({
        inside: true,
        dialogScrolls: false,
        visualScrolls: false,
        kind: 'mix',
      });
      await expect(d.locator('[data-follow="output"]').count()).resolves.toBe(7);
      await shot(page, 'wide-head-sum');
      await page.keyboard.press('Home');
      expect(await fit(page)).toMatchObject({ inside: true, visualScrolls: false, kind: 'meet' });
      await expect(d.locator('.follow-keys').getByText('masked').count()).resolves.toBe(3);
      expect(errorsOf(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('opens the frame a lesson link names, and the address follows the frames', async () => {
    const page = await openApp(suite.browser, `${suite.url}${link(TWELVE, '&follow=7-3')}`, {
      width: 1280,
      height: 720,
    });
    try {
      const d = dialog(page);
      await d.waitFor();
      expect(await indicator(d)).toEqual([4, 16]);
      await expect(d.getByRole('heading', { level: 3 }).textContent()).resolves.toBe(
        'The query of “it” meets the key of “on”',
      );
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => window.location.hash.includes('follow=7-4'));
      // Every kind of frame passes axe's WCAG 2.1 AA rules.
      for (let frame = 5; frame <= 16; frame++) {
        if (frame === 5 || frame >= 13) {
          const result = await new AxeBuilder({ page })
            .include('dialog.follow')
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
            .analyze();
          expect(
            result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
            `frame ${frame}`,
          ).toEqual([]);
        }
        await page.keyboard.press('ArrowRight');
      }
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !window.location.hash.includes('follow='));
      expect(errorsOf(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });
});
