/**
 * "Predict, then reveal" in a real browser: with "Predict first" on, the Softmax and
 * Weighted sum steps hide every number that would give the answer away (nothing readable,
 * nothing focusable) until the student answers; a wrong and a right answer are judged
 * against `npm run trace` (the independent command-line trace), and the reveal opens "Show
 * the work" on the asked row. The whole flow also works from the keyboard alone, at a
 * laptop's and a phone's size, with no console error. Screenshots of the question and the
 * reveal go to test-results/e2e/quiz-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  closePage,
  DEFAULTS,
  errorsOf,
  goToStep,
  openApp,
  OUTPUT_DIR,
  runTrace,
  typeSentence,
  waitForTokens,
  type TraceJson,
} from './harness';
import { useBrowserSuite } from './suite';

const PORT = 4512;
const TEXT = 'The cat sat on the mat.';
const TIMEOUT = 120_000;

const suite = useBrowserSuite(PORT);
let trace: TraceJson;

beforeAll(() => {
  trace = runTrace(TEXT, DEFAULTS);
  mkdirSync(OUTPUT_DIR, { recursive: true });
});

const head = () => trace.heads[0] as TraceJson['heads'][number];
const tokens = () => trace.tokens.map((t) => t.text);

/** Every token that has the largest weight of row i (the mask is off: all are visible). */
function mostAttended(i: number): number[] {
  const row = head().weights[i] as number[];
  const max = Math.max(...row);
  return row.flatMap((w, j) => (w === max ? [j] : []));
}

/** The token whose weighted value vector w_ij · v_j is longest in row i (no mask: all visible). */
function largestContribution(i: number): number {
  const lengths = (head().weights[i] as number[]).map(
    (w, j) => w * Math.hypot(...(head().v[j] as number[])),
  );
  return lengths.indexOf(Math.max(...lengths));
}

/** The question card. */
const card = (page: Page) => page.getByRole('region', { name: 'Predict, then reveal' });

/** The answer's radio buttons, one per token (their group is named by the question). */
const choices = (page: Page) => card(page).getByRole('group', { name: /\?$/ }).getByRole('radio');

/** Opens the app at `size` with the sentence typed in and "Predict first" still off. */
async function open(size: { width: number; height: number }): Promise<Page> {
  const page = await openApp(suite.browser, suite.url, size);
  await typeSentence(page, TEXT);
  await waitForTokens(page, tokens());
  return page;
}

/** Checks that nothing of the covered panels can be read, found or focused. */
async function expectCovered(page: Page): Promise<void> {
  const content = page.locator('[data-quiz-covered] .quiz-cover__content');
  await content.waitFor({ state: 'attached' });
  expect(await content.getAttribute('inert')).not.toBeNull();
  // Invisible: no text to read, no heatmap, graph or weights table in the accessibility tree.
  expect(await content.innerText()).toBe('');
  expect(await page.getByRole('img', { name: 'Attention heatmap' }).count()).toBe(0);
  expect(await page.getByRole('img', { name: 'Attention graph' }).count()).toBe(0);
  expect(await page.getByRole('table', { name: 'Attention weights', exact: true }).count()).toBe(0);
  expect(await page.getByRole('region', { name: 'Show the work' }).count()).toBe(0);
  // The example line of the explanation would tell a weight too.
  expect(await page.getByText('In your sentence').filter({ visible: true }).count()).toBe(0);
}

/** True when keyboard focus is inside `locator`. */
const focusIn = (locator: Locator) => locator.evaluate((el) => el.contains(document.activeElement));

