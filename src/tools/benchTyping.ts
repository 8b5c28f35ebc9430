/**
 * Typing into long texts, for `npm run bench:browser` (and `npx tsx src/tools/benchTyping.ts`
 * alone): the two targets of issue 14.
 *
 * 1. A 512-token text, typed into at 20 ms a key: real key presses (Playwright's keyboard,
 *    CDP input events) at the start of the text, so that every key changes every token
 *    and every panel. The figure is the longest main-thread task (PerformanceObserver
 *    'longtask', tasks of 50 ms or more) from the first key until the last key's input
 *    event; then, apart, the time until the panels show the final text and the longest
 *    task of that settling. Target: no task of 50 ms or more while typing.
 * 2. A 5 MB text with no space: the time of one key press, from the key's event to the
 *    end of the frame that shows it (two animation frames after the input event), in the
 *    app and in a bare textarea of the same size and font on an empty page of the same
 *    origin. Target: the app's time at most the bare textarea's plus 100 ms.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { closePage, openApp, ROOT } from '../../test/e2e/harness';
import { NAME_SHIM, withPreviewBrowser } from './benchHarness';
import { tokenize } from '../core/tokenizer';
import { loadWordVectors, VECTOR_TABLE_PATH } from '../data/vectorTable';
import { benchText, flagValue, machineLine, markdownTable, median } from './benchShared';
import { readFileBytes } from './nodeBytes';

/** Options of the typing benchmark. */
export interface TypingOptions {
  /** Runs of each measurement; the table gives medians and the worst run. */
  readonly runs: number;
  /** Keys typed per run into the 512-token text. */
  readonly keys: number;
  /** Size of the long text without spaces, in characters; 0 skips that measurement. */
  readonly hugeChars: number;
}

/** The default options: 3 runs of 60 keys, and a 5,000,000-character text. */
export const TYPING_DEFAULTS: TypingOptions = { runs: 3, keys: 60, hugeChars: 5_000_000 };

/** One run of typing into the 512-token text. */
export interface TypingRun {
  /** Longest task from the first key to the last key's input event, ms (0: none ≥ 50 ms). */
  readonly longestWhileTyping: number;
  readonly tasksWhileTyping: number;
  /** From the last key's input event until the panels show the final text, ms. */
  readonly settle: number;
  /** Longest task of the settling, ms (0: none ≥ 50 ms). */
  readonly longestSettling: number;
  /** Median and worst time from a key's event to the frame that shows it in the box, ms. */
  readonly keyToFrame: { readonly median: number; readonly max: number };
}

/** One key press in a huge text, in the app and in a bare textarea; then 20 keys at 100 ms. */
export interface HugeKeyRun {
  readonly app: KeyCost;
  readonly bare: KeyCost;
  readonly appTyping: KeyCost;
  readonly bareTyping: KeyCost;
}

/** Keys typed in a row into the huge text, and the time between them (ms): a quick typist. */
const BURST = { keys: 20, delay: 100 } as const;

/** What the typing benchmark measured. */
export interface TypingReport {
  readonly typing: TypingRun[];
  readonly huge: HugeKeyRun[];
  readonly options: TypingOptions;
}

/** Installs the key and long-task probes in the page (once). */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(NAME_SHIM);
  await page.evaluate(() => {
    const probe = {
      longTasks: [] as { start: number; duration: number }[],
      keys: [] as { at: number; frame: number }[],
      lastInput: 0,
    };
    (window as unknown as { __agTyping: typeof probe }).__agTyping = probe;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        probe.longTasks.push({ start: e.startTime, duration: e.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
    document.addEventListener(
      'input',
      (e) => {
        probe.lastInput = e.timeStamp;
        const key = { at: e.timeStamp, frame: 0 };
        probe.keys.push(key);
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            key.frame = performance.now();
          }),
        );
      },
      true,
    );
  });
}

/** Waits in the page until the Tokens list starts with `first` and holds `count` items. */
async function waitForChips(page: Page, first: string, count: number): Promise<void> {
  await page.waitForFunction(
    ({ first, count }) => {
      const items = document.querySelectorAll('ul[aria-label="Tokens"] > li');
      return items.length === count && (items[0]?.textContent ?? '').trim() === first;
    },
    { first, count },
    { timeout: 120_000, polling: 50 },
  );
}

