/**
 * The graph as the background texts draw it (issue 13, item 2), in Chromium:
 * - the example sentences draw at most 3 edges per token on average by default (each
 *   token's covering edges), and every pair with "Show every edge";
 * - a layout change draws nodes, edges and weight labels at their new places at once: 100 ms
 *   after the switch nothing is where the old layout had it, nor still on its way;
 * - 200 tokens still say something: a faint overview, the hovered token's edges strong on
 *   top. Screenshots of both go to test-results/e2e/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../../src/messages';
import { closePage, OUTPUT_DIR, openApp } from './harness';
import { useBrowserSuite } from './suite';

const PORT = 4611;
const suite = useBrowserSuite(PORT);

/** The app at step Softmax for `text`, with more link fields if given. */
const linkTo = (text: string, more = '') =>
  `${suite.url}#step=softmax${more}&t=${encodeURIComponent(text)}`;

/** Drawn edges and token nodes of the graph. */
const counts = (page: Page) =>
  page.evaluate(() => ({
    edges: document.querySelectorAll('.attention-graph .edge').length,
    tokens: document.querySelectorAll('.attention-graph [data-token-index]').length,
  }));

/** Where everything of the graph is drawn right now: computed paths, node places, labels. */
const drawing = (page: Page) =>
  page.evaluate(() => {
    const graph = document.querySelector('.attention-graph')!;
    const edges: Record<string, string> = {};
    for (const g of graph.querySelectorAll<SVGGElement>('.edge')) {
      const line = g.querySelector('.edge-line')!;
      edges[`${g.dataset.source}-${g.dataset.target}`] = getComputedStyle(line).d;
    }
    const nodes = Array.from(
      graph.querySelectorAll('[data-token-index]'),
      (n) => getComputedStyle(n).transform,
    );
    const labels = Array.from(
      graph.querySelectorAll('.edge-label'),
      (t) => `${t.getAttribute('x')},${t.getAttribute('y')}`,
    );
    return { edges, nodes, labels };
  });

/** Switches the layout and returns the drawing 100 ms later and once everything settled. */
async function switchLayout(page: Page, layout: string) {
  await page.locator('.graph-controls select').selectOption(layout);
  await page.waitForTimeout(100);
  const soon = await drawing(page);
  await page.waitForTimeout(1200);
  return { soon, settled: await drawing(page) };
}

describe('the attention graph', () => {
  it('draws the example sentences with at most 3 edges per token on average', async () => {
    const page = await openApp(suite.browser, suite.url);
    let edges = 0;
    let tokens = 0;
    const rows: string[] = [];
    try {
      for (const { text } of en.shell.examples.items) {
        await page.goto(linkTo(text));
        await page.reload();
        await page.locator('.attention-graph .edge').first().waitFor();
        const c = await counts(page);
        rows.push(`${c.edges} edges / ${c.tokens} tokens = ${(c.edges / c.tokens).toFixed(2)}`);
        edges += c.edges;
        tokens += c.tokens;
        expect(c.edges).toBeGreaterThanOrEqual(c.tokens);
      }
      const average = edges / tokens;
      console.log(`default graph of the examples:\n  ${rows.join('\n  ')}\n  all: ${average}`);
      expect(average).toBeLessThanOrEqual(3);
      // "Show every edge" draws every pair (the cat sentence: 11 tokens, 121 edges).
      await page.goto(linkTo('The cat sat on the mat because it was tired.'));
      await page.reload();
      await page.locator('.attention-graph .edge').first().waitFor();
      await page.getByRole('checkbox', { name: 'Show every edge' }).check();
      expect(await counts(page)).toEqual({ edges: 121, tokens: 11 });
      // And so does a lesson link that says every=1, with the box ticked.
      await page.goto(linkTo('The cat sat on the mat because it was tired.', '&every=1'));
      await page.reload();
      await page.locator('.attention-graph .edge').first().waitFor();
      expect(await counts(page)).toEqual({ edges: 121, tokens: 11 });
      expect(await page.getByRole('checkbox', { name: 'Show every edge' }).isChecked()).toBe(true);
    } finally {
      await closePage(page);
    }
  }, 180_000);

  it('moves nodes, edges and weight labels to a new layout at once, not after a glide', async () => {
    const page = await openApp(suite.browser, suite.url, undefined, {
      reducedMotion: 'no-preference',
    });
    try {
      const text = 'The cat sat on the mat because it was tired.';
      await page.goto(linkTo(text, '&focus=7&every=1'));
      await page.reload();
      await page.locator('.attention-graph .edge-label').first().waitFor();
      const before = await drawing(page);
      expect(before.labels).toHaveLength(11);
      // Line to circle (the paths change shape), circle to force (they keep it, and could glide).
      for (const layout of ['circle', 'force']) {
        const previous = await drawing(page);
        const { soon, settled } = await switchLayout(page, layout);
        expect(soon, layout).toEqual(settled);
        expect(Object.keys(soon.edges)).toHaveLength(11);
        for (const [key, d] of Object.entries(soon.edges))
          expect(d, `${layout} ${key}`).not.toBe(previous.edges[key]);
        expect(soon.nodes).not.toEqual(previous.nodes);
        expect(soon.labels).not.toEqual(previous.labels);
      }
      // Every token's edges, back to the line.
      await page.getByRole('button', { name: 'Show every token' }).click();
      const { soon, settled } = await switchLayout(page, 'line');
      expect(Object.keys(soon.edges)).toHaveLength(121);
      expect(soon).toEqual(settled);
    } finally {
      await closePage(page);
    }
  }, 180_000);

  it('draws 200 tokens as a faint overview with the hovered token’s edges strong on top', async () => {
    const page = await openApp(suite.browser, suite.url, { width: 1366, height: 1000 });
    try {
      const words = (
        'the cat sat on the mat because it was tired and the dog ran to the park where ' +
        'children played with a red ball while their parents talked about the weather'
      ).split(' ');
      const text = Array.from({ length: 200 }, (_, k) => words[k % words.length]).join(' ');
      await page.goto(linkTo(text));
      await page.reload();
      await page.locator('.attention-graph .edge').first().waitFor();
      const { edges, tokens } = await counts(page);
      expect(tokens).toBe(200);
      expect(edges).toBeLessThanOrEqual(1000);
      const opacities = await page
        .locator('.attention-graph .edges .edge-line')
        .evaluateAll((ls) => ls.map((l) => Number(getComputedStyle(l).opacity)));
      // The overview is faint: no edge of it at full strength.
      expect(Math.max(...opacities)).toBeLessThanOrEqual(0.35);
      mkdirSync(OUTPUT_DIR, { recursive: true });
      const panel = page.locator('.graph-panel');
      await panel.screenshot({ path: path.join(OUTPUT_DIR, 'graph-200-tokens.png') });
      // Point at token 7 ("it"): its edges are drawn on top in the highlight colour.
      // The node's centre is its hit disc's (the group's box also holds the label beside it).
      const box = await page
        .locator('.attention-graph [data-token-index="7"] .node-hit')
        .boundingBox();
      await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
      await page.locator('.attention-graph.has-highlight').waitFor();
      const strong = await page
        .locator('.attention-graph .edge-line--hl')
        .evaluateAll((ls) => ls.map((l) => Number(getComputedStyle(l).opacity)));
      expect(strong.length).toBeGreaterThan(0);
      expect(Math.min(...strong)).toBe(1);
      await panel.screenshot({ path: path.join(OUTPUT_DIR, 'graph-200-tokens-hover.png') });
    } finally {
      await closePage(page);
    }
  }, 180_000);
});
