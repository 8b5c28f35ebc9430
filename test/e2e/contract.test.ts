/**
 * The automation contract (DESIGN.md) against `npm run trace`: type a sentence, set the
 * settings through the UI, and check that the tokens, the accessible tables and the graph's
 * nodes and edges carry the same numbers as the command-line trace for the same input.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  closePage,
  DEFAULTS,
  errorsOf,
  goToStep,
  openApp,
  parseShown,
  runTrace,
  setSettings,
  tableCells,
  tokenTexts,
  typeSentence,
  waitForTokens,
  type JsonMatrix,
  type Settings,
  type TraceJson,
  type TypingMode,
} from './harness';
import { useBrowserSuite } from './suite';

const PORT = 4401;

const suite = useBrowserSuite(PORT);

/** Half a unit in the 4th decimal, plus float slack: what "equal to the displayed precision" allows. */
const SHOWN = 0.5e-4 + 1e-6;

/** Every cell of a displayed table equals the trace matrix to the shown precision (−∞ for null). */
function expectTableMatches(cells: string[][], expected: JsonMatrix, name: string) {
  expect(cells.length, `${name}: rows`).toBe(expected.length);
  cells.forEach((row, r) => {
    const want = expected[r] as (number | null)[];
    expect(row.length, `${name}: columns of row ${r}`).toBe(want.length);
    row.forEach((text, c) => {
      const w = want[c];
      const shown = parseShown(text);
      if (w === null || w === undefined) {
        expect(shown, `${name}[${r}][${c}] = "${text}"`).toBe(-Infinity);
      } else {
        expect(
          Math.abs(shown - w),
          `${name}[${r}][${c}] = "${text}", trace ${w}`,
        ).toBeLessThanOrEqual(SHOWN);
      }
    });
  });
}

/** The graph's drawn edges and nodes, read from the contract's data attributes. */
async function readGraph(page: Page) {
  const graph = page.getByRole('img', { name: 'Attention graph' });
  const edges = await graph.locator('[data-source][data-target][data-weight]').evaluateAll((els) =>
    els.map((e) => ({
      source: Number(e.getAttribute('data-source')),
      target: Number(e.getAttribute('data-target')),
      weight: Number(e.getAttribute('data-weight')),
    })),
  );
  const nodes = await graph
    .locator('[data-token-index]')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-token-index'))));
  return { edges, nodes };
}

/** Checks every contract surface of `page` against `trace` for head `head`. */
async function expectAppMatchesTrace(page: Page, trace: TraceJson, head: number) {
  const T = trace.tokens.length;
  const h = trace.heads[head];
  if (!h) throw new Error(`the trace has no head ${head}`);

  expect(await tokenTexts(page)).toEqual(trace.tokens.map((t) => t.text));

  const q = await tableCells(page, 'Queries (Q)');
  expect(q).toHaveLength(T);
  expect(q[0]).toHaveLength(trace.dK);
  expectTableMatches(q, h.q, 'Queries (Q)');
  expectTableMatches(await tableCells(page, 'Keys (K)'), h.k, 'Keys (K)');
  expectTableMatches(await tableCells(page, 'Values (V)'), h.v, 'Values (V)');
  expectTableMatches(await tableCells(page, 'Scores'), h.masked, 'Scores');
  expectTableMatches(await tableCells(page, 'Attention weights'), h.weights, 'Attention weights');
  expectTableMatches(await tableCells(page, 'Output'), h.output, 'Output');

  // The graph shows edges from step Softmax on; "Show every edge" with "Strongest per token" 0
  // and threshold 0 draws them all.
  await goToStep(page, 'Softmax');
  await page.getByRole('checkbox', { name: 'Show every edge' }).check();
  await page.getByRole('spinbutton', { name: 'Strongest per token' }).fill('0');
  const { edges, nodes } = await readGraph(page);
  expect(nodes).toEqual(Array.from({ length: T }, (_, i) => i));

  const weights = h.weights as number[][];
  const positive = weights.flat().filter((w) => w > 0).length;
  // A masked pair has weight exactly 0 and no edge; everything else is drawn.
  expect(edges).toHaveLength(positive);
  if (trace.settings.causal) expect(positive).toBe((T * (T + 1)) / 2);
  else expect(positive).toBe(T * T);
  const seen = new Set<string>();
  for (const e of edges) {
    const w = weights[e.source]?.[e.target];
    expect(w, `edge ${e.source}->${e.target} exists in the trace`).toBeDefined();
    expect(Math.abs(e.weight - (w as number)), `edge ${e.source}->${e.target}`).toBeLessThanOrEqual(
      1e-6,
    );
    if (trace.settings.causal) expect(e.target).toBeLessThanOrEqual(e.source);
    seen.add(`${e.source}-${e.target}`);
  }
  expect(seen.size, 'no edge is drawn twice').toBe(edges.length);
}

