/**
 * Exports in a real browser, against `npm run trace` (the independent command-line tool):
 * click each export, catch the download, parse the file and check it. CSV values equal the
 * trace's matrices, the SVGs have one label per token and as many cells or edges as the
 * screen, PNGs decode to twice the SVG's size, the JSON equals the CLI's. Hostile sentences
 * stay text in every file (the SVGs are parsed by Chromium's own XML parser), and a long
 * text (the canvas heatmap) exports the same way. The files land in test-results/e2e/export.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  closePage,
  DEFAULTS,
  errorsOf,
  goToStep,
  openApp,
  OUTPUT_DIR,
  runTrace,
  setSettings,
  tokenTexts,
  typeSentence,
  waitForTokens,
  type JsonMatrix,
  type Settings,
  type TraceJson,
} from './harness';
import { useBrowserSuite } from './suite';
import { parseCsv, unguardLabel } from '../viz/export/rfc4180';

const suite = useBrowserSuite(4522);
const FILES = path.join(OUTPUT_DIR, 'export');
const HOSTILE = '<img src=x onerror=alert(1)> "><svg onload=alert(1)> javascript:alert(1) =1+1';
/**
 * The same with a space after "javascript:", for the comparisons with the CLI: Node's ICU
 * (78) keeps "javascript:alert" as one word where Chromium's splits it at the colon, so
 * the two tokenize the verbatim sentence differently (a difference of ICU versions, not
 * of the exports). The verbatim sentence is checked against the page's own tokens.
 */
const HOSTILE_SPACED = HOSTILE.replace('javascript:', 'javascript: ');

/** A downloaded file. */
interface Saved {
  readonly name: string;
  readonly data: Buffer;
}

/** Opens the menu holding export `id` with the mouse, picks it, and returns the saved file. */
async function exportFile(page: Page, id: string): Promise<Saved> {
  await page.locator(`.export-menu:has([data-export="${id}"]) summary`).click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    page.locator(`[data-export="${id}"]`).click(),
  ]);
  return saved(download);
}

async function saved(download: {
  suggestedFilename(): string;
  path(): Promise<string>;
}): Promise<Saved> {
  const name = download.suggestedFilename();
  const data = await readFile(await download.path());
  mkdirSync(FILES, { recursive: true });
  writeFileSync(path.join(FILES, name), data);
  return { name, data };
}

/** A CSV export as rows of cells (byte-order mark checked and dropped). */
function csvRows(file: Saved): string[][] {
  const text = file.data.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parseCsv(text.slice(1));
}

/** A CSV's numbers equal the trace matrix within 1e-6 (`-inf` for a masked null), its labels are the tokens. */
function expectCsvMatches(
  rows: string[][],
  expected: JsonMatrix,
  rowLabels: readonly string[],
  colLabels: readonly string[] | null,
) {
  expect(rows).toHaveLength(expected.length + 1);
  if (colLabels) expect(rows[0]!.slice(1).map(unguardLabel)).toEqual(colLabels);
  expected.forEach((want, r) => {
    const row = rows[r + 1]!;
    expect(unguardLabel(row[0]!)).toBe(rowLabels[r]);
    expect(row).toHaveLength(want.length + 1);
    want.forEach((w, c) => {
      const cell = row[c + 1]!;
      if (w === null) expect(cell).toBe('-inf');
      else expect(Math.abs(Number(cell) - w), `[${r}][${c}] = ${cell}`).toBeLessThanOrEqual(1e-6);
    });
  });
}

/** Width and height of a PNG, from its IHDR chunk, after checking the signature. */
function pngSize(file: Saved): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...file.data.subarray(0, 8)]).toEqual(signature);
  expect(file.data.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: file.data.readUInt32BE(16), height: file.data.readUInt32BE(20) };
}

/** What Chromium's XML parser finds in an exported SVG. */
interface SvgReport {
  readonly parseError: boolean;
  readonly width: number;
  readonly height: number;
  /** Elements that would run or load something, attributes on*, href and script URLs. */
  readonly active: string[];
  readonly rowLabels: string[];
  readonly colLabels: string[];
  readonly cells: { i: number; j: number; value: number }[];
  readonly mergedCells: number | null;
  readonly nodes: string[];
  readonly edges: { s: number; t: number; w: number }[];
  readonly text: string;
}

