// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AttentionViews } from '../../../src/components/shell/AttentionViews';
import { at } from '../../../src/core/matrix';
import { computeTrace } from '../../../src/core/trace';
import type { AttentionSettings, AttentionTrace } from '../../../src/core/types';
import { useAppStore } from '../../../src/store/store';
import { luminance } from '../../../src/viz/scales';
import { gloveVectors, resetStore } from '../../helpers/testStore';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import type { StepId } from '../../../src/vocabulary/steps';

const TEXT = 'The cat sat on the mat.';

async function setup(
  step: StepId = 'softmax',
  settings: Partial<AttentionSettings> = {},
): Promise<AttentionTrace> {
  await resetStore({ text: TEXT, settings, state: { step } });
  render(<AttentionViews />);
  return computeTrace(TEXT, { ...DEFAULT_SETTINGS, ...settings }, await gloveVectors());
}

// The SVG drawings carry no explicit role (see Heatmap.tsx): Playwright calls them img, Testing
// Library does not, so jsdom tests find them by their accessible name on the element itself.
const heatmap = () => screen.getByLabelText('Attention heatmap', { selector: 'svg' });
const cells = () => Array.from(heatmap().querySelectorAll<SVGRectElement>('[data-i][data-j]'));
const cell = (i: number, j: number) =>
  heatmap().querySelector<SVGRectElement>(`[data-i="${i}"][data-j="${j}"]`) as SVGRectElement;
const sums = () =>
  Array.from(heatmap().querySelectorAll('[data-row-sum]'), (el) => el.lastChild?.textContent);

