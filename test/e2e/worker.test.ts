/**
 * Large inputs are computed in a Web Worker (src/worker): a pasted paragraph above the
 * measured threshold (298 tokens at the default settings) starts one worker, the "Tokens"
 * list shows the new tokens when it answers, and no long task (≥ 50 ms) runs on the main
 * thread while it computes. Typing faster than the worker skips intermediate texts; a
 * short sentence stays on the main thread.
 *
 * The page is instrumented from outside the app (an init script wraps `Worker` and
 * observes long tasks), so the app carries no test hooks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tokenize } from '../../src/core/tokenizer';
import { closePage, errorsOf, openApp, tokenTexts, typeSentence, waitForTokens } from './harness';
import { useBrowserSuite } from './suite';

const PORT = 4460;

const suite = useBrowserSuite(PORT);

/** About 80 tokens of prose; five of them make a paragraph well above the threshold. */
const PROSE =
  'Attention lets every word of a sentence look at every other word and decide how much ' +
  'each one matters for its own meaning. The query of a word is compared with the key of ' +
  'every word, the scores are scaled and turned into weights by a softmax, and the values ' +
  'are mixed with those weights. A long paragraph, like this one, asks for many more numbers ' +
  'than a short sentence does. ';
const PARAGRAPH = PROSE.repeat(5).trim();

/** What the init script records in the page. */
interface WorkerLog {
  created: number;
  posts: { at: number; id: number }[];
  answers: {
    at: number;
    id: number;
    elapsedMs: number | null;
    tokens: number | null;
    error: string | null;
  }[];
  longTasks: { start: number; duration: number }[];
}

declare global {
  interface Window {
    __workerLog: WorkerLog;
  }
}

/**
 * Runs in the page before the app: wraps Worker to log trace requests and answers, and
 * records long tasks. A string, not a function, because the test transpiler may add helper
 * calls to a function's source that do not exist in the page.
 */
const INSTRUMENT = `(() => {
  const log = { created: 0, posts: [], answers: [], longTasks: [] };
  window.__workerLog = log;
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      log.created++;
      this.addEventListener('message', (event) => {
        const data = event.data;
        log.answers.push({
          at: performance.now(),
          id: data.id,
          elapsedMs: data.elapsedMs ?? null,
          tokens: data.trace ? data.trace.tokens.length : null,
          error: data.error ?? null,
        });
      });
    }
    postMessage(message, transfer) {
      if (message && message.type === 'trace') log.posts.push({ at: performance.now(), id: message.id });
      return super.postMessage(message, transfer);
    }
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) log.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
})();`;

let page: Page;
const workerUrls: string[] = [];

beforeAll(async () => {
  page = await openApp(suite.browser, suite.url);
  // The instrumentation must run before the app's scripts: add it, then load the app again.
  await page.addInitScript({ content: INSTRUMENT });
  page.on('worker', (worker) => workerUrls.push(worker.url()));
  await page.reload();
  await page.waitForFunction(
    () => document.querySelector('.vector-status')?.getAttribute('data-status') === 'ready',
  );
  await page.getByRole('list', { name: 'Tokens' }).waitFor();
});

afterAll(async () => {
  if (page) await closePage(page);
});

function log(): Promise<WorkerLog> {
  return page.evaluate(() => window.__workerLog);
}

/** Waits until the worker has answered every request posted so far. */
async function settled(): Promise<void> {
  await page.waitForFunction(
    () => {
      const { posts, answers } = window.__workerLog;
      const last = posts.at(-1);
      return !last || answers.some((a) => a.id === last.id);
    },
    undefined,
    { timeout: 10_000 },
  );
}

function tokensOf(text: string): string[] {
  return tokenize(text).tokens.map((t) => t.text);
}

