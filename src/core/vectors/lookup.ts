/**
 * How a token finds its vector: the lookup key (lower-cased, clitics mapped to the word
 * they stand for) and, for a word outside the table, the made-up vector seeded by the
 * word itself (DESIGN.md, "Word vectors").
 */
import { gaussian, hashString, mulberry32 } from '../random';
import type { Token, TokenLookup } from '../types';
import type { WordVectors } from './table';

/**
 * Clitics from split contractions ("don't" -> "do" + "n't"), which GloVe has no vector for,
 * mapped to the word each stands for. Both the ASCII apostrophe and ’ (U+2019) are listed.
 * "'s" is absent on purpose: it may be "is", "has" or a possessive, so it stays unknown.
 */
export const CLITIC_WORDS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    Object.entries({
      "n't": 'not',
      "'re": 'are',
      "'ll": 'will',
      "'ve": 'have',
      "'m": 'am',
      "'d": 'would',
    }).flatMap(([clitic, word]) => [
      [clitic, word],
      [clitic.replace("'", '\u2019'), word],
    ]),
  ),
);

/**
 * How `token` finds its vector: the lookup key is the NFC, lower-cased token text with
 * clitics mapped ("N'T" -> "not"); `vocabIndex` is its row in `vectors`, or null, and
 * `known` says which. Lower-casing is locale-independent so every machine agrees.
 */
export function lookupToken(token: Token, vectors: WordVectors): TokenLookup {
  const key = token.text.normalize('NFC').toLowerCase();
  const lookup = Object.hasOwn(CLITIC_WORDS, key) ? (CLITIC_WORDS[key] as string) : key;
  const vocabIndex = vectors.indexOf(lookup);
  return { lookup, vocabIndex, known: vocabIndex !== null };
}

/**
 * The made-up vector of a word outside the table: `dims` standard-normal components from a
 * generator seeded by the word itself (so the same word always gets the same vector),
 * rescaled to L2 norm `norm` so it is neither louder nor quieter than a real one.
 */
export function unknownVector(word: string, dims: number, norm: number): Float32Array {
  if (!Number.isInteger(dims) || dims < 1) throw new RangeError(`unknownVector: bad dims ${dims}`);
  const random = mulberry32(hashString(word));
  const raw = new Float64Array(dims); // (dims)
  let sum = 0;
  for (let j = 0; j < dims; j++) {
    const x = gaussian(random);
    raw[j] = x;
    sum += x * x;
  }
  const factor = sum > 0 ? norm / Math.sqrt(sum) : 0;
  return Float32Array.from(raw, (x) => x * factor); // (dims)
}
