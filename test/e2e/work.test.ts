/**
 * "Show the work" in a real browser: clicking a heatmap cell (or a graph edge) opens the
 * arithmetic of the current step, and every number in it equals `npm run trace`'s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  closePage,
  DEFAULTS,
  errorsOf,
  goToStep,
  openApp,
  parseShown,
  runTrace,
  setSettings,
  typeSentence,
  waitForTokens,
  type TraceJson,
} from './harness';
import { useBrowserSuite } from './suite';

const PORT = 4403;

const suite = useBrowserSuite(PORT);
const TEXT = 'The cat sat on the mat because it was tired.';
/** "it" attends to "cat". */
const I = 7;
const J = 1;

let page: Page;
let trace: TraceJson;

beforeAll(async () => {
  trace = runTrace(TEXT, DEFAULTS);
  page = await openApp(suite.browser, suite.url, { width: 1366, height: 900 });
  await typeSentence(page, TEXT, 'fill');
  await waitForTokens(
    page,
    trace.tokens.map((t) => t.text),
  );
});

afterAll(async () => {
  if (page) await closePage(page);
});

const head = () => trace.heads[0] as TraceJson['heads'][number];
const at = (m: (number | null)[][], i: number, j: number) => m[i]?.[j] as number;

function workPanel(): Locator {
  return page.getByRole('region', { name: 'Show the work' });
}

/** The numbers of kind `kind` in the work panel, as shown (4 decimals) and in full (data-value). */
async function nums(kind: string): Promise<{ shown: number; full: number }[]> {
  return workPanel()
    .locator(`[data-work="${kind}"]`)
    .evaluateAll((els) =>
      els.map((e) => ({
        text: (e.textContent ?? '').trim(),
        full: e.getAttribute('data-value'),
      })),
    )
    .then((list) =>
      list.map(({ text, full }) => ({
        shown: parseShown(text),
        full: full === null ? -Infinity : Number(full),
      })),
    );
}

/** A shown number equals `want` to 4 decimals, and its full value to float32 precision. */
function expectNum(got: { shown: number; full: number } | undefined, want: number, what: string) {
  expect(got, what).toBeDefined();
  const { shown, full } = got as { shown: number; full: number };
  if (want === -Infinity) {
    expect(shown, what).toBe(-Infinity);
    return;
  }
  expect(Math.abs(shown - want), `${what}: shown ${shown}, trace ${want}`).toBeLessThanOrEqual(
    0.5e-4 + 1e-6,
  );
  expect(Math.abs(full - want), `${what}: full ${full}, trace ${want}`).toBeLessThanOrEqual(
    1e-6 * Math.max(1, Math.abs(want)),
  );
}

function heatmapCell(i: number, j: number): Locator {
  return page
    .getByRole('img', { name: 'Attention heatmap' })
    .locator(`[data-i="${i}"][data-j="${j}"]`);
}

