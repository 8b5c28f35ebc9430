/**
 * The embedding step: GloVe's own numbers at full width, principal-component coordinates
 * below it, made-up vectors for unknown words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { unknownVector } from '../../../src/core/vectors/lookup';
import { embedTokens, projectToWidth } from '../../../src/core/vectors/projection';
import { parseWordVectors } from '../../../src/core/vectors/format';
import type { WordVectors } from '../../../src/core/vectors/table';
import { committedTable, dot, rankOf, tinyBytes, tok } from './vectorFixtures';

describe('the committed GloVe table', () => {
  let table: WordVectors;
  beforeAll(async () => {
    table = await committedTable();
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
});

describe('projection of a hand-built table', () => {
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
});
