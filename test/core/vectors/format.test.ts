/**
 * The AGWV file format: the committed table reads back as GloVe, a hand-built table
 * round-trips, and every kind of damaged file is refused with a message for people.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  VectorFileError,
  encodeWordVectors,
  parseWordVectors,
} from '../../../src/core/vectors/format';
import type { WordVectors } from '../../../src/core/vectors/table';
import { TABLE_PATH, TINY, committedTable, dot, fixture, norm, tinyBytes } from './vectorFixtures';

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
    table = await committedTable();
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

  it('places related words closer than unrelated ones', () => {
    const v = (w: string) => table.vector(table.indexOf(w) as number);
    const cos = (a: string, b: string) => dot(v(a), v(b)) / (norm(v(a)) * norm(v(b)));
    expect(cos('king', 'queen')).toBeGreaterThan(cos('king', 'tennis'));
    expect(cos('paris', 'france')).toBeGreaterThan(cos('paris', 'cat'));
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
