import { LANGUAGES, type Language } from '../vocabulary/language';
/**
 * The language a first visit shows when its link names none: the first of the browser's
 * preferred languages (`navigator.languages`) that the interface is written in, by primary
 * subtag ("es-MX" → "es"), else English. A link's `lang` always wins over it.
 */

/** The interface language for a list of BCP 47 tags in order of preference. */
export function preferredLanguage(tags: readonly string[]): Language {
  for (const tag of tags) {
    const primary = tag.split(/[-_]/)[0]?.toLowerCase();
    const found = LANGUAGES.find((lang) => lang === primary);
    if (found) return found;
  }
  return LANGUAGES[0] ?? 'en';
}

/** The interface language this browser prefers (English outside a browser). */
export function browserLanguage(): Language {
  if (typeof navigator === 'undefined') return preferredLanguage([]);
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language ?? ''];
  return preferredLanguage(tags);
}