/** Checks the reveal has opened "Show the work" on row i, at `step`, with key j emphasised. */
async function expectWorkOn(page: Page, step: 'softmax' | 'weighted', i: number, j: number) {
  const work = page.getByRole('region', { name: 'Show the work' });
  await expect
    .poll(async () => (await work.getByRole('heading', { level: 3 }).textContent())?.trim())
    .toBe(`${tokens()[i]} → ${tokens()[j]}`);
  await work.locator(`[data-step="${step}"]`).waitFor();
  if (step === 'softmax') {
    // The weights column of the work is the trace's row i.
    const shown = await work
      .locator('[data-work="weight"]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    const row = head().weights[i] as number[];
    expect(shown).toHaveLength(row.length);
    shown.forEach((w, t) => expect(Math.abs(w - (row[t] as number))).toBeLessThan(1e-6));
  }
}

describe('Predict, then reveal', () => {
  it(
    'hides the weights at Softmax, judges a wrong then a right answer, and shows the work',
    async () => {
      const page = await open({ width: 1366, height: 768 });
      await page.getByRole('checkbox', { name: 'Predict first' }).check();
      await goToStep(page, 'Softmax');
      await card(page).waitFor();
      await expectCovered(page);
      // "The" is the first word, so it is asked about first.
      await card(page)
        .getByRole('group', { name: 'Which token will “The” attend to most?' })
        .waitFor();
      await card(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(OUTPUT_DIR, 'quiz-question-1366.png') });

      // Tab from the card's last button goes past the covered panels, never into them.
      await card(page).getByRole('button', { name: 'Show without predicting' }).focus();
      const cover = page.locator('.quiz-cover__content');
      for (let n = 0; n < 12; n++) {
        await page.keyboard.press('Tab');
        expect(await focusIn(cover)).toBe(false);
      }

      const right = mostAttended(0);
      const wrong = tokens().findIndex((_, j) => !right.includes(j));
      await choices(page).nth(wrong).check();
      await card(page).getByRole('button', { name: 'Check' }).click();
      // A wrong first answer gets a second try; the weights stay covered.
      await card(page).getByRole('status').getByText('Not quite:').waitFor();
      await expectCovered(page);
      await choices(page)
        .nth(tokens().findIndex((_, j) => j !== wrong && !right.includes(j)))
        .check();
      await card(page).getByRole('button', { name: 'Check' }).click();
      await card(page).getByText('Not quite.').waitFor();
      await card(page).getByText('0 of 1 right').waitFor();
      await expectWorkOn(page, 'softmax', 0, right[0] as number);
      await page.getByRole('img', { name: 'Attention heatmap' }).waitFor();
      expect(await page.locator('[data-quiz-covered]').count()).toBe(0);

      await card(page).getByRole('button', { name: 'Ask another' }).click();
      await card(page)
        .getByRole('group', { name: 'Which token will “cat” attend to most?' })
        .waitFor();
      await expectCovered(page);
      await choices(page)
        .nth(mostAttended(1)[0] as number)
        .check();
      await card(page).getByRole('button', { name: 'Check' }).click();
      await card(page).getByText('Right!').waitFor();
      await card(page).getByText('1 of 2 right').waitFor();
      await expectWorkOn(page, 'softmax', 1, mostAttended(1)[0] as number);
      await card(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(OUTPUT_DIR, 'quiz-reveal-1366.png') });

      // Weighted sum asks its own question, covered again until answered.
      await goToStep(page, 'Weighted sum');
      await expectCovered(page);
      const best = largestContribution(0);
      await card(page)
        .getByRole('group', {
          name: 'Whose value vector adds the most to the new vector of “The”?',
        })
        .waitFor();
      for (const tryOf of [best === 0 ? 1 : 0, best === 2 ? 3 : 2]) {
        await choices(page).nth(tryOf).check();
        await card(page).getByRole('button', { name: 'Check' }).click();
      }
      await card(page).getByText('Not quite.').waitFor();
      await card(page).getByText('1 of 3 right').waitFor();
      // The reveal's table marks the longest weighted value vector; the work opens on it.
      const table = card(page).getByRole('table', { name: /weight × length/ });
      expect((await table.locator('.quiz__best th').textContent())?.trim()).toBe(tokens()[best]);
      await expectWorkOn(page, 'weighted', 0, best);

      await card(page).getByRole('button', { name: 'Ask another' }).click();
      await expectCovered(page);
      await choices(page).nth(largestContribution(1)).check();
      await card(page).getByRole('button', { name: 'Check' }).click();
      await card(page).getByText('Right!').waitFor();
      await card(page).getByText('2 of 4 right').waitFor();

      // One component of "cat"'s new vector: a bad entry, a wrong number, then (for "sat") a right one.
      await card(page).getByRole('button', { name: 'Ask another' }).click();
      await card(page).getByRole('radio', { name: 'One number' }).check();
      await card(page).getByLabel('Attending token').selectOption('cat');
      await card(page).getByLabel('Component of the output').selectOption('d3');
      let box = card(page).getByRole('textbox', {
        name: 'What is component d3 of the new vector of “cat”?',
      });
      await box.fill('0.1.2');
      await card(page).getByRole('button', { name: 'Check' }).click();
      await card(page).getByRole('alert').getByText('is not a number').waitFor();
      expect(await box.inputValue()).toBe('0.1.2');
      await expectCovered(page);
      for (const off of [1, 2]) {
        await box.fill(String(((head().output[1] as number[])[3] as number) + off));
        await card(page).getByRole('button', { name: 'Check' }).click();
      }
      await card(page).getByText('Not quite.').waitFor();
      await card(page).getByText('2 of 5 right').waitFor();
      await page
        .getByRole('region', { name: 'Show the work' })
        .locator('[data-step="weighted"]')
        .waitFor();

      await card(page).getByRole('button', { name: 'Ask another' }).click();
      box = card(page).getByRole('textbox', {
        name: 'What is component d3 of the new vector of “sat”?',
      });
      const value = (head().output[2] as number[])[3] as number;
      // A Spanish student types a decimal comma.
      await box.fill(value.toFixed(2).replace('.', ','));
      await card(page).getByRole('button', { name: 'Check' }).click();
      await card(page).getByText('Right!').waitFor();
      await card(page).getByText('3 of 6 right').waitFor();
      await expectWorkOn(page, 'weighted', 2, largestContribution(2));

      expect(errorsOf(page)).toEqual([]);
      await closePage(page);
    },
    TIMEOUT,
  );

  it(
    'works from the keyboard alone, on a phone, and comes back from a lesson link',
    async () => {
      const page = await open({ width: 390, height: 844 });
      const predict = page.getByRole('checkbox', { name: 'Predict first' });
      await predict.focus();
      await page.keyboard.press('Space');
      expect(await predict.isChecked()).toBe(true);
      // A checkbox leaves the arrow keys to the steps: Tokens → QKV → Score → Softmax.
      for (let n = 0; n < 3; n++) await page.keyboard.press('ArrowRight');
      await card(page).waitFor();
      await expectCovered(page);

      // Tab to the answers; the first radio takes focus, the arrows choose.
      const group = card(page).getByRole('group', { name: /\?$/ });
      for (let n = 0; n < 40 && !(await focusIn(group)); n++) await page.keyboard.press('Tab');
      expect(await focusIn(group)).toBe(true);
      const right = mostAttended(0)[0] as number;
      await page.keyboard.press('Space');
      for (let n = 0; n < right; n++) await page.keyboard.press('ArrowRight');
      expect(await choices(page).nth(right).isChecked()).toBe(true);
      await page.screenshot({ path: path.join(OUTPUT_DIR, 'quiz-question-390.png') });
      // The arrows chose a token; they did not change the step.
      await page
        .getByRole('navigation', { name: 'Steps' })
        .locator('[aria-current="step"]', { hasText: 'Softmax' })
        .waitFor();

      await page.keyboard.press('Tab');
      expect(
        await card(page)
          .getByRole('button', { name: 'Check' })
          .evaluate((b) => b === document.activeElement),
      ).toBe(true);
      await page.keyboard.press('Enter');
      await card(page).getByText('Right!').waitFor();
      // Focus moved to the verdict, so a screen reader reads it and Tab goes on to "Ask another".
      expect(
        await page.evaluate(() => document.activeElement?.getAttribute('data-quiz-focus')),
      ).toBe('reveal');
      await page.screenshot({ path: path.join(OUTPUT_DIR, 'quiz-reveal-390.png') });
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await card(page)
        .getByRole('group', { name: 'Which token will “cat” attend to most?' })
        .waitFor();
      expect(await focusIn(card(page).getByRole('group', { name: /\?$/ }))).toBe(true);

      // The link carries the switch: a student who opens it is asked first.
      await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('quiz=1');
      const hash = await page.evaluate(() => window.location.hash);
      const student = await openApp(suite.browser, `${suite.url}${hash}`, {
        width: 390,
        height: 844,
      });
      await card(student).waitFor();
      await expectCovered(student);

      expect(errorsOf(page)).toEqual([]);
      expect(errorsOf(student)).toEqual([]);
      await closePage(student);
      await closePage(page);
    },
    TIMEOUT,
  );
});
