/**
 * The interface in Spanish, in a real browser: the language picker switches every visible
 * string, the document's language and the numbers (decimal commas in the heatmap, the
 * tables and the work panel, the same values as `npm run trace`); the link carries the
 * language and reopens in it; a browser that prefers Spanish gets it without a link, and a
 * link's language wins. Tokens in right-to-left scripts keep their letters in order and do
 * not reorder their neighbours. Screenshots of the Spanish interface go to test-results/e2e.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatNumber, parseNumber } from '../../src/format';
import {
  closePage,
  errorsOf,
  openApp,
  OUTPUT_DIR,
  runTrace,
  tableCells,
  waitForTokens,
} from './harness';
import { useBrowserSuite } from './suite';

// useBrowserSuite registers Vitest hooks, not React ones; its name only looks like a React hook.
const suite = useBrowserSuite(4542);

const PHONE = { width: 390, height: 844 };

/** The step navigation in Spanish. */
const pasos = (page: Page) => page.getByRole('navigation', { name: 'Pasos' });

/** Clicks the Spanish step whose title contains `word`, and waits until it is current. */
async function irAlPaso(page: Page, word: string): Promise<void> {
  await pasos(page).getByRole('button', { name: word }).click();
  await pasos(page).locator('[aria-current="step"]', { hasText: word }).waitFor();
}

/** Interface strings of the English messages that must not be left in the Spanish page. */
const ENGLISH_UI = [
  'Sentence',
  'Examples',
  'Previous step',
  'Next step',
  'Settings',
  'Attention heatmap',
  'Attention graph',
  'Model width',
  'Heads',
  'Head ',
  'Causal mask',
  'Temperature',
  'Seed',
  'New seed',
  'Positions',
  'Weights',
  'Copy link',
  'QR code',
  'Worksheet',
  'About',
  'Language',
  'Show the work',
  'The formula',
  'The same in PyTorch',
  'Layout',
  'Weight threshold',
  'outgoing',
  'incoming',
  'Weighted sum',
  'Score',
  'Queries',
  'Keys',
  'Values',
  'query',
  'attention',
  'Hover',
  'Click',
  'click',
  'Type a sentence',
  ' the ',
  ' and ',
  ' of ',
];

/**
 * Everything the page shows or names, as text: the body's text and every aria-label,
 * title, placeholder, alt and aria-valuetext, leaving out what is not the interface's to
 * translate: the user's sentence (its box and token chips), the PyTorch code, the
 * example sentences of the menu and the names of the languages in the picker.
 */
function interfaceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    const skip = [
      'textarea',
      'ul[aria-label="Tokens"]',
      '.code-view__code',
      'select option',
      // The example sentences are English on purpose (GloVe's vectors are English).
      '.example-menu__list',
      'script',
      'style',
      // Shown only with JavaScript off, in both languages; with it on, its text is raw markup.
      'noscript',
    ];
    for (const selector of skip) body.querySelectorAll(selector).forEach((el) => el.remove());
    const attributes = ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext'];
    const named = Array.from(body.querySelectorAll('*')).flatMap((el) =>
      attributes.map((a) => el.getAttribute(a) ?? ''),
    );
    return [body.textContent ?? '', ...named].join('\n');
  });
}

/** The heatmap cell numbers (SVG text of the cells), in order. */
function heatmapNumbers(page: Page, label: string): Promise<string[]> {
  return page.locator(`svg[aria-label="${label}"] [data-i][data-j]`).evaluateAll((cells) =>
    // A cell's printed number is the <text> right after its <rect>.
    cells.map((cell) => {
      const next = cell.nextElementSibling;
      return next?.tagName === 'text' ? (next.textContent ?? '').trim() : '';
    }),
  );
}

