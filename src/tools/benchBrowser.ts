/**
 * `npm run bench:browser`: the built app in headless Chromium (Debian's, through
 * playwright-core and the browser tests' harness), served by `vite preview`.
 *
 * 1. First visit, fresh cache: the bytes that cross the network (the sum of CDP
 *    `Network.loadingFinished` encodedDataLength over every request), and when the first
 *    paint, the sentence box, the tokens, the word vectors and the panels arrive. Then a
 *    second visit in the same browser profile, to show what the HTTP cache saves.
 * 2. The same first visit on a slow link (CDP `Network.emulateNetworkConditions`): the
 *    page paints before the 6 MB vector table arrives and shows its progress; a screenshot
 *    of the progress bar goes to test-results/perf/.
 * 3. Updates: for texts of 12, 64, 128, 256 and 512 tokens, the time from the input event
 *    (Playwright's `fill`, one real `input` event; measured from the event's own timestamp
 *    in the page) until every panel shows the new text (the "Tokens" list holds the new
 *    tokens, the "Attention heatmap" has data-token-count = T when it carries that
 *    attribute, the "Attention graph" has T nodes labelled with the new tokens), plus two
 *    animation frames so that the frame is painted. Also the longest main-thread task
 *    (PerformanceObserver 'longtask', which reports tasks of 50 ms or more) between the
 *    input and the paint, and until a second after the paint (work left for later). Two
 *    different texts of each length alternate, so every run is a real change; the table
 *    gives medians (and the worst run) over the runs.
 *
 * Options: --runs N (default 7), --sizes 12,64 (default 12,64,128,256,512),
 * --json FILE (also write the figures as JSON), --skip-load (only the updates),
 * --dist DIR (serve another build), --css RULES (add these style rules before the updates:
 * what a proposed CSS fix would change). Builds the app first when dist/index.html is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, CDPSession, ElementHandle, Page } from 'playwright-core';
import {
  CHROMIUM_PATH,
  closePage,
  launchBrowser,
  openApp,
  ROOT,
  startPreview,
} from '../../test/e2e/harness';
import { tokenize } from '../core/tokenizer';
import { benchText, kB, machineLine, markdownTable, median } from './benchShared';
import { readFileBytes } from './nodeBytes';
import { measure } from './sizes';
import { loadWordVectors, VECTOR_TABLE_PATH } from '../data/vectorTable';

const OUT_DIR = path.join(ROOT, 'test-results', 'perf');

interface Options {
  runs: number;
  sizes: number[];
  json: string | null;
  skipLoad: boolean;
  dist: string;
  css: string | null;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const runs = Number(value('--runs') ?? 7);
  const sizes = (value('--sizes') ?? '12,64,128,256,512').split(',').map(Number);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs needs a positive integer`);
  if (sizes.some((T) => !Number.isInteger(T) || T < 1 || T > 512)) {
    throw new Error(`--sizes needs token counts from 1 to 512, comma-separated`);
  }
  return {
    runs,
    sizes,
    json: value('--json') ?? null,
    skipLoad: argv.includes('--skip-load'),
    dist: path.resolve(ROOT, value('--dist') ?? 'dist'),
    css: value('--css') ?? null,
  };
}

/** A free TCP port on this machine. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * tsx compiles this file with esbuild's keepNames, which wraps named functions in a
 * `__name(fn, "name")` helper; the functions handed to the page carry those calls, so the
 * page needs a do-nothing `__name` of its own.
 */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

// ---------------------------------------------------------------------------------------
// Loading

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

interface LoadReport {
  first: LoadResult;
  repeat: LoadResult;
  slow: LoadResult & { downloadMbps: number; latencyMs: number; screenshot: string };
}

