/**
 * The Spanish messages against the English ones: the same tree, the same kinds of leaves,
 * every function answering with text, and Spanish text wherever English has words.
 */
import { describe, expect, it } from 'vitest';
import { en, loadMessages, messagesFor } from '../../src/messages';
import { MESSAGES } from '../../src/messages/all';
import { LANGUAGE_NAMES } from '../../src/messages/languages';
import type { StepContext } from '../../src/messages/shell';
import { LANGUAGES } from '../../src/vocabulary/language';

/** Sample arguments for a message function, by the parameter's name (both trees share the names). */
const CONTEXT: StepContext = {
  tokens: 4,
  unknown: 1,
  width: 8,
  heads: 2,
  head: 1,
  dK: 4,
  sqrtDK: '2',
  scale: true,
  causal: true,
  temperature: 0.5,
  temperatureText: '0,5',
  positions: true,
  weights: 'similarity',
  madeUp: false,
};

/** Every call a message function gets in the test: a few argument sets that reach each branch. */
function sampleCalls(fn: (...args: never[]) => unknown): unknown[][] {
  const arity = fn.length;
  const strings = ['alfa', 'beta', 'gamma', 'delta'];
  const numbers = [1, 3, 2, 5];
  const calls: unknown[][] = [
    Array.from({ length: arity }, (_, k) => strings[k]),
    Array.from({ length: arity }, (_, k) => numbers[k]),
    Array.from({ length: arity }, () => 1),
    [CONTEXT],
    [{ ...CONTEXT, madeUp: true, causal: false, scale: false, heads: 1, positions: false }],
    [['uno', 'dos'], true],
    [[{ weight: '0,5', value: '−1' }], '2', true],
    ['alfa', ['uno', 'dos'], true],
    [
      {
        dModel: 4,
        dK: 4,
        preset: 'similarity',
        seed: 7,
        scale: true,
        causal: false,
        temperature: '1',
      },
    ],
  ];
  return calls;
}

/** Leaves of a message tree: path → value. */
function leaves(tree: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof tree === 'string' || typeof tree === 'function') {
    out.set(path, tree);
  } else if (Array.isArray(tree)) {
    out.set(`${path}#length`, tree.length);
    tree.forEach((item, k) => leaves(item, `${path}[${k}]`).forEach((v, p) => out.set(p, v)));
  } else if (tree && typeof tree === 'object') {
    for (const [key, value] of Object.entries(tree)) {
      leaves(value, path ? `${path}.${key}` : key).forEach((v, p) => out.set(p, v));
    }
  } else {
    out.set(path, tree);
  }
  return out;
}

/** What a call gives, as text: a string, or the strings of an array joined. */
function textOf(result: unknown): string | null {
  if (typeof result === 'string') return result;
  if (Array.isArray(result) && result.every((r) => typeof r === 'string')) return result.join(' ');
  return null;
}

/** Calls `fn` with each sample; the texts of the calls its types accept (others may throw). */
function callAll(fn: (...args: never[]) => unknown): (string | null)[] {
  return sampleCalls(fn).map((args) => {
    try {
      return textOf((fn as (...a: unknown[]) => unknown)(...args));
    } catch {
      return null;
    }
  });
}

/**
 * The leaves that are the same in Spanish on purpose: the app's name, mathematical and
 * code notation, the word "token" (Spanish texts on language models use it too), the
 * example sentences (GloVe's vectors are English), and the sample text of a legend chip.
 */
const SAME_IN_SPANISH = new Set([
  'app.title',
  'shell.tokens.label',
  'shell.tokens.heading',
  'shell.tokens.legendSample',
  'shell.steps.compactTitles.tokens',
  'shell.steps.compactTitles.qkv',
  'shell.steps.compactTitles.softmax',
  'shell.steps.titles.softmax',
  // A number and a title: "3 Score", "3 Puntuación".
  'shell.steps.numbered',
  // The name of the library, the same in every language.
  'shell.stage.code',
  'shell.settings.temperatureValue',
  'viz.pair',
  'viz.modes.scores',
  'viz.modes.scaled',
  'viz.modes.weights',
  'viz.cellValue',
  'viz.edgeTooltip',
  'numbers.dim',
  'numbers.matricesTitle',
  'numbers.shape',
  'numbers.pair',
  'numbers.groups.qkv',
  'numbers.groups.weights',
  'numbers.scoreColumns.q',
  'numbers.scoreColumns.k',
  'numbers.scoreColumns.product',
  'numbers.scaleRoot',
  'numbers.weightedColumns.term',
  'numbers.projectionColumns.concat',
  'numbers.projectionColumns.wo',
  'numbers.projectionColumns.product',
  'numbers.tableCorner',
  'numbers.softmaxColumns.token',
  'numbers.weightedColumns.token',
  'worksheet.corner',
  'worksheet.dim',
  'worksheet.shape',
  'worksheet.expHintX',
  'worksheet.expHintExp',
  'worksheet.grids.q',
  'worksheet.grids.k',
  'worksheet.grids.v',
  'quiz.token',
  'quiz.component',
  'quiz.reveal.contributionColumns.token',
  'quiz.reveal.contributionColumns.product',
  'present.indicator',
  // "Follow one token": the word token, "3 · it", "3 / 14", and the symbols d, q, k, q × k.
  'follow.tokenLabel',
  'follow.tokenOption',
  'follow.indicator',
  'follow.dimension',
  'follow.query',
  'follow.key',
  'follow.product',
  'exportFiles.matrixCsv',
  // A number and the unit's symbol, the same in both languages.
  'pwa.megabytes',
  'reliability.failedWith',
]);

