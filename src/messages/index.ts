/**
 * Every user-visible string of the app, in one module: components read them through
 * `useMessages()` and never write visible text of their own. Each area's strings sit in
 * a section file beside this one (English) and in `es/` (Spanish); this module is the one
 * place that joins them.
 */
import { useAppStore, type Language } from '../store/store';
import { app } from './app';
import { es } from './es';
import { exportFiles } from './export';
import { numbers } from './numbers';
import { quiz } from './quiz';
import { present } from './present';
import { pwa } from './pwa';
import { reliability } from './reliability';
import { share } from './share';
import { shell } from './shell';
import { viz } from './viz';
import type { Widen } from './widen';
import { worksheet } from './worksheet';

/** The English messages. */
export const en = {
  app,
  shell,
  viz,
  numbers,
  worksheet,
  share,
  quiz,
  present,
  exportFiles,
  pwa,
  reliability,
};

/** The shape every language must provide: the English messages, strings widened. */
export type Messages = Widen<typeof en>;

/** The messages of every language of the interface. */
export const MESSAGES: Readonly<Record<Language, Messages>> = { en, es };

/** The messages of one language. */
export function messagesFor(lang: Language): Messages {
  return MESSAGES[lang];
}

/** The messages of the language the store has chosen. */
export function useMessages(): Messages {
  return MESSAGES[useAppStore((s) => s.lang)];
}
