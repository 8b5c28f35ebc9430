import type { Language } from './vocabulary/language';
/**
 * Numbers for display, in the interface's language. Screens show rounded numbers; tooltips
 * carry full float32. Nothing here ever prints "NaN" or "Infinity".
 *
 * Only what people read goes through here: the trace JSON, the CSV-like exports, lesson
 * links and `npm run trace` write numbers with `String`, the same in every language.
 * Pure (no React, no store), so the canvas painter and the worksheet can call it with the
 * language they were given; components use `useNumberFormat()`, which binds the store's.
 */

/** The decimal separator of each language: Spanish writes 0,25. */
const DECIMAL: Readonly<Record<Language, string>> = { en: '.', es: ',' };

/** The true minus sign, wider than a hyphen and never broken from its digits. */
const MINUS = '\u2212';

/** The decimal separator `lang` writes. */
export function decimalSeparator(lang: Language): string {
  return DECIMAL[lang];
}

/**
 * A number rounded to `digits` decimals in `lang` ("0.25", "0,25"), with a true minus
 * sign; −∞ for a masked score. A value that rounds to zero shows no sign.
 */
export function formatNumber(x: number, digits = 2, lang: Language = 'en'): string {
  if (x === -Infinity) return `${MINUS}∞`;
  if (x === Infinity) return '∞';
  if (Number.isNaN(x)) return '—';
  const rounded = x.toFixed(digits);
  // -0.00 reads as a sign error to students: show it as 0.00.
  const value = Number(rounded) === 0 ? (0).toFixed(digits) : rounded;
  return localize(value, lang);
}

/** A number with all the digits of a float32 (up to 7 significant), for tooltips, in `lang`. */
export function formatFull(x: number, lang: Language = 'en'): string {
  if (!Number.isFinite(x)) return formatNumber(x, 2, lang);
  return localize(String(Number(Math.fround(x).toPrecision(7))), lang);
}

/** A plain JavaScript number string with `lang`'s decimal separator and the true minus. */
function localize(plain: string, lang: Language): string {
  return plain.replace('-', MINUS).replace('.', DECIMAL[lang]);
}

/**
 * The number a person wrote in `lang`, or null when it is not one: accepts what
 * `formatNumber` writes ("−0,25", "−∞") and what people type ("-0.25"; in Spanish also
 * "0,25", since a Spanish keyboard's numeric pad may give either mark).
 */
export function parseNumber(text: string, lang: Language = 'en'): number | null {
  let t = text.trim().replace(MINUS, '-');
  if (t === '-∞') return -Infinity;
  if (t === '∞') return Infinity;
  if (lang !== 'en') t = t.replace(DECIMAL[lang], '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}

/** `formatNumber` and `formatFull` bound to one language. */
export interface NumberFormat {
  readonly lang: Language;
  /** `x` rounded to `digits` decimals (see `formatNumber`). */
  number(x: number, digits?: number): string;
  /** `x` with all the digits of a float32 (see `formatFull`). */
  full(x: number): string;
}

/** The number format of `lang`. */
export function numberFormat(lang: Language): NumberFormat {
  return {
    lang,
    number: (x, digits = 2) => formatNumber(x, digits, lang),
    full: (x) => formatFull(x, lang),
  };
}