interface Case {
  name: string;
  text: string;
  typing: TypingMode;
  settings: Settings;
  /** The head chosen in the "Head" select (0-based). */
  head: number;
}

const CASES: Case[] = [
  {
    name: 'defaults, typed with fill',
    text: 'The cat sat on the mat because it was tired.',
    typing: 'fill',
    settings: DEFAULTS,
    head: 0,
  },
  {
    name: 'defaults, typed key by key with page.keyboard',
    text: "I don't think they're coming.",
    typing: 'keyboard',
    settings: DEFAULTS,
    head: 0,
  },
  {
    name: 'width 16, 2 heads, causal, seed 3, random weights, head 2, pressSequentially',
    text: 'I love Tennis & I am a big fan of Rafael Nadal.',
    typing: 'press',
    settings: { ...DEFAULTS, width: 16, heads: 2, causal: true, seed: 3, weights: 'random' },
    head: 1,
  },
  {
    name: 'width 4, no scaling, no positions, seed 12345',
    text: 'A rose is a rose is a rose.',
    typing: 'fill',
    settings: { ...DEFAULTS, width: 4, scale: false, positions: false, seed: 12345 },
    head: 0,
  },
];

describe('the app agrees with `npm run trace`', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const trace = runTrace(c.text, c.settings);
      const page = await openApp(suite.browser, suite.url, { width: 1366, height: 900 });
      try {
        await setSettings(page, c.settings);
        if (c.settings.heads > 1) {
          await page.getByLabel('Head', { exact: true }).selectOption(String(c.head));
        }
        await typeSentence(page, c.text, c.typing);
        await expect
          .poll(() => page.getByRole('textbox', { name: 'Sentence' }).inputValue())
          .toBe(c.text);
        await waitForTokens(
          page,
          trace.tokens.map((t) => t.text),
        );
        await expectAppMatchesTrace(page, trace, c.head);
        expect(errorsOf(page)).toEqual([]);
      } finally {
        await closePage(page);
      }
    });
  }

  it('follows a settings change made after typing', async () => {
    const text = 'The trophy did not fit in the suitcase because it was too big.';
    const page = await openApp(suite.browser, suite.url, { width: 1366, height: 900 });
    try {
      await typeSentence(page, text, 'fill');
      const before = runTrace(text, DEFAULTS);
      await waitForTokens(
        page,
        before.tokens.map((t) => t.text),
      );
      await expectAppMatchesTrace(page, before, 0);

      const after = { ...DEFAULTS, width: 32, seed: 99, causal: true };
      await setSettings(page, after);
      const trace = runTrace(text, after);
      // Settings apply synchronously, but give React its frame before reading.
      await expect
        .poll(async () => (await tableCells(page, 'Queries (Q)'))[0]?.length)
        .toBe(trace.dK);
      await expectAppMatchesTrace(page, trace, 0);
      expect(errorsOf(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });
});
