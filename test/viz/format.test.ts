import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalSeparator, formatFull, formatNumber, parseNumber } from '../../src/format';
import type { Language } from '../../src/vocabulary/language';

const MINUS = '\u2212';

describe('formatNumber', () => {
  it('writes English with a decimal point and Spanish with a decimal comma', () => {
    expect(formatNumber(0.25, 2)).toBe('0.25');
    expect(formatNumber(0.25, 2, 'en')).toBe('0.25');
    expect(formatNumber(0.25, 2, 'es')).toBe('0,25');
    expect(formatNumber(1.23456, 4, 'es')).toBe('1,2346');
    expect(formatNumber(-3.5, 1, 'es')).toBe(`${MINUS}3,5`);
  });

  it('keeps whole numbers without a separator in both languages', () => {
    expect(formatNumber(2953, 0, 'en')).toBe('2953');
    expect(formatNumber(2953, 0, 'es')).toBe('2953');
    expect(formatNumber(90.4, 0, 'es')).toBe('90');
  });

  it('shows a value that rounds to zero without a sign', () => {
    expect(formatNumber(-0.004, 2, 'es')).toBe('0,00');
    expect(formatNumber(-0.004, 2, 'en')).toBe('0.00');
    expect(formatNumber(-0, 1, 'es')).toBe('0,0');
  });

  it('writes infinities with the true minus sign and NaN as a dash', () => {
    for (const lang of ['en', 'es'] as const) {
      expect(formatNumber(-Infinity, 2, lang)).toBe(`${MINUS}∞`);
      expect(formatNumber(Infinity, 2, lang)).toBe('∞');
      expect(formatNumber(NaN, 2, lang)).toBe('—');
    }
  });
});

describe('formatFull', () => {
  it('gives every digit of a float32 with the language’s separator', () => {
    expect(formatFull(0.1, 'en')).toBe('0.1');
    expect(formatFull(0.1, 'es')).toBe('0,1');
    expect(formatFull(-0.04011531, 'es')).toBe(`${MINUS}0,04011531`);
    expect(formatFull(-Infinity, 'es')).toBe(`${MINUS}∞`);
  });
});

describe('parseNumber', () => {
  it('reads what the app writes and what people type', () => {
    expect(parseNumber('0,25', 'es')).toBe(0.25);
    expect(parseNumber('0.25', 'es')).toBe(0.25);
    expect(parseNumber(`${MINUS}1,5`, 'es')).toBe(-1.5);
    expect(parseNumber(' -2.5 ', 'en')).toBe(-2.5);
    expect(parseNumber(`${MINUS}∞`, 'es')).toBe(-Infinity);
  });

  it('refuses what is not one number', () => {
    expect(parseNumber('0,25', 'en')).toBeNull();
    expect(parseNumber('1,2,3', 'es')).toBeNull();
    expect(parseNumber('', 'es')).toBeNull();
    expect(parseNumber('abc', 'en')).toBeNull();
  });
});

describe('formatting round trip', () => {
  const langs = fc.constantFrom<Language>('en', 'es');

  it('reads back as the rounded value once the language’s separators are stripped', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        langs,
        (x, digits, lang) => {
          const shown = formatNumber(x, digits, lang);
          const plain = shown.replace(MINUS, '-').replace(decimalSeparator(lang), '.');
          expect(Number(plain)).toBeCloseTo(Number(x.toFixed(digits)), digits);
          // Exactly the decimals asked for, and only the language's separator.
          expect(shown.split(decimalSeparator(lang))[1]?.length ?? 0).toBe(digits);
          expect(shown).not.toContain(lang === 'es' ? '.' : ',');
          expect(parseNumber(shown, lang)).toBe(Number(plain));
        },
      ),
    );
  });

  it('writes the same digits in both languages', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true }), (x) => {
        expect(formatFull(x, 'es')).toBe(formatFull(x, 'en').replace('.', ','));
      }),
    );
  });
});
