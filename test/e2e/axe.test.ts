/**
 * WCAG 2.1 AA, checked by axe-core in Chromium: every step of the walkthrough, one head and
 * several ("All heads"), each heatmap mode, each graph layout, the SVG heatmap and the
 * canvas one, a selected cell, the About dialog, the QR code, the worksheet, the Lab, at a desktop
 * and a phone size, and with reduced motion. A failure lists every violation: rule,
 * impact and the selectors of the offending elements.
 *
 * The checks are a table of modes, each an async function that puts a freshly opened page
 * into that state: a new state of the app is one more line in MODES, for instance
 *   { name: 'dark theme', colorScheme: 'dark', enter: async () => {} },
 *   { name: 'presentation', enter: (page) => page.keyboard.press('p') },
 */
import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { closePage, openApp, stepNav, tablesSettled, typeSentence, waitForTokens } from './harness';
import { useBrowserSuite } from './suite';
import { stepsFor } from '../../src/vocabulary/steps';

const PORT = 4561;
const suite = useBrowserSuite(PORT);

/** The rule sets of WCAG 2.1 levels A and AA. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** A state of the app to check. */
interface Mode {
  readonly name: string;
  /** Puts the freshly opened page into the state. */
  readonly enter: (page: Page) => Promise<void>;
  readonly viewport?: { width: number; height: number };
  /** The app's first state is checked with motion allowed, unless a mode asks otherwise. */
  readonly reducedMotion?: 'reduce' | 'no-preference';
  /** The page's prefers-color-scheme (light unless a mode says otherwise). */
  readonly colorScheme?: 'light' | 'dark';
  /** Also checks the visually hidden data tables (see the comment above MODES). */
  readonly tables?: boolean;
  /** Checks only these parts of the page (CSS selectors); the whole page when absent. */
  readonly only?: readonly string[];
}

/** Waits until every finite CSS animation and transition has ended and two frames have painted. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document
      .getAnimations()
      .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
    // An animation in a part of the page the browser skips (content-visibility: auto, off
    // screen) does not run, so its finished promise may never settle: wait 2 s at most.
    await Promise.all(
      finite.map((a) =>
        Promise.race([
          a.finished.catch(() => undefined),
          new Promise((resolve) => setTimeout(resolve, 2000)),
        ]),
      ),
    );
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** Clicks the step at `index` of the walkthrough's list of steps. */
async function goToStepAt(page: Page, index: number): Promise<void> {
  const steps = stepNav(page).getByRole('list').getByRole('button');
  await steps.nth(index).click();
  await page.waitForFunction((i) => {
    const buttons = document.querySelectorAll('nav[aria-label="Steps"] li button');
    return buttons[i]?.getAttribute('aria-current') === 'step';
  }, index);
}

/** Goes to the last step (all results shown). */
async function lastStep(page: Page): Promise<void> {
  const count = await stepNav(page).getByRole('list').getByRole('button').count();
  await goToStepAt(page, count - 1);
}

async function setHeads(page: Page, heads: number): Promise<void> {
  await page.getByLabel('Heads', { exact: true }).selectOption(String(heads));
}

async function setCausal(page: Page, on: boolean): Promise<void> {
  await page.getByRole('checkbox', { name: 'Causal mask', exact: true }).setChecked(on);
}

/** A sentence of `n` tokens (words only, all in GloVe's vocabulary). */
function sentenceOf(n: number): { text: string; tokens: string[] } {
  const words = ['the', 'cat', 'sat', 'on', 'mat', 'because', 'it', 'was', 'tired'];
  const tokens = Array.from({ length: n }, (_, k) => words[k % words.length] as string);
  return { text: tokens.join(' '), tokens };
}

async function typeTokens(page: Page, n: number): Promise<void> {
  const { text, tokens } = sentenceOf(n);
  await typeSentence(page, text);
  await waitForTokens(page, tokens);
}