describe('the trace worker', () => {
  it('starts no worker for the first, short sentence', async () => {
    expect((await log()).created).toBe(0);
    expect(workerUrls).toEqual([]);
  });

  it('computes a pasted paragraph in a worker while the main thread stays free', async () => {
    const expected = tokensOf(PARAGRAPH);
    expect(expected.length).toBeGreaterThan(350);
    const before = await tokenTexts(page);
    await typeSentence(page, PARAGRAPH, 'fill');
    // The text box has the paragraph at once, whatever the trace is doing.
    expect(await page.getByRole('textbox', { name: 'Sentence' }).inputValue()).toBe(PARAGRAPH);
    await waitForTokens(page, expected);
    expect(before).not.toEqual(expected);

    const { created, posts, answers, longTasks } = await log();
    expect(created).toBe(1);
    expect(workerUrls).toHaveLength(1);
    expect(workerUrls[0]).toMatch(/traceWorker/);
    const request = posts.at(-1);
    const answer = answers.find((a) => a.id === request?.id);
    expect(answer?.error).toBeNull();
    expect(answer?.tokens).toBe(expected.length);
    if (!request || !answer) throw new Error('no request or answer was logged');
    // No long task ran while the worker computed: the main thread was free the whole time.
    // (The task that delivers the answer starts just before `answer.at`, which it records,
    // and ends after it; a task that ran during the computation ended before it.)
    const during = longTasks.filter(
      (t) => t.start > request.at && t.start + t.duration <= answer.at,
    );
    console.log(
      `worker: ${expected.length} tokens computed in ${answer.elapsedMs?.toFixed(1)} ms, ` +
        `answer ${(answer.at - request.at).toFixed(1)} ms after the request; long tasks (start relative to the request): ` +
        JSON.stringify(
          longTasks.map(
            (t) => `${Math.round(t.duration)} ms at ${Math.round(t.start - request.at)}`,
          ),
        ),
    );
    expect(during).toEqual([]);
  });

  it('keeps up with typing: one request at a time, intermediate texts skipped, the last one shown', async () => {
    // At width 100 a 390-token trace takes the worker ~100 ms, far longer than the gap
    // between two keystrokes, so typing must outpace it whatever the machine.
    await page.getByLabel('Model width', { exact: true }).selectOption('100');
    await settled();
    const box = page.getByRole('textbox', { name: 'Sentence' });
    await box.focus();
    await page.keyboard.press('End');
    const postsBefore = (await log()).posts.length;
    const typed = ' and it ends here';
    await page.keyboard.type(typed);
    expect(await box.inputValue()).toBe(PARAGRAPH + typed);
    await waitForTokens(page, tokensOf(PARAGRAPH + typed));
    await settled();
    const { posts, answers, created } = await log();
    const sent = posts.slice(postsBefore);
    const times = answers.slice(-sent.length).map((a) => a.elapsedMs?.toFixed(1));
    console.log(
      `worker: ${typed.length} keystrokes at width 100, ${sent.length} trace requests, ` +
        `computed in ${times.join(', ')} ms`,
    );
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(typed.length);
    // Latest only: each request was posted after the answer to the one before it.
    for (let k = 1; k < sent.length; k++) {
      const previous = answers.find((a) => a.id === sent[k - 1]?.id);
      expect(previous, `answer to request ${sent[k - 1]?.id}`).toBeDefined();
      expect(previous?.at).toBeLessThanOrEqual(sent[k]?.at ?? 0);
    }
    expect(answers.at(-1)?.id).toBe(posts.at(-1)?.id);
    expect(created).toBe(1);
    await page.getByLabel('Model width', { exact: true }).selectOption('8');
    await settled();
  });

  it('computes a short sentence on the main thread again', async () => {
    const postsBefore = (await log()).posts.length;
    const sentence = 'The cat sat on the mat because it was tired.';
    await typeSentence(page, sentence, 'fill');
    await waitForTokens(page, tokensOf(sentence));
    expect((await log()).posts.length).toBe(postsBefore);
  });

  it('reported no errors', () => {
    expect(errorsOf(page)).toEqual([]);
  });
});