describe('the interface in Spanish', () => {
  it('switches with the picker: words, document language, numbers, and the link', async () => {
    const page = await openApp(suite.browser, suite.url);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const picker = page.getByRole('combobox', { name: 'Language', exact: true });
    expect(
      await picker.locator('option').evaluateAll((os) => os.map((o) => o.getAttribute('lang'))),
    ).toEqual(['en', 'es']);
    await picker.selectOption({ label: 'Español' });
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await page.title()).toBe('Attention Graph: la autoatención, paso a paso');

    // Key labels, by role and accessible name.
    await page.getByRole('combobox', { name: 'Idioma', exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Oración', exact: true }).waitFor();
    await pasos(page).getByRole('button', { name: 'Paso siguiente' }).waitFor();
    await page.getByRole('button', { name: 'Copiar enlace', exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Ancho del modelo', exact: true }).waitFor();
    await page.getByRole('checkbox', { name: 'Máscara causal', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Grafo de atención' }).waitFor();

    // Open everything a lesson shows: step 4 Softmax, and one cell's arithmetic.
    await irAlPaso(page, 'Softmax');
    const heatmap = 'Mapa de calor de la atención';
    await page.locator(`svg[aria-label="${heatmap}"] rect[data-i="1"][data-j="2"]`).click();
    await page.getByRole('heading', { name: 'Los cálculos' }).waitFor();
    await page.mouse.move(0, 0);

    const text = await interfaceText(page);
    const left = ENGLISH_UI.filter((english) => text.includes(english));
    expect(left).toEqual([]);

    // Numbers: decimal commas, the same values as the trace command.
    const trace = runTrace('I love tennis.');
    const weights = trace.heads[0]?.weights ?? [];
    const cells = await heatmapNumbers(page, heatmap);
    expect(cells).toHaveLength(16);
    cells.forEach((shown, k) => {
      expect(shown).toMatch(/^\d,\d\d$/);
      const want = weights[Math.floor(k / 4)]?.[k % 4] ?? NaN;
      expect(shown).toBe(formatNumber(want, 2, 'es'));
    });
    const table = await tableCells(page, 'Pesos de atención');
    expect(table).toHaveLength(4);
    table.forEach((row, i) =>
      row.forEach((shown, j) => {
        expect(shown).toMatch(/^\d,\d{4}$/);
        expect(parseNumber(shown, 'es')).toBeCloseTo(weights[i]?.[j] ?? NaN, 4);
      }),
    );
    const work = (await page.locator('section.work').textContent()) ?? '';
    expect(work).toMatch(/\d,\d{4}/);
    const workNumbers = await page
      .locator('section.work td')
      .evaluateAll((tds) => tds.map((td) => (td.textContent ?? '').trim()));
    const numeric = workNumbers.filter((t) => /\d/.test(t));
    expect(numeric.length).toBeGreaterThan(10);
    for (const shown of numeric) expect(shown).toMatch(/^−?\d+,\d{4}$/);
    expect(work).toContain(
      `máx = ${formatNumber(Math.max(...(trace.heads[0]?.masked[1] as number[])), 4, 'es')}`,
    );

    // The link carries the language, and reopening it gives Spanish.
    await page.waitForFunction(() => window.location.hash.includes('lang=es'));
    const link = page.url();
    expect(errorsOf(page)).toEqual([]);
    await closePage(page);

    const again = await openApp(suite.browser, link);
    expect(await again.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await again.getByRole('combobox', { name: 'Idioma', exact: true }).inputValue()).toBe(
      'es',
    );
    await again.getByRole('heading', { name: 'Los cálculos' }).waitFor();
    expect(await heatmapNumbers(again, heatmap)).toEqual(cells);
    await closePage(again);
  });

  it('follows a browser that prefers Spanish, unless a link says otherwise', async () => {
    const context = await suite.browser.newContext({ locale: 'es-ES', reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      await page.goto(suite.url);
      await page.waitForFunction(() => document.documentElement.lang === 'es');
      await page.getByRole('textbox', { name: 'Oración', exact: true }).waitFor();
      // The link names the language it shows, so a student with an English browser sees
      // the teacher's Spanish; English, the links' default, goes unnamed.
      await page.getByRole('textbox', { name: 'Oración', exact: true }).fill('Hola.');
      await page.waitForFunction(() => window.location.hash.includes('t=Hola'));
      expect(page.url()).toContain('lang=es');
      await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
      await page.waitForFunction(() => !window.location.hash.includes('lang='));
      // A link without a language is English, whatever the browser prefers.
      const fromLink = await context.newPage();
      await fromLink.goto(`${suite.url}#t=Hi`);
      await fromLink.waitForFunction(() => document.documentElement.lang === 'en');

      const english = await context.newPage();
      await english.goto(`${suite.url}#lang=en&t=Hi`);
      await english.waitForFunction(() => document.documentElement.lang === 'en');
      await english.getByRole('textbox', { name: 'Sentence', exact: true }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('fits a laptop and a phone (screenshots)', async () => {
    for (const size of [{ width: 1366, height: 768 }, PHONE]) {
      const page = await openApp(
        suite.browser,
        `${suite.url}#step=softmax&sel=1-2&lang=es&t=I+love+tennis.`,
        size,
      );
      await page.mouse.move(0, 0);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `horizontal overflow at ${size.width} px`).toBe(0);
      await page.screenshot({
        path: path.join(OUTPUT_DIR, `i18n-es-${size.width}.png`),
        fullPage: true,
      });
      expect(errorsOf(page)).toEqual([]);
      await closePage(page);
    }
  });
});

/** Sentences in other scripts: right to left, mixed, CJK and emoji. */
const SENTENCES = [
  'שלום עולם',
  'مرحبا بالعالم',
  'I said مرحبا to her.',
  '我爱网球。',
  'I love 🎾 and שלום.',
];

/**
 * The horizontal centre of each character of `selector`'s first text node, in logical
 * order (an isolate control has no box and gives null).
 */
function charCentres(page: Page, selector: string): Promise<(number | null)[]> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const out: (number | null)[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let k = 0; k < text.length; k++) {
          const range = document.createRange();
          range.setStart(node, k);
          range.setEnd(node, k + 1);
          const r = range.getBoundingClientRect();
          out.push(r.width > 0 ? r.left + r.width / 2 : null);
        }
      }
      return out;
    });
}

describe('tokens in any script', () => {
  it('show as chips in the tokenizer’s order, each laid out in its own direction', async () => {
    const page = await openApp(suite.browser, `${suite.url}#lang=es&t=a`);
    for (const sentence of SENTENCES) {
      const expected = runTrace(sentence).tokens.map((t) => t.text);
      await page.getByRole('textbox', { name: 'Oración', exact: true }).fill(sentence);
      await waitForTokens(page, expected);
      const chips = page.getByRole('list', { name: 'Tokens' }).locator('li button');
      const info = await chips.evaluateAll((buttons) =>
        buttons.map((b) => ({
          dir: b.getAttribute('dir'),
          direction: getComputedStyle(b).direction,
          left: b.getBoundingClientRect().left,
          top: b.getBoundingClientRect().top,
        })),
      );
      expect(info.map((c) => c.dir)).toEqual(expected.map(() => 'auto'));
      expect(info.map((c) => c.direction)).toEqual(
        expected.map((t) => (/[\u0590-\u08ff]/.test(t) ? 'rtl' : 'ltr')),
      );
      // The chips flow left to right in reading order, like the interface.
      for (let k = 1; k < info.length; k++) {
        const [a, b] = [info[k - 1], info[k]];
        if (a && b && a.top === b.top) expect(b.left).toBeGreaterThan(a.left);
      }
    }
    // A right-to-left chip keeps its letters in order: the first letter is the rightmost.
    await typeSentenceEs(page, 'שלום עולם');
    const letters = await charCentres(page, 'ul[aria-label="Tokens"] li:first-child button');
    const xs = letters.filter((x): x is number => x !== null);
    expect(xs).toHaveLength(4);
    expect([...xs].sort((a, b) => b - a)).toEqual(xs);
    expect(errorsOf(page)).toEqual([]);
    await closePage(page);
  });

  it('keep their neighbours in place in readouts, labels and tooltips (screenshots)', async () => {
    const sentence = 'I said مرحبا to her. שלום עולם 我爱网球。 🎾';
    const tokens = runTrace(sentence).tokens.map((t) => t.text);
    const page = await openApp(
      suite.browser,
      `${suite.url}#lang=es&step=softmax&t=${encodeURIComponent(sentence)}`,
    );
    await waitForTokens(page, tokens);
    const heatmap = 'svg[aria-label="Mapa de calor de la atención"]';
    const arabic = tokens.indexOf('مرحبا');
    const hebrew = tokens.indexOf('שלום');
    const period = tokens.indexOf('.');

    for (const i of [arabic, hebrew]) {
      await page.locator(`${heatmap} rect[data-i="${i}"][data-j="${period}"]`).hover();
      const readout = page.locator('.hm-readout');
      const text = (await readout.textContent()) ?? '';
      // Visual order: the token's letters, then the arrow, then the number at the far right.
      const xs = await charCentres(page, '.hm-readout');
      const at = (k: number) => xs[k] ?? NaN;
      const word = tokens[i] ?? '';
      const start = text.indexOf(word);
      const wordXs = Array.from({ length: word.length }, (_, k) => at(start + k));
      const arrow = at(text.indexOf('→'));
      expect(Math.max(...wordXs)).toBeLessThan(arrow);
      expect(wordXs[0]).toBeGreaterThan(wordXs[word.length - 1] ?? NaN);
      const known = xs.filter((x): x is number => x !== null);
      expect(at(text.length - 1)).toBe(Math.max(...known));
      // And in the string, the token is one isolate.
      expect(text).toBe(`«\u2068${tokens[i]}\u2069» → «.»: ${text.split(': ')[1]}`);
      expect(text.split(': ')[1]).toMatch(/^\d,\d+$/);
    }

    // Axis labels and graph labels: each right-to-left token is its own isolate.
    const rowLabel = await labelText(page, heatmap, hebrew);
    expect(rowLabel).toBe(`\u2068שלום\u2069`);
    const cjk = await labelText(page, heatmap, tokens.indexOf('我'));
    expect(cjk).toBe('我');
    const title = await page
      .locator(`${heatmap} rect[data-i="${arabic}"][data-j="${period}"]`)
      .getAttribute('aria-label');
    expect(title).toContain('\u2068مرحبا\u2069');

    await page.mouse.move(0, 0);
    const chips = page.getByRole('list', { name: 'Tokens' });
    await chips.screenshot({ path: path.join(OUTPUT_DIR, 'i18n-rtl-chips.png') });
    await page
      .locator('.heatmap-panel')
      .screenshot({ path: path.join(OUTPUT_DIR, 'i18n-rtl-heatmap.png') });
    await page
      .locator('svg[aria-label="Grafo de atención"]')
      .screenshot({ path: path.join(OUTPUT_DIR, 'i18n-rtl-graph.png') });
    expect(errorsOf(page)).toEqual([]);
    await closePage(page);
  });
});

/** The drawn text of the heatmap's row label `i` (without its tooltip). */
function labelText(page: Page, heatmap: string, i: number): Promise<string> {
  return page
    .locator(`${heatmap} text.hm-label`)
    .nth(i)
    .evaluate((el) =>
      Array.from(el.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent)
        .join(''),
    );
}

/** Types `text` into the Spanish sentence box and waits for its chips. */
async function typeSentenceEs(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Oración', exact: true }).fill(text);
  await waitForTokens(
    page,
    runTrace(text).tokens.map((t) => t.text),
  );
}
