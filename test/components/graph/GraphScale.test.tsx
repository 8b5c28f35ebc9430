// @vitest-environment jsdom
/**
 * The graph with a long input (512 tokens, the tokenizer's maximum): how many edges it
 * draws, the focused token's full row, and that hovering neither lays the graph out again
 * nor re-renders the edge list.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AttentionViews } from '../../../src/components/shell/AttentionViews';
import { at } from '../../../src/core/matrix';
import { computeTrace } from '../../../src/core/trace';
import type { AttentionTrace } from '../../../src/core/types';
import { viz } from '../../../src/messages/viz';
import { useAppStore } from '../../../src/store/store';
import { DEFAULT_MAX_EDGES } from '../../../src/viz/graph/edges';
import { graphGeometry, LINE_LAYOUT_MAX_TOKENS } from '../../../src/viz/graph/graphGeometry';
import { gloveVectors, resetStore } from '../../helpers/testStore';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

// Count layouts: they must follow the sentence, the layout and the width, never the pointer.
vi.mock('../../../src/viz/graph/graphGeometry', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/viz/graph/graphGeometry')>();
  return { ...actual, graphGeometry: vi.fn(actual.graphGeometry) };
});

const WORDS =
  'the teacher explained how attention lets each word look at the others while the class listened'.split(
    ' ',
  );
const T = 512;
const TEXT = Array.from({ length: T }, (_, i) => WORDS[(i * 5) % WORDS.length]).join(' ');

let trace: AttentionTrace;

// The SVG drawings carry no explicit role (see Heatmap.tsx): Playwright calls them img, Testing
// Library does not, so jsdom tests find them by their accessible name on the element itself.
const graph = () => screen.getByLabelText('Attention graph', { selector: 'svg' });
const edges = () => Array.from(graph().querySelectorAll<SVGGElement>('[data-source]'));
const node = (i: number) =>
  graph().querySelector<SVGGElement>(`[data-token-index="${i}"]`) as SVGGElement;
const layouts = () => vi.mocked(graphGeometry).mock.calls.length;

/** Draws the views afresh: 512 tokens at the Softmax step, nothing hovered or focused. */
async function mount(): Promise<void> {
  cleanup();
  await resetStore({ text: TEXT, state: { step: 'softmax' } });
  render(<AttentionViews />);
}