/** Selects the heatmap matrix `value` (scores, scaled, masked, weights) with its radio button. */
async function heatmapMode(page: Page, value: string): Promise<void> {
  await page.locator(`.hm-mode input[value="${value}"]`).check();
}

async function graphLayout(page: Page, layout: string): Promise<void> {
  await page.locator('.graph-controls select').selectOption(layout);
}

/** Selects cell (1, 2) of the heatmap: a click on the SVG's cell, Enter on the canvas's. */
async function selectCell(page: Page): Promise<void> {
  const heatmap = page.getByRole('img', { name: 'Attention heatmap' });
  if ((await heatmap.getAttribute('data-renderer')) === 'canvas') {
    await heatmap.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
  } else {
    await page.locator('.heatmap [data-i="1"][data-j="2"]').click();
  }
  await page.locator('[data-selected-cell="1,2"]').waitFor();
}

const ONE_HEAD_STEPS = stepsFor(1);
const MANY_HEADS_STEPS = stepsFor(4);

/**
 * The hidden data tables are the same at every step, layout, size and dialog: only the
 * heads (a "Final output" table) and the causal mask (−∞ cells) change what they hold, and
 * the length only their number of rows. They are checked in the modes marked `tables` (one
 * head, four heads, a causal mode) and left out of the others: at 32 tokens axe took 16 s
 * with them and 3 s without.
 */

/**
 * A longer sentence changes how the heatmap and the graph draw (cell and type sizes, which
 * numbers and labels fit, the SVG or the canvas heatmap); everywhere else it only repeats
 * the same elements, a row or a chip per token, which the modes at the default length
 * check. The long modes check the two drawings (and the work panel when a cell is
 * selected): at 32 tokens axe took 21 s for the whole page, a fifth of this file.
 */
const DRAWINGS = ['.heatmap-panel', '.graph-panel'];

