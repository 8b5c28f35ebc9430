import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Token } from '../../src/core/types';
import {
  CLITIC_WORDS,
  DEFAULT_TYPICAL_NORM,
  VectorFileError,
  embedTokens,
  encodeWordVectors,
  fetchBytes,
  loadWordVectors,
  lookupToken,
  madeUpWordVectors,
  parseWordVectors,
  projectToWidth,
  unknownVector,
  type WordVectors,
} from '../../src/core/vectors';
import { readFileBytes } from '../../src/tools/nodeBytes';

const TABLE_PATH = fileURLToPath(
  new URL('../../public/vectors/glove-30k-100d.bin', import.meta.url),
);
const FIXTURE_PATH = fileURLToPath(new URL('../fixtures/glove-sample.json', import.meta.url));

interface Fixture {
  count: number;
  dims: number;
  words: { word: string; rank: number; vector: number[] }[];
}
const fixture = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as Fixture;

function tok(text: string, kind: Token['kind'] = 'word'): Token {
  return { text, start: 0, end: text.length, kind };
}

function norm(v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += (v[i] as number) ** 2;
  return Math.sqrt(sum);
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

/** Rank of a fixture word, from the fixture rather than from the table under test. */
function rankOf(word: string): number {
  const entry = fixture.words.find((w) => w.word === word);
  if (!entry) throw new Error(`${word} is not in the fixture`);
  return entry.rank;
}

/**
 * A hand-built table: 3 words of 5 dims (15 int16 values, so the mean after them is not
 * 4-byte aligned), a mean of e0 and an orthonormal basis whose coordinates are easy by hand.
 */
const TINY = {
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

function tinyBytes(): Uint8Array {
  return encodeWordVectors(TINY);
}

/** Rewrites the header checksum after an edit, to reach the checks that come after it. */
function resign(bytes: Uint8Array): Uint8Array {
  let h = 0x811c9dc5;
  for (let i = 32; i < bytes.length; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(24, h >>> 0, true);
  return bytes;
}

function expectVectorError(bytes: Uint8Array, message: RegExp): void {
  let caught: unknown;
  try {
    parseWordVectors(bytes);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(VectorFileError);
  expect((caught as Error).message).toMatch(message);
}

describe('the committed GloVe table', () => {
  let table: WordVectors;
  beforeAll(async () => {
    table = await loadWordVectors(TABLE_PATH, readFileBytes);
  });

  it('has the promised shape and fits in 8 MB', () => {
    expect(readFileSync(TABLE_PATH).byteLength).toBeLessThanOrEqual(8 * 1024 * 1024);
    expect(table.count).toBe(30_000);
    expect(table.count).toBe(fixture.count);
    expect(table.dims).toBe(100);
    expect(table.words.length).toBe(30_000);
    expect(table.source).toBe('glove');
    expect(table.typicalNorm).toBeGreaterThan(4);
    expect(table.typicalNorm).toBeLessThan(7);
  });

  it('holds every fixture word at its rank, within 0.005 of the original numbers', () => {
    expect(fixture.words.length).toBeGreaterThanOrEqual(45);
    expect(fixture.words.some((w) => w.rank === fixture.count - 1)).toBe(true);
    let maxError = 0;
    for (const { word, rank, vector } of fixture.words) {
      expect(table.indexOf(word), word).toBe(rank);
      expect(table.words[rank]).toBe(word);
      const got = table.vector(rank);
      expect(got.length).toBe(100);
      vector.forEach((x, j) => (maxError = Math.max(maxError, Math.abs((got[j] as number) - x))));
    }
    console.info(
      `max quantization error over ${fixture.words.length} fixture words: ${maxError.toExponential(3)}`,
    );
    expect(maxError).toBeLessThan(0.005);
  });

  it('has orthonormal basis rows, decreasing variances, and a sign convention', () => {
    const { basis, variance, dims } = table;
    for (let i = 0; i < dims; i++) {
      const ri = basis.data.subarray(i * dims, (i + 1) * dims);
      for (let j = i; j < dims; j++) {
        const rj = basis.data.subarray(j * dims, (j + 1) * dims);
        expect(Math.abs(dot(ri, rj) - (i === j ? 1 : 0))).toBeLessThan(1e-4);
      }
      // The largest-magnitude coordinate of every component is positive.
      const largest = ri.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
      expect(largest).toBeGreaterThan(0);
      if (i > 0) expect(variance[i] as number).toBeLessThanOrEqual(variance[i - 1] as number);
    }
    expect(variance[dims - 1] as number).toBeGreaterThan(0);
  });

  it('keeps GloVe numbers at width 100 and gives centred PCA coordinates below', () => {
    const cat = table.vector(table.indexOf('cat') as number);
    expect(projectToWidth(cat, 100, table)).toBe(cat);
    const four = projectToWidth(cat, 4, table);
    expect(four.length).toBe(4);
    for (let c = 0; c < 4; c++) {
      const centred = cat.map((x, j) => x - (table.mean[j] as number));
      expect(four[c]).toBeCloseTo(
        dot(centred, table.basis.data.subarray(c * 100, (c + 1) * 100)),
        4,
      );
    }
    expect(() => projectToWidth(cat, 0, table)).toThrow(RangeError);
    expect(() => projectToWidth(cat, 101, table)).toThrow(RangeError);
  });

  it('places related words closer than unrelated ones', () => {
    const v = (w: string) => table.vector(table.indexOf(w) as number);
    const cos = (a: string, b: string) => dot(v(a), v(b)) / (norm(v(a)) * norm(v(b)));
    expect(cos('king', 'queen')).toBeGreaterThan(cos('king', 'tennis'));
    expect(cos('paris', 'france')).toBeGreaterThan(cos('paris', 'cat'));
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

  it('embeds a sentence with table vectors for known words and made-up ones for the rest', () => {
    const tokens = ['I', 'love', 'tennis', '.'].map((t) => tok(t));
    const full = embedTokens(tokens, table, 100);
    expect(full.embeddings.rows).toBe(4);
    expect(full.embeddings.cols).toBe(100);
    expect(full.lookups.map((l) => l.known)).toEqual([false, true, true, true]);
    const row = (m: { data: Float32Array; cols: number }, i: number) =>
      m.data.subarray(i * m.cols, (i + 1) * m.cols);
    expect(Array.from(row(full.embeddings, 1))).toEqual(Array.from(table.vector(rankOf('love'))));
    expect(Array.from(row(full.embeddings, 0))).toEqual(
      Array.from(unknownVector('i', 100, table.typicalNorm)),
    );
    const narrow = embedTokens(tokens, table, 8);
    expect(narrow.embeddings.cols).toBe(8);
    expect(Array.from(row(narrow.embeddings, 2))).toEqual(
      Array.from(projectToWidth(table.vector(rankOf('tennis')), 8, table)),
    );
    expect(() => embedTokens(tokens, table, 0)).toThrow(RangeError);
  });

  it('rejects the real file truncated by one byte', () => {
    const bytes = new Uint8Array(readFileSync(TABLE_PATH));
    expectVectorError(
      bytes.subarray(0, bytes.length - 1),
      /truncated: expected 6405048 bytes, got 6405047/,
    );
  });
});

describe('the AGWV format', () => {
  it('round-trips a hand-built table', () => {
    const bytes = tinyBytes();
    const table = parseWordVectors(bytes);
    expect(table.count).toBe(3);
    expect(table.dims).toBe(5);
    expect(table.words).toEqual(['cat', 'sat', 'café']);
    expect(table.indexOf('café')).toBe(2);
    expect(table.indexOf('dog')).toBeNull();
    for (let r = 0; r < 3; r++) {
      const got = table.vector(r);
      const largest = Math.max(...TINY.vectors.slice(r * 5, r * 5 + 5).map(Math.abs));
      got.forEach((x, j) => {
        // Per-row int16 quantization: at most half a step of max|x| / 32767.
        expect(Math.abs(x - (TINY.vectors[r * 5 + j] as number))).toBeLessThanOrEqual(
          largest / 65534 + 1e-7,
        );
      });
    }
    expect(Array.from(table.vector(1))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(table.mean)).toEqual(TINY.mean);
    expect(Array.from(table.basis.data)).toEqual(TINY.basis.map(Math.fround));
    expect(table.basis.rows).toBe(5);
    expect(Array.from(table.variance)).toEqual(TINY.variance);
    // Norms √15.25 = 3.905 (cat), 0 (sat), √5.640625 = 2.375 (café): the median is café's.
    expect(table.typicalNorm).toBeCloseTo(2.375, 3);
    expect(() => table.vector(3)).toThrow(RangeError);
    // Parsing from an ArrayBuffer, and from a Uint8Array that is a window on a larger buffer.
    expect(parseWordVectors(bytes.slice().buffer).words).toEqual(table.words);
    const padded = new Uint8Array(bytes.length + 7);
    padded.set(bytes, 3);
    expect(parseWordVectors(padded.subarray(3, 3 + bytes.length)).count).toBe(3);
  });

  it('is deterministic and encodes the header as documented', () => {
    const bytes = tinyBytes();
    expect(tinyBytes()).toEqual(bytes);
    const view = new DataView(bytes.buffer);
    const u32 = (offset: number) => view.getUint32(offset, true);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('AGWV');
    // "cat\nsat\ncafé" is 13 bytes (é takes 2), so 3 bytes of padding follow.
    expect([u32(4), u32(8), u32(12), u32(16), u32(20), u32(28)]).toEqual([1, 3, 5, 13, 3, 0]);
    expect(new TextDecoder().decode(bytes.subarray(32, 45))).toBe('cat\nsat\ncafé');
    expect(Array.from(bytes.subarray(45, 48))).toEqual([0, 0, 0]);
    expect(view.getFloat32(48, true)).toBe(Math.fround(3 / 32767)); // cat's scale
    expect(view.getInt16(60, true)).toBe(Math.round(2 / Math.fround(3 / 32767))); // cat[0]
    expect(bytes.length).toBe(32 + 13 + 3 + 4 * 3 + 2 * 15 + 4 * 5 + 4 * 25 + 4 * 5);
  });

  it('gives hand-checked principal coordinates at width 4', () => {
    const table = parseWordVectors(tinyBytes());
    // cat = (2, 1, -1, 0.5, 3), centred (1, 1, -1, 0.5, 3): dot products with the basis
    // rows are -1, 0.6 + 0.8 = 1.4, 0.8 - 0.6 = 0.2, and 3.
    const four = projectToWidth(table.vector(0), 4, table);
    Array.from(four).forEach((x, c) =>
      expect(Math.abs(x - ([-1, 1.4, 0.2, 3][c] as number))).toBeLessThan(1e-4),
    );
    const one = projectToWidth(table.vector(0), 1, table);
    expect(one.length).toBe(1);
    expect(() => projectToWidth(new Float32Array(4), 2, table)).toThrow(/5 values/);
  });

  it('rejects a file with a corrupt magic', () => {
    const bytes = tinyBytes();
    bytes[0] = 'X'.charCodeAt(0);
    expectVectorError(bytes, /not a word-vector file \(bad magic\)/);
    expectVectorError(new Uint8Array(0), /bad magic/);
    expectVectorError(new TextEncoder().encode('<!doctype html><html></html>'), /bad magic/);
  });

  it('rejects a truncated file', () => {
    const bytes = tinyBytes();
    expectVectorError(
      bytes.subarray(0, bytes.length - 4),
      new RegExp(`truncated: expected ${bytes.length} bytes, got ${bytes.length - 4}`),
    );
    expectVectorError(bytes.subarray(0, 20), /truncated: expected at least 32 bytes, got 20/);
    expectVectorError(bytes.subarray(0, 32), /truncated/);
    const longer = new Uint8Array(bytes.length + 4);
    longer.set(bytes);
    expectVectorError(longer, /corrupt: expected \d+ bytes, got \d+/);
  });

  it('rejects a flipped byte by its checksum', () => {
    for (const at of [32, 60, tinyBytes().length - 1]) {
      const bytes = tinyBytes();
      bytes[at] = (bytes[at] as number) ^ 0x10;
      expectVectorError(bytes, /corrupt: checksum mismatch/);
    }
  });

  it('rejects another version', () => {
    const bytes = tinyBytes();
    new DataView(bytes.buffer).setUint32(4, 2, true);
    expectVectorError(bytes, /unsupported word-vector file version 2/);
  });

  it('rejects impossible sizes in the header', () => {
    const bytes = tinyBytes();
    new DataView(bytes.buffer).setUint32(12, 0, true);
    expectVectorError(bytes, /implausible dims 0/);
    const huge = tinyBytes();
    new DataView(huge.buffer).setUint32(8, 0xffffffff, true);
    expectVectorError(huge, /implausible word count/);
    const padding = tinyBytes();
    new DataView(padding.buffer).setUint32(20, 0, true);
    expectVectorError(padding, /padding 0 does not align 13 word bytes/);
  });

  it('rejects a word list that disagrees with the count or is not UTF-8', () => {
    // "cat" becomes "c\nt": four words where the header promises three.
    const split = tinyBytes();
    split[33] = 0x0a;
    expectVectorError(resign(split), /word list holds 4 words, the header says 3/);
    const binary = tinyBytes();
    binary[33] = 0xff;
    expectVectorError(resign(binary), /not valid UTF-8/);
  });

  it('refuses to encode words it could not read back', () => {
    expect(() => encodeWordVectors({ ...TINY, words: ['cat', 'sat', 'sat'] })).toThrow(
      /cannot store/,
    );
    expect(() => encodeWordVectors({ ...TINY, words: ['cat', 'a\nb', 'x'] })).toThrow(
      /cannot store/,
    );
    expect(() => encodeWordVectors({ ...TINY, words: ['cat', '', 'x'] })).toThrow(/cannot store/);
    expect(() => encodeWordVectors({ ...TINY, mean: [0] })).toThrow(/mean needs 5 values, got 1/);
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

describe('loading', () => {
  it('reports a missing file and an HTTP error as VectorFileError', async () => {
    await expect(loadWordVectors('/no/such/file.bin', readFileBytes)).rejects.toBeInstanceOf(
      VectorFileError,
    );
    const original = globalThis.fetch;
    globalThis.fetch = async () => new Response('not found', { status: 404 });
    try {
      await expect(loadWordVectors('vectors/x.bin')).rejects.toThrow(
        'could not load word vectors from vectors/x.bin: HTTP 404',
      );
    } finally {
      globalThis.fetch = original;
    }
  });

  it('streams a fetched file with progress', async () => {
    const bytes = tinyBytes();
    const original = globalThis.fetch;
    globalThis.fetch = async () => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.slice(0, 50));
          controller.enqueue(bytes.slice(50));
          controller.close();
        },
      });
      return new Response(body, { headers: { 'Content-Length': String(bytes.length) } });
    };
    try {
      const progress: [number, number | null][] = [];
      const table = await loadWordVectors('vectors/tiny.bin', fetchBytes, (loaded, total) =>
        progress.push([loaded, total]),
      );
      expect(table.words).toEqual(TINY.words);
      expect(progress).toEqual([
        [50, bytes.length],
        [bytes.length, bytes.length],
      ]);
    } finally {
      globalThis.fetch = original;
    }
  });
});
