// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkPanel } from '../../../src/components/work/WorkPanel';
import { at, row } from '../../../src/core/matrix';
import { computeTrace } from '../../../src/core/trace';
import type { AttentionSettings, AttentionTrace } from '../../../src/core/types';
import { useAppStore } from '../../../src/store/store';
import { gloveVectors, resetStore } from '../../helpers/testStore';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { StepId } from '../../../src/vocabulary/steps';
import type { Cell } from '../../../src/vocabulary/cell';

const TEXT = 'I love tennis and my cat loves it too.';
/** Half a unit in the last displayed decimal (4 decimals), plus float slack. */
const HALF = 5.01e-5;

/** A displayed number back to a number: true minus signs, "−∞". */
function parse(text: string | null): number {
  return text === '−∞' ? -Infinity : Number((text ?? '').replace('−', '-'));
}

/** The displayed numbers of a kind (the `data-work` attribute of Num). */
function shown(kind: string): number[] {
  return Array.from(document.querySelectorAll(`[data-work="${kind}"]`), (el) =>
    parse(el.textContent),
  );
}

/** The one displayed number of a kind. */
function one(kind: string): number {
  const values = shown(kind);
  expect(values, kind).toHaveLength(1);
  return values[0] as number;
}

/** Renders the panel at `step` with `selection` and returns the same trace computed independently. */
async function setup(
  step: StepId,
  selection: Cell | null,
  settings: Partial<AttentionSettings> = {},
): Promise<AttentionTrace> {
  await resetStore({ text: TEXT, settings, state: { step, selection } });
  render(<WorkPanel />);
  return computeTrace(TEXT, { ...DEFAULT_SETTINGS, ...settings }, await gloveVectors());
}

