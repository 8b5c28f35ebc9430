// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AttentionViews } from '../../../src/components/shell/AttentionViews';
import { at } from '../../../src/core/matrix';
import { computeTrace } from '../../../src/core/trace';
import type { AttentionSettings, AttentionTrace } from '../../../src/core/types';
import { useAppStore } from '../../../src/store/store';
import type { StepId } from '../../../src/vocabulary/steps';
import { graphGeometry } from '../../../src/viz/graph/graphGeometry';
import { gloveVectors, resetStore } from '../../helpers/testStore';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

// Count layouts: the panel, its legend and its export share one per sentence, layout and width.
vi.mock('../../../src/viz/graph/graphGeometry', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/viz/graph/graphGeometry')>();
  return { ...actual, graphGeometry: vi.fn(actual.graphGeometry) };
});

const TEXT = 'The cat sat on the mat because it was tired.';

/** Renders the views at `step` and returns the same trace, computed independently. */
async function setup(
  step: StepId = 'softmax',
  settings: Partial<AttentionSettings> = {},
  text = TEXT,
): Promise<AttentionTrace> {
  await resetStore({ text, settings, state: { step } });
  render(<AttentionViews />);
  return computeTrace(text, { ...DEFAULT_SETTINGS, ...settings }, await gloveVectors());
}

// The SVG drawings carry no explicit role (see Heatmap.tsx): Playwright calls them img, Testing
// Library does not, so jsdom tests find them by their accessible name on the element itself.
const graph = () => screen.getByLabelText('Attention graph', { selector: 'svg' });
const edges = () => Array.from(graph().querySelectorAll<SVGGElement>('[data-source]'));
const edge = (i: number, j: number) =>
  graph().querySelector<SVGGElement>(`[data-source="${i}"][data-target="${j}"]`);
const node = (i: number) =>
  graph().querySelector<SVGGElement>(`[data-token-index="${i}"]`) as SVGGElement;
const ends = (e: Element) =>
  [Number(e.getAttribute('data-source')), Number(e.getAttribute('data-target'))] as const;
/** Ticks "Show every edge" (the tests of behaviour that needs all T² edges). */
const showEveryEdge = () => act(() => useAppStore.getState().setGraph({ everyEdge: true }));

