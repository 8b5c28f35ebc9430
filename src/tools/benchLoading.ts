/**
 * The loading benchmark of `npm run bench:browser`: a first visit with a fresh cache (the
 * bytes that cross the network, the sum of CDP `Network.loadingFinished`
 * encodedDataLength over every request, and when the first paint, the sentence box, the
 * tokens, the word vectors and the panels arrive), a second visit in the same profile (what
 * the HTTP cache saves), and a first visit on a slow link (CDP
 * `Network.emulateNetworkConditions`): the page paints before the 6 MB vector table
 * arrives and shows its progress; a screenshot of the progress bar goes to
 * test-results/perf/.
 */
import path from 'node:path';
import type { Browser, BrowserContext, CDPSession } from 'playwright-core';
import { kB, markdownTable } from './benchShared';
import { ms, NAME_SHIM, OUT_DIR, task } from './benchHarness';

/** Times of a page load, in ms from navigation start (null when it never happened). */
interface LoadTimes {
  firstContentfulPaint: number | null;
  sentence: number | null;
  tokens: number | null;
  vectorsReady: number | null;
  panels: number | null;
}

/** Bytes of a page load as counted by the network layer. */
interface LoadBytes {
  total: number;
  requests: number;
  byKind: Record<string, number>;
  fromCache: number;
}

interface LoadResult {
  times: LoadTimes;
  bytes: LoadBytes;
  progress: number[];
  /** Longest long task (≥ 50 ms) before the panels were complete, 0 when none. */
  longestTask: number;
  longTasks: number;
}

/**
 * Installed before any script of the page: records, from mutations, when each part of the
 * page first appears. Runs in the browser, so it may only use what the page has.
 */
function installLoadProbe(): void {
  const marks: Record<string, number> = {};
  const progress: number[] = [];
  const longTasks: { start: number; duration: number }[] = [];
  (window as unknown as { __agLoad: unknown }).__agLoad = { marks, progress, longTasks };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const mark = (name: string, present: boolean) => {
    if (present && marks[name] === undefined) marks[name] = performance.now();
  };
  const check = () => {
    mark('sentence', !!document.querySelector('textarea'));
    mark('tokens', !!document.querySelector('ul[aria-label="Tokens"] > li'));
    mark('vectorsReady', !!document.querySelector('.vector-status[data-status="ready"]'));
    mark(
      'panels',
      !!document.querySelector('[aria-label="Attention heatmap"]') &&
        !!document.querySelector('svg[aria-label="Attention graph"] [data-token-index]') &&
        !document.querySelector('[data-lazy-pending]'),
    );
    const bar = document.querySelector<HTMLProgressElement>('.vector-status progress');
    if (bar && bar.hasAttribute('value')) {
      const v = Math.round(bar.value * 100) / 100;
      if (progress[progress.length - 1] !== v) progress.push(v);
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
  });
}

/** Counts the bytes every request of `page` brings over the network, from CDP events. */
async function countBytes(cdp: CDPSession): Promise<() => LoadBytes> {
  const kinds = new Map<string, string>();
  const cached = new Set<string>();
  const done = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => {
    const url = new URL(e.response.url);
    const kind = url.pathname.endsWith('.bin')
      ? 'vectors'
      : url.pathname.endsWith('.js')
        ? 'script'
        : url.pathname.endsWith('.css')
          ? 'stylesheet'
          : e.type === 'Document'
            ? 'document'
            : 'other';
    kinds.set(e.requestId, kind);
    if (e.response.fromDiskCache || e.response.fromPrefetchCache) cached.add(e.requestId);
  });
  cdp.on('Network.requestServedFromCache', (e) => cached.add(e.requestId));
  cdp.on('Network.loadingFinished', (e) => done.set(e.requestId, e.encodedDataLength));
  await cdp.send('Network.enable');
  return () => {
    const byKind: Record<string, number> = {};
    let total = 0;
    for (const [id, bytes] of done) {
      const kind = kinds.get(id) ?? 'other';
      byKind[kind] = (byKind[kind] ?? 0) + bytes;
      total += bytes;
    }
    return { total, requests: done.size, byKind, fromCache: cached.size };
  };
}

