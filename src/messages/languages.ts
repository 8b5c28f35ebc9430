import type { Language } from '../vocabulary/language';
/**
 * The name of each interface language, written in that language ("Español", not
 * "Spanish"): the language picker shows the same names whatever language is chosen, so a
 * reader finds their own language in a page they cannot read.
 */

/** Each language's own name for itself. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  es: 'Español',
};