async function inspectSvg(page: Page, svg: string): Promise<SvgReport> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    const titleOf = (el: Element) =>
      Array.from(el.children).find((c) => c.localName === 'title')?.textContent ?? '';
    const active: string[] = [];
    const ACTIVE =
      /^(script|img|image|foreignobject|iframe|object|embed|a|use|animate|set|style|link)$/i;
    for (const el of Array.from(doc.getElementsByTagName('*'))) {
      if (ACTIVE.test(el.localName)) active.push(`<${el.localName}>`);
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name) || /href$/i.test(attr.localName)) active.push(`@${attr.name}`);
        if (/^\s*(javascript|data|vbscript):/i.test(attr.value))
          active.push(`${attr.name}=${attr.value}`);
      }
    }
    return {
      parseError: doc.getElementsByTagName('parsererror').length > 0 || root.localName !== 'svg',
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      active,
      rowLabels: Array.from(doc.querySelectorAll('[data-row-label]'), titleOf),
      colLabels: Array.from(doc.querySelectorAll('[data-column-label]'), titleOf),
      cells: Array.from(doc.querySelectorAll('rect[data-i][data-j]'), (el) => ({
        i: Number(el.getAttribute('data-i')),
        j: Number(el.getAttribute('data-j')),
        value: Number(el.getAttribute('data-value')),
      })),
      mergedCells: doc.querySelector('[data-cells]')
        ? Number(doc.querySelector('[data-cells]')!.getAttribute('data-cells'))
        : null,
      nodes: Array.from(doc.querySelectorAll('[data-token-index]'), titleOf),
      edges: Array.from(doc.querySelectorAll('[data-source]'), (el) => ({
        s: Number(el.getAttribute('data-source')),
        t: Number(el.getAttribute('data-target')),
        w: Number(el.getAttribute('data-weight')),
      })),
      text: root.textContent ?? '',
    };
  }, svg);
}

/** The edges the page's graph draws, as source-target keys. */
async function screenEdges(page: Page): Promise<string[]> {
  return page
    .locator('svg[aria-label="Attention graph"] [data-source]')
    .evaluateAll((els) =>
      els.map((el) => `${el.getAttribute('data-source')}-${el.getAttribute('data-target')}`).sort(),
    );
}

/** Opens the app with `text` and `settings` at step Softmax; returns the page and the CLI's trace. */
async function setUp(text: string, settings: Settings): Promise<{ page: Page; trace: TraceJson }> {
  const page = await openApp(suite.browser, suite.url, { width: 1366, height: 900 });
  // A sentence that ran as markup would open dialogs: record any.
  page.on('dialog', (d) => {
    (page as Page & { dialogs?: string[] }).dialogs ??= [];
    (page as Page & { dialogs?: string[] }).dialogs!.push(d.message());
    void d.dismiss();
  });
  if (settings !== DEFAULTS) await setSettings(page, settings);
  await typeSentence(page, text);
  const trace = runTrace(text, settings);
  await waitForTokens(
    page,
    trace.tokens.map((t) => t.text),
  );
  await goToStep(page, 'Softmax');
  return { page, trace };
}

/** The heatmap's and the graph's files, checked against the trace. */
async function checkViews(page: Page, trace: TraceJson, detailed: boolean) {
  const tokens = trace.tokens.map((t) => t.text);
  const T = tokens.length;
  const weights = trace.heads[0]!.weights;

  const csv = await exportFile(page, 'heatmap-csv');
  expect(csv.name).toMatch(/^attention-[\p{L}\p{N}-]*-heatmap-weights-head1\.csv$/u);
  expectCsvMatches(csvRows(csv), weights, tokens, tokens);

  const heatmap = await exportFile(page, 'heatmap-svg');
  expect(heatmap.name).toBe(csv.name.replace(/\.csv$/, '.svg'));
  const hm = await inspectSvg(page, heatmap.data.toString('utf8'));
  expect(hm.parseError).toBe(false);
  expect(hm.active).toEqual([]);
  expect(hm.rowLabels).toEqual(tokens);
  expect(hm.colLabels).toEqual(tokens);
  if (detailed) {
    expect(hm.cells).toHaveLength(T * T);
    for (const { i, j, value } of hm.cells) {
      expect(Math.abs(value - (weights[i]![j] as number))).toBeLessThanOrEqual(1e-6);
    }
  } else {
    expect(hm.cells).toHaveLength(0);
    expect(hm.mergedCells).toBe(T * T);
  }

  const heatmapPng = pngSize(await exportFile(page, 'heatmap-png'));
  expect(heatmapPng).toEqual({ width: 2 * hm.width, height: 2 * hm.height });

  const graph = await exportFile(page, 'graph-svg');
  expect(graph.name).toMatch(/-graph-head1\.svg$/);
  const gr = await inspectSvg(page, graph.data.toString('utf8'));
  expect(gr.parseError).toBe(false);
  expect(gr.active).toEqual([]);
  expect(gr.nodes).toEqual(tokens);
  const drawn = await screenEdges(page);
  expect(drawn.length).toBeGreaterThan(0);
  expect(gr.edges.map((e) => `${e.s}-${e.t}`).sort()).toEqual(drawn);
  for (const e of gr.edges) {
    expect(Math.abs(e.w - (weights[e.s]![e.t] as number))).toBeLessThanOrEqual(1e-6);
  }

  const graphPng = pngSize(await exportFile(page, 'graph-png'));
  expect(graphPng).toEqual({ width: 2 * gr.width, height: 2 * gr.height });
  return { hm, gr };
}