/** Loads the app in `context` and waits until everything has arrived and the network is quiet. */
async function loadOnce(
  context: BrowserContext,
  url: string,
  throttle: { downloadBps: number; latencyMs: number } | null,
  screenshot: string | null,
): Promise<LoadResult> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const bytes = await countBytes(cdp);
  if (throttle) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: throttle.latencyMs,
      downloadThroughput: throttle.downloadBps / 8,
      uploadThroughput: throttle.downloadBps / 8,
    });
  }
  await page.goto(url);
  if (screenshot) {
    // The moment the table is partly there: the progress bar must show it.
    await page.waitForFunction(
      () => {
        const bar = document.querySelector<HTMLProgressElement>('.vector-status progress');
        return !!bar && bar.hasAttribute('value') && bar.value > 0.25 && bar.value < 0.75;
      },
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    await page.screenshot({ path: screenshot });
  }
  await page.waitForFunction(
    () => {
      const marks = (window as unknown as { __agLoad?: { marks: Record<string, number> } }).__agLoad
        ?.marks;
      return !!marks && marks.panels !== undefined && marks.vectorsReady !== undefined;
    },
    undefined,
    { timeout: 180_000 },
  );
  // Let late requests (an icon, a worker) finish: quiet for a second.
  let last = -1;
  for (;;) {
    await page.waitForTimeout(1000);
    const now = bytes().requests;
    if (now === last) break;
    last = now;
  }
  const result = await page.evaluate(() => {
    const probe = (
      window as unknown as {
        __agLoad: {
          marks: Record<string, number>;
          progress: number[];
          longTasks: { start: number; duration: number }[];
        };
      }
    ).__agLoad;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const until = probe.marks.panels ?? Infinity;
    const during = probe.longTasks.filter((t) => t.start < until);
    return {
      marks: probe.marks,
      progress: probe.progress,
      fcp,
      longestTask: during.reduce((m, t) => Math.max(m, t.duration), 0),
      longTasks: during.length,
    };
  });
  await page.close();
  const at = (name: string) => result.marks[name] ?? null;
  return {
    times: {
      firstContentfulPaint: result.fcp,
      sentence: at('sentence'),
      tokens: at('tokens'),
      vectorsReady: at('vectorsReady'),
      panels: at('panels'),
    },
    bytes: bytes(),
    progress: result.progress,
    longestTask: result.longestTask,
    longTasks: result.longTasks,
  };
}

/** The three visits. */
export interface LoadReport {
  first: LoadResult;
  repeat: LoadResult;
  slow: LoadResult & { downloadMbps: number; latencyMs: number; screenshot: string };
}

/** Measures the three visits of the module comment in `browser`, against the app at `url`. */
export async function measureLoading(browser: Browser, url: string): Promise<LoadReport> {
  const fresh = async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript({ content: NAME_SHIM });
    await context.addInitScript(installLoadProbe);
    return context;
  };
  const context = await fresh();
  const first = await loadOnce(context, url, null, null);
  const repeat = await loadOnce(context, url, null, null);
  await context.close();

  const slowContext = await fresh();
  const downloadMbps = 20;
  const latencyMs = 40;
  const screenshot = path.join(OUT_DIR, 'slow-network-progress.png');
  const slow = await loadOnce(
    slowContext,
    url,
    { downloadBps: downloadMbps * 1e6, latencyMs },
    screenshot,
  );
  await slowContext.close();
  return { first, repeat, slow: { ...slow, downloadMbps, latencyMs, screenshot } };
}

/** The visits as a Markdown table. */
export function loadTable(report: LoadReport): string {
  const row = (name: string, r: LoadResult) => [
    name,
    kB(r.bytes.total),
    String(r.bytes.requests),
    ms(r.times.firstContentfulPaint),
    ms(r.times.sentence),
    ms(r.times.tokens),
    ms(r.times.vectorsReady),
    ms(r.times.panels),
    task(r.longestTask),
    String(r.longTasks),
  ];
  return markdownTable(
    [
      'visit',
      'bytes (kB)',
      'requests',
      'first paint',
      'sentence box',
      'tokens',
      'vectors',
      'panels',
      'longest task',
      'tasks ≥ 50 ms',
    ],
    [
      row('first, fresh cache', report.first),
      row('second, same profile', report.repeat),
      row(`first, ${report.slow.downloadMbps} Mbit/s + ${report.slow.latencyMs} ms`, report.slow),
    ],
    ['l'],
  );
}