const isExampleText = (path: string) => /^shell\.examples\.items\[\d+\]\.text$/.test(path);

describe('the Spanish messages', () => {
  const enLeaves = leaves(en);
  const esLeaves = leaves(MESSAGES.es);

  it('have exactly the keys of the English ones, array lengths included', () => {
    expect([...esLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('have the same kind of value at every key', () => {
    for (const [path, value] of enLeaves) {
      const spanish = esLeaves.get(path);
      expect(typeof spanish, path).toBe(typeof value);
      if (typeof value === 'function') {
        expect((spanish as (...a: never[]) => unknown).length, `${path} arity`).toBe(
          (value as (...a: never[]) => unknown).length,
        );
      }
      if (path.endsWith('#length')) expect(spanish, path).toBe(value);
    }
  });

  it('answer every sample call with non-empty text where English does', () => {
    for (const [path, value] of enLeaves) {
      if (typeof value !== 'function') continue;
      const english = callAll(value as (...a: never[]) => unknown);
      const spanish = callAll(esLeaves.get(path) as (...a: never[]) => unknown);
      english.forEach((text, k) => {
        if (text === null) return;
        // Some English functions answer '' on purpose (a suffix for one head only).
        expect(spanish[k] === null ? null : spanish[k] === '', `${path} call ${k}`).toBe(
          text === '',
        );
      });
      expect(
        spanish.some((text) => text !== null && text.length > 0),
        `${path} never answers`,
      ).toBe(true);
    }
  });

  it('say it in Spanish, except for an explicit list of symbols and names', () => {
    const same: string[] = [];
    for (const [path, value] of enLeaves) {
      if (path.endsWith('#length') || isExampleText(path) || SAME_IN_SPANISH.has(path)) continue;
      const spanish = esLeaves.get(path);
      if (typeof value === 'string') {
        if (value === spanish) same.push(path);
      } else if (typeof value === 'function') {
        const english = callAll(value as (...a: never[]) => unknown);
        const translated = callAll(spanish as (...a: never[]) => unknown);
        const differs = english.some((t, k) => t !== null && t !== '' && t !== translated[k]);
        if (!differs) same.push(path);
      }
    }
    expect(same).toEqual([]);
  });

  it('keep the allow-list honest: every listed key exists and really is the same', () => {
    for (const path of SAME_IN_SPANISH) {
      expect(enLeaves.has(path), path).toBe(true);
      const english = enLeaves.get(path);
      const spanish = esLeaves.get(path);
      if (typeof english === 'string') expect(spanish, path).toBe(english);
    }
  });

  it('are what messagesFor gives for each language: English at once, Spanish once its chunk has come', async () => {
    expect(messagesFor('en')).toBe(en);
    // Nothing in this file has asked for Spanish yet: until it comes, English stands in.
    expect(messagesFor('es')).toBe(en);
    await expect(loadMessages('es')).resolves.toBe(MESSAGES.es);
    expect(messagesFor('es')).toBe(MESSAGES.es);
    await expect(loadMessages('en')).resolves.toBe(en);
    for (const lang of LANGUAGES) expect(LANGUAGE_NAMES[lang]).toBeTruthy();
    expect(LANGUAGE_NAMES).toEqual({ en: 'English', es: 'Español' });
  });

  it('quote tokens the Spanish way and leave a right-to-left token isolated inside', () => {
    const es = MESSAGES.es;
    expect(es.viz.readout('\u2068שלום\u2069', '.', '0,25')).toBe('«\u2068שלום\u2069» → «.»: 0,25');
    expect(es.shell.tokens.count(4, 1)).toBe('4 tokens, 1 sin vector de GloVe');
    expect(es.shell.steps.position(2, 5)).toBe('Paso 2 de 5');
  });
});
