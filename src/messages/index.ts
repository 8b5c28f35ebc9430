/**
 * Every user-visible string of the app, in one module: components read them through
 * `useMessages()` and never write visible text of their own. Each area's strings sit in
 * a section file beside this one (English) and in `es/` (Spanish); this module is the one
 * place that joins them.
 */
import type { Language } from '../vocabulary/language';
import { en, type Messages } from './en';
import { es } from './es';
import { useLang } from '../store/selectors';

/** The English messages, and the shape every language provides. */
export { en, type Messages };

/** The messages of every language of the interface. */
export const MESSAGES: Readonly<Record<Language, Messages>> = { en, es };

/** The messages of one language. */
export function messagesFor(lang: Language): Messages {
  return MESSAGES[lang];
}

/** The messages of the language the store has chosen. */
export function useMessages(): Messages {
  return MESSAGES[useLang()];
}