/** Types `keys` characters at the start of a 512-token text at 20 ms a key, `runs` times. */
async function measureTypingRuns(page: Page, options: TypingOptions): Promise<TypingRun[]> {
  const vectors = await loadWordVectors(
    path.join(ROOT, 'public', VECTOR_TABLE_PATH),
    readFileBytes,
  );
  const runs: TypingRun[] = [];
  for (let r = 0; r < options.runs; r++) {
    const base = benchText(512, vectors, r % 3);
    const box = page.getByRole('textbox', { name: 'Sentence' });
    await box.fill(base);
    const baseTokens = tokenize(base).tokens.map((t) => t.text);
    await waitForChips(page, baseTokens[0] as string, 512);
    // The page finishes taking in the new text first (tables, layout): no long task for a second.
    await page.waitForFunction(
      () => {
        const tasks = (
          window as unknown as { __agTyping: { longTasks: { start: number; duration: number }[] } }
        ).__agTyping.longTasks;
        const lastEnd = Math.max(0, ...tasks.map((t) => t.start + t.duration));
        return performance.now() - lastEnd > 1000;
      },
      undefined,
      { timeout: 30_000, polling: 200 },
    );
    // Words typed at the start: every key changes the first token, so every panel changes.
    const typed = 'we typed this quickly '.repeat(20).slice(0, options.keys);
    await box.evaluate((el) => {
      (el as HTMLTextAreaElement).focus();
      (el as HTMLTextAreaElement).setSelectionRange(0, 0);
    });
    const start = await page.evaluate(() => {
      const probe = (window as unknown as { __agTyping: { keys: unknown[]; longTasks: unknown[] } })
        .__agTyping;
      probe.keys.length = 0;
      probe.longTasks.length = 0;
      return performance.now();
    });
    await page.keyboard.type(typed, { delay: 20 });
    const expected = tokenize(typed + base).tokens.map((t) => t.text);
    await waitForChips(page, expected[0] as string, Math.min(512, expected.length));
    const settledAt = await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))),
        ),
    );
    await page.waitForTimeout(1000);
    const result = await page.evaluate(
      ({ start, settledAt }) => {
        const probe = (
          window as unknown as {
            __agTyping: {
              longTasks: { start: number; duration: number }[];
              keys: { at: number; frame: number }[];
              lastInput: number;
            };
          }
        ).__agTyping;
        const last = probe.lastInput;
        const during = probe.longTasks.filter((t) => t.start >= start && t.start < last);
        const settling = probe.longTasks.filter(
          (t) => t.start + t.duration > last && t.start < settledAt,
        );
        const frames = probe.keys.filter((k) => k.frame > 0).map((k) => k.frame - k.at);
        return {
          during: during.map((t) => t.duration),
          settling: settling.map((t) => t.duration),
          settle: settledAt - last,
          frames,
        };
      },
      { start, settledAt },
    );
    runs.push({
      longestWhileTyping: Math.max(0, ...result.during),
      tasksWhileTyping: result.during.length,
      settle: result.settle,
      longestSettling: Math.max(0, ...result.settling),
      keyToFrame: { median: median(result.frames), max: Math.max(...result.frames) },
    });
    console.error(
      `  typing run ${r + 1}: longest task while typing ${Math.max(0, ...result.during).toFixed(0)} ms`,
    );
  }
  return runs;
}

/** What one key press cost: the frame that shows it, and the main-thread work it caused. */
interface KeyCost {
  /** Key event to the end of the frame after the input event, ms. */
  readonly frame: number;
  /** Key event to the end of the last task of 50 ms or more it caused, ms (the page busy). */
  readonly busy: number;
  /** Main-thread time in tasks of 50 ms or more from the first key until idle, per key, ms. */
  readonly perKey: number;
}

/** Installs a long-task recorder in `page` (once). */
async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: { start: number; end: number }[] = [];
    (window as unknown as { __agLong: typeof tasks }).__agLong = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        tasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/**
 * One key press at the end of `selector`'s huge text: the time to the frame that shows
 * it, and until the page is idle again (no task of 50 ms or more for 3 seconds): the
 * debounced work a key sets off (the address bar, the trace) counts too.
 */