describe('exports', () => {
  it('save the heatmap, the graph, the matrices and the trace with the CLI’s numbers', async () => {
    const text = 'The cat sat on the mat because it was tired.';
    const { page, trace } = await setUp(text, DEFAULTS);
    try {
      const tokens = await tokenTexts(page);
      expect(tokens).toEqual(trace.tokens.map((t) => t.text));
      const { hm } = await checkViews(page, trace, true);
      expect(hm.text).toContain(`“${text}”`);

      // Each matrix of the Q, K, V tab, through its own CSV button.
      const T = tokens.length;
      for (const name of ['Q', 'K', 'V'] as const) {
        const button = page.getByRole('button', { name: `Download ${name} (${T} × 8) as CSV` });
        const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
        const file = await saved(download);
        expect(file.name).toBe(
          `attention-the-cat-sat-on-the-mat-because-it-was-${name.toLowerCase()}-head1.csv`,
        );
        const rows = csvRows(file);
        expect(rows[0]).toEqual([name, 'd0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']);
        const key = name.toLowerCase() as 'q' | 'k' | 'v';
        expectCsvMatches(rows, trace.heads[0]![key], tokens, null);
      }

      // The JSON, reached with the keyboard only: the menu's button, Enter, Tab to the item, Enter.
      const summary = page.locator('.export-menu:has([data-export="trace-json"]) summary');
      await summary.focus();
      await page.keyboard.press('Enter');
      const item = page.locator('[data-export="trace-json"]');
      await item.waitFor({ state: 'visible' });
      while (!(await item.evaluate((el) => el === document.activeElement))) {
        await page.keyboard.press('Tab');
      }
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.keyboard.press('Enter'),
      ]);
      const json = await saved(download);
      expect(json.name).toBe('attention-the-cat-sat-on-the-mat-because-it-was-trace.json');
      expect(JSON.parse(json.data.toString('utf8'))).toEqual(trace);
      // Choosing closed the menu and gave the focus back to its button.
      await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await item.isVisible()).toBe(false);

      expect(errorsOf(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('keep a hostile sentence as text in every file, with the causal mask’s −∞ in the CSV', async () => {
    const settings: Settings = { ...DEFAULTS, causal: true };
    const { page, trace } = await setUp(HOSTILE_SPACED, settings);
    try {
      const tokens = trace.tokens.map((t) => t.text);
      expect(tokens).toContain('<');
      expect(tokens).toContain('=');
      const { hm, gr } = await checkViews(page, trace, true);
      // The whole sentence is in both files, as text.
      expect(hm.text).toContain(HOSTILE_SPACED);
      expect(gr.text).toContain(HOSTILE_SPACED);

      // The masked scores: pick them in the heatmap, then export them as CSV.
      await page.getByRole('radio', { name: /masked/ }).check();
      const masked = csvRows(await exportFile(page, 'heatmap-csv'));
      expectCsvMatches(masked, trace.heads[0]!.masked, tokens, tokens);
      expect(masked[1]![2]).toBe('-inf');
      // Labels a spreadsheet would run as formulas carry the apostrophe.
      expect(masked[0]).toContain("'=");

      const json = await exportFile(page, 'trace-json');
      expect(JSON.parse(json.data.toString('utf8'))).toEqual(trace);

      // The verbatim sentence, against the page's own tokens.
      await typeSentence(page, HOSTILE);
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('ul[aria-label="Tokens"] > li')).some(
          (li) => li.textContent?.trim() === 'javascript',
        ),
      );
      const shown = await tokenTexts(page);
      for (const id of ['heatmap-svg', 'graph-svg']) {
        const report = await inspectSvg(page, (await exportFile(page, id)).data.toString('utf8'));
        expect(report.parseError).toBe(false);
        expect(report.active).toEqual([]);
        expect(report.text).toContain(HOSTILE);
        expect(id === 'heatmap-svg' ? report.rowLabels : report.nodes).toEqual(shown);
      }
      const verbatim = csvRows(await exportFile(page, 'heatmap-csv'));
      expect(verbatim[0]!.slice(1).map(unguardLabel)).toEqual(shown);

      expect((page as Page & { dialogs?: string[] }).dialogs ?? []).toEqual([]);
      expect(errorsOf(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it('export long texts (the canvas heatmap) the same way: 40 tokens, and 100 as merged cells', async () => {
    const words = 'the cat sat on a mat and the dog ran to it'.split(' ');
    const sentence = (n: number) =>
      Array.from({ length: n }, (_, k) => words[k % words.length]).join(' ');
    const { page, trace } = await setUp(sentence(40), DEFAULTS);
    try {
      expect(trace.tokens).toHaveLength(40);
      const heatmap = page.locator('[aria-label="Attention heatmap"][data-renderer="canvas"]');
      await heatmap.waitFor();
      await checkViews(page, trace, true);

      const long = runTrace(sentence(100), DEFAULTS);
      await typeSentence(page, sentence(100));
      await waitForTokens(
        page,
        long.tokens.map((t) => t.text),
      );
      await heatmap.and(page.locator('[data-token-count="100"]')).waitFor();
      await checkViews(page, long, false);
      expect(errorsOf(page)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });
});
