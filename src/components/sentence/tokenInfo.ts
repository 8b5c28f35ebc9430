/** Small facts about embedded tokens that several shell panels show. */
import type { EmbeddedToken } from '../../core/types';

/** The word a clitic borrowed its vector from ("not" for "n't"), or null when it looked itself up. */
export function borrowedWord(token: EmbeddedToken): string | null {
  // Clitics are a few characters; a 64 KB token is not worth normalizing to find that out.
  if (token.text.length > 8) return null;
  return token.lookup !== token.text.normalize('NFC').toLowerCase() ? token.lookup : null;
}
