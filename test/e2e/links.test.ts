/**
 * Lesson links in a real browser: every setting made in the UI comes back from the link in
 * a new page; a broken link gives a notice and a working app, never a blank page; markup in
 * a link's sentence stays text; a link pasted into the same tab is applied; the address bar
 * follows without adding history entries; "Copy link" and the QR code work on the built app.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  closePage,
  currentStep,
  errorsOf,
  goToStep,
  openApp,
  setSettings,
  tokenTexts,
  typeSentence,
  waitForTokens,
} from './harness';
import { useBrowserSuite } from './suite';

const PORT = 4470;

const suite = useBrowserSuite(PORT);

/** The page's fragment without the `#`. */
const hashOf = (page: Page) => page.evaluate(() => window.location.hash.slice(1));

/** The link notice, a status region named "Link notice". */
const notice = (page: Page) =>
  // Hidden while empty, so hidden elements must be included.
  page.getByRole('status', { name: 'Link notice', includeHidden: true });

/** Every control a lesson link restores, read as the user sees it. */
async function controls(page: Page) {
  const value = (role: 'combobox' | 'slider' | 'spinbutton' | 'textbox', name: string) =>
    page.getByRole(role, { name, exact: true }).inputValue();
  const checked = (role: 'checkbox' | 'radio', name: string) =>
    page.getByRole(role, { name, exact: true }).isChecked();
  return {
    sentence: await value('textbox', 'Sentence'),
    width: await value('combobox', 'Model width'),
    heads: await value('combobox', 'Heads'),
    seed: await value('textbox', 'Seed'),
    weights: await value('combobox', 'Weights'),
    temperature: await value('slider', 'Temperature'),
    causal: await checked('checkbox', 'Causal mask'),
    scale: await checked('checkbox', 'Scale by √d_k'),
    positions: await checked('checkbox', 'Positions'),
    head: await value('combobox', 'Head'),
    allHeads: await checked('checkbox', 'All heads'),
    step: await currentStep(page),
    layout: await value('combobox', 'Layout'),
    threshold: await value('slider', 'Weight threshold'),
    topK: await value('spinbutton', 'Strongest per token'),
    incoming: await checked('radio', 'incoming'),
    everyEdge: await checked('checkbox', 'Show every edge'),
    focused: await page
      .getByRole('list', { name: 'Tokens' })
      .locator('button[aria-pressed="true"]')
      .allTextContents(),
    selected: ((await page.locator('.work-pair').textContent()) ?? '').trim(),
  };
}

