/**
 * Nothing the user typed is lost (issue 14): an example or a link that replaces their
 * text can be undone, from the text box (Ctrl+Z) or with one click; a key on the closed
 * Examples menu replaces nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closePage, openApp, OUTPUT_DIR, typeSentence } from './harness';
import { useBrowserSuite } from './suite';

const suite = useBrowserSuite(4731);

const OWN = 'My own sentence about what attention does.';
const CAT = 'The cat sat on the mat because it was tired.';

const box = (page: Page) => page.getByRole('textbox', { name: 'Sentence' });
const offer = (page: Page) => page.getByRole('status', { name: 'Your earlier text' });

describe('replacing what the user typed', () => {
  it('a key on the closed Examples menu changes nothing; a chosen example is undone by Ctrl+Z in the box or by Undo', async () => {
    const page = await openApp(suite.browser, suite.url);
    try {
      await typeSentence(page, OWN, 'keyboard');
      // Shift+Tab from the sentence box reaches the Examples menu.
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('.example-menu'))).toBe(
        true,
      );
      for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp', 't', 'End', 'PageDown']) {
        await page.keyboard.press(key);
      }
      expect(await box(page).inputValue()).toBe(OWN);

      // Open it with the keyboard and choose the second example.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => box(page).inputValue()).toBe(CAT);
      await expect.poll(() => offer(page).textContent()).toContain('An example replaced your text');
      await page
        .locator('.sentence-input')
        .screenshot({ path: `${OUTPUT_DIR}/undo-example-1366.png` });
      // The text box's own undo brings the user's text back, even after more typing.
      await box(page).focus();
      await page.keyboard.press('End');
      await page.keyboard.type(' Yes');
      // (Chromium may keep one undo step per typed character.)
      const seen: string[] = [];
      for (let i = 0; i < 8 && seen[seen.length - 1] !== OWN; i++) {
        await page.keyboard.press('Control+Z');
        seen.push(await box(page).inputValue());
      }
      expect(seen).toContain(CAT);
      expect(seen[seen.length - 1]).toBe(OWN);

      // With the mouse, and the Undo button.
      await page.locator('summary', { hasText: 'Examples' }).click();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${OUTPUT_DIR}/examples-menu-1366.png` });
      await page.getByRole('button', { name: CAT }).click();
      await expect.poll(() => box(page).inputValue()).toBe(CAT);
      await offer(page).getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => box(page).inputValue()).toBe(OWN);
      expect(await offer(page).textContent()).toBe('');
    } finally {
      await closePage(page);
    }
  });

  it('a link opened in the same tab can be undone, by Undo or by Ctrl+Z in the box', async () => {
    const page = await openApp(suite.browser, suite.url, { width: 390, height: 844 });
    try {
      await typeSentence(page, OWN);
      await page.evaluate(() => (window.location.hash = 'w=4&t=Another+sentence+entirely.'));
      await expect.poll(() => box(page).inputValue()).toBe('Another sentence entirely.');
      await expect.poll(() => offer(page).textContent()).toContain('A link replaced your text');
      await offer(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUTPUT_DIR}/undo-link-390.png` });
      await box(page).focus();
      await page.keyboard.press('Control+Z');
      await expect.poll(() => box(page).inputValue()).toBe(OWN);
      // The link's text is one click away in turn.
      await expect.poll(() => offer(page).textContent()).toContain('is one click away');
      await offer(page).getByRole('button', { name: 'Redo' }).click();
      await expect.poll(() => box(page).inputValue()).toBe('Another sentence entirely.');
    } finally {
      await closePage(page);
    }
  });

  it('a text too long for a link: the link stays small and openable, and a reload brings the whole text back', async () => {
    const page = await openApp(suite.browser, suite.url);
    try {
      // 34 tokens of 64,000 characters of base64: 2.2 MB, a link of 2.2 MB before.
      const text = Array.from(
        { length: 34 },
        (_, i) => `${'QUJD'.repeat(15_999)}Q${String(i).padStart(3, '0')}`,
      ).join(' ');
      await box(page).fill(text);
      const note = page.locator('[data-link-cut]');
      await expect
        .poll(() => note.textContent(), { timeout: 30_000 })
        .toContain('This text is too long for a link: the link carries its first 1 of 34 tokens.');
      await expect
        .poll(() => page.evaluate(() => window.location.hash.length))
        .toBeGreaterThan(60_000);
      const link = await page.evaluate(() => window.location.href);
      expect(link.length).toBeLessThan(70_000);
      await note.screenshot({ path: `${OUTPUT_DIR}/link-cut-note-1366.png` });

      // A reload (what the update prompt's Reload does) brings back the whole text.
      await page.reload();
      await page.waitForFunction(
        () => document.querySelector('.vector-status')?.getAttribute('data-status') === 'ready',
      );
      await expect
        .poll(
          () =>
            box(page)
              .inputValue()
              .then((v) => v.length),
          { timeout: 30_000 },
        )
        .toBe(text.length);
      expect(await box(page).inputValue()).toBe(text);

      // The link opens elsewhere too, with what it carries.
      const other = await openApp(suite.browser, link);
      try {
        expect(await box(other).inputValue()).toBe(text.slice(0, text.indexOf(' ')));
      } finally {
        await closePage(other);
      }
    } finally {
      await closePage(page);
    }
  });
});
