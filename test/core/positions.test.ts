import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toRows } from '../../src/core/matrix';
import { positionalEncoding } from '../../src/core/positions';
import { expectClose, expectMatrixClose } from '../helpers/expectClose';

describe('positionalEncoding', () => {
  it('has shape (T, dModel)', () => {
    const pe = positionalEncoding(5, 6);
    expect([pe.rows, pe.cols]).toEqual([5, 6]);
    const empty = positionalEncoding(0, 8);
    expect([empty.rows, empty.cols]).toEqual([0, 8]);
  });

  it('encodes position 0 as [0, 1, 0, 1, ...]: sin 0 and cos 0 in every pair', () => {
    expect(toRows(positionalEncoding(1, 6))[0]).toEqual([0, 1, 0, 1, 0, 1]);
    expect(toRows(positionalEncoding(1, 5))[0]).toEqual([0, 1, 0, 1, 0]);
  });

  it('matches sin(p / 10000^(2i/d)) and cos(p / 10000^(2i/d)) by hand at d = 4', () => {
    // d = 4: pair 0 has frequency 1, pair 1 has 1/10000^(2/4) = 1/100.
    expectMatrixClose(
      positionalEncoding(4, 4),
      [
        [0, 1, 0, 1],
        [Math.sin(1), Math.cos(1), Math.sin(0.01), Math.cos(0.01)],
        [Math.sin(2), Math.cos(2), Math.sin(0.02), Math.cos(0.02)],
        [Math.sin(3), Math.cos(3), Math.sin(0.03), Math.cos(0.03)],
      ],
      1e-7,
    );
  });

  it('at position 1: PE(1,0) = sin 1, PE(1,1) = cos 1, PE(1,2) = sin(1/10000^(2/d))', () => {
    for (const d of [2, 3, 8, 16, 100]) {
      const row = toRows(positionalEncoding(2, d))[1]!;
      expectClose(row[0]!, Math.sin(1), 1e-7, `d=${d} PE(1,0)`); // ≈ 0.84147
      expectClose(row[1]!, Math.cos(1), 1e-7, `d=${d} PE(1,1)`); // ≈ 0.54030
      if (d > 2) expectClose(row[2]!, Math.sin(1 / 10000 ** (2 / d)), 1e-7, `d=${d} PE(1,2)`);
      if (d > 3) expectClose(row[3]!, Math.cos(1 / 10000 ** (2 / d)), 1e-7, `d=${d} PE(1,3)`);
    }
    // d = 8: 10000^(2/8) = 10, so PE(1,2) = sin 0.1 ≈ 0.09983 and PE(1,4) = sin 0.01.
    const row = toRows(positionalEncoding(2, 8))[1]!;
    expectClose(row[2]!, Math.sin(0.1), 1e-7);
    expectClose(row[4]!, Math.sin(0.01), 1e-7);
    expectClose(row[6]!, Math.sin(0.001), 1e-7);
  });

  it('gives the last, unpaired column of an odd width a sine', () => {
    // d = 5, column 4 is pair 2: sin(p / 10000^(4/5)).
    const pe = toRows(positionalEncoding(3, 5));
    expectClose(pe[2]![4]!, Math.sin(2 / 10000 ** 0.8), 1e-7);
  });

  it('every pair (sin, cos) lies on the unit circle, and all values are in [-1, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 100 }), (T, d) => {
        const pe = toRows(positionalEncoding(T, d));
        let worstRadius = 0;
        let largest = 0;
        for (const r of pe) {
          for (const x of r) largest = Math.max(largest, Math.abs(x));
          for (let i = 0; i + 1 < d; i += 2) {
            worstRadius = Math.max(worstRadius, Math.abs(r[i]! ** 2 + r[i + 1]! ** 2 - 1));
          }
        }
        expect(largest).toBeLessThanOrEqual(1);
        expect(worstRadius).toBeLessThan(1e-6);
      }),
      { numRuns: 50 },
    );
  });

  it('gives different positions different rows, so word order becomes visible', () => {
    const pe = toRows(positionalEncoding(64, 8)).map((r) => r.join(','));
    expect(new Set(pe).size).toBe(64);
  });

  it('does not depend on T: the first rows are the same for a longer text', () => {
    const short = toRows(positionalEncoding(3, 10));
    const long = toRows(positionalEncoding(9, 10));
    expect(long.slice(0, 3)).toEqual(short);
  });
});