describe('AttentionGraph with 512 tokens', () => {
  beforeAll(async () => {
    trace = computeTrace(TEXT, DEFAULT_SETTINGS, await gloveVectors());
    expect(trace.tokens).toHaveLength(T);
    // jsdom has no 2D context for the heatmap's canvas; say so quietly.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  afterAll(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  // Drawing 512 nodes and a thousand edges in jsdom takes seconds: the tests that only read
  // the first drawing, or hover and un-hover, share one; those that change the view draw
  // their own.
  describe('as first drawn', () => {
    beforeAll(mount);

    it('draws every token and at most about a thousand edges: the strongest per token', () => {
      expect(graph().querySelectorAll('[data-token-index]')).toHaveLength(T);
      const drawn = edges();
      expect(drawn.length).toBeLessThanOrEqual(DEFAULT_MAX_EDGES);
      expect(drawn.length).toBeGreaterThan(0);
      // Every token still shows where it looks most.
      const w = trace.heads[0]!.weights;
      const sources = new Set(drawn.map((e) => Number(e.dataset.source)));
      expect(sources.size).toBe(T);
      for (const e of drawn.slice(0, 50)) {
        const i = Number(e.dataset.source);
        const j = Number(e.dataset.target);
        const rowMax = Math.max(...Array.from({ length: T }, (_, k) => at(w, i, k)));
        expect(at(w, i, j)).toBe(rowMax);
      }
      expect(
        screen.getByText(/Long input: showing each token's 1 strongest edge/),
      ).toBeInTheDocument();
    });

    it('draws a circle of dots, not a reading-order line thousands of pixels long', () => {
      expect(useAppStore.getState().graph.layout).toBe('line');
      const select = screen.getByRole('combobox', { name: 'Layout' }) as HTMLSelectElement;
      expect(select.value).toBe('circle');
      const line = Array.from(select.options).find((o) => o.value === 'line')!;
      expect(line.disabled).toBe(true);
      expect(line.textContent).toBe(`Line (up to ${LINE_LAYOUT_MAX_TOKENS} tokens)`);
      expect(graph()).toHaveClass('layout-circle', 'is-compact', 'is-dense');
      expect(Number(graph().getAttribute('height'))).toBeLessThanOrEqual(560);
      // Labels are thinned so that they do not overlap; every node keeps its full name.
      const labelled = graph().querySelectorAll('.node-label').length;
      expect(labelled).toBeGreaterThan(10);
      expect(labelled).toBeLessThan(T);
      expect(node(300).getAttribute('aria-label')).toContain(trace.tokens[300]!.text);
    });

    it('names the tokens the hovered token’s edges lead to, over the faint overview', () => {
      const named = () =>
        Array.from(graph().querySelectorAll('[data-label-for]'), (t) =>
          Number(t.getAttribute('data-label-for')),
        ).sort((a, b) => a - b);
      expect(named()).toEqual([]);
      act(() => useAppStore.getState().setHoverToken(10));
      const targets = edges()
        .filter((e) => e.dataset.source === '10')
        .map((e) => Number(e.dataset.target));
      expect(targets.length).toBeGreaterThan(0);
      expect(targets.length).toBeLessThanOrEqual(3);
      for (const j of targets) expect(named()).toContain(j);
      expect(named()).toContain(10);
      expect(named().length).toBeLessThanOrEqual(13);
      act(() => useAppStore.getState().setHoverToken(null));
      expect(named()).toEqual([]);
    });

    it('re-renders only the nodes whose highlight changed on hover, never the edge list', () => {
      const edgeTitles = vi.spyOn(viz, 'edgeTitle');
      const nodeTitles = vi.spyOn(viz, 'nodeTitle');
      act(() => useAppStore.getState().setHoverToken(10));
      act(() => useAppStore.getState().setHoverToken(11));
      act(() => useAppStore.getState().setHoverCell({ i: 11, j: 40 }));
      // The edge list is not rebuilt: at most the hovered pair's own arrow is made, once,
      // when the default view does not draw it (see AttentionGraph's hlEdges).
      expect(edgeTitles.mock.calls.length).toBeLessThanOrEqual(1);
      // Node 10 on, node 10 off and 11 on, node 40 on: a handful of nodes, not 4 × 512.
      expect(nodeTitles.mock.calls.length).toBeLessThanOrEqual(6);
      expect(node(11)).toHaveClass('is-hl');
      expect(node(40)).toHaveClass('is-hl');
      expect(node(10)).not.toHaveClass('is-hl');
      // The highlighted edges are redrawn in the overlay: token 11's outgoing and incoming ones.
      expect(graph().querySelectorAll('.edge-overlay path').length).toBeGreaterThan(0);
      edgeTitles.mockRestore();
      nodeTitles.mockRestore();
      act(() => {
        useAppStore.getState().setHoverCell(null);
        useAppStore.getState().setHoverToken(null);
      });
    });
  });

  describe('after a change of view', () => {
    beforeEach(mount);

    it('shows the full row of a focused token, whatever the default limit', () => {
      const w = trace.heads[0]!.weights;
      const row = Array.from({ length: T }, (_, j) => at(w, 3, j));
      act(() => useAppStore.getState().setGraph({ focus: 3 }));
      // By default, its strongest edges, at most 3, until they carry 80 % of its attention.
      const kept = edges().map((e) => Number(e.dataset.weight));
      const total = row.reduce((a, b) => a + b, 0);
      expect(kept.length).toBeGreaterThanOrEqual(1);
      expect(kept.length).toBeLessThanOrEqual(3);
      if (kept.length < 3)
        expect(kept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(0.8 * total - 1e-6);
      expect(Math.max(...row.filter((x) => !kept.includes(x)))).toBeLessThanOrEqual(
        Math.min(...kept),
      );
      // "Show every edge": the whole row.
      act(() => useAppStore.getState().setGraph({ everyEdge: true }));
      expect(edges()).toHaveLength(T);
      expect(edges().every((e) => e.dataset.source === '3')).toBe(true);
      // With a threshold: exactly the row's weights at or above it.
      act(() => useAppStore.getState().setGraph({ threshold: 0.002 }));
      expect(edges()).toHaveLength(row.filter((x) => x >= 0.002).length);
      // Incoming: every token's edge into the focused one.
      act(() => useAppStore.getState().setGraph({ threshold: 0, direction: 'in' }));
      expect(edges()).toHaveLength(T);
      expect(edges().every((e) => e.dataset.target === '3')).toBe(true);
      // Too many to label each weight: the focused token's name is drawn in full instead.
      expect(graph().querySelectorAll('.edge-label')).toHaveLength(0);
      expect(graph().querySelector('[data-label-for="3"]')?.textContent).toBe(
        trace.tokens[3]!.text,
      );
    });

    it('lays the graph out once per sentence: not on hover, selection or a new temperature', () => {
      const before = layouts();
      act(() => useAppStore.getState().setHoverToken(10));
      fireEvent.pointerOver(node(20));
      fireEvent.pointerOver(edges()[5]!.querySelector('.edge-hit')!);
      act(() => useAppStore.getState().select({ i: 4, j: 9 }));
      act(() => useAppStore.getState().setSettings({ temperature: 2 }));
      act(() => useAppStore.getState().setHoverToken(null));
      expect(layouts()).toBe(before);
      act(() => useAppStore.getState().setGraph({ layout: 'force' }));
      expect(layouts()).toBe(before + 1);
    });
  });
});
