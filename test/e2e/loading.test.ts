/**
 * Loading fast (issue 4): the page paints and takes typing before the 6 MB word-vector
 * table has arrived, shows the table's progress on a slow link, loads the heavy panels as
 * separate chunks, and a second visit takes the table from the browser's HTTP cache.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { useBrowserSuite } from './suite';

const PORT = 4480;

const suite = useBrowserSuite(PORT);

/** What the network layer saw for the vector table during one page load. */
interface TableRequest {
  url: string;
  status: number;
  cacheControl: string;
  fromCache: boolean;
  encodedBytes: number;
}

/** Opens the app in `context`, records the vector table's request, and waits for the table. */
async function visit(
  context: BrowserContext,
  throttle?: { mbps: number },
): Promise<{ page: Page; cdp: CDPSession; table: () => TableRequest | null }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let table: TableRequest | null = null;
  let tableId: string | null = null;
  cdp.on('Network.responseReceived', (e) => {
    if (!e.response.url.includes('/vectors/')) return;
    tableId = e.requestId;
    table = {
      url: e.response.url,
      status: e.response.status,
      cacheControl: String(
        e.response.headers['Cache-Control'] ?? e.response.headers['cache-control'] ?? '',
      ),
      fromCache: Boolean(e.response.fromDiskCache || e.response.fromPrefetchCache),
      encodedBytes: 0,
    };
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    if (table && e.requestId === tableId) table.fromCache = true;
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (table && e.requestId === tableId) table.encodedBytes = e.encodedDataLength;
  });
  await cdp.send('Network.enable');
  if (throttle) {
    const bytesPerSecond = (throttle.mbps * 1e6) / 8;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
  }
  await page.goto(suite.url);
  return { page, cdp, table: () => table };
}

async function waitForVectors(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('.vector-status')?.getAttribute('data-status') === 'ready',
    undefined,
    { timeout: 60_000 },
  );
}

describe('loading', () => {
  it('paints the sentence box and shows the table’s progress before the table has arrived', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      // 6.4 MB at 16 Mbit/s: about three seconds of download.
      const { page } = await visit(context, { mbps: 16 });
      const box = page.getByRole('textbox', { name: 'Sentence' });
      await box.waitFor();
      const bar = page.getByRole('progressbar');
      await page.waitForFunction(
        () => {
          const el = document.querySelector<HTMLProgressElement>('.vector-status progress');
          return !!el && el.hasAttribute('value') && el.value > 0.05 && el.value < 0.95;
        },
        undefined,
        { timeout: 30_000, polling: 50 },
      );
      expect(await page.locator('.vector-status').getAttribute('data-status')).toBe('loading');
      expect(await page.locator('.vector-status').textContent()).toMatch(/\d+\s*%/);
      await expect.poll(() => bar.count()).toBe(1);
      // The box takes typing while the table is still on its way.
      await box.fill('Typing while the vectors load.');
      expect(await box.inputValue()).toBe('Typing while the vectors load.');
      await waitForVectors(page);
      await page.getByRole('list', { name: 'Tokens' }).getByRole('listitem').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('loads the heavy panels as separate chunks, after the first bundle', async () => {
    const context = await suite.browser.newContext();
    try {
      const page = await context.newPage();
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
      });
      await page.goto(suite.url);
      await waitForVectors(page);
      await page.waitForFunction(() => !document.querySelector('[data-lazy-pending]'));
      await page.getByRole('img', { name: 'Attention graph' }).waitFor();
      expect(scripts.some((s) => /\/assets\/AttentionViews-[\w-]+\.js$/.test(s))).toBe(true);
      expect(scripts.length).toBeGreaterThan(1);
    } finally {
      await context.close();
    }
  });

  it('asks for a versioned table that the browser keeps, and takes it from the cache next time', async () => {
    const context = await suite.browser.newContext();
    try {
      const first = await visit(context);
      await waitForVectors(first.page);
      const fresh = first.table();
      expect(fresh).not.toBeNull();
      expect(fresh?.url).toMatch(/\/vectors\/glove-30k-100d\.bin\?v=[0-9a-f]{12}$/);
      expect(fresh?.status).toBe(200);
      expect(fresh?.cacheControl).toMatch(/immutable/);
      expect(fresh?.encodedBytes).toBeGreaterThan(6_000_000);
      await first.page.close();

      const second = await visit(context);
      await waitForVectors(second.page);
      await expect.poll(() => second.table()?.fromCache ?? false).toBe(true);
      expect(second.table()?.encodedBytes ?? Infinity).toBeLessThan(1000);
    } finally {
      await context.close();
    }
  });
});
