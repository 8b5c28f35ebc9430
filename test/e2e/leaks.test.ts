/**
 * No leaks (issue 6): typing 500 different sentences, some long enough for the worker,
 * leaves the JavaScript heap (after forced garbage collection) within 20 % of what it was
 * after the first 50. Prints the figures for the README.
 */
import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { mulberry32 } from '../../src/core/random';
import { tokenize } from '../../src/core/tokenizer';
import { closePage, errorsOf, openApp } from './harness';
import { useBrowserSuite } from './suite';

const suite = useBrowserSuite(4553);

const WORDS = (
  'the cat sat on mat because it was tired a dog ran after ball in park while children ' +
  'played and laughed teacher wrote numbers board students copied them into notebooks ' +
  'attention weights show which words look at others queries keys values softmax sum ' +
  'rain fell softly over quiet town night nadal won tennis match . , ! ? ; "'
).split(' ');

/** Sentence number `n`: a different one every time, 3 to 30 words, every 25th about 300 (the worker's). */
function sentence(n: number): string {
  const random = mulberry32(1000 + n);
  const length = n % 25 === 24 ? 280 + Math.floor(random() * 40) : 3 + Math.floor(random() * 28);
  const words = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)] ?? 'x');
  return `${n} ${words.join(' ')}`;
}

interface HeapFigures {
  used: number;
  nodes: number;
  listeners: number;
}

/** The JS heap in use after garbage collection (twice: one pass can leave finalizable objects), and the DOM counters. */
async function measure(cdp: CDPSession): Promise<HeapFigures> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  return { used: usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners };
}

/** A sentence and what its chips must show: the token count, the first and last token. */
type Expected = readonly [text: string, count: number, first: string, last: string];

function expected(text: string): Expected {
  const tokens = tokenize(text).tokens.map((t) => t.text);
  return [text, tokens.length, tokens[0] ?? '', tokens[tokens.length - 1] ?? ''];
}

/**
 * Puts each sentence in the box in turn, inside the page (one round trip for the batch),
 * and waits until the chips and the heatmap show it before the next. The value is set with
 * one input event, as a paste does: Playwright's `fill` edits through the browser's undo
 * stack, which keeps a text node per edit and would be counted as the app's leak.
 */
async function typeAll(page: Page, sentences: readonly Expected[]): Promise<void> {
  await page.evaluate(async (batch) => {
    const box = document.querySelector('textarea') as HTMLTextAreaElement;
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    for (const [text, count, first, last] of batch) {
      setValue?.call(box, text);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      const deadline = performance.now() + 30_000;
      for (;;) {
        const items = document.querySelectorAll('ul[aria-label="Tokens"] > li');
        const heatmap = document.querySelector('[aria-label="Attention heatmap"]');
        if (
          items.length === count &&
          (items[0]?.textContent ?? '').trim() === first &&
          (items[count - 1]?.textContent ?? '').trim() === last &&
          heatmap?.getAttribute('data-token-count') === String(count)
        ) {
          break;
        }
        if (performance.now() > deadline) throw new Error(`the page never showed: ${text}`);
        await frame();
      }
    }
  }, sentences);
}

const REFERENCE = 'The cat sat on the mat because it was tired.';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

describe('typing 500 sentences', () => {
  it('keeps the heap after GC within 20 % of the heap after the first 50', async () => {
    const page = await openApp(suite.browser, suite.url);
    try {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.enable');
      // At Softmax every view draws: heatmap cells, graph edges, the weights table.
      await page
        .getByRole('navigation', { name: 'Steps' })
        .getByRole('button', { name: '4 Softmax' })
        .click();
      const figures: Array<[number, HeapFigures]> = [];
      const started = Date.now();
      for (const [from, to] of [
        [0, 50],
        [50, 100],
        [100, 200],
        [200, 300],
        [300, 400],
        [400, 500],
      ]) {
        const batch = Array.from({ length: (to as number) - (from as number) }, (_, k) =>
          expected(sentence((from as number) + k)),
        );
        // Measured on the same sentence every time, so that only what was left behind differs.
        await typeAll(page, [...batch, expected(REFERENCE)]);
        figures.push([to as number, await measure(cdp)]);
      }
      const baseline = figures[0]?.[1] as HeapFigures;
      const last = figures[figures.length - 1]?.[1] as HeapFigures;
      console.log(
        `leaks: ${((Date.now() - started) / 1000).toFixed(0)} s for 500 sentences\n` +
          figures
            .map(
              ([n, f]) =>
                `after ${n}: heap ${mb(f.used)} (${((f.used / baseline.used - 1) * 100).toFixed(1)} %), ` +
                `${f.nodes} DOM nodes, ${f.listeners} listeners`,
            )
            .join('\n'),
      );
      expect(last.used).toBeLessThanOrEqual(baseline.used * 1.2);
      expect(errorsOf(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  }, 600_000);
});