/** Every state checked. Add a mode with one line. */
const MODES: readonly Mode[] = [
  ...ONE_HEAD_STEPS.map((step, k) => ({
    name: `1 head, step ${step}`,
    enter: (page: Page) => goToStepAt(page, k),
    tables: k === 0,
  })),
  ...MANY_HEADS_STEPS.map((step, k) => ({
    name: `4 heads, All heads, step ${step}`,
    enter: async (page: Page) => {
      await setHeads(page, 4);
      await page.getByRole('checkbox', { name: 'All heads', exact: true }).check();
      await goToStepAt(page, k);
    },
    tables: k === 0,
  })),
  ...['scores', 'scaled', 'masked', 'weights'].map((value) => ({
    name: `heatmap mode ${value} (causal)`,
    enter: async (page: Page) => {
      await setCausal(page, true);
      await lastStep(page);
      await heatmapMode(page, value);
    },
    tables: value === 'masked',
  })),
  ...['line', 'circle', 'force'].map((layout) => ({
    name: `graph layout ${layout}`,
    enter: async (page: Page) => {
      await lastStep(page);
      await graphLayout(page, layout);
    },
  })),
  {
    name: 'graph with a focused token',
    enter: async (page) => {
      await lastStep(page);
      await page.locator('.attention-graph [data-token-index="1"]').click();
    },
  },
  {
    name: 'SVG heatmap at 32 tokens',
    enter: async (page) => {
      await typeTokens(page, 32);
      await lastStep(page);
    },
    only: DRAWINGS,
  },
  {
    name: 'canvas heatmap at 40 tokens, a cell selected',
    only: [...DRAWINGS, '.work'],
    enter: async (page) => {
      await typeTokens(page, 40);
      await lastStep(page);
      await selectCell(page);
    },
  },
  {
    name: 'a cell selected (SVG heatmap, work panel open)',
    enter: async (page) => {
      await lastStep(page);
      await selectCell(page);
    },
  },
  {
    name: 'About dialog',
    enter: async (page) => {
      await page.getByRole('button', { name: 'About', exact: true }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'QR code',
    enter: async (page) => {
      await page.getByRole('button', { name: 'QR code', exact: true }).click();
      await page.getByRole('img', { name: 'QR code of the link to this view' }).waitFor();
    },
  },
  {
    name: 'worksheet',
    enter: async (page) => {
      await page.getByRole('button', { name: 'Worksheet', exact: true }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  ...ONE_HEAD_STEPS.map((step, k) => ({
    name: `phone, step ${step}`,
    viewport: PHONE,
    enter: (page: Page) => goToStepAt(page, k),
  })),
  {
    name: 'phone, a cell selected',
    viewport: PHONE,
    enter: async (page) => {
      await lastStep(page);
      await selectCell(page);
    },
  },
  {
    name: 'phone, About dialog',
    viewport: PHONE,
    enter: async (page) => {
      await page.getByRole('button', { name: 'About', exact: true }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
  { name: 'the Lab, trained a little', enter: labTrained },
  { name: 'phone, the Lab, trained a little', viewport: PHONE, enter: labTrained },
  {
    name: 'reduced motion, force layout, 4 heads',
    reducedMotion: 'reduce',
    enter: async (page) => {
      await setHeads(page, 4);
      await lastStep(page);
      await graphLayout(page, 'force');
    },
  },
];

/** Opens the Attention Lab and trains for a moment, so the curve, graph and heatmap show learned weights. */
async function labTrained(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Attention Lab', exact: true }).click();
  const status = page.getByRole('status', { name: 'Training status' });
  await status.waitFor();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForFunction(
    () =>
      Number(document.querySelector('[aria-label="Training status"]')?.getAttribute('data-step')) >=
      50,
    undefined,
    { timeout: 60_000 },
  );
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor();
}

/** One line per violation and element: rule, impact, selector, and axe's summary. */
function describeViolations(
  violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'],
): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${v.id} (${v.impact ?? 'no impact'}) at ${node.target.join(' ')}: ${(node.failureSummary ?? v.help).replace(/\s+/g, ' ')}`,
    ),
  );
}

describe('axe-core finds no WCAG 2.1 AA violation', () => {
  it('covers every step for one head and for several, the tables in three modes, the whole page but at length', () => {
    // The table above is built from stepsFor, so this guards against an empty walkthrough.
    expect(ONE_HEAD_STEPS.length).toBeGreaterThanOrEqual(5);
    expect(MANY_HEADS_STEPS.length).toBe(ONE_HEAD_STEPS.length + 1);
    // Only the long sentences' modes check part of the page.
    expect(MODES.filter((m) => m.only).map((m) => m.name)).toEqual([
      'SVG heatmap at 32 tokens',
      'canvas heatmap at 40 tokens, a cell selected',
    ]);
    expect(MODES.filter((m) => m.tables).map((m) => m.name)).toEqual([
      `1 head, step ${ONE_HEAD_STEPS[0]}`,
      `4 heads, All heads, step ${MANY_HEADS_STEPS[0]}`,
      'heatmap mode masked (causal)',
    ]);
  });

  // Each mode has a page of its own, so two run at once (the e2e project's maxConcurrency):
  // this file is the longest of the browser tests, and would otherwise end alone.
  for (const mode of MODES) {
    it.concurrent(
      mode.name,
      async ({ expect }) => {
        const page = await openApp(suite.browser, suite.url, mode.viewport ?? DESKTOP, {
          reducedMotion: mode.reducedMotion ?? 'no-preference',
        });
        try {
          await mode.enter(page);
          await settle(page);
          if (mode.tables) await tablesSettled(page);
          const axe = new AxeBuilder({ page }).withTags(WCAG_21_AA);
          for (const part of mode.only ?? []) axe.include(part);
          if (!mode.tables) axe.exclude('.data-tables');
          const result = await axe.analyze();
          expect(describeViolations(result.violations)).toEqual([]);
        } finally {
          await closePage(page);
        }
      },
      180_000,
    );
  }
});
