/**
 * Tolerance assertions shared by the tests (DESIGN.md, conventions 7). Errors are relative
 * to max(1, |expected|): absolute for small numbers, relative for large ones, so one
 * tolerance fits a softmax weight and a score of 1e4 alike.
 */
import { expect } from 'vitest';
import type { Matrix } from '../../src/core/matrix';

/** The error of `actual` against `expected`, relative to max(1, |expected|). */
export function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0; // also covers equal infinities
  return Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
}

/** Fails unless `actual` is within `tolerance` of `expected` (relative to max(1, |expected|)). */
export function expectClose(
  actual: number,
  expected: number,
  tolerance: number,
  label?: string,
): void {
  const error = relativeError(actual, expected);
  if (!(error <= tolerance)) {
    const where = label === undefined ? '' : `${label}: `;
    expect.fail(
      `${where}expected ${actual} to be within ${tolerance} of ${expected} (error ${error})`,
    );
  }
}

/** Nested arrays of a Matrix, or the arrays themselves. */
function asRows(m: Matrix | readonly (readonly number[])[]): (readonly number[])[] {
  if (Array.isArray(m)) return m as (readonly number[])[];
  const { rows, cols, data } = m as Matrix;
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) out.push(Array.from(data.subarray(i * cols, (i + 1) * cols)));
  return out;
}

/**
 * Fails unless `actual` has the shape of `expected` and every entry is within `tolerance`
 * (relative to max(1, |expected|)); the message names the first bad (i, j).
 */
export function expectMatrixClose(
  actual: Matrix | readonly (readonly number[])[],
  expected: readonly (readonly number[])[],
  tolerance: number,
  label?: string,
): void {
  const where = label === undefined ? '' : `${label}: `;
  const got = asRows(actual);
  const gotShape = `(${got.length}, ${got[0]?.length ?? 0})`;
  const wantShape = `(${expected.length}, ${expected[0]?.length ?? 0})`;
  if (got.length !== expected.length) {
    expect.fail(`${where}shape ${gotShape}, expected ${wantShape}`);
  }
  expected.forEach((wantRow, i) => {
    const gotRow = got[i] as readonly number[];
    if (gotRow.length !== wantRow.length) {
      expect.fail(`${where}row ${i} has ${gotRow.length} entries, expected ${wantRow.length}`);
    }
    wantRow.forEach((want, j) => {
      const value = gotRow[j] as number;
      const error = relativeError(value, want);
      if (!(error <= tolerance)) {
        expect.fail(
          `${where}at (${i}, ${j}): expected ${value} to be within ${tolerance} of ${want} (error ${error})`,
        );
      }
    });
  });
}
