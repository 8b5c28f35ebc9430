/** Small facts about embedded tokens that several shell panels show. */
import type { EmbeddedToken } from '../../core/types';

/** The word a clitic borrowed its vector from ("not" for "n't"), or null when it looked itself up. */
export function borrowedWord(token: EmbeddedToken): string | null {
  return token.lookup !== token.text.normalize('NFC').toLowerCase() ? token.lookup : null;
}
