/**
 * The interface's languages. Numbers, labels and exports are formatted for one of them, so
 * every layer names them with these words.
 */

/** Languages of the interface. */
export type Language = 'en' | 'es';

/** Every language the interface is written in, the default first. */
export const LANGUAGES: readonly Language[] = ['en', 'es'];

/** The language of a lesson link that names none, and of a browser that prefers none we have. */
export const DEFAULT_LANGUAGE: Language = 'en';
