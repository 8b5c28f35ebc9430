/**
 * Tokenizations of the last few texts. The trace, the worker's request, the cost estimate
 * that picks the thread and the lesson link all need a text's tokens; through one cache
 * they get the same object, made once per text.
 */
import { tokenize } from '../core/tokenizer';
import type { Tokenization } from '../core/types';

/**
 * How many texts are remembered by default: the store's text and React's deferred copy,
 * with room for a link being applied while the previous text is still shown.
 */
export const TOKEN_CACHE_SIZE = 4;

/** A function giving each text's tokens (at most MAX_TOKENS), remembering the last `size` texts. */
export function tokenCache(size = TOKEN_CACHE_SIZE): (text: string) => Tokenization {
  const recent = new Map<string, Tokenization>();
  return (text) => {
    const known = recent.get(text);
    if (known) return known;
    const made = tokenize(text);
    // Map keeps insertion order: the first key is the oldest text.
    if (recent.size >= size) recent.delete(recent.keys().next().value as string);
    recent.set(text, made);
    return made;
  };
}
