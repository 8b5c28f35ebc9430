/**
 * Nothing breaks (issue 6): the whole pipeline, for arbitrary texts and every combination
 * of settings the core accepts, gives finite numbers everywhere except the masked −∞
 * scores, and softmax rows that sum to 1; the tokenizer holds its invariants on long
 * arbitrary strings that cross its windows; and invisible characters left out of the
 * tokens are counted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countLeftOut } from '../../src/core/leftOut';
import { fromRows, type Matrix } from '../../src/core/matrix';
import { MAX_TOKENS, tokenize } from '../../src/core/tokenizer';
import {
  computeTrace,
  embedText,
  traceFromEmbedded,
  type EmbeddedText,
} from '../../src/core/trace';
import type { AttentionSettings, AttentionTrace, EmbeddedToken } from '../../src/core/types';
import { gloveVectors } from '../helpers/testStore';
import {
  MAX_TEMPERATURE,
  SEEDED_WEIGHTS_PRESETS,
  MIN_TEMPERATURE,
  MAX_HEADS,
} from '../../src/core/settings';
import { madeUpWordVectors, type WordVectors } from '../../src/core/vectors/table';
import { binaryString } from '../helpers/arbitraries';

let glove: WordVectors;
beforeAll(async () => {
  glove = await gloveVectors();
});

/** Every setting the core accepts, corners weighted up: width 1 and 100, τ = 0.01 and 100. */
const arbSettings: fc.Arbitrary<AttentionSettings> = fc.record({
  width: fc.oneof(fc.constantFrom(1, 4, 100), fc.integer({ min: 1, max: 100 })),
  heads: fc.integer({ min: 1, max: MAX_HEADS }),
  seed: fc.oneof(fc.constantFrom(0, 0xffffffff), fc.nat({ max: 0xffffffff })),
  causal: fc.boolean(),
  scale: fc.boolean(),
  temperature: fc.oneof(
    fc.constantFrom(MIN_TEMPERATURE, MAX_TEMPERATURE, 0.1, 1),
    fc.double({ min: MIN_TEMPERATURE, max: MAX_TEMPERATURE, noNaN: true }),
  ),
  weights: fc.constantFrom(...SEEDED_WEIGHTS_PRESETS),
  positions: fc.boolean(),
});

/** Words GloVe knows, to make texts of real (and large) vectors, repeated or not. */
const knownWords = fc.constantFrom(
  'the',
  'cat',
  'sat',
  'on',
  'mat',
  'because',
  'it',
  'was',
  'tired',
  ',',
  '.',
  'tennis',
  'love',
  'nadal',
  '...',
  '--',
  "n't",
  'qwzxv',
  'I',
  '7',
  '👍',
  '我',
);

/** Texts: real words, arbitrary graphemes, arbitrary code points (lone surrogates too). */
const arbText = fc.oneof(
  fc.array(knownWords, { maxLength: 60 }).map((w) => w.join(' ')),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  binaryString({ maxLength: 80 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
  fc.tuple(knownWords, fc.integer({ min: 1, max: 80 })).map(([w, n]) => `${w} `.repeat(n)),
);

/** Where a matrix holds something other than a finite number, as readable lines. */
function nonFinite(name: string, m: Matrix, allowMaskedAbove = false): string[] {
  const problems: string[] = [];
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const x = m.data[i * m.cols + j] as number;
      if (Number.isFinite(x)) continue;
      if (allowMaskedAbove && j > i && x === -Infinity) continue;
      problems.push(`${name}[${i}][${j}] = ${x}`);
    }
  }
  return problems;
}

/** Every invariant of a trace's numbers; an empty list when all hold. */
function traceProblems(trace: AttentionTrace): string[] {
  const { causal } = trace.settings;
  const problems = [
    ...nonFinite('embeddings', trace.embeddings),
    ...nonFinite('positions', trace.positions),
    ...nonFinite('input', trace.input),
    ...nonFinite('concat', trace.concat),
    ...nonFinite('wo', trace.wo),
    ...nonFinite('output', trace.output),
  ];
  trace.heads.forEach((h, n) => {
    for (const key of ['wq', 'wk', 'wv', 'q', 'k', 'v', 'scores', 'scaled', 'weights'] as const) {
      problems.push(...nonFinite(`head ${n} ${key}`, h[key]));
    }
    problems.push(...nonFinite(`head ${n} output`, h.output));
    problems.push(...nonFinite(`head ${n} masked`, h.masked, causal));
    const T = h.weights.rows;
    for (let i = 0; i < T; i++) {
      let sum = 0;
      for (let j = 0; j < T; j++) {
        const w = h.weights.data[i * T + j] as number;
        const masked = h.masked.data[i * T + j] as number;
        if (causal && j > i && masked !== -Infinity)
          problems.push(`head ${n} masked[${i}][${j}] not −∞`);
        if (!causal && masked === -Infinity) problems.push(`head ${n} masked[${i}][${j}] is −∞`);
        if (w < 0 || w > 1) problems.push(`head ${n} weights[${i}][${j}] = ${w}`);
        if (masked === -Infinity && w !== 0) problems.push(`head ${n} masked weight ${w}`);
        sum += w;
      }
      if (!(Math.abs(sum - 1) <= 1e-5)) problems.push(`head ${n} row ${i} sums to ${sum}`);
    }
  });
  return problems;
}