describe('AttentionGraph', () => {
  beforeEach(() => resetStore());
  afterEach(cleanup);

  it('draws one node per token, in order, with the token’s text', async () => {
    const trace = await setup();
    const nodes = graph().querySelectorAll('[data-token-index]');
    expect(nodes).toHaveLength(trace.tokens.length);
    trace.tokens.forEach((t, i) => expect(node(i).textContent).toContain(t.text));
  });

  it('draws by default each token’s strongest edges, at most 3, until they carry 80 % of its attention', async () => {
    const trace = await setup();
    const T = trace.tokens.length;
    const w = trace.heads[0]!.weights;
    expect(edges().length).toBeLessThan(T * T);
    for (let i = 0; i < T; i++) {
      const row = Array.from({ length: T }, (_, j) => at(w, i, j));
      const drawn = edges()
        .filter((e) => ends(e)[0] === i)
        .map((e) => at(w, i, ends(e)[1]));
      expect(drawn.length).toBeGreaterThanOrEqual(1);
      expect(drawn.length).toBeLessThanOrEqual(3);
      const total = row.reduce((a, b) => a + b, 0);
      // 80 % covered, or three edges drawn and the rest would be needed for 80 %.
      if (drawn.length < 3)
        expect(drawn.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(0.8 * total - 1e-6);
      // No dropped edge is heavier than a drawn one.
      const lightest = Math.min(...drawn);
      expect(row.filter((x) => x > lightest).length).toBeLessThan(drawn.length);
    }
    expect(
      screen.getByText(/at most 3, until they carry 80 % of its attention/),
    ).toBeInTheDocument();
  });

  it('draws an edge for every pair with "Show every edge", data-weight equal to the trace’s weight', async () => {
    const user = userEvent.setup();
    const trace = await setup();
    const T = trace.tokens.length;
    const w = trace.heads[0]!.weights;
    await user.click(screen.getByRole('checkbox', { name: 'Show every edge' }));
    expect(useAppStore.getState().graph.everyEdge).toBe(true);
    expect(edges()).toHaveLength(T * T);
    expect(screen.queryByText(/carry 80 % of its attention/)).toBeNull();
    for (const e of edges()) {
      const [i, j] = ends(e);
      expect(Math.abs(Number(e.getAttribute('data-weight')) - at(w, i, j))).toBeLessThan(1e-6);
    }
  });

  it('follows the selected head', async () => {
    const trace = await setup('softmax', { heads: 2 });
    act(() => useAppStore.getState().setHead(1));
    const w = trace.heads[1]!.weights;
    for (const e of edges()) {
      const [i, j] = ends(e);
      expect(Math.abs(Number(e.getAttribute('data-weight')) - at(w, i, j))).toBeLessThan(1e-6);
    }
  });

  it('ends every edge in an arrowhead marker that exists in the drawing', async () => {
    await setup();
    const markerRefs = new Set(
      edges().map((e) => e.querySelector('.edge-line')?.getAttribute('marker-end')),
    );
    expect(markerRefs.size).toBe(1);
    const id = /url\(#(.+)\)/.exec([...markerRefs][0] ?? '')?.[1];
    expect(id).toBeTruthy();
    expect(graph().querySelector(`marker#${id}`)).not.toBeNull();
  });

  it('draws no edge before Softmax and says when they come', async () => {
    const trace = await setup('score');
    expect(graph().querySelectorAll('[data-token-index]')).toHaveLength(trace.tokens.length);
    expect(edges()).toHaveLength(0);
    expect(screen.getByText('Edges appear at step 2 Softmax.')).toBeInTheDocument();
    act(() => useAppStore.getState().setStep('softmax'));
    expect(edges().length).toBeGreaterThan(0);
  });

  it('hides edges below the weight threshold', async () => {
    const trace = await setup();
    showEveryEdge();
    const w = trace.heads[0]!.weights;
    const threshold = 0.15;
    fireEvent.change(screen.getByRole('slider', { name: 'Weight threshold' }), {
      target: { value: String(threshold) },
    });
    expect(useAppStore.getState().graph.threshold).toBe(threshold);
    const expected = Array.from(w.data).filter((x) => x >= threshold).length;
    expect(edges()).toHaveLength(expected);
    for (const e of edges())
      expect(Number(e.getAttribute('data-weight'))).toBeGreaterThanOrEqual(threshold);
  });

  it('keeps each token’s strongest edges with "Strongest per token"', async () => {
    const trace = await setup();
    const T = trace.tokens.length;
    const w = trace.heads[0]!.weights;
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Strongest per token' }), {
      target: { value: '1' },
    });
    expect(useAppStore.getState().graph.topK).toBe(1);
    expect(edges()).toHaveLength(T);
    for (const e of edges()) {
      const [i, j] = ends(e);
      const rowMax = Math.max(...Array.from({ length: T }, (_, k) => at(w, i, k)));
      expect(at(w, i, j)).toBe(rowMax);
    }
  });

  it('shows only a focused token’s outgoing or incoming edges; clicking the node toggles the focus', async () => {
    const user = userEvent.setup();
    const trace = await setup();
    const T = trace.tokens.length;
    showEveryEdge();
    await user.click(node(1));
    expect(useAppStore.getState().graph.focus).toBe(1);
    expect(edges()).toHaveLength(T);
    expect(edges().every((e) => ends(e)[0] === 1)).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'incoming' }));
    expect(useAppStore.getState().graph.direction).toBe('in');
    expect(edges()).toHaveLength(T);
    expect(edges().every((e) => ends(e)[1] === 1)).toBe(true);
    // With a focus, each drawn edge carries its weight as a label.
    expect(graph().querySelectorAll('.edge-label')).toHaveLength(T);
    await user.click(node(1));
    expect(useAppStore.getState().graph.focus).toBeNull();
    expect(edges()).toHaveLength(T * T);
  });

  it('focuses a node with Enter and moves between nodes with the arrow keys', async () => {
    const user = userEvent.setup();
    await setup();
    act(() => node(0).focus());
    expect(useAppStore.getState().hoverToken).toBe(0);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(node(1));
    expect(useAppStore.getState().hoverToken).toBe(1);
    await user.keyboard('{Enter}');
    expect(useAppStore.getState().graph.focus).toBe(1);
  });

  it('draws no edge into a masked (later) token with the causal mask', async () => {
    await setup('softmax', { causal: true });
    expect(edges().length).toBeGreaterThan(0);
    for (const e of edges()) {
      const [i, j] = ends(e);
      expect(j).toBeLessThanOrEqual(i);
    }
  });

  it('highlights the hovered token’s node and edges', async () => {
    const trace = await setup();
    showEveryEdge();
    act(() => useAppStore.getState().setHoverToken(2));
    expect(node(2)).toHaveClass('is-hl');
    expect(node(3)).not.toHaveClass('is-hl');
    const overlay = graph().querySelectorAll('.edge-line--hl');
    // Token 2's outgoing and incoming edges, its self-loop counted once.
    expect(overlay).toHaveLength(2 * trace.tokens.length - 1);
    fireEvent.pointerOver(node(4));
    expect(useAppStore.getState().hoverToken).toBe(4);
  });

  it('draws a chosen heatmap cell’s arrow even when the default view leaves it out', async () => {
    const trace = await setup();
    const T = trace.tokens.length;
    // A pair with a weight that is not one of its token's covering edges.
    let pair: { i: number; j: number } | null = null;
    for (let i = 0; i < T && !pair; i++)
      for (let j = 0; j < T && !pair; j++) if (!edge(i, j)) pair = { i, j };
    expect(pair).not.toBeNull();
    const { i, j } = pair!;
    expect(graph().querySelectorAll('.edge-line--hl')).toHaveLength(0);
    act(() => useAppStore.getState().select({ i, j }));
    expect(graph().querySelectorAll('.edge-line--hl')).toHaveLength(1);
    expect(edge(i, j)).toBeNull();
    act(() => useAppStore.getState().setHoverCell({ i, j }));
    const weight = at(trace.heads[0]!.weights, i, j);
    expect(within(graph()).getByRole('tooltip').textContent).toContain(weight.toFixed(3));
    act(() => {
      useAppStore.getState().setHoverCell(null);
      useAppStore.getState().select(null);
    });
    expect(graph().querySelectorAll('.edge-line--hl')).toHaveLength(0);
  });

  it('hovering an edge sets hoverCell and shows its weight; clicking it selects the pair', async () => {
    const trace = await setup();
    showEveryEdge();
    const e = edge(2, 5)!;
    fireEvent.pointerOver(e.querySelector('.edge-hit')!);
    expect(useAppStore.getState().hoverCell).toEqual({ i: 2, j: 5 });
    expect(node(2)).toHaveClass('is-hl');
    expect(node(5)).toHaveClass('is-hl');
    const tooltip = within(graph()).getByRole('tooltip');
    const weight = at(trace.heads[0]!.weights, 2, 5);
    expect(tooltip.textContent).toContain(weight.toFixed(3));
    expect(e.querySelector('title')?.textContent).toContain('attends to');
    fireEvent.click(e.querySelector('.edge-hit')!);
    expect(useAppStore.getState().selection).toEqual({ i: 2, j: 5 });
    fireEvent.pointerLeave(e.parentElement!);
    expect(useAppStore.getState().hoverCell).toBeNull();
  });

  it('places the nodes once per sentence and layout, for the drawing, legend and export alike', async () => {
    vi.mocked(graphGeometry).mockClear();
    await setup();
    const layouts = () => vi.mocked(graphGeometry).mock.calls.length;
    expect(layouts()).toBe(1);
    // A new threshold or focus re-chooses edges; the nodes stay where they are.
    act(() => useAppStore.getState().setGraph({ threshold: 0.1, focus: 2 }));
    expect(layouts()).toBe(1);
    act(() => useAppStore.getState().setGraph({ layout: 'circle' }));
    expect(layouts()).toBe(2);
    expect(screen.getByText(/small loop is a token attending to itself/)).toBeTruthy();
  });

  it('switches layout and says which way the arrows point', async () => {
    const user = userEvent.setup();
    const trace = await setup();
    expect(screen.getByText(/An arrow from A to B: A attends to B/)).toBeInTheDocument();
    for (const layout of ['circle', 'force', 'line'] as const) {
      await user.selectOptions(screen.getByRole('combobox', { name: 'Layout' }), layout);
      expect(useAppStore.getState().graph.layout).toBe(layout);
      expect(graph().querySelectorAll('[data-token-index]')).toHaveLength(trace.tokens.length);
      for (const el of graph().querySelectorAll('.edge-line'))
        expect(el.getAttribute('d')).not.toMatch(/NaN|Infinity/);
    }
  });

  it('moves between edges with the arrow keys (one tab stop) and selects with Enter', async () => {
    const user = userEvent.setup();
    await setup();
    showEveryEdge();
    const tabStops = edges().filter((e) => e.getAttribute('tabindex') === '0');
    expect(tabStops).toHaveLength(1);
    act(() => edge(0, 0)!.focus());
    expect(useAppStore.getState().hoverCell).toEqual({ i: 0, j: 0 });
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(edge(0, 1));
    expect(useAppStore.getState().hoverCell).toEqual({ i: 0, j: 1 });
    await user.keyboard('{Enter}');
    expect(useAppStore.getState().selection).toEqual({ i: 0, j: 1 });
    expect(useAppStore.getState().step).toBe('softmax');
  });

  it('keeps a long input readable: the strongest few edges per token, and says so', async () => {
    const text = Array.from(
      { length: 30 },
      (_, i) => ['the', 'cat', 'sat', 'on', 'mat'][i % 5],
    ).join(' ');
    const trace = await setup('softmax', {}, text);
    expect(trace.tokens.length).toBe(30);
    // By default at most 3 covering edges a token; with every edge, the cap of 4.
    expect(edges().length).toBeLessThanOrEqual(30 * 3);
    showEveryEdge();
    expect(edges()).toHaveLength(30 * 4);
    expect(
      screen.getByText(/Long input: showing each token's 4 strongest edges/),
    ).toBeInTheDocument();
  });

  it('survives an empty sentence', async () => {
    await setup('softmax', {}, '');
    expect(
      screen.getAllByText('Type a sentence to see who attends to whom.').length,
    ).toBeGreaterThan(0);
  });

  it('draws on the made-up vectors while the table loads: nothing waits for it', async () => {
    await resetStore({ vectors: 'loading', state: { step: 'softmax' } });
    render(<AttentionViews />);
    expect(screen.queryByText(/appear once the word vectors have loaded/)).not.toBeInTheDocument();
    expect(screen.getByLabelText('Attention graph', { selector: 'svg' })).toBeInTheDocument();
  });
});