async function measureLoading(browser: Browser, url: string): Promise<LoadReport> {
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

// ---------------------------------------------------------------------------------------
// Updates

/** One update as the page measured it. */
export interface UpdateSample {
  /** Input event to two animation frames after every panel showed the new text. */
  painted: number;
  /** Input event to the mutation that completed the panels. */
  shown: number;
  /** Longest long task (≥ 50 ms) overlapping the update, 0 when there was none. */
  longestTask: number;
  longTasks: number;
  /**
   * Longest long task from the input until a second after the paint, 0 when none: work the
   * app leaves for later (tables updated after the visible panels) shows up here.
   */
  longestTaskAfter: number;
}

/**
 * The "Sentence" box, found by its role once per page: a role query walks the whole DOM in
 * the page's main thread (about 200 ms among 5,000 elements), which would load the page
 * right before each measured input.
 */
const boxes = new WeakMap<Page, Promise<ElementHandle<HTMLElement | SVGElement>>>();
function sentenceBox(page: Page): Promise<ElementHandle<HTMLElement | SVGElement>> {
  let box = boxes.get(page);
  if (!box) {
    box = page.getByRole('textbox', { name: 'Sentence' }).elementHandle();
    boxes.set(page, box);
  }
  return box;
}

/** Installs the input and long-task probes once per page. */
export async function installUpdateProbe(page: Page): Promise<void> {
  await page.evaluate(NAME_SHIM);
  await page.evaluate(() => {
    const probe = {
      inputAt: null as number | null,
      longTasks: [] as { start: number; duration: number }[],
      pending: null as Promise<number> | null,
    };
    (window as unknown as { __agUpdate: typeof probe }).__agUpdate = probe;
    document.addEventListener('input', (e) => (probe.inputAt = e.timeStamp), true);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        probe.longTasks.push({ start: e.startTime, duration: e.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  });
}

/**
 * Arms the watcher for `expected` tokens (before the input, so no change can be missed),
 * types the text, and waits in the page until every panel shows it and has painted.
 */
export async function measureUpdate(
  page: Page,
  text: string,
  expected: readonly string[],
): Promise<UpdateSample> {
  await page.evaluate((want) => {
    type Probe = {
      inputAt: number | null;
      longTasks: { start: number; duration: number }[];
      pending: Promise<number> | null;
    };
    const probe = (window as unknown as { __agUpdate: Probe }).__agUpdate;
    probe.inputAt = null;
    const T = want.length;
    const done = () => {
      if (probe.inputAt === null) return false;
      const items = document.querySelectorAll('ul[aria-label="Tokens"] > li');
      if (items.length !== T) return false;
      for (const i of [0, T >> 1, T - 1]) {
        if ((items[i]?.textContent ?? '').trim() !== want[i]) return false;
      }
      const heatmap = document.querySelector('[aria-label="Attention heatmap"]');
      if (!heatmap) return false;
      const count = heatmap.getAttribute('data-token-count');
      if (count !== null && Number(count) !== T) return false;
      const nodes = document.querySelectorAll(
        'svg[aria-label="Attention graph"] [data-token-index]',
      );
      if (nodes.length !== T) return false;
      // The graph's nodes are named after their tokens: they must be the new ones.
      for (const i of [0, T >> 1, T - 1]) {
        const label = nodes[i]?.getAttribute('aria-label') ?? '';
        if (!label.includes(`“${want[i]}”`)) return false;
      }
      return true;
    };
    probe.pending = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`the panels did not show ${T} tokens within 60 s`));
      }, 60_000);
      const observer = new MutationObserver(() => {
        if (!done()) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(performance.now());
      });
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
  }, expected);

  await sentenceBox(page).then((box) => box.fill(text));

  return page.evaluate(async () => {
    type Probe = {
      inputAt: number | null;
      longTasks: { start: number; duration: number }[];
      pending: Promise<number> | null;
    };
    const probe = (window as unknown as { __agUpdate: Probe }).__agUpdate;
    const shownAt = await (probe.pending as Promise<number>);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const paintedAt = performance.now();
    // Deferred work may follow the paint; long-task entries also arrive asynchronously.
    await new Promise((r) => setTimeout(r, 1200));
    const from = probe.inputAt as number;
    const overlapping = (until: number) =>
      probe.longTasks.filter((t) => t.start + t.duration > from && t.start < until);
    const longest = (tasks: { duration: number }[]) =>
      tasks.reduce((m, t) => Math.max(m, t.duration), 0);
    const tasks = overlapping(paintedAt);
    return {
      painted: paintedAt - from,
      shown: shownAt - from,
      longestTask: longest(tasks),
      longTasks: tasks.length,
      longestTaskAfter: longest(overlapping(paintedAt + 1000)),
    };
  });
}

interface UpdateRow {
  tokens: number;
  runs: number;
  painted: { median: number; min: number; max: number };
  shown: number;
  longestTask: { median: number; max: number };
  longestTaskAfter: { median: number; max: number };
}