describe('the trace holds only finite numbers (fast-check)', () => {
  it('for arbitrary texts and settings with the GloVe table', () => {
    fc.assert(
      fc.property(arbText, arbSettings, (text, settings) => {
        expect(traceProblems(computeTrace(text, settings, glove))).toEqual([]);
      }),
      { numRuns: 250 },
    );
  });

  it('for arbitrary texts and settings with the made-up vectors', () => {
    fc.assert(
      fc.property(arbText, arbSettings, (text, settings) => {
        const trace = computeTrace(text, settings, madeUpWordVectors());
        expect(trace.vectors).toBe('made-up');
        expect(traceProblems(trace)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('for arbitrary embeddings up to ±10⁴ through traceFromEmbedded', () => {
    const arbEmbedded = fc
      .record({ T: fc.integer({ min: 0, max: 12 }), settings: arbSettings })
      .chain(({ T, settings }) =>
        fc
          .array(
            fc.array(fc.float({ min: -1e4, max: 1e4, noNaN: true }), {
              minLength: settings.width,
              maxLength: settings.width,
            }),
            { minLength: T, maxLength: T },
          )
          .map((rows) => ({ rows, settings })),
      );
    fc.assert(
      fc.property(arbEmbedded, ({ rows, settings }) => {
        const tokens: EmbeddedToken[] = rows.map((_, i) => ({
          text: `w${i}`,
          start: 3 * i,
          end: 3 * i + 2,
          kind: 'word',
          lookup: `w${i}`,
          vocabIndex: null,
          known: false,
        }));
        const embedded: EmbeddedText = {
          text: tokens.map((t) => t.text).join(' '),
          tokens,
          truncated: false,
          vectors: 'made-up',
          embeddings:
            rows.length > 0
              ? fromRows(rows)
              : { rows: 0, cols: settings.width, data: new Float32Array(0) },
        };
        expect(traceProblems(traceFromEmbedded(embedded, settings))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('at the corners: 1 token, 512 identical tokens, unknown words only, width 100, no scaling, τ = 0.01', () => {
    const corners: Array<[string, Partial<AttentionSettings>]> = [
      ['tennis', {}],
      ['the '.repeat(600), {}],
      ['qwzxv zzqx xqjv '.repeat(200), {}],
      [Array.from({ length: 512 }, (_, i) => `w${i}`).join(' '), {}],
    ];
    for (const [text, extra] of corners) {
      for (const causal of [false, true]) {
        for (const weights of SEEDED_WEIGHTS_PRESETS) {
          const settings: AttentionSettings = {
            width: 100,
            heads: 1,
            seed: 7,
            causal,
            scale: false,
            temperature: MIN_TEMPERATURE,
            weights,
            positions: true,
            ...extra,
          };
          const trace = computeTrace(text, settings, glove);
          expect(trace.tokens.length).toBeLessThanOrEqual(MAX_TOKENS);
          expect(traceProblems(trace), `${text.slice(0, 20)} ${causal} ${weights}`).toEqual([]);
        }
      }
    }
    // The 512-token cases really are 512 tokens, truncated.
    expect(embedText('the '.repeat(600), 100, glove).tokens).toHaveLength(512);
  });
});

describe('tokenize on long arbitrary strings (fast-check)', () => {
  // Long enough to cross the tokenizer's 2,048-unit windows several times.
  const long = fc.oneof(
    binaryString({ minLength: 2500, maxLength: 6000 }),
    fc.string({ unit: 'grapheme', minLength: 1500, maxLength: 3000 }),
    fc
      .array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 300, maxLength: 900 })
      .map((w) => w.join(' ')),
  );

  it('never throws, offsets give back each token as the NFC of its slice, and truncation is a prefix', () => {
    fc.assert(
      fc.property(long, fc.integer({ min: 0, max: 600 }), (text, max) => {
        const all = tokenize(text, { maxTokens: Infinity });
        const problems: string[] = [];
        let previousEnd = 0;
        all.tokens.forEach((t, i) => {
          if (text.slice(t.start, t.end).normalize('NFC') !== t.text) problems.push(`token ${i}`);
          if (t.start < previousEnd || t.end <= t.start) problems.push(`span ${i}`);
          previousEnd = t.end;
        });
        expect(problems).toEqual([]);
        const cut = tokenize(text, { maxTokens: max });
        expect(cut.tokens).toEqual(all.tokens.slice(0, max));
        expect(cut.truncated).toBe(all.tokens.length > max);
      }),
      { numRuns: 40 },
    );
  });
});

describe('countLeftOut', () => {
  const leftOut = (text: string) => {
    const { tokens, truncated } = tokenize(text);
    return countLeftOut(text, tokens, truncated);
  };

  it('counts controls, format characters and lone surrogates between tokens', () => {
    expect(leftOut('a\u0000b')).toBe(1);
    expect(leftOut('\u0007\u0008 cat \u200b')).toBe(3);
    expect(leftOut('x \ud800 y \udfff')).toBe(2);
    expect(leftOut('\u200e\u200f')).toBe(2);
  });

  it('does not count ordinary spaces, tabs and line breaks', () => {
    expect(leftOut(' a\tb\nc\r\nd\u000b\u000c ')).toBe(0);
    expect(leftOut('')).toBe(0);
  });

  it('does not count what is inside a token: the ZWJ of a family emoji, a lone joiner in a word', () => {
    expect(leftOut('👨\u200d👩\u200d👧')).toBe(0);
    const text = 'a\u00adb';
    expect(tokenize(text).tokens.map((t) => t.text)).toEqual(['a\u00adb']);
    expect(leftOut(text)).toBe(0);
  });

  it('a surrogate pair is one character, never two halves', () => {
    expect(leftOut('\ud83d\ude00')).toBe(0);
    expect(leftOut('\ud83d\ude00\ud83d')).toBe(1);
  });

  it('looks only at the part of a truncated text its tokens cover', () => {
    const text = `${'w '.repeat(MAX_TOKENS + 5)}\u0000\u0000`;
    expect(tokenize(text).truncated).toBe(true);
    expect(leftOut(text)).toBe(0);
    expect(leftOut(`\u0001${text}`)).toBe(1);
  });
});