describe('lesson links', () => {
  it('restore every setting, the step, head, selection and graph in a new page', async () => {
    const page = await openApp(suite.browser, suite.url);
    const sentence = 'The cat sat on the mat.';
    await typeSentence(page, sentence);
    await waitForTokens(page, ['The', 'cat', 'sat', 'on', 'the', 'mat', '.']);
    await setSettings(page, {
      width: 16,
      heads: 4,
      seed: 123,
      causal: true,
      scale: false,
      weights: 'random',
      positions: false,
    });
    await page.getByRole('slider', { name: 'Temperature', exact: true }).fill('0.5');
    await page.getByRole('combobox', { name: 'Head', exact: true }).selectOption('2');
    await goToStep(page, 'Softmax');
    // Every edge: "cat → The" need not be one of cat's covering edges at these settings.
    await page.getByRole('checkbox', { name: 'Show every edge', exact: true }).check();
    // Select the edge "cat → The": its arithmetic opens in the work panel.
    const edge = page
      .getByRole('img', { name: 'Attention graph' })
      .locator('[data-source="1"][data-target="0"]')
      .first();
    await edge.dispatchEvent('click');
    await page.locator('.work-pair').waitFor();
    await page.getByRole('combobox', { name: 'Layout', exact: true }).selectOption('circle');
    await page.getByRole('slider', { name: 'Weight threshold', exact: true }).fill('0.2');
    await page.getByRole('spinbutton', { name: 'Strongest per token', exact: true }).fill('2');
    await page.getByRole('radio', { name: 'incoming', exact: true }).check();
    await page.getByRole('list', { name: 'Tokens' }).getByRole('button', { name: 'cat' }).click();
    await page.getByRole('checkbox', { name: 'All heads', exact: true }).check();

    const expected =
      'w=16&h=4&seed=123&causal=1&scale=0&temp=0.5&weights=random&pos=0&step=softmax&head=2' +
      '&all=1&sel=1-0&layout=circle&thr=0.2&topk=2&focus=1&dir=in&every=1&t=The+cat+sat+on+the+mat.';
    await expect.poll(() => hashOf(page), { timeout: 5000 }).toBe(expected);
    const before = await controls(page);
    expect(before).toMatchObject({
      sentence,
      width: '16',
      heads: '4',
      seed: '123',
      weights: 'random',
      temperature: '0.5',
      causal: true,
      scale: false,
      positions: false,
      head: '2',
      allHeads: true,
      layout: 'circle',
      threshold: '0.2',
      topK: '2',
      incoming: true,
      everyEdge: true,
      focused: ['cat'],
    });
    expect(before.step).toContain('Softmax');
    expect(before.selected).toContain('cat');

    const copy = await openApp(suite.browser, `${suite.url}#${expected}`);
    await waitForTokens(copy, ['The', 'cat', 'sat', 'on', 'the', 'mat', '.']);
    await copy.locator('.work-pair').waitFor();
    expect(await controls(copy)).toEqual(before);
    await expect(notice(copy).textContent()).resolves.toBe('');
    // Opening the link does not rewrite it: it already says what is shown.
    await copy.waitForTimeout(600);
    expect(await hashOf(copy)).toBe(expected);
    expect(errorsOf(page)).toEqual([]);
    expect(errorsOf(copy)).toEqual([]);
    await closePage(page);
    await closePage(copy);
  });

  it('a malformed link gives a notice and a working app, not a blank page', async () => {
    const page = await openApp(
      suite.browser,
      `${suite.url}#seed=-1&w=7&h=3&temp=NaN&step=output&zzz=1&sel=9-9&seed=1e20&t=Caf%C3%A9+%E0%A4%A`,
    );
    // The damaged bytes show as U+FFFD; what follows them is kept.
    expect(await page.getByRole('textbox', { name: 'Sentence' }).inputValue()).toBe(
      'Café \uFFFD%A',
    );
    expect((await tokenTexts(page))[0]).toBe('Café');
    const text = (await notice(page).textContent()) ?? '';
    expect(text).toContain('Some of this link could not be read, so defaults are used for:');
    for (const part of ['seed=1e20', 'w=7', 'h=3', 'temp=NaN', 'step=output', 'zzz=1', 'sel=9-9']) {
      expect(text).toContain(`Ignored ${part}`);
    }
    expect(
      await page.getByRole('combobox', { name: 'Model width', exact: true }).inputValue(),
    ).toBe('8');
    await expect.poll(() => hashOf(page)).toBe('t=Caf%C3%A9+%EF%BF%BD%25A');
    // The app still works.
    await typeSentence(page, 'It still works.');
    await waitForTokens(page, ['It', 'still', 'works', '.']);
    await goToStep(page, 'Softmax');
    await notice(page).getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice(page).textContent()).toBe('');

    // Garbage of every kind: still the app.
    const garbage = await openApp(
      suite.browser,
      `${suite.url}#%%%&&==&t&%ZZ=%E0&w=&&=x&__proto__=1&t=%ZZ+ok%`,
    );
    expect(await garbage.getByRole('textbox', { name: 'Sentence' }).inputValue()).toBe('%ZZ ok%');
    expect(await tokenTexts(garbage)).toContain('ok');
    expect(await notice(garbage).textContent()).toContain('Ignored');
    expect(errorsOf(page)).toEqual([]);
    expect(errorsOf(garbage)).toEqual([]);
    await closePage(page);
    await closePage(garbage);
  });

  it('shows markup in a link’s sentence as plain text, and runs none of it', async () => {
    const sentence = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
    const hash = new URLSearchParams({ t: sentence }).toString();
    const page = await openApp(suite.browser, `${suite.url}#${hash}`);
    expect(await page.getByRole('textbox', { name: 'Sentence' }).inputValue()).toBe(sentence);
    const tokens = await tokenTexts(page);
    expect(tokens).toContain('script');
    expect(tokens).toContain('<');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('body script').count()).toBe(0);
    expect(errorsOf(page)).toEqual([]);
    await closePage(page);
  });

  it('follows a link pasted into the same tab, and adds no history entry while editing', async () => {
    const page = await openApp(suite.browser, suite.url);
    const entries = await page.evaluate(() => history.length);
    for (const text of ['One.', 'One two.', 'One two three.']) await typeSentence(page, text);
    await page.getByRole('checkbox', { name: 'Causal mask', exact: true }).check();
    await expect.poll(() => hashOf(page)).toBe('causal=1&t=One+two+three.');
    expect(await page.evaluate(() => history.length)).toBe(entries);

    await page.evaluate(() => {
      window.location.hash = '#w=4&t=Pasted+here';
    });
    await waitForTokens(page, ['Pasted', 'here']);
    expect(
      await page.getByRole('combobox', { name: 'Model width', exact: true }).inputValue(),
    ).toBe('4');
    // The pasted link's whole view: the causal mask set before is not carried over.
    expect(await page.getByRole('checkbox', { name: 'Causal mask', exact: true }).isChecked()).toBe(
      false,
    );
    expect(errorsOf(page)).toEqual([]);
    await closePage(page);
  });

  it('copies the link, and draws it as a QR code with the link under it', async () => {
    const page = await openApp(suite.browser, `${suite.url}#h=2&step=softmax&t=Copy+me.`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${suite.url}#h=2&step=softmax&t=Copy+me.`);

    await page.getByRole('button', { name: 'QR code' }).click();
    const code = page.getByRole('img', { name: 'QR code of the link to this view' });
    await code.waitFor();
    expect(await code.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
    const size = await code.boundingBox();
    // Large enough to scan from the back of a classroom once projected.
    expect(size?.width ?? 0).toBeGreaterThanOrEqual(300);
    expect((await code.locator('path').getAttribute('d'))?.length ?? 0).toBeGreaterThan(100);
    expect(await page.getByText(copied, { exact: true }).isVisible()).toBe(true);

    // A sentence too long for any QR code: a message, not a failure.
    await typeSentence(page, 'ü'.repeat(1600));
    await page.getByText(/This link is too long for a QR code/).waitFor();
    expect(await code.count()).toBe(0);
    expect(errorsOf(page)).toEqual([]);
    await closePage(page);
  });
});