async function oneKey(page: Page, selector: string, keys = 1, delay = 0): Promise<KeyCost> {
  await page.evaluate((selector) => {
    const box = document.querySelector<HTMLTextAreaElement>(selector) as HTMLTextAreaElement;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
    const probe = { at: 0, frame: null as Promise<number> | null };
    (window as unknown as { __agKey: typeof probe }).__agKey = probe;
    probe.frame = new Promise<number>((resolve) => {
      box.addEventListener(
        'keydown',
        (e) => {
          probe.at = e.timeStamp;
          box.addEventListener(
            'input',
            () =>
              requestAnimationFrame(() =>
                requestAnimationFrame(() => resolve(performance.now() - probe.at)),
              ),
            { once: true },
          );
        },
        { once: true },
      );
    });
  }, selector);
  await page.keyboard.type('x'.repeat(keys), { delay });
  const frame = await page.evaluate(
    () => (window as unknown as { __agKey: { frame: Promise<number> } }).__agKey.frame,
  );
  for (;;) {
    await page.waitForTimeout(500);
    const state = await page.evaluate(() => {
      const at = (window as unknown as { __agKey: { at: number } }).__agKey.at;
      const after = (
        window as unknown as { __agLong: { start: number; end: number }[] }
      ).__agLong.filter((t) => t.end > at);
      const lastEnd = Math.max(at, ...after.map((t) => t.end));
      const work = after.reduce((sum, t) => sum + t.end - Math.max(t.start, at), 0);
      return { busy: lastEnd - at, work, quietFor: performance.now() - lastEnd };
    });
    if (state.quietFor > 3000) {
      return { frame, busy: Math.max(frame, state.busy), perKey: state.work / keys };
    }
  }
}

