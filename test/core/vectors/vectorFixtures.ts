/**
 * What the word-vector tests share: the committed table and its fixture of original GloVe
 * numbers, a hand-built tiny table, and small vector helpers.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Token } from '../../../src/core/types';
import { encodeWordVectors } from '../../../src/core/vectors/format';
import type { WordVectors } from '../../../src/core/vectors/table';
import { loadWordVectors } from '../../../src/data/vectorTable';
import { readFileBytes } from '../../../src/tools/nodeBytes';

/** The committed table under public/. */
export const TABLE_PATH = fileURLToPath(
  new URL('../../../public/vectors/glove-30k-100d.bin', import.meta.url),
);
/** Original GloVe numbers of some words, to check the table against. */
export const FIXTURE_PATH = fileURLToPath(
  new URL('../../fixtures/glove-sample.json', import.meta.url),
);

/** The fixture: original GloVe numbers of some words, with their ranks. */
export interface Fixture {
  count: number;
  dims: number;
  words: { word: string; rank: number; vector: number[] }[];
}
/** The fixture, parsed. */
export const fixture = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as Fixture;

/** A word token of `text`. */
export function tok(text: string, kind: Token['kind'] = 'word'): Token {
  return { text, start: 0, end: text.length, kind };
}

/** The L2 norm of `v`. */
export function norm(v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += (v[i] as number) ** 2;
  return Math.sqrt(sum);
}

/** The dot product of `a` and `b`. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

/** Rank of a fixture word, from the fixture rather than from the table under test. */
export function rankOf(word: string): number {
  const entry = fixture.words.find((w) => w.word === word);
  if (!entry) throw new Error(`${word} is not in the fixture`);
  return entry.rank;
}

/**
 * A hand-built table: 3 words of 5 dims (15 int16 values, so the mean after them is not
 * 4-byte aligned), a mean of e0 and an orthonormal basis whose coordinates are easy by hand.
 */
export const TINY = {
  words: ['cat', 'sat', 'café'],
  dims: 5,
  vectors: [2, 1, -1, 0.5, 3, 0, 0, 0, 0, 0, -0.25, 0.125, 1, -2, 0.75],
  mean: [1, 0, 0, 0, 0],
  basis: [
    [0, 0, 1, 0, 0],
    [0.6, 0.8, 0, 0, 0],
    [0.8, -0.6, 0, 0, 0],
    [0, 0, 0, 0, 1],
    [0, 0, 0, 1, 0],
  ].flat(),
  variance: [4, 3, 2, 1, 0.5],
};

/** `TINY` as an AGWV file. */
export function tinyBytes(): Uint8Array {
  return encodeWordVectors(TINY);
}

let committed: Promise<WordVectors> | null = null;

/** The committed GloVe table, read once per test file. */
export function committedTable(): Promise<WordVectors> {
  committed ??= loadWordVectors(TABLE_PATH, readFileBytes);
  return committed;
}