describe('Heatmap', () => {
  beforeEach(() => resetStore());
  afterEach(cleanup);

  it('has a visible heading, both axis titles and the tokens on both axes', async () => {
    const trace = await setup();
    expect(screen.getByRole('heading', { name: /Attention heatmap/ })).toBeInTheDocument();
    expect(heatmap().textContent).toContain('query (attends)');
    expect(heatmap().textContent).toContain('key (attended to)');
    const labels = Array.from(
      heatmap().querySelectorAll('.hm-label'),
      (el) => el.lastChild?.textContent,
    );
    const texts = trace.tokens.map((t) => t.text);
    expect(labels).toEqual([...texts, ...texts]);
  });

  it('shows T×T weight cells at Softmax, with the trace’s values', async () => {
    const trace = await setup();
    const T = trace.tokens.length;
    expect(cells()).toHaveLength(T * T);
    for (const c of cells()) {
      const i = Number(c.dataset.i);
      const j = Number(c.dataset.j);
      expect(Math.abs(Number(c.dataset.value) - at(trace.heads[0]!.weights, i, j))).toBeLessThan(
        1e-6,
      );
    }
  });

  it('colours higher weights brighter', async () => {
    const trace = await setup();
    const T = trace.tokens.length;
    const w = trace.heads[0]!.weights;
    for (let i = 0; i < T; i++) {
      const order = Array.from({ length: T }, (_, j) => j).sort(
        (a, b) => at(w, i, a) - at(w, i, b),
      );
      const lum = order.map((j) => luminance(cell(i, j).getAttribute('fill')!));
      for (let k = 1; k < T; k++) expect(lum[k]).toBeGreaterThanOrEqual(lum[k - 1]! - 1e-9);
    }
  });

  it('shows the row sums (1.00) at Softmax and not at Score', async () => {
    const trace = await setup('softmax');
    expect(sums()).toEqual(trace.tokens.map(() => '1.00'));
    cleanup();
    await setup('score');
    expect(sums()).toEqual([]);
  });

  it('puts numbers in the cells when they fit, in a colour that contrasts', async () => {
    await setup();
    const numbers = heatmap().querySelectorAll('.hm-num');
    expect(numbers.length).toBe(cells().length);
    expect(numbers[0]?.textContent).toMatch(/^\d\.\d\d$/);
  });

  it('shows only a placeholder before Score: no values, and a note saying when they come', async () => {
    const trace = await setup('qkv');
    expect(cells()).toHaveLength(0);
    expect(heatmap().querySelectorAll('.hm-cell--empty')).toHaveLength(trace.tokens.length ** 2);
    expect(screen.getByText('Scores appear at step 3, Score.')).toBeInTheDocument();
  });

  it('shows scaled scores at Score (no weights), with a switch to the raw scores', async () => {
    const user = userEvent.setup();
    const trace = await setup('score');
    const head = trace.heads[0]!;
    const value = (i: number, j: number) => Number(cell(i, j).dataset.value);
    expect(Math.abs(value(1, 2) - at(head.scaled, 1, 2))).toBeLessThan(1e-6);
    expect(screen.queryByRole('radio', { name: /softmax/ })).toBeNull();
    await user.click(screen.getByRole('radio', { name: /^QKᵀ/ }));
    expect(Math.abs(value(1, 2) - at(head.scores, 1, 2))).toBeLessThan(1e-6);
  });

  it('hatches masked cells with the causal mask and says −∞', async () => {
    const trace = await setup('score', { causal: true });
    const T = trace.tokens.length;
    const masked = cells().filter((c) => c.classList.contains('hm-cell--masked'));
    expect(masked).toHaveLength((T * (T - 1)) / 2);
    for (const c of masked) {
      expect(Number(c.dataset.j)).toBeGreaterThan(Number(c.dataset.i));
      expect(c.getAttribute('fill')).toMatch(/^url\(#/);
      expect(c.querySelector('title')?.textContent).toContain('masked (−∞)');
    }
    expect(cell(0, 0).getAttribute('fill')).not.toMatch(/^url/);
    expect(screen.getByText('masked (−∞)')).toBeInTheDocument(); // legend
    act(() => useAppStore.getState().setStep('softmax'));
    expect(cell(0, 1)).toHaveClass('hm-cell--masked');
    expect(cell(0, 1).querySelector('title')?.textContent).toContain('0 (masked');
  });

  it('sets hoverCell on hover and clears it on leave; a click selects the cell', async () => {
    await setup();
    fireEvent.pointerOver(cell(2, 3));
    expect(useAppStore.getState().hoverCell).toEqual({ i: 2, j: 3 });
    expect(heatmap().querySelectorAll('.hm-label.is-hl')).toHaveLength(2);
    fireEvent.pointerLeave(cell(2, 3).closest('.hm-grid')!);
    expect(useAppStore.getState().hoverCell).toBeNull();
    fireEvent.click(cell(1, 4));
    expect(useAppStore.getState().selection).toEqual({ i: 1, j: 4 });
    expect(heatmap().querySelector('[data-selected-cell="1,4"]')).not.toBeNull();
  });

  it('is one tab stop; arrow keys move between cells and Enter selects', async () => {
    const user = userEvent.setup();
    await setup();
    expect(cells().filter((c) => c.getAttribute('tabindex') === '0')).toHaveLength(1);
    act(() => cell(0, 0).focus());
    expect(useAppStore.getState().hoverCell).toEqual({ i: 0, j: 0 });
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cell(0, 1));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(cell(2, 1));
    expect(useAppStore.getState().hoverCell).toEqual({ i: 2, j: 1 });
    await user.keyboard('{Enter}');
    expect(useAppStore.getState().selection).toEqual({ i: 2, j: 1 });
    // The walkthrough's arrow keys must not fire while moving in the grid.
    expect(useAppStore.getState().step).toBe('softmax');
    expect(cell(2, 1).getAttribute('tabindex')).toBe('0');
    expect(cell(0, 0).getAttribute('tabindex')).toBe('-1');
  });

  it('outlines the hovered token’s row and column', async () => {
    await setup();
    act(() => useAppStore.getState().setHoverToken(1));
    expect(heatmap().querySelector('[data-band="row"]')).not.toBeNull();
    expect(heatmap().querySelector('[data-band="column"]')).not.toBeNull();
    fireEvent.pointerEnter(heatmap().querySelectorAll('.hm-label')[3]!);
    expect(useAppStore.getState().hoverToken).toBe(3);
  });

  it('shows one small heatmap per head in the all-heads view; clicking one selects the head', async () => {
    const user = userEvent.setup();
    await resetStore({
      text: TEXT,
      settings: { heads: 4 },
      state: { step: 'softmax', allHeads: true },
    });
    render(<AttentionViews />);
    const buttons = screen.getAllByRole('button', { name: /^Head \d$/ });
    expect(buttons.map((b) => b.textContent)).toEqual(['Head 1', 'Head 2', 'Head 3', 'Head 4']);
    expect(buttons[0]).toHaveAttribute('aria-pressed', 'true');
    await user.click(buttons[2]!);
    expect(useAppStore.getState().head).toBe(2);
    expect(screen.getByRole('button', { name: 'Head 3' })).toHaveAttribute('aria-pressed', 'true');
  });
});
