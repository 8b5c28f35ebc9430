/**
 * `lookup`: the library of the background texts made real. A shelf of books, each one token
 * that shows a key and a value ("B7": key B, content 7), then a query token ("B?"). The
 * answer at the query is the value of the one book whose key matches ("7"); the books
 * answer nothing. One layer is enough: the query attends to the matching book and copies
 * its value.
 *
 * Token ids: first every book, key by key ("A0", "A1", …, "B0", …), then the queries
 * ("A?", "B?", …), then the values as answers ("0", "1", …).
 */
import type { Random } from '../../random';
import type { LabExample } from '../model';
import {
  distinctInts,
  isSequence,
  letters,
  randomInt,
  zeroPattern,
  type KnownPattern,
  type LabConfig,
  type LabTask,
} from './types';

/** The sizes of a lookup task. */
export interface LookupSizes {
  /** Different keys (letters A, B, …). */
  readonly keys: number;
  /** Different values (digits 0, 1, …), at most 10. */
  readonly values: number;
  /** Books on a shelf, each with a different key: T = books + 1. */
  readonly books: number;
}

/** The sizes of the Lab's lookup task. */
export const LOOKUP_SIZES: LookupSizes = { keys: 6, values: 6, books: 4 };

/** The defaults of the Lab's lookup task. */
export const LOOKUP_DEFAULTS: LabConfig = {
  width: 16,
  layers: 1,
  heads: 1,
  lr: 0.01,
  batch: 32,
  steps: 300,
  positions: true,
};

/** A lookup task of the given sizes (the Lab's: `LOOKUP_SIZES`). */
export function makeLookupTask(
  sizes: LookupSizes = LOOKUP_SIZES,
  defaults = LOOKUP_DEFAULTS,
): LabTask {
  const { keys: K, values: M, books: n } = sizes;
  if (M > 10 || n > K || n < 1)
    throw new RangeError(`makeLookupTask: bad sizes ${JSON.stringify(sizes)}`);
  const keyNames = letters(K);
  const vocab = [
    ...keyNames.flatMap((k) => Array.from({ length: M }, (_, v) => `${k}${v}`)),
    ...keyNames.map((k) => `${k}?`),
    ...Array.from({ length: M }, (_, v) => String(v)),
  ];
  const book = (key: number, value: number) => key * M + value;
  const query = (key: number) => K * M + key;
  const answer = (value: number) => K * M + K + value;
  const T = n + 1;

  /** The shelf position of the book the query asks for, or null when the sequence is no shelf and query. */
  function matchingBook(tokens: readonly number[]): number | null {
    if (!isSequence(tokens, T, vocab.length)) return null;
    const shelfKeys = tokens.slice(0, n).map((t) => (t < K * M ? Math.floor(t / M) : -1));
    if (shelfKeys.includes(-1) || new Set(shelfKeys).size !== n) return null;
    const last = tokens[n] as number;
    if (last < K * M || last >= K * M + K) return null;
    const at = shelfKeys.indexOf(last - K * M);
    return at < 0 ? null : at;
  }

  return {
    id: 'lookup',
    vocab,
    seqLen: T,
    causal: false,
    defaults,
    sample(random: Random): LabExample {
      const shelf = distinctInts(random, K, n);
      const values = shelf.map(() => randomInt(random, M));
      const asked = randomInt(random, n);
      const tokens = [
        ...shelf.map((k, i) => book(k, values[i] as number)),
        query(shelf[asked] as number),
      ];
      const targets = [...new Array<number>(n).fill(-1), answer(values[asked] as number)];
      return { tokens, targets };
    },
    answers(tokens) {
      const at = matchingBook(tokens);
      if (at === null) return null;
      return [...new Array<number>(n).fill(-1), answer((tokens[at] as number) % M)];
    },
    knownPatterns(tokens): KnownPattern[] {
      const at = matchingBook(tokens);
      const weights = zeroPattern(T);
      if (at !== null) (weights[n] as number[])[at] = 1;
      return [{ layer: 0, weights }];
    },
  };
}

/** The Lab's lookup task. */
export const lookupTask: LabTask = makeLookupTask();