async function measureUpdates(
  browser: Browser,
  url: string,
  options: Options,
): Promise<UpdateRow[]> {
  const vectors = await loadWordVectors(
    path.join(ROOT, 'public', VECTOR_TABLE_PATH),
    readFileBytes,
  );
  const page = await openApp(browser, url);
  if (options.css) await page.addStyleTag({ content: options.css });
  await installUpdateProbe(page);
  const rows: UpdateRow[] = [];
  try {
    for (const T of options.sizes) {
      const texts = [benchText(T, vectors, 1), benchText(T, vectors, 2)];
      const expected = texts.map((text) => {
        const tokens = tokenize(text).tokens.map((t) => t.text);
        if (tokens.length !== T)
          throw new Error(`bench text has ${tokens.length} tokens, not ${T}`);
        return tokens;
      });
      // One untimed change to each text first: code paths warm, caches of the old length gone.
      for (let i = 0; i < 2; i++)
        await measureUpdate(page, texts[i] as string, expected[i] as string[]);
      const samples: UpdateSample[] = [];
      for (let r = 0; r < options.runs; r++) {
        await page.waitForTimeout(100);
        samples.push(
          await measureUpdate(page, texts[r % 2] as string, expected[r % 2] as string[]),
        );
      }
      const painted = samples.map((s) => s.painted);
      const longest = samples.map((s) => s.longestTask);
      const after = samples.map((s) => s.longestTaskAfter);
      rows.push({
        tokens: T,
        runs: options.runs,
        painted: { median: median(painted), min: Math.min(...painted), max: Math.max(...painted) },
        shown: median(samples.map((s) => s.shown)),
        longestTask: { median: median(longest), max: Math.max(...longest) },
        longestTaskAfter: { median: median(after), max: Math.max(...after) },
      });
      console.error(`  ${T} tokens: ${median(painted).toFixed(1)} ms`);
    }
  } finally {
    await closePage(page);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------

const ms = (x: number | null) => (x === null ? '—' : x.toFixed(0));
const task = (x: number) => (x === 0 ? '< 50' : x.toFixed(0));

function loadTable(report: LoadReport): string {
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

function updateTable(rows: readonly UpdateRow[]): string {
  return markdownTable(
    [
      'tokens',
      'input → painted (median ms)',
      'min',
      'max',
      'input → shown',
      'longest task (median ms)',
      'longest task (worst)',
      'until 1 s after (median)',
      'runs',
    ],
    rows.map((r) => [
      String(r.tokens),
      r.painted.median.toFixed(1),
      r.painted.min.toFixed(1),
      r.painted.max.toFixed(1),
      r.shown.toFixed(1),
      task(r.longestTask.median),
      task(r.longestTask.max),
      task(r.longestTaskAfter.median),
      String(r.runs),
    ]),
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(path.join(options.dist, 'index.html'))) {
    console.error('dist/ is missing: building the app first');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const server = await startPreview(await freePort(), { outDir: options.dist });
  // Close the server even when the browser does not start: no preview process is left behind.
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  try {
    const chromium = browser.version();
    const sizes = measure(options.dist);
    console.log(`${machineLine()}, Chromium ${chromium} (${CHROMIUM_PATH}, headless)`);
    console.log(
      `build: first-load JS ${kB(sizes.firstLoadJs.gzip)} kB gzip, first-load CSS ` +
        `${kB(sizes.firstLoadCss.gzip)} kB gzip, lazy chunks of the first page ` +
        `${kB(sizes.lazyFirstPage.gzip)} kB gzip (npm run size)`,
    );

    let load: LoadReport | null = null;
    if (!options.skipLoad) {
      console.error('measuring page loads…');
      load = await measureLoading(browser, server.url);
      console.log(
        `\nPage load (vite preview on loopback; bytes = CDP encodedDataLength; times in ms from navigation)\n`,
      );
      console.log(loadTable(load));
      const kinds = Object.entries(load.first.bytes.byKind)
        .map(([kind, bytes]) => `${kind} ${kB(bytes)} kB`)
        .join(', ');
      console.log(`\nfirst visit by kind: ${kinds}`);
      console.log(
        `slow link: progress values shown ${load.slow.progress.length} times ` +
          `(${load.slow.progress.slice(0, 3).join(', ')} … ${load.slow.progress.slice(-2).join(', ')}); ` +
          `screenshot ${path.relative(ROOT, load.slow.screenshot)}`,
      );
    }

    console.error('measuring updates…');
    const updates = await measureUpdates(browser, server.url, options);
    console.log(
      `\nInput → all panels painted, viewport 1366×768, ${options.runs} runs per length ` +
        `(two texts alternating), ms; longest task from PerformanceObserver 'longtask' ` +
        `("< 50": no task of 50 ms or more)\n`,
    );
    console.log(updateTable(updates));

    if (options.json) {
      const file = path.resolve(options.json);
      writeFileSync(
        file,
        JSON.stringify(
          {
            machine: machineLine(),
            chromium,
            sizes: {
              firstLoadJs: sizes.firstLoadJs,
              firstLoadCss: sizes.firstLoadCss,
              lazyFirstPage: sizes.lazyFirstPage,
              firstVisit: sizes.firstVisit,
            },
            load,
            updates,
          },
          null,
          2,
        ),
      );
      console.log(`\nwrote ${path.relative(ROOT, file)}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
