/**
 * A page that cannot run the app is never blank (issue 14): with JavaScript off it says
 * JavaScript is needed; when the app cannot start (a sandboxed frame, a script that
 * cannot be downloaded) it says what the app needs, after a few seconds, in English and
 * Spanish. A normal start never shows either message.
 */
import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { closePage, openApp, OUTPUT_DIR } from './harness';
import { useBrowserSuite } from './suite';

const suite = useBrowserSuite(4733);

/** The text a reader sees in `frame`'s body (what is hidden is not counted). */
async function shownText(frame: Frame): Promise<string> {
  return frame.locator('body').innerText();
}

describe('a page where the app cannot run', () => {
  it('with JavaScript off: says that JavaScript is needed, in English and Spanish', async () => {
    const context = await suite.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    try {
      await page.goto(suite.url);
      const text = await shownText(page.mainFrame());
      expect(text).toContain('Attention Graph needs JavaScript');
      expect(text).toContain('Attention Graph necesita JavaScript');
      // The "has not started" message is for pages where scripts run but the app does not.
      await page.waitForTimeout(6500);
      expect(await shownText(page.mainFrame())).not.toContain('has not started');
      await page.screenshot({ path: `${OUTPUT_DIR}/no-javascript-390.png` });
    } finally {
      await context.close();
    }
  });

  it('in a sandboxed frame, or when its script cannot be downloaded: says what it needs', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
    // A page that frames the app in a sandbox without allow-same-origin.
    await context.route(`${suite.url}host.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Host</title><iframe sandbox="allow-scripts" src="${suite.url}" style="width:100%;height:90vh"></iframe>`,
      }),
    );
    const page = await context.newPage();
    try {
      await page.goto(`${suite.url}host.html`);
      const frame = page.locator('iframe').contentFrame().locator('body');
      await expect
        .poll(() => frame.innerText(), { timeout: 20_000 })
        .toContain('Attention Graph has not started');
      expect(await frame.innerText()).toContain('Attention Graph no ha arrancado');
      await page.screenshot({ path: `${OUTPUT_DIR}/cannot-start-frame-1366.png` });
    } finally {
      await context.close();
    }

    const offline = await suite.browser.newContext({
      viewport: { width: 1366, height: 768 },
      serviceWorkers: 'block',
    });
    await offline.route('**/assets/index-*.js', (route) => route.abort('internetdisconnected'));
    const page2 = await offline.newPage();
    try {
      await page2.goto(suite.url);
      expect(await shownText(page2.mainFrame())).not.toContain('has not started');
      await expect
        .poll(() => shownText(page2.mainFrame()), { timeout: 20_000 })
        .toContain('Attention Graph has not started');
    } finally {
      await offline.close();
    }
  });

  it('a normal start never shows them', async () => {
    const page = await openApp(suite.browser, suite.url);
    try {
      await page.waitForTimeout(6500);
      const text = await shownText(page.mainFrame());
      expect(text).not.toContain('has not started');
      expect(text).not.toContain('needs JavaScript');
    } finally {
      await closePage(page);
    }
  });
});
