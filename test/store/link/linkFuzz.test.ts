/**
 * Any link at all (issue 6): applying an arbitrary fragment to the store never throws,
 * leaves a view whose step, head, selection and focus exist for its sentence, and the trace
 * of that view holds only finite numbers (the masked −∞ scores aside).
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { initialState, useAppStore } from '../../../src/store/store';
import { MAX_TOKENS, tokenize } from '../../../src/core/tokenizer';
import { deriveTrace } from '../../../src/store/useTrace';
import { gloveVectors } from '../../helpers/testStore';
import { stepsFor } from '../../../src/vocabulary/steps';
import type { WordVectors } from '../../../src/core/vectors/table';
import { DEFAULT_LESSON } from '../../../src/store/link/lessonState';
import { LINK_KEYS } from '../../../src/store/link/fields';
import { encodeLessonLink } from '../../../src/store/link/lessonLink';
import { applyLessonLink, linkedText } from '../../../src/store/link/useLessonLink';
import { binaryString } from '../../helpers/arbitraries';

let glove: WordVectors;
beforeAll(async () => {
  glove = await gloveVectors();
});

beforeEach(() => {
  useAppStore.setState(initialState());
});

const key = fc.oneof(fc.constantFrom(...Object.values(LINK_KEYS)), fc.string({ maxLength: 3 }));
const value = fc.oneof(
  binaryString({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '0',
    '1',
    '100',
    '0.1',
    '3',
    '1e400',
    'NaN',
    '-1',
    '512-0',
    '0-0',
    '2-1',
    '%',
    '%ZZ',
    '%F0%9F',
  ),
  fc.integer({ min: -5, max: 600 }).map(String),
  fc.double().map(String),
);
/** Fragments that look like links (some pieces right, some hostile) or like nothing at all. */
const fragment = fc.oneof(
  fc
    .array(fc.tuple(key, value), { maxLength: 20 })
    .map((pairs) => `#${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
  binaryString({ maxLength: 200 }).map((s) => `#${s}`),
  fc
    .string({ unit: 'grapheme', maxLength: 100 })
    .map((t) => `#${encodeLessonLink({ ...DEFAULT_LESSON, text: t })}&sel=3-1&focus=2`),
);

describe('applying an arbitrary link (fast-check)', () => {
  it('never throws and leaves a valid view with a finite trace', () => {
    fc.assert(
      fc.property(fragment, (hash) => {
        applyLessonLink(hash);
        const s = useAppStore.getState();
        expect(stepsFor(s.settings.heads)).toContain(s.step);
        expect(s.head).toBeGreaterThanOrEqual(0);
        expect(s.head).toBeLessThan(s.settings.heads);
        const trace = deriveTrace(s.text, s.settings, glove);
        const T = trace.tokens.length;
        if (s.selection) {
          expect(s.selection.i).toBeLessThan(T);
          expect(s.selection.j).toBeLessThan(T);
        }
        if (s.graph.focus !== null) expect(s.graph.focus).toBeLessThan(T);
        const numbers = [
          trace.input,
          trace.output,
          ...trace.heads.flatMap((h) => [h.scaled, h.weights, h.output]),
        ];
        for (const m of numbers) expect(m.data.every(Number.isFinite)).toBe(true);
        for (const h of trace.heads) {
          expect(h.masked.data.every((x) => Number.isFinite(x) || x === -Infinity)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('linkedText', () => {
  it('keeps a text of up to 512 tokens whole, and cuts a longer one after its 512th token', () => {
    expect(linkedText('The cat sat.  ')).toBe('The cat sat.  ');
    const exactly = 'w '.repeat(MAX_TOKENS);
    expect(linkedText(exactly)).toBe(exactly);
    const big = 'word '.repeat(200_000);
    const cut = linkedText(big);
    expect(cut).toBe(`${'word '.repeat(MAX_TOKENS - 1)}word`);
    // The cut text is the same view: the same tokens.
    expect(tokenize(cut).tokens).toEqual(tokenize(big).tokens);
  });
});
