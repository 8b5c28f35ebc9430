/**
 * Reduced motion: with prefers-reduced-motion, switching the graph to the force layout
 * moves every node to its place at once (no CSS transition runs, the computed positions do
 * not change afterwards: the layout is computed before it is drawn, never animated), and no
 * element of the graph has a transition at all. Without the preference the graph keeps its
 * fades (of opacity, when the weights change), so the test can tell the two apart; a layout
 * change is drawn at once there too, nodes with their edges (issue 13: a glide of the nodes
 * alone left the edges pointing at places the nodes had not reached; test/e2e/graph.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closePage, goToStep, openApp } from './harness';
import { useBrowserSuite } from './suite';

const PORT = 4563;
const suite = useBrowserSuite(PORT);

/** Each node's computed transform, in token order. */
const nodeTransforms = (page: Page) =>
  page
    .locator('.attention-graph .node')
    .evaluateAll((nodes) => nodes.map((n) => getComputedStyle(n).transform));

/** Switches to the force layout and reports what moves in the next frame and later. */
async function switchToForce(page: Page) {
  await goToStep(page, 'Weighted sum');
  await page.locator('.graph-controls select').selectOption('force');
  // The running animations and the positions are read in the same task, in the next frame:
  // read one round trip later, on a busy machine, a glide could already be over.
  const { running, soon } = await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    return {
      running: document.getAnimations().filter((a) => a.playState === 'running').length,
      soon: Array.from(
        document.querySelectorAll('.attention-graph .node'),
        (n) => getComputedStyle(n).transform,
      ),
    };
  });
  const durations = await page
    .locator('.attention-graph .node, .attention-graph .edge-line')
    .evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).transitionDuration))]);
  await page.waitForTimeout(1000);
  const later = await nodeTransforms(page);
  return { running, durations, soon, later };
}

describe('motion', () => {
  it('with reduced motion, nothing animates: the force layout is drawn settled', async () => {
    const page = await openApp(suite.browser, suite.url, undefined, { reducedMotion: 'reduce' });
    try {
      const { running, durations, soon, later } = await switchToForce(page);
      expect(running).toBe(0);
      expect(durations.every((d) => d.split(',').every((x) => x.trim() === '0s'))).toBe(true);
      expect(soon).toEqual(later);
      expect(soon.length).toBe(4);
    } finally {
      await closePage(page);
    }
  }, 180_000);

  it('without the preference, the graph keeps its fades (so the test above can fail), and the switch is immediate', async () => {
    const page = await openApp(suite.browser, suite.url, undefined, {
      reducedMotion: 'no-preference',
    });
    try {
      const { durations, soon, later } = await switchToForce(page);
      expect(durations.some((d) => d.split(',').some((x) => x.trim() !== '0s'))).toBe(true);
      expect(soon).toEqual(later);
    } finally {
      await closePage(page);
    }
  }, 180_000);
});
