// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rgb } from 'd3-color';
import type { Matrix } from '../../../src/core/matrix';
import { DETAILED_MAX_TOKENS, heatmapSvg } from '../../../src/export/heatmapSvg';
import { xmlSafe } from '../../../src/export/xml';
import { numberFormat } from '../../../src/format';
import { en } from '../../../src/messages';
import { MESSAGES } from '../../../src/messages/all';
import { viewColorTable } from '../../../src/viz/heatmap/heatmapImage';
import { colorTableIndex, divergingScale, weightScale } from '../../../src/viz/scales';
import { maskedView, rowStochastic, weightsView } from '../heatmap/views';
import { expectInert, parseSvg, titlesOf } from './svgCheck';
import { binaryString } from '../../helpers/arbitraries';

const HOSTILE = ['<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', 'javascript:alert(1)'];
const hex = (c: string) => rgb(c).formatHex();

const heading = (sentence: string) => ({ title: 'Attention heatmap', subtitle: `“${sentence}”` });

describe('heatmapSvg', () => {
  it('draws one cell per pair, with its float32 value and the weight scale’s colour', () => {
    const values: Matrix = {
      rows: 2,
      cols: 2,
      data: Float32Array.from([0.75, 0.25, 0.1, 0.9]),
    };
    const { svg, width, height } = heatmapSvg({
      tokens: ['cat', 'sat'],
      view: weightsView(values),
      heading: heading('cat sat'),
      strings: en.viz,
    });
    const doc = parseSvg(svg);
    const root = doc.documentElement;
    expect(root.getAttribute('width')).toBe(String(width));
    expect(root.getAttribute('height')).toBe(String(height));
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
    const cells = Array.from(doc.querySelectorAll('rect[data-i][data-j]'));
    expect(cells).toHaveLength(4);
    const byPair = new Map(
      cells.map((c) => [`${c.getAttribute('data-i')},${c.getAttribute('data-j')}`, c]),
    );
    const expected: [string, number][] = [
      ['0,0', 0.75],
      ['0,1', 0.25],
      ['1,0', Math.fround(0.1)],
      ['1,1', Math.fround(0.9)],
    ];
    for (const [pair, value] of expected) {
      const cell = byPair.get(pair)!;
      expect(Number(cell.getAttribute('data-value'))).toBe(value);
      expect(cell.getAttribute('fill')).toBe(hex(weightScale()(value)));
    }
    // Labels down the left and across the top, each with the full token in its title.
    expect(titlesOf(doc, 'text[data-row-label]')).toEqual(['cat', 'sat']);
    expect(titlesOf(doc, 'text[data-column-label]')).toEqual(['cat', 'sat']);
    // The numbers in the cells (big cells at two tokens) and the row sums.
    const texts = Array.from(doc.querySelectorAll('text'), (t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['0.75', '0.25', '0.10', '0.90']));
    expect(texts.filter((t) => t?.endsWith('1.00'))).toHaveLength(2);
    expect(doc.querySelector('title')?.textContent).toBe('Attention heatmap');
  });

  it('hatches masked cells and prints −∞ in them', () => {
    const values: Matrix = {
      rows: 2,
      cols: 2,
      data: Float32Array.from([1.5, -Infinity, -0.5, 2]),
    };
    const doc = parseSvg(
      heatmapSvg({
        tokens: ['a', 'b'],
        view: maskedView(values, 2),
        heading: heading('a b'),
        strings: en.viz,
      }).svg,
    );
    const masked = doc.querySelector('rect[data-i="0"][data-j="1"]')!;
    expect(masked.getAttribute('fill')).toBe('url(#hm-hatch)');
    expect(masked.getAttribute('data-value')).toBe('-Infinity');
    expect(doc.getElementById('hm-hatch')?.localName).toBe('pattern');
    expect(doc.querySelector('rect[data-i="1"][data-j="0"]')!.getAttribute('fill')).toBe(
      hex(divergingScale(2)(-0.5)),
    );
    const texts = Array.from(doc.querySelectorAll('text'), (t) => t.textContent);
    expect(texts).toContain('−∞');
    expect(texts).toContain(en.viz.legendMasked);
  });

  it('draws what the screen draws: outlined cells, numbers in the interface’s language, 12-px sums', () => {
    const values: Matrix = {
      rows: 2,
      cols: 2,
      data: Float32Array.from([0.75, 0.25, 0.1, 0.9]),
    };
    const doc = parseSvg(
      heatmapSvg({
        tokens: ['cat', 'sat'],
        view: weightsView(values),
        heading: heading('cat sat'),
        strings: MESSAGES.es.viz,
        format: numberFormat('es'),
      }).svg,
    );
    // The cells' hairline (--border-strong), which the palettes' light ends need (WCAG 1.4.11).
    const grid = doc.querySelector('.hm-grid')!;
    expect(grid.getAttribute('stroke')).toBe('#7c8094');
    expect(grid.getAttribute('stroke-width')).toBe('1');
    const texts = Array.from(doc.querySelectorAll('text'), (t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['0,75', '0,25', '0,10', '0,90']));
    const sum = Array.from(doc.querySelectorAll('text')).find((t) =>
      t.textContent?.endsWith('1,00'),
    );
    expect(sum?.parentElement?.getAttribute('font-size')).toBe('12');
    // The legend's bar and swatch are outlined in --border-strong too.
    expect(doc.querySelector('.hm-legend rect')!.getAttribute('stroke')).toBe('#7c8094');
  });

  it('keeps hostile sentences as text: no element, attribute or link comes from them', () => {
    const sentence = HOSTILE.join(' ');
    const { svg } = heatmapSvg({
      tokens: HOSTILE,
      view: weightsView(rowStochastic(3)),
      heading: heading(sentence),
      strings: en.viz,
    });
    const doc = parseSvg(svg);
    expectInert(doc);
    expect(titlesOf(doc, 'text[data-row-label]')).toEqual(HOSTILE);
    expect(titlesOf(doc, 'text[data-column-label]')).toEqual(HOSTILE);
    // The description holds the tokens as their labels are drawn, not the sentence.
    const drawn = (el: Element) =>
      Array.from(el.childNodes, (node) => (node.nodeType === 3 ? node.textContent : '')).join('');
    expect(doc.querySelector('desc')?.textContent).toBe(
      Array.from(doc.querySelectorAll('text[data-row-label]'), drawn).join(' '),
    );
    // Each cell's title names its tokens in full, as text.
    expect(titlesOf(doc, 'rect[data-i="0"][data-j="1"]')[0]).toContain(HOSTILE[1]);
  });

  it(`draws more than ${DETAILED_MAX_TOKENS} tokens as one path per colour that covers every cell once`, () => {
    const T = DETAILED_MAX_TOKENS + 6;
    const tokens = Array.from({ length: T }, (_, k) => `w${k}`);
    const values = rowStochastic(T);
    const view = weightsView(values);
    const doc = parseSvg(
      heatmapSvg({ tokens, view, heading: heading('long'), strings: en.viz }).svg,
    );
    expect(doc.querySelectorAll('rect[data-i]')).toHaveLength(0);
    expect(titlesOf(doc, 'text[data-row-label]')).toEqual(tokens);
    const table = viewColorTable(view);
    const tableHex = (k: number) =>
      rgb(table.rgb[3 * k]!, table.rgb[3 * k + 1]!, table.rgb[3 * k + 2]!).formatHex();
    // Rebuild the picture from the paths: which colour covers each cell.
    const colours = new Map<string, string>();
    let cellSize = 0;
    let origin = { x: Infinity, y: Infinity };
    const runs: { x: number; y: number; w: number; fill: string }[] = [];
    for (const path of Array.from(doc.querySelectorAll('.hm-grid path'))) {
      const fill = path.getAttribute('fill')!;
      for (const m of path
        .getAttribute('d')!
        .matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+z/g)) {
        const [x, y, w, h] = [m[1], m[2], m[3], m[4]].map(Number) as [
          number,
          number,
          number,
          number,
        ];
        cellSize = h;
        origin = { x: Math.min(origin.x, x), y: Math.min(origin.y, y) };
        runs.push({ x, y, w, fill });
      }
    }
    for (const run of runs) {
      const i = Math.round((run.y - origin.y) / cellSize);
      const j0 = Math.round((run.x - origin.x) / cellSize);
      const n = Math.round(run.w / cellSize);
      for (let j = j0; j < j0 + n; j++) {
        expect(colours.has(`${i},${j}`)).toBe(false);
        colours.set(`${i},${j}`, run.fill);
      }
    }
    expect(colours.size).toBe(T * T);
    // The lines between cells, as the canvas draws them: T + 1 each way.
    const lines = doc.querySelector('.hm-grid path[fill="none"]')!.getAttribute('d')!;
    expect(lines.match(/M/g)).toHaveLength(2 * (T + 1));
    for (let i = 0; i < T; i++) {
      for (let j = 0; j < T; j++) {
        const k = colorTableIndex(table, values.data[i * T + j]!);
        expect(colours.get(`${i},${j}`)).toBe(tableHex(k));
      }
    }
  });

  it('parses as XML and gives back any label as its text (XML-impossible characters as U+FFFD)', () => {
    const anyChar = fc.oneof(
      binaryString({ maxLength: 10 }),
      // Lone UTF-16 halves and C0 controls, which XML cannot carry.
      fc
        .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 6 })
        .map((codes) => String.fromCharCode(...codes)),
    );
    fc.assert(
      fc.property(fc.array(anyChar, { minLength: 1, maxLength: 3 }), (tokens) => {
        const T = tokens.length;
        const { svg } = heatmapSvg({
          tokens,
          view: weightsView(rowStochastic(T)),
          heading: heading(tokens.join(' ')),
          strings: en.viz,
        });
        const doc = parseSvg(svg);
        expectInert(doc);
        expect(titlesOf(doc, 'text[data-row-label]')).toEqual(tokens.map(xmlSafe));
        expect(titlesOf(doc, 'text[data-column-label]')).toEqual(tokens.map(xmlSafe));
      }),
      { numRuns: 150 },
    );
  });

  it('describes the picture by its tokens shortened as their labels, not by the whole text', () => {
    // 40 tokens of 2,500 characters: 100 kB of text, which the description carried whole.
    const tokens = Array.from({ length: 40 }, (_, k) => `${'y'.repeat(2500)}${k}`);
    const { svg } = heatmapSvg({
      tokens,
      view: weightsView(rowStochastic(tokens.length)),
      heading: heading(tokens.join(' ')),
      strings: en.viz,
    });
    const doc = parseSvg(svg);
    const desc = doc.querySelector('desc')?.textContent ?? '';
    expect(desc.length).toBeLessThan(40 * 14);
    expect(desc.split(' ')).toHaveLength(40);
  });
});
