/**
 * Every user-visible string of the app: components read them through `useMessages()` and
 * never write visible text of their own. Each area's strings sit in a section file beside
 * this one (English) and in `es/` (Spanish).
 *
 * English is in the first bundle; another language is a chunk of its own, fetched when it
 * is chosen (`loadMessages`; main.tsx fetches the opening language's before the first
 * render, and `followLanguage` each one chosen later). Until it has arrived the interface
 * stays in English, and says so: `useShownLanguage` is what `<html lang>` carries.
 * Spanish was 16 kB of the 150 kB first-load budget (npm run size: 147.24 → 130.99 kB).
 */
import { useSyncExternalStore } from 'react';
import type { Language } from '../vocabulary/language';
import { en, type Messages } from './en';
import { useLang } from '../store/selectors';
import { useAppStore } from '../store/store';

/** The English messages, and the shape every language provides. */
export { en, type Messages };

/** The chunks of the languages other than English. */
const CHUNKS: Record<Exclude<Language, 'en'>, () => Promise<Messages>> = {
  es: () => import('./es').then((m) => m.es),
};

const loaded: Partial<Record<Language, Messages>> = { en };
const pending = new Map<Language, Promise<Messages>>();
const listeners = new Set<() => void>();
/** Counts arrivals, for `useSyncExternalStore`. */
let arrivals = 0;

/** Fetches the messages of `lang` once; resolves to them (at once for English or a language already here). */
export function loadMessages(lang: Language): Promise<Messages> {
  const have = loaded[lang];
  if (have) return Promise.resolve(have);
  let load = pending.get(lang);
  if (!load) {
    load = CHUNKS[lang as Exclude<Language, 'en'>]().then(
      (messages) => {
        loaded[lang] = messages;
        arrivals += 1;
        for (const listener of listeners) listener();
        return messages;
      },
      (error: unknown) => {
        // A later choice of the language tries again.
        pending.delete(lang);
        throw error;
      },
    );
    pending.set(lang, load);
  }
  return load;
}

/** The messages of `lang`, or English while they have not arrived. */
export function messagesFor(lang: Language): Messages {
  return loaded[lang] ?? en;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The language the interface shows: the store's, once its messages have arrived; English until then. */
export function useShownLanguage(): Language {
  const lang = useLang();
  useSyncExternalStore(subscribe, () => arrivals);
  return loaded[lang] ? lang : 'en';
}

/** The messages of the language the store has chosen (English until they have arrived). */
export function useMessages(): Messages {
  return messagesFor(useShownLanguage());
}

/** Fetches the messages of each language the store chooses, from now on (call once, at start). */
export function followLanguage(): void {
  const load = (lang: Language) => void loadMessages(lang).catch(() => undefined);
  load(useAppStore.getState().lang);
  useAppStore.subscribe((state, previous) => {
    if (state.lang !== previous.lang) load(state.lang);
  });
}
