/**
 * A browser that gives the site too little storage for the offline copy (issue 14): the
 * service worker's install fails inside the worker, and the page says that the app could
 * not be saved for offline use (with the browser's figures) instead of nothing.
 */
import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR, waitForTokens } from './harness';
import { useBrowserSuite } from './suite';

const suite = useBrowserSuite(4737);

describe('a small storage quota', () => {
  it('says the app could not be saved for offline use, and keeps working', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    try {
      const cdp = await context.newCDPSession(page);
      // 1 MB for the origin: the precache (the build and the 6.4 MB table) cannot fit.
      await cdp.send('Storage.overrideQuotaForOrigin', {
        origin: new URL(suite.url).origin,
        quotaSize: 1_000_000,
      });
      await page.goto(suite.url);
      await waitForTokens(page, ['I', 'love', 'tennis', '.']);
      const notice = page.getByRole('status', { name: 'Offline use' });
      await expect
        .poll(() => notice.textContent(), { timeout: 60_000 })
        .toContain('Attention Graph could not be saved for offline use');
      // (Chromium's estimate() does not report the overridden quota, so no figures are given.)
      expect(await notice.textContent()).toContain('It keeps working while you are online');
      await page.screenshot({ path: `${OUTPUT_DIR}/offline-quota-1366.png` });
      // Everything else works.
      await page.getByRole('textbox', { name: 'Sentence' }).fill('Still computing online.');
      await waitForTokens(page, ['Still', 'computing', 'online', '.']);
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      expect(await page.locator('.update-prompt__box--offline').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