describe('WorkPanel', () => {
  beforeEach(() => resetStore());
  afterEach(cleanup);

  it('invites a click while nothing is selected', async () => {
    await setup('score', null);
    expect(
      screen.getByText(/Click a cell of the heatmap or an edge of the graph/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /close/i })).toBeNull();
    // Closed: the stage's CSS keeps it out of the picture's columns.
    expect(document.querySelector('.work')).not.toHaveAttribute('data-open');
  });

  it('names the two tokens, the arrow meaning "attends to"', async () => {
    await setup('score', { i: 1, j: 2 });
    expect(screen.getByRole('heading', { name: 'love → tennis' })).toBeInTheDocument();
    expect(screen.getByText(/“love” attends to “tennis”/)).toBeInTheDocument();
    expect(document.querySelector('.work')).toHaveAttribute('data-open');
  });

  it('at Score: the products add up to the trace score, then ÷ √dK gives the scaled score', async () => {
    const trace = await setup('score', { i: 1, j: 2 }, { width: 16 });
    const head = trace.heads[0]!;
    const products = shown('product');
    expect(products).toHaveLength(16);
    // Each displayed product is q[d] × k[d] of the trace's rows.
    const q = row(head.q, 1);
    const k = row(head.k, 2);
    products.forEach((p, d) => expect(Math.abs(p - q[d]! * k[d]!)).toBeLessThanOrEqual(HALF));
    expect(
      shown('q')
        .map((x, d) => Math.abs(x - q[d]!))
        .every((e) => e <= HALF),
    ).toBe(true);
    const score = one('score');
    expect(Math.abs(score - at(head.scores, 1, 2))).toBeLessThanOrEqual(HALF);
    // The products as displayed add up to the displayed sum, within their rounding.
    const total = products.reduce((a, b) => a + b, 0);
    expect(Math.abs(total - score)).toBeLessThanOrEqual(HALF * (products.length + 1));
    expect(Math.abs(one('scaled') - at(head.scaled, 1, 2))).toBeLessThanOrEqual(HALF);
    expect(one('sqrt-dk')).toBe(4);
    // The full values ride in the titles.
    const scoreEl = document.querySelector('[data-work="score"]')!;
    expect(Number(scoreEl.getAttribute('title')!.replace('−', '-'))).toBeCloseTo(
      at(head.scores, 1, 2),
      5,
    );
    expect(screen.queryByText(/causal mask hides/)).toBeNull();
  });

  it('at Score with scaling off: says so, and shows no division', async () => {
    await setup('qkv', { i: 0, j: 0 }, { scale: false });
    expect(document.querySelector('.work')).toHaveTextContent(/Scaling by √dk is off/);
    expect(shown('scaled')).toHaveLength(0);
  });

  it('explains a masked cell under the causal mask', async () => {
    await setup('score', { i: 1, j: 3 }, { causal: true });
    expect(
      screen.getByText(/The causal mask hides “and” from “love”.*−∞.*exactly 0/),
    ).toBeInTheDocument();
  });

  it('at Softmax: row of scores, maximum, exponentials, their sum and the trace weights as quotients', async () => {
    const trace = await setup('softmax', { i: 2, j: 4 }, { causal: true, temperature: 0.5 });
    const head = trace.heads[0]!;
    const T = trace.tokens.length;
    const scores = shown('softmax-score');
    expect(scores).toHaveLength(T);
    scores.forEach((s, t) => {
      const want = at(head.masked, 2, t);
      if (want === -Infinity) expect(s).toBe(-Infinity);
      else expect(Math.abs(s - want)).toBeLessThanOrEqual(HALF);
    });
    const weights = shown('weight');
    weights.forEach((w, t) =>
      expect(Math.abs(w - at(head.weights, 2, t))).toBeLessThanOrEqual(HALF),
    );
    // Masked keys (after token 2) give exp(−∞) = 0 and weight 0.
    const exps = shown('exp');
    expect(exps.slice(3).every((e) => e === 0)).toBe(true);
    const sum = one('exp-sum');
    exps.forEach((e, t) =>
      expect(Math.abs(e / sum - at(head.weights, 2, t))).toBeLessThanOrEqual(1e-3),
    );
    expect(Math.abs(one('weight-sum') - 1)).toBeLessThanOrEqual(HALF);
    // τ ≠ 1 is mentioned and has its own column.
    expect(screen.getByText(/temperature τ = 0\.50/)).toBeInTheDocument();
    expect(shown('exponent')).toHaveLength(T);
    // The selected key's row is emphasised.
    const selected = document.querySelector('tr[aria-current="true"]')!;
    expect(selected.querySelector('th')?.textContent).toBe(trace.tokens[4]!.text);
  });

  it('at Weighted sum: each weight times its value vector, adding up to the head output row', async () => {
    const trace = await setup('weighted', { i: 1, j: 2 });
    const head = trace.heads[0]!;
    const T = trace.tokens.length;
    const dK = trace.dK;
    const terms = shown('term');
    expect(terms).toHaveLength(T * dK);
    const output = shown('output');
    expect(output).toHaveLength(dK);
    for (let d = 0; d < dK; d++) {
      expect(Math.abs(output[d]! - at(head.output, 1, d))).toBeLessThanOrEqual(HALF);
      let total = 0;
      for (let t = 0; t < T; t++) total += terms[t * dK + d]!;
      expect(Math.abs(total - output[d]!)).toBeLessThanOrEqual(HALF * (T + 1));
    }
    shown('w').forEach((w, t) =>
      expect(Math.abs(w - at(head.weights, 1, t))).toBeLessThanOrEqual(HALF),
    );
    expect(document.querySelector('tbody.work-selected')?.getAttribute('data-token')).toBe('2');
  });

  it('at Output: concat times a column of wo gives the final output entry', async () => {
    const user = userEvent.setup();
    const trace = await setup('output', { i: 3, j: 0 }, { heads: 2, width: 8 });
    expect(Math.abs(one('final') - at(trace.output, 3, 0))).toBeLessThanOrEqual(HALF);
    await user.selectOptions(screen.getByLabelText('Output column'), 'd5');
    expect(Math.abs(one('final') - at(trace.output, 3, 5))).toBeLessThanOrEqual(HALF);
    const products = shown('projection-product');
    expect(products).toHaveLength(8);
    expect(Math.abs(products.reduce((a, b) => a + b, 0) - one('final'))).toBeLessThanOrEqual(
      HALF * 9,
    );
    // The weighted sum of the selected head is still shown above.
    expect(shown('output')).toHaveLength(trace.dK);
  });

  it('follows the selected head', async () => {
    const trace = await setup('score', { i: 0, j: 1 }, { heads: 2 });
    act(() => useAppStore.getState().setHead(1));
    expect(Math.abs(one('score') - at(trace.heads[1]!.scores, 0, 1))).toBeLessThanOrEqual(HALF);
    expect(screen.getByText(/in head 2/)).toBeInTheDocument();
  });

  it('the close button clears the selection', async () => {
    const user = userEvent.setup();
    await setup('score', { i: 1, j: 2 });
    await user.click(screen.getByRole('button', { name: 'Close the arithmetic' }));
    expect(useAppStore.getState().selection).toBeNull();
    expect(screen.getByText(/Click a cell of the heatmap/)).toBeInTheDocument();
  });

  it('shows the hint, not a crash, for a selection outside a shorter sentence', async () => {
    await setup('score', { i: 40, j: 0 });
    expect(screen.getByText(/Click a cell of the heatmap/)).toBeInTheDocument();
    expect(document.querySelector('.work')).not.toHaveAttribute('data-open');
  });
});
