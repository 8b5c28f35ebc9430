/**
 * The updates benchmark of `npm run bench:browser`: for texts of 12, 64, 128, 256 and 512
 * tokens, the time from the input event (Playwright's `fill`, one real `input` event;
 * measured from the event's own timestamp in the page) until every panel shows the new
 * text (the "Tokens" list holds the new tokens, the "Attention heatmap" has
 * data-token-count = T when it carries that attribute, the "Attention graph" has T nodes
 * labelled with the new tokens), plus two animation frames so that the frame is painted.
 * Also the longest main-thread task (PerformanceObserver 'longtask', which reports tasks of
 * 50 ms or more) between the input and the paint, and until a second after the paint
 * (work left for later). Two different texts of each length alternate, so every run is a
 * real change; the table gives medians (and the worst run) over the runs.
 */
import path from 'node:path';
import type { Browser, ElementHandle, Page } from 'playwright-core';
import { closePage, openApp, ROOT } from '../../test/e2e/harness';
import { tokenize } from '../core/tokenizer';
import { loadWordVectors, VECTOR_TABLE_PATH } from '../data/vectorTable';
import { benchText, markdownTable, median } from './benchShared';
import { addStyleRules, NAME_SHIM, task } from './benchHarness';
import { readFileBytes } from './nodeBytes';
import type { WordVectors } from '../core/vectors/table';

/** What the updates benchmark measures, and how often. */
export interface UpdateOptions {
  /** Timed runs per text length. */
  readonly runs: number;
  /** Text lengths, in tokens. */
  readonly sizes: readonly number[];
  /** Style rules added before the updates (what a proposed CSS fix would change), or null. */
  readonly css: string | null;
}

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

/**
 * The two texts of `T` tokens an update alternates between, and the tokens each must
 * show, so that every measured update is a real change.
 */
export function updateTexts(
  T: number,
  vectors: WordVectors,
): { texts: string[]; expected: string[][] } {
  const texts = [benchText(T, vectors, 1), benchText(T, vectors, 2)];
  const expected = texts.map((text) => {
    const tokens = tokenize(text).tokens.map((t) => t.text);
    if (tokens.length !== T) throw new Error(`bench text has ${tokens.length} tokens, not ${T}`);
    return tokens;
  });
  return { texts, expected };
}

/** When the panels were complete and when the frame after them was painted (page clock, ms). */
interface UpdateMoments {
  shownAt: number;
  paintedAt: number;
}

/**
 * What the probe keeps in the page between the calls from Node (types only: the functions
 * that use it run in the page, so they share no code, only this shape).
 */
interface UpdateProbe {
  /** The last input event's timestamp, null until one comes. */
  inputAt: number | null;
  longTasks: { start: number; duration: number }[];
  /** Settles when the armed update has been painted. */
  pending: Promise<UpdateMoments> | null;
}

type ProbeWindow = { __agUpdate: UpdateProbe };

/** Installs the input and long-task probes once per page. */
export async function installUpdateProbe(page: Page): Promise<void> {
  await page.evaluate(NAME_SHIM);
  await page.evaluate(() => {
    const probe: UpdateProbe = { inputAt: null, longTasks: [], pending: null };
    (window as unknown as ProbeWindow).__agUpdate = probe;
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
    const probe = (window as unknown as ProbeWindow).__agUpdate;
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
    probe.pending = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`the panels did not show ${T} tokens within 60 s`));
      }, 60_000);
      const observer = new MutationObserver(() => {
        if (!done()) return;
        observer.disconnect();
        clearTimeout(timer);
        // The frames are asked for here, the moment the DOM is complete, as the floor's
        // probe does: not by the next call from Node, which arrives a CDP round trip later
        // (after the next frame has begun, when the input task was long).
        const shownAt = performance.now();
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve({ shownAt, paintedAt: performance.now() })),
        );
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
    const probe = (window as unknown as ProbeWindow).__agUpdate;
    const { shownAt, paintedAt } = await (probe.pending as Promise<UpdateMoments>);
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

/** The figures of one text length. */
export interface UpdateRow {
  tokens: number;
  runs: number;
  painted: { median: number; min: number; max: number };
  shown: number;
  longestTask: { median: number; max: number };
  longestTaskAfter: { median: number; max: number };
}

/** Measures the updates of the module comment in `browser`, against the app at `url`. */
export async function measureUpdates(
  browser: Browser,
  url: string,
  options: UpdateOptions,
): Promise<UpdateRow[]> {
  const vectors = await loadWordVectors(
    path.join(ROOT, 'public', VECTOR_TABLE_PATH),
    readFileBytes,
  );
  const page = await openApp(browser, url);
  if (options.css) await addStyleRules(page, options.css);
  await installUpdateProbe(page);
  const rows: UpdateRow[] = [];
  try {
    for (const T of options.sizes) {
      const { texts, expected } = updateTexts(T, vectors);
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

/** The updates as a Markdown table. */
export function updateTable(rows: readonly UpdateRow[]): string {
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

/** The update measure's own floor: see `measureFloor`. */
export interface FloorRow {
  runs: number;
  painted: { median: number; min: number; max: number };
  shown: number;
}

/**
 * The same measure (input event → DOM complete → two animation frames) for a page that does
 * almost nothing: a bare textarea whose input handler copies its value into one text node.
 * What the app's figures add to this is the app's; this much is the browser's and the
 * measure's: the wait for the frames, which in headless Chromium ranges from about 2 ms to
 * two frames (33 ms) from one input to the next.
 */
export async function measureFloor(browser: Browser, runs: number): Promise<FloorRow> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  try {
    await page.setContent('<textarea aria-label="bare"></textarea><p id="echo"></p>');
    await page.evaluate(NAME_SHIM);
    await page.evaluate(() => {
      const box = document.querySelector('textarea') as HTMLTextAreaElement;
      const echo = document.getElementById('echo') as HTMLElement;
      box.addEventListener('input', () => (echo.textContent = box.value));
    });
    const samples: { painted: number; shown: number }[] = [];
    for (let r = 0; r < runs + 2; r++) {
      const text = `text number ${r}`;
      const armed = page.evaluate(
        (want) =>
          new Promise<{ painted: number; shown: number }>((resolve) => {
            const echo = document.getElementById('echo') as HTMLElement;
            // The last input event counts, as in the app's probe.
            let inputAt = 0;
            const onInput = (e: Event) => (inputAt = e.timeStamp);
            document.addEventListener('input', onInput, true);
            const observer = new MutationObserver(() => {
              if (echo.textContent !== want) return;
              observer.disconnect();
              document.removeEventListener('input', onInput, true);
              const shownAt = performance.now();
              requestAnimationFrame(() =>
                requestAnimationFrame(() =>
                  resolve({ painted: performance.now() - inputAt, shown: shownAt - inputAt }),
                ),
              );
            });
            observer.observe(echo, { childList: true, characterData: true, subtree: true });
          }),
        text,
      );
      await page.waitForTimeout(100);
      await page.getByRole('textbox', { name: 'bare' }).fill(text);
      const sample = await armed;
      // The first two are warm-up, as in the app's runs.
      if (r >= 2) samples.push(sample);
    }
    const painted = samples.map((s) => s.painted);
    return {
      runs,
      painted: { median: median(painted), min: Math.min(...painted), max: Math.max(...painted) },
      shown: median(samples.map((s) => s.shown)),
    };
  } finally {
    await context.close();
  }
}
