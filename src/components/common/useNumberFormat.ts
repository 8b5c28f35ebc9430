/**
 * Numbers formatted in the interface's language, for components: the functions of
 * `format.ts` with the store's language bound, so a call site reads `n.number(x, 2)`.
 */
import { numberFormat, type NumberFormat } from '../../format';
import type { Language } from '../../vocabulary/language';
import { useLang } from '../../store/selectors';

export { numberFormat, type NumberFormat } from '../../format';

const FORMATS: Readonly<Record<Language, NumberFormat>> = {
  en: numberFormat('en'),
  es: numberFormat('es'),
};

/** The number format of the store's language; the same object until the language changes. */
export function useNumberFormat(): NumberFormat {
  return FORMATS[useLang()];
}
