/**
 * Looking tokens up: lower-cased, clitics mapped to their words, and a deterministic
 * made-up vector for every word outside the table.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CLITIC_WORDS, lookupToken, unknownVector } from '../../../src/core/vectors/lookup';
import { embedTokens } from '../../../src/core/vectors/projection';
import {
  DEFAULT_TYPICAL_NORM,
  madeUpWordVectors,
  type WordVectors,
} from '../../../src/core/vectors/table';
import { committedTable, dot, norm, rankOf, tok } from './vectorFixtures';

describe('the committed GloVe table', () => {
  let table: WordVectors;
  beforeAll(async () => {
    table = await committedTable();
  });

  it('looks words up lower-cased, maps clitics, and leaves the rest unknown', () => {
    const love = lookupToken(tok('Love'), table);
    expect(love).toEqual({
      lookup: 'love',
      vocabIndex: rankOf('love'),
      known: true,
    });
    for (const text of ['I', 'a', '7']) {
      expect(lookupToken(tok(text), table)).toEqual({
        lookup: text.toLowerCase(),
        vocabIndex: null,
        known: false,
      });
    }
    expect(lookupToken(tok("n't", 'clitic'), table)).toMatchObject({ lookup: 'not', known: true });
    expect(lookupToken(tok('N\u2019T', 'clitic'), table)).toMatchObject({
      lookup: 'not',
      known: true,
    });
    for (const [clitic, word] of [
      ["'re", 'are'],
      ["'ll", 'will'],
      ["'ve", 'have'],
      ["'m", 'am'],
      ["'d", 'would'],
    ]) {
      expect(CLITIC_WORDS[clitic as string]).toBe(word);
      expect(lookupToken(tok(clitic as string, 'clitic'), table)).toMatchObject({
        lookup: word,
        known: true,
      });
    }
    expect(lookupToken(tok("'s", 'clitic'), table)).toEqual({
      lookup: "'s",
      vocabIndex: null,
      known: false,
    });
    // A word that is an Object.prototype key must not be mistaken for a clitic.
    expect(lookupToken(tok('constructor'), table).lookup).toBe('constructor');
    expect(lookupToken(tok('&', 'symbol'), table).known).toBe(true);
  });
});

describe('unknown words', () => {
  it('get a deterministic made-up vector seeded by the word, at the requested norm', () => {
    const a = unknownVector('zorblat', 100, 5.3);
    expect(Array.from(unknownVector('zorblat', 100, 5.3))).toEqual(Array.from(a));
    expect(a.length).toBe(100);
    expect(norm(a)).toBeCloseTo(5.3, 4);
    const b = unknownVector('zorblax', 100, 5.3);
    expect(Array.from(b)).not.toEqual(Array.from(a));
    expect(Math.abs(dot(a, b) / (norm(a) * norm(b)))).toBeLessThan(0.5);
    // Same direction whatever the norm, so the norm is only a scale.
    const small = unknownVector('zorblat', 100, 1);
    small.forEach((x, j) => expect(x * 5.3).toBeCloseTo(a[j] as number, 5));
    expect(() => unknownVector('x', 0, 1)).toThrow(RangeError);
  });

  it('are everything in the made-up fallback table', () => {
    const table = madeUpWordVectors();
    expect(table.source).toBe('made-up');
    expect(table.count).toBe(0);
    expect(table.dims).toBe(100);
    expect(table.typicalNorm).toBe(DEFAULT_TYPICAL_NORM);
    expect(lookupToken(tok('The'), table)).toEqual({
      lookup: 'the',
      vocabIndex: null,
      known: false,
    });
    const { embeddings, lookups } = embedTokens([tok('The'), tok('cat')], table, 4);
    expect(lookups.every((l) => !l.known)).toBe(true);
    // Zero mean and identity basis: width 4 keeps the first four made-up components.
    expect(Array.from(embeddings.data.subarray(0, 4))).toEqual(
      Array.from(unknownVector('the', 100, 5.5).subarray(0, 4)),
    );
    expect(() => table.vector(0)).toThrow(RangeError);
  });
});
