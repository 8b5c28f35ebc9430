// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { graphSvg, type GraphSvgInput } from '../../../src/export/graphSvg';
import { xmlSafe } from '../../../src/export/xml';
import { numberFormat } from '../../../src/format';
import { en } from '../../../src/messages';
import type { GraphLayout } from '../../../src/vocabulary/graph';
import { edgeWidth, selectEdges } from '../../../src/viz/graph/edges';
import { graphGeometry } from '../../../src/viz/graph/graphGeometry';
import { graphScene } from '../../../src/viz/graph/graphScene';
import { rowStochastic } from '../heatmap/views';
import { expectInert, parseSvg, titlesOf } from './svgCheck';
import { binaryString } from '../../helpers/arbitraries';

const HOSTILE = ['<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', 'javascript:alert(1)'];

/** What the tests vary: the layout, the focused token, and whether edges are shown yet. */
interface Options {
  readonly layout?: GraphLayout;
  readonly focus?: number | null;
  readonly edgesShown?: boolean;
}

/** The export of `texts` drawn 640 px wide from their scene (odd tokens unknown), every edge kept. */
function input(texts: readonly string[], options: Options = {}): GraphSvgInput {
  const scene = graphScene({
    tokens: texts.map((text, k) => ({ text, known: k % 2 === 0 })),
    width: 640,
    weights: rowStochastic(texts.length),
    edgesShown: options.edgesShown ?? true,
    causal: false,
    view: {
      layout: options.layout ?? 'line',
      threshold: 0,
      topK: 0,
      focus: options.focus ?? null,
      direction: 'out',
      everyEdge: true,
    },
    format: numberFormat('en'),
    strings: en.viz,
  });
  return {
    scene,
    heading: { title: 'Attention graph', subtitle: `“${texts.join(' ')}”` },
    legend: en.viz.legendArrow,
  };
}

/** The labels the graph draws for `texts`. */
function graphSvgLabels(texts: readonly string[], focus: number | null = null): string[] {
  return input(texts, { focus }).scene.nodes.map((node) => node.label);
}

/** The translate(x y) of an element, as numbers. */
function translation(el: Element): [number, number] {
  const m = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(el.getAttribute('transform') ?? '');
  return [Number(m?.[1]), Number(m?.[2])];
}

