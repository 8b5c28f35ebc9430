/**
 * Numbers formatted in the interface's language, for components: the functions of
 * `format.ts` with the store's language bound, so a call site reads `n.number(x, 2)`.
 */
import { formatFull, formatNumber } from './format';
import { useAppStore, type Language } from './store/store';

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

const FORMATS: Readonly<Record<Language, NumberFormat>> = {
  en: numberFormat('en'),
  es: numberFormat('es'),
};

/** The number format of the store's language; the same object until the language changes. */
export function useNumberFormat(): NumberFormat {
  return FORMATS[useAppStore((s) => s.lang)];
}