/** One key press in a huge no-space text, in the app and in a bare textarea, `runs` times. */
async function measureHugeKey(
  browser: Browser,
  url: string,
  options: TypingOptions,
): Promise<HugeKeyRun[]> {
  const huge = 'ACGT'.repeat(Math.ceil(options.hugeChars / 4)).slice(0, options.hugeChars);
  const runs: HugeKeyRun[] = [];
  const app = await openApp(browser, url);
  // The bare textarea: an empty page of the same origin, the same box as the app's.
  const bare = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  try {
    await app.evaluate(NAME_SHIM);
    const style = await app.getByRole('textbox', { name: 'Sentence' }).evaluate((el) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        width: r.width,
        height: r.height,
        font: s.font,
        padding: s.padding,
        lineHeight: s.lineHeight,
      };
    });
    await bare.route(`${url}bare.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>bare</title><body></body>',
      }),
    );
    await bare.goto(`${url}bare.html`);
    await bare.evaluate(NAME_SHIM);
    await bare.evaluate((style) => {
      const box = document.createElement('textarea');
      box.id = 'bare';
      box.spellcheck = false;
      Object.assign(box.style, {
        width: `${style.width}px`,
        height: `${style.height}px`,
        font: style.font,
        padding: style.padding,
        lineHeight: style.lineHeight,
        boxSizing: 'border-box',
      });
      document.body.append(box);
    }, style);
    for (const page of [app, bare]) {
      const selector = page === app ? 'textarea' : '#bare';
      await page.evaluate(
        ({ selector, huge }) => {
          const box = document.querySelector<HTMLTextAreaElement>(selector) as HTMLTextAreaElement;
          box.focus();
          // The prototype's setter, as a paste would: React ignores a value set through its own.
          Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(
            box,
            huge,
          );
          box.dispatchEvent(new Event('input', { bubbles: true }));
        },
        { selector, huge },
      );
    }
    // Let the app take in the huge text (its tokens, its link) before keys are timed.
    await app.waitForFunction(
      () =>
        (document.querySelector('ul[aria-label="Tokens"] > li')?.textContent ?? '').startsWith(
          'ACGT',
        ),
      undefined,
      { timeout: 300_000, polling: 500 },
    );
    await app.waitForTimeout(2000);
    await recordLongTasks(app);
    await recordLongTasks(bare);
    for (let r = 0; r < options.runs; r++) {
      const appCost = await oneKey(app, 'textarea');
      const bareCost = await oneKey(bare, '#bare');
      const appTyping = await oneKey(app, 'textarea', BURST.keys, BURST.delay);
      const bareTyping = await oneKey(bare, '#bare', BURST.keys, BURST.delay);
      runs.push({ app: appCost, bare: bareCost, appTyping, bareTyping });
      console.error(
        `  ${(options.hugeChars / 1e6).toFixed(0)} MB key ${r + 1}: app ${appCost.frame.toFixed(0)} ms to the frame, busy ${appCost.busy.toFixed(0)} ms; ` +
          `bare textarea ${bareCost.frame.toFixed(0)} ms, busy ${bareCost.busy.toFixed(0)} ms; ` +
          `typing: app ${appTyping.perKey.toFixed(0)} ms a key, bare ${bareTyping.perKey.toFixed(0)} ms`,
      );
    }
  } finally {
    await bare.close();
    await closePage(app);
  }
  return runs;
}

/** Runs both typing measurements against the app at `url`. */
export async function measureTyping(
  browser: Browser,
  url: string,
  options: TypingOptions = TYPING_DEFAULTS,
): Promise<TypingReport> {
  let typing: TypingRun[] = [];
  if (options.keys > 0) {
    console.error('measuring typing into a 512-token text…');
    const page = await openApp(browser, url);
    try {
      await installProbe(page);
      typing = await measureTypingRuns(page, options);
    } finally {
      await closePage(page);
    }
  }
  let huge: HugeKeyRun[] = [];
  if (options.hugeChars > 0) {
    console.error(
      `measuring one key in a ${options.hugeChars.toLocaleString('en')}-character text…`,
    );
    huge = await measureHugeKey(browser, url, options);
  }
  return { typing, huge, options };
}

const task = (x: number) => (x === 0 ? '< 50' : x.toFixed(0));

/** The report as two Markdown tables, for the console and the README. */
export function typingTables(report: TypingReport): string {
  const t = report.typing;
  const typingTable = markdownTable(
    [
      `${report.options.keys} keys at 20 ms into 512 tokens`,
      'longest task while typing (ms)',
      'tasks ≥ 50 ms while typing',
      'key → frame, median (ms)',
      'key → frame, worst (ms)',
      'last key → panels painted (ms)',
      'longest task settling (ms)',
    ],
    t.map((run, i) => [
      `run ${i + 1}`,
      task(run.longestWhileTyping),
      String(run.tasksWhileTyping),
      run.keyToFrame.median.toFixed(0),
      run.keyToFrame.max.toFixed(0),
      run.settle.toFixed(0),
      task(run.longestSettling),
    ]),
    ['l'],
  );
  const h = report.huge;
  if (h.length === 0) return typingTable;
  if (t.length === 0) return hugeTable(report);
  return `${typingTable}\n\n${hugeTable(report)}`;
}

function hugeTable(report: TypingReport): string {
  const h = report.huge;
  const row = (name: string, run: HugeKeyRun) => [
    name,
    run.app.frame.toFixed(0),
    run.bare.frame.toFixed(0),
    run.app.busy.toFixed(0),
    run.bare.busy.toFixed(0),
    run.appTyping.perKey.toFixed(0),
    run.bareTyping.perKey.toFixed(0),
  ];
  const med = (pick: (run: HugeKeyRun) => KeyCost, field: keyof KeyCost): KeyCost => {
    const value = median(h.map((run) => pick(run)[field]));
    return { frame: value, busy: value, perKey: value };
  };
  const medianRun: HugeKeyRun = {
    app: { ...med((r) => r.app, 'frame'), busy: med((r) => r.app, 'busy').busy },
    bare: { ...med((r) => r.bare, 'frame'), busy: med((r) => r.bare, 'busy').busy },
    appTyping: med((r) => r.appTyping, 'perKey'),
    bareTyping: med((r) => r.bareTyping, 'perKey'),
  };
  return markdownTable(
    [
      `${report.options.hugeChars.toLocaleString('en')} characters, no space`,
      'one key → frame: app (ms)',
      'bare textarea',
      'one key → idle: app (ms)',
      'bare textarea',
      `${BURST.keys} keys at ${BURST.delay} ms: app, ms a key`,
      'bare textarea',
    ],
    [...h.map((run, i) => row(`run ${i + 1}`, run)), row('median', medianRun)],
    ['l'],
  );
}

/**
 * `npx tsx src/tools/benchTyping.ts [--runs N] [--keys N] [--huge CHARS]`: this benchmark
 * alone (`--keys 0` or `--huge 0` skips one part).
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const value = (flag: string) => {
    const text = flagValue(argv, flag);
    return text === undefined ? undefined : Number(text);
  };
  const options: TypingOptions = {
    runs: value('--runs') ?? TYPING_DEFAULTS.runs,
    keys: value('--keys') ?? TYPING_DEFAULTS.keys,
    hugeChars: value('--huge') ?? TYPING_DEFAULTS.hugeChars,
  };
  await withPreviewBrowser(path.join(ROOT, 'dist'), async (browser, url) => {
    console.log(`${machineLine()}, Chromium ${browser.version()}`);
    console.log(typingTables(await measureTyping(browser, url, options)));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