describe('show the work', () => {
  it('shows a hint until a cell is selected', async () => {
    await goToStep(page, 'Score');
    await expect.poll(() => workPanel().textContent()).toContain('Click a cell');
    expect(await workPanel().locator('[data-work]').count()).toBe(0);
  });

  it('at Score: q_i, k_j, their products, the score and the scaled score', async () => {
    await heatmapCell(I, J).click();
    await workPanel().locator('[data-step="score"]').waitFor();
    const pair = `${trace.tokens[I]?.text} → ${trace.tokens[J]?.text}`;
    expect(await workPanel().getByRole('heading', { level: 3 }).textContent()).toContain(pair);

    const q = await nums('q');
    const k = await nums('k');
    const products = await nums('product');
    expect(q).toHaveLength(trace.dK);
    expect(k).toHaveLength(trace.dK);
    for (let d = 0; d < trace.dK; d++) {
      expectNum(q[d], at(head().q, I, d), `q[${d}]`);
      expectNum(k[d], at(head().k, J, d), `k[${d}]`);
      const p = products[d] as { full: number };
      expect(Math.abs(p.full - at(head().q, I, d) * at(head().k, J, d))).toBeLessThanOrEqual(1e-6);
    }
    expectNum((await nums('score'))[0], at(head().scores, I, J), 'score');
    expectNum((await nums('sqrt-dk'))[0], Math.sqrt(trace.dK), '√dK');
    expectNum((await nums('scaled'))[0], at(head().scaled, I, J), 'scaled score');
    // The cell is marked as selected in the heatmap.
    await page.locator(`[data-selected-cell="${I},${J}"]`).waitFor();
  });

  it('at Softmax: the row of scores, its exponentials and the weight', async () => {
    await goToStep(page, 'Softmax');
    await workPanel().locator('[data-step="softmax"]').waitFor();
    const T = trace.tokens.length;
    const scores = await nums('softmax-score');
    const weights = await nums('weight');
    const exps = await nums('exp');
    expect(scores).toHaveLength(T);
    expect(weights).toHaveLength(T);
    const row = head().masked[I] as (number | null)[];
    const max = Math.max(...row.map((s) => (s === null ? -Infinity : s)));
    let sum = 0;
    for (let t = 0; t < T; t++) {
      const s = row[t] ?? -Infinity;
      expectNum(scores[t], s, `score ${I},${t}`);
      expectNum(weights[t], at(head().weights, I, t), `weight ${I},${t}`);
      expectNum(exps[t], Math.exp(s - max), `exp ${I},${t}`);
      sum += Math.exp(s - max);
    }
    expectNum((await nums('exp-sum'))[0], sum, 'Σ exp');
    expectNum((await nums('weight-sum'))[0], 1, 'Σ weights');
    // The selected key's row is the one marked current.
    const current = workPanel().locator('tr[aria-current="true"]');
    expect(await current.locator('th').textContent()).toBe(trace.tokens[J]?.text);
    expectNum((await nums('weight'))[J], at(head().weights, I, J), 'the selected weight');
  });

  it('at Weighted sum: each weight times its value, added up to the output row', async () => {
    await goToStep(page, 'Weighted sum');
    await workPanel().locator('[data-step="weighted"]').waitFor();
    const T = trace.tokens.length;
    const w = await nums('w');
    const v = await nums('v');
    const out = await nums('output');
    expect(w).toHaveLength(T);
    expect(v).toHaveLength(T * trace.dK);
    expect(out).toHaveLength(trace.dK);
    for (let t = 0; t < T; t++) {
      expectNum(w[t], at(head().weights, I, t), `w ${I},${t}`);
      for (let d = 0; d < trace.dK; d++)
        expectNum(v[t * trace.dK + d], at(head().v, t, d), `v ${t},${d}`);
    }
    for (let d = 0; d < trace.dK; d++)
      expectNum(out[d], at(head().output, I, d), `output ${I},${d}`);
  });

  it('Close clears the work and the selected cell', async () => {
    await workPanel().getByRole('button', { name: 'Close the arithmetic' }).click();
    await expect.poll(() => workPanel().locator('[data-work]').count()).toBe(0);
    expect(await workPanel().textContent()).toContain('Click a cell');
    expect(await page.locator('[data-selected-cell]').count()).toBe(0);
  });

  it('clicking a graph edge opens the same arithmetic', async () => {
    await goToStep(page, 'Softmax');
    const graph = page.getByRole('img', { name: 'Attention graph' });
    await graph.scrollIntoViewIfNeeded();
    // The strongest edge between two different tokens is drawn on top of the weaker ones.
    const edges = await graph
      .locator('[data-source][data-target][data-weight]')
      .evaluateAll((els) =>
        els.map((e) => ({
          i: Number(e.getAttribute('data-source')),
          j: Number(e.getAttribute('data-target')),
          w: Number(e.getAttribute('data-weight')),
        })),
      );
    const offDiagonal = edges.filter((e) => e.i !== e.j).sort((a, b) => b.w - a.w);
    let clicked: { i: number; j: number } | null = null;
    for (const e of offDiagonal.slice(0, 8)) {
      // A point in the middle of the drawn curve that the edge itself would receive a click at.
      const point = await graph
        .locator(`[data-source="${e.i}"][data-target="${e.j}"] path.edge-line`)
        .evaluate((p) => {
          const path = p as SVGPathElement;
          const length = path.getTotalLength();
          for (const f of [0.5, 0.4, 0.6, 0.3, 0.7]) {
            const local = path.getPointAtLength(length * f);
            const ctm = path.getScreenCTM();
            if (!ctm) return null;
            const x = ctm.a * local.x + ctm.c * local.y + ctm.e;
            const y = ctm.b * local.x + ctm.d * local.y + ctm.f;
            const hit = document.elementFromPoint(x, y)?.closest('[data-source]');
            if (hit && hit === path.closest('[data-source]')) return { x, y };
          }
          return null;
        });
      if (!point) continue;
      await page.mouse.click(point.x, point.y);
      clicked = e;
      break;
    }
    expect(clicked, 'an edge could be clicked').not.toBeNull();
    const { i, j } = clicked as { i: number; j: number };
    await workPanel().locator('[data-step="softmax"]').waitFor();
    const pair = `${trace.tokens[i]?.text} → ${trace.tokens[j]?.text}`;
    expect(await workPanel().getByRole('heading', { level: 3 }).textContent()).toContain(pair);
    expectNum((await nums('weight'))[j], at(head().weights, i, j), `weight ${i},${j}`);
    await page.locator(`[data-selected-cell="${i},${j}"]`).waitFor();
  });

  it('a focused edge opens its arithmetic with Enter', async () => {
    await workPanel().getByRole('button', { name: 'Close the arithmetic' }).click();
    // Every edge: 2 → 1 need not be one of token 2's covering edges.
    await page.getByRole('checkbox', { name: 'Show every edge' }).check();
    const edge = page
      .getByRole('img', { name: 'Attention graph' })
      .locator('[data-source="2"][data-target="1"]');
    await edge.focus();
    await page.keyboard.press('Enter');
    await workPanel().locator('[data-step="softmax"]').waitFor();
    expectNum((await nums('weight'))[1], at(head().weights, 2, 1), 'weight 2,1');
  });

  it('with the causal mask, a later key shows as masked with weight 0', async () => {
    const settings = { ...DEFAULTS, causal: true };
    const causal = runTrace(TEXT, settings);
    await setSettings(page, settings);
    await goToStep(page, 'Score');
    await heatmapCell(1, 4).click();
    await workPanel().locator('[data-work="masked"]').waitFor();
    await goToStep(page, 'Softmax');
    await workPanel().locator('[data-step="softmax"]').waitFor();
    const weights = await nums('weight');
    const scores = await nums('softmax-score');
    const h = causal.heads[0] as TraceJson['heads'][number];
    for (let t = 0; t < causal.tokens.length; t++) {
      expectNum(weights[t], at(h.weights, 1, t), `weight 1,${t}`);
      expectNum(scores[t], h.masked[1]?.[t] ?? -Infinity, `masked score 1,${t}`);
      if (t > 1) expect(weights[t]?.full).toBe(0);
    }
  });

  it('logged no console errors', () => {
    expect(errorsOf(page)).toEqual([]);
  });
});