describe('graphSvg', () => {
  it('draws every token where the screen’s geometry puts it, and every selected edge', () => {
    const texts = ['The', 'cat', 'sat', '.'];
    const data = input(texts);
    const { svg, width, height } = graphSvg(data);
    const doc = parseSvg(svg);
    expect(doc.documentElement.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
    const nodes = Array.from(doc.querySelectorAll('[data-token-index]'));
    expect(nodes.map((n) => n.getAttribute('data-token-index'))).toEqual(['0', '1', '2', '3']);
    expect(titlesOf(doc, '[data-token-index]')).toEqual(texts);
    const geometry = graphGeometry(texts, 'line', 640, null, false);
    nodes.forEach((node, i) => {
      const [x, y] = translation(node);
      expect(x).toBeCloseTo(geometry.boxes[i]!.x, 2);
      expect(y).toBeCloseTo(geometry.boxes[i]!.y, 2);
    });
    // Unknown tokens (odd ones here) get the dashed border.
    expect(nodes[1]!.querySelector('rect')!.getAttribute('stroke-dasharray')).toBe('4 2');
    expect(nodes[0]!.querySelector('rect')!.getAttribute('stroke-dasharray')).toBeNull();

    const edges = Array.from(doc.querySelectorAll('[data-source]'));
    expect(edges).toHaveLength(16);
    const weights = rowStochastic(4);
    for (const e of edges) {
      const s = Number(e.getAttribute('data-source'));
      const t = Number(e.getAttribute('data-target'));
      const w = weights.data[s * 4 + t]!;
      expect(Number(e.getAttribute('data-weight'))).toBe(w);
      expect(e.querySelector('path')!.getAttribute('d')).toBe(geometry.edgeShape(s, t).d);
      expect(Number(e.querySelector('path')!.getAttribute('stroke-width'))).toBeCloseTo(
        edgeWidth(w),
        2,
      );
      expect(e.querySelector('path')!.getAttribute('marker-end')).toBe('url(#arrow)');
    }
    // Weakest first, so the strong edges lie on top.
    const drawn = edges.map((e) => Number(e.getAttribute('data-weight')));
    expect(drawn).toEqual([...drawn].sort((a, b) => a - b));
    // The legend below the drawing says how to read it.
    expect(doc.documentElement.textContent).toContain('An arrow from A to B');
  });

  it('draws only the tokens before step Softmax (no edges yet)', () => {
    const doc = parseSvg(graphSvg(input(['a', 'b'], { edgesShown: false })).svg);
    expect(doc.querySelectorAll('[data-token-index]')).toHaveLength(2);
    expect(doc.querySelectorAll('[data-source]')).toHaveLength(0);
  });

  it('fills the focused token and prints the weights of its edges', () => {
    const texts = ['a', 'b', 'c'];
    const weights = rowStochastic(3);
    const edges = selectEdges(weights, {
      threshold: 0,
      topK: 0,
      focus: 1,
      direction: 'out',
      maxEdges: 1000,
      coverage: 1,
    });
    const doc = parseSvg(graphSvg(input(texts, { focus: 1 })).svg);
    expect(doc.querySelectorAll('[data-source]')).toHaveLength(3);
    // The focused token's own edges, as the screen's selection rules choose them.
    const drawn = Array.from(doc.querySelectorAll('[data-source]'), (e) =>
      [e.getAttribute('data-source'), e.getAttribute('data-target')].join('-'),
    );
    expect(drawn.sort()).toEqual(edges.map((e) => `${e.source}-${e.target}`).sort());
    const focused = doc.querySelector('[data-token-index="1"] rect')!;
    expect(focused.getAttribute('fill')).toBe('#3b4cca');
    const labels = Array.from(doc.querySelectorAll('.edge-labels text'), (t) => t.textContent);
    const row = [0, 1, 2].map((j) => weights.data[3 + j]!.toFixed(2)).sort();
    expect([...labels].sort()).toEqual(row);
  });

  it('draws long inputs as dots with the labels that fit, every token keeping its title', () => {
    const texts = Array.from({ length: 60 }, (_, k) => `token${k}`);
    const doc = parseSvg(graphSvg(input(texts, { layout: 'circle', edgesShown: false })).svg);
    const geometry = graphGeometry(texts, 'circle', 640, null, false);
    expect(geometry.compact).toBe(true);
    expect(doc.querySelectorAll('[data-token-index] circle')).toHaveLength(60);
    expect(titlesOf(doc, '[data-token-index]')).toEqual(texts);
    const shown = geometry.labelSpots.filter((s) => s.shown).length;
    expect(doc.querySelectorAll('[data-token-index] text')).toHaveLength(shown);
  });

  it('keeps an unknown word’s mark on a small dot, as the screen does', () => {
    const texts = Array.from({ length: 300 }, (_, k) => `w${k}`);
    const doc = parseSvg(graphSvg(input(texts, { layout: 'circle', edgesShown: false })).svg);
    const dot = (i: number) => doc.querySelector(`[data-token-index="${i}"] circle`)!;
    expect(Number(dot(0).getAttribute('r'))).toBeLessThan(3);
    // Token 0 is known (filled, no outline); token 1 unknown (outlined in --unknown).
    expect(dot(0).getAttribute('stroke')).toBeNull();
    expect(dot(1).getAttribute('stroke')).toBe('#a3320b');
    expect(dot(1).getAttribute('fill')).toBe('#55596b');
  });

  it('keeps hostile sentences as text: no element, attribute or link comes from them', () => {
    for (const focus of [null, 0]) {
      const doc = parseSvg(graphSvg(input(HOSTILE, { focus })).svg);
      expectInert(doc);
      expect(titlesOf(doc, '[data-token-index]')).toEqual(HOSTILE);
      // The description holds the tokens as their labels are drawn, not the sentence.
      const labels = graphSvgLabels(HOSTILE, focus);
      expect(doc.querySelector('desc')?.textContent).toBe(labels.join(' '));
      const edgeTitles = titlesOf(doc, '[data-source]');
      expect(edgeTitles.some((t) => t.includes(HOSTILE[0]!) && t.includes(HOSTILE[2]!))).toBe(true);
    }
  });

  it('parses as XML and gives back any token as its text, in every layout', () => {
    const anyChar = fc.oneof(
      binaryString({ maxLength: 10 }),
      fc
        .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 6 })
        .map((codes) => String.fromCharCode(...codes)),
    );
    fc.assert(
      fc.property(
        fc.array(anyChar, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('line' as const, 'circle' as const, 'force' as const),
        (texts, layout) => {
          const doc = parseSvg(graphSvg(input(texts, { layout })).svg);
          expectInert(doc);
          expect(titlesOf(doc, '[data-token-index]')).toEqual(texts.map(xmlSafe));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('describes the picture by its tokens shortened as their labels, not by the whole text', () => {
    // 300 tokens of 5,000 characters: 1.5 MB of text, which the description once carried whole.
    const texts = Array.from({ length: 300 }, (_, k) => `${'x'.repeat(5000)}${k}`);
    const data = input(texts);
    const doc = parseSvg(graphSvg(data).svg);
    const desc = doc.querySelector('desc')?.textContent ?? '';
    expect(desc).toBe(data.scene.nodes.map((node) => node.label).join(' '));
    expect(desc.length).toBeLessThan(300 * 14);
  });
});
