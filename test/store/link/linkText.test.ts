// @vitest-environment jsdom
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/core/tokenizer';
import {
  carriedText,
  fittingPrefix,
  keepSessionText,
  MAX_LINK_TEXT,
  sessionTextFor,
} from '../../../src/store/link/linkText';
import { encodeLessonLink } from '../../../src/store/link/lessonLink';
import { DEFAULT_LESSON } from '../../../src/store/link/lessonState';

/** The text's length in a link, as URLSearchParams writes it. */
const encoded = (text: string) => new URLSearchParams({ t: text }).toString().length - 2;

describe('fittingPrefix', () => {
  it('counts what URLSearchParams writes, code point by code point', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.nat(200), (text, budget) => {
        const n = fittingPrefix(text, budget);
        expect(encoded(text.slice(0, n))).toBeLessThanOrEqual(budget);
        if (n < text.length) {
          const next = text.codePointAt(n) as number;
          expect(encoded(text.slice(0, n + (next > 0xffff ? 2 : 1)))).toBeGreaterThan(budget);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('carriedText', () => {
  const base64Token = 'QUJD'.repeat(16_384); // a 64 KB token with no space
  const huge = Array.from({ length: 34 }, () => base64Token).join(' '); // 2.2 MB

  it('keeps ordinary texts whole, and past 512 tokens the tokens used, as before', () => {
    expect(carriedText('The cat sat.  ')).toEqual({ text: 'The cat sat.  ', cut: false });
    const big = 'word '.repeat(200_000);
    expect(carriedText(big)).toEqual({ text: `${'word '.repeat(511)}word`, cut: false });
  });

  it('cuts a text too long for a link after its last whole token that fits, and says so', () => {
    const carried = carriedText(huge);
    expect(carried.cut).toBe(true);
    expect(encoded(carried.text)).toBeLessThanOrEqual(MAX_LINK_TEXT);
    expect(huge.startsWith(carried.text)).toBe(true);
    // Whole tokens: the carried text's tokens are the text's first ones.
    const tokens = tokenize(carried.text).tokens;
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens).toEqual(tokenize(huge).tokens.slice(0, tokens.length));
    // The whole fragment stays far below what a browser keeps (2 MB in Chromium).
    const fragment = encodeLessonLink({ ...DEFAULT_LESSON, text: carried.text });
    expect(fragment.length).toBeLessThan(MAX_LINK_TEXT + 1000);
  });

  it('carries the start of a first token too long for a link on its own', () => {
    const one = 'é'.repeat(100_000);
    const carried = carriedText(one);
    expect(carried.cut).toBe(true);
    expect(one.startsWith(carried.text)).toBe(true);
    expect(encoded(carried.text)).toBeLessThanOrEqual(MAX_LINK_TEXT);
    expect(carried.text.length).toBeGreaterThan(1000);
  });
});

describe('the tab’s copy of a text its link cannot carry', () => {
  beforeEach(() => sessionStorage.clear());

  it('gives the whole text back for a reload of the same link only', () => {
    const text = 'A B C D';
    const url = 'http://localhost/#t=A+B';
    keepSessionText(text, 'A B', url);
    expect(sessionTextFor('#t=A+B', 'A B')).toBe(text);
    expect(sessionTextFor('#t=Other', 'Other')).toBeNull();
    // A link that carries all of its text needs no copy.
    keepSessionText('A B', 'A B', url);
    expect(sessionTextFor('#t=A+B', 'A B')).toBeNull();
  });
});
