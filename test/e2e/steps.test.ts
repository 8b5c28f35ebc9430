/**
 * The walkthrough from the keyboard, as a teacher with a clicker drives it: ArrowRight and
 * ArrowLeft move aria-current="step" through Score, Softmax and Weighted sum when focus is
 * on the page, never while the user is typing in the Sentence box; the buttons work too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  closePage,
  currentStep,
  errorsOf,
  focusPage,
  openApp,
  stepNav,
  typeSentence,
} from './harness';
import { useBrowserSuite } from './suite';

const PORT = 4402;

const suite = useBrowserSuite(PORT);

let page: Page;

beforeAll(async () => {
  page = await openApp(suite.browser, suite.url, { width: 1366, height: 768 });
});

afterAll(async () => {
  if (page) await closePage(page);
});

/** The titles of every step in the nav, in order. */
async function stepTitles(): Promise<string[]> {
  return stepNav(page)
    .getByRole('list')
    .getByRole('button')
    .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
}

/** Presses `key` and returns the current step's title afterwards. */
async function press(key: string): Promise<string> {
  await page.keyboard.press(key);
  return currentStep(page);
}

/** Index of the first title containing `word`. */
const indexOf = (titles: readonly string[], word: string) =>
  titles.findIndex((t) => t.includes(word));

describe('step navigation', () => {
  it('lists Score, Softmax and Weighted sum in that order, exactly one current', async () => {
    const titles = await stepTitles();
    const score = indexOf(titles, 'Score');
    const softmax = indexOf(titles, 'Softmax');
    const weighted = indexOf(titles, 'Weighted sum');
    expect(score).toBeGreaterThanOrEqual(0);
    expect(softmax).toBeGreaterThan(score);
    expect(weighted).toBeGreaterThan(softmax);
    await expect.poll(() => stepNav(page).locator('[aria-current="step"]').count()).toBe(1);
    expect(await currentStep(page)).toBe(titles[0]);
  });

  it('ArrowRight walks forward through every step and stops at the last', async () => {
    const titles = await stepTitles();
    await focusPage(page);
    const visited = [await currentStep(page)];
    for (let i = 1; i < titles.length; i++) visited.push(await press('ArrowRight'));
    expect(visited).toEqual(titles);
    // Past the end it stays put.
    expect(await press('ArrowRight')).toBe(titles[titles.length - 1]);
    // The order of the three numbered steps, as seen by the keyboard user.
    const seen = visited.join(' | ');
    expect(seen.indexOf('Score')).toBeLessThan(seen.indexOf('Softmax'));
    expect(seen.indexOf('Softmax')).toBeLessThan(seen.indexOf('Weighted sum'));
  });

  it('ArrowLeft walks back to the first step and stops there', async () => {
    const titles = await stepTitles();
    await focusPage(page);
    const visited = [await currentStep(page)];
    for (let i = 1; i < titles.length; i++) visited.push(await press('ArrowLeft'));
    expect(visited).toEqual([...titles].reverse());
    expect(await press('ArrowLeft')).toBe(titles[0]);
  });

  it('arrow keys after clicking a step button still move the steps', async () => {
    // A step button has focus after the click: buttons do not own the arrow keys.
    await stepNav(page).getByRole('button', { name: 'Softmax' }).click();
    expect(await currentStep(page)).toContain('Softmax');
    expect(await press('ArrowRight')).toContain('Weighted sum');
    expect(await press('ArrowLeft')).toContain('Softmax');
    expect(await press('ArrowLeft')).toContain('Score');
  });

  it('arrows typed in the Sentence box move the caret, not the step', async () => {
    await stepNav(page).getByRole('button', { name: 'Score' }).click();
    const before = await currentStep(page);
    const box = page.getByRole('textbox', { name: 'Sentence' });
    await typeSentence(page, 'The cat sat.', 'fill');
    await box.focus();
    for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowRight', 'ArrowLeft']) {
      await page.keyboard.press(key);
    }
    expect(await currentStep(page)).toBe(before);
    // The caret moved: 3 left, 1 right = two characters before the end.
    const caret = await box.evaluate((el) => (el as HTMLTextAreaElement).selectionStart);
    expect(caret).toBe('The cat sat.'.length - 2);
    await page.keyboard.type('X');
    expect(await box.inputValue()).toBe('The cat saXt.');
    expect(await currentStep(page)).toBe(before);
  });

  it('arrows in the Seed field do not move the step', async () => {
    const before = await currentStep(page);
    await page.getByRole('textbox', { name: 'Seed', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await currentStep(page)).toBe(before);
  });

  it('the Next step and Previous step buttons move one step each', async () => {
    const titles = await stepTitles();
    await stepNav(page)
      .getByRole('button', { name: titles[0] as string })
      .click();
    const next = stepNav(page).getByRole('button', { name: 'Next step' });
    const previous = stepNav(page).getByRole('button', { name: 'Previous step' });
    // At the start, Previous is aria-disabled (still focusable) and a click does nothing;
    // force: Playwright treats aria-disabled as disabled and would not click it otherwise.
    expect(await previous.getAttribute('aria-disabled')).toBe('true');
    await previous.click({ force: true });
    expect(await currentStep(page)).toBe(titles[0]);
    for (let i = 1; i < titles.length; i++) {
      await next.click();
      expect(await currentStep(page)).toBe(titles[i]);
    }
    expect(await next.getAttribute('aria-disabled')).toBe('true');
    await next.click({ force: true });
    expect(await currentStep(page)).toBe(titles[titles.length - 1]);
    await previous.click();
    expect(await currentStep(page)).toBe(titles[titles.length - 2]);
  });

  it('with 2 heads an extra output step follows Weighted sum', async () => {
    const oneHead = await stepTitles();
    await page.getByLabel('Heads', { exact: true }).selectOption('2');
    await expect.poll(async () => (await stepTitles()).length).toBe(oneHead.length + 1);
    const twoHeads = await stepTitles();
    expect(twoHeads.slice(0, oneHead.length)).toEqual(oneHead);
    const extra = twoHeads[twoHeads.length - 1] as string;
    expect(indexOf(twoHeads, 'Weighted sum')).toBe(twoHeads.length - 2);

    // The keyboard reaches it, and going back to 1 head leaves the walkthrough on a real step.
    await stepNav(page).getByRole('button', { name: 'Weighted sum' }).click();
    await focusPage(page);
    expect(await press('ArrowRight')).toBe(extra);
    expect(await press('ArrowRight')).toBe(extra);
    await page.getByLabel('Heads', { exact: true }).selectOption('1');
    await expect.poll(async () => (await stepTitles()).length).toBe(oneHead.length);
    expect(await currentStep(page)).toContain('Weighted sum');
  });

  it('logged no console errors', () => {
    expect(errorsOf(page)).toEqual([]);
  });
});
