/**
 * Cross-implementation check: the core against NumPy. The cases in test/golden/cases are
 * written by `npm run golden` (test/golden/make_golden.py), which runs `npm run trace` and
 * recomputes every intermediate from the trace's input and weights with NumPy in float64.
 * Here the core recomputes them from the same input and weights, and both must agree within
 * 1e-5 relative to max(1, |NumPy's value|); masked cells (null, -Infinity) must agree exactly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { multiHeadAttention } from '../../src/core/attention';
import { fromRows, toRows, type Matrix } from '../../src/core/matrix';
import { HEAD_STEP_NAMES } from '../../src/core/traceParts';
import type { AttentionSettings, AttentionWeights } from '../../src/core/types';
import { expectMatrixClose } from '../helpers/expectClose';

type JsonMatrix = (number | null)[][];

const HEAD_NAMES = HEAD_STEP_NAMES;

/** One golden file, as make_golden.py writes it. */
interface GoldenCase {
  readonly args: string[];
  readonly settings: AttentionSettings;
  readonly input: JsonMatrix;
  readonly wo: JsonMatrix;
  readonly heads: {
    readonly wq: JsonMatrix;
    readonly wk: JsonMatrix;
    readonly wv: JsonMatrix;
    readonly numpy: Record<(typeof HEAD_NAMES)[number], JsonMatrix>;
  }[];
  readonly numpy: { readonly concat: JsonMatrix; readonly output: JsonMatrix };
}

const CASES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../golden/cases');
const TOLERANCE = 1e-5;

function listCases(): string[] {
  try {
    return readdirSync(CASES_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
}

/** JSON rows (null = -Infinity) to nested numbers. */
function fromJson(rows: JsonMatrix): number[][] {
  return rows.map((r) => r.map((x) => (x === null ? -Infinity : x)));
}

/** A matrix that holds no -Infinity, for the inputs and weights. */
function finiteMatrix(rows: JsonMatrix, what: string): Matrix {
  if (rows.flat().includes(null)) throw new Error(`${what} holds a null`);
  return fromRows(fromJson(rows));
}

/**
 * Compares the core's matrix with NumPy's: masked cells at exactly the same places, every
 * other cell within the tolerance.
 */
function expectAgrees(mine: Matrix, numpy: JsonMatrix, label: string): void {
  const theirs = fromJson(numpy);
  const got = toRows(mine);
  expect([mine.rows, mine.cols], `${label} shape`).toEqual([theirs.length, theirs[0]?.length ?? 0]);
  theirs.forEach((r, i) =>
    r.forEach((x, j) => {
      if (x === -Infinity || got[i]![j] === -Infinity) {
        expect(got[i]![j], `${label} at (${i}, ${j})`).toBe(x);
      }
    }),
  );
  // Masked cells equal on both sides count as no error in expectMatrixClose.
  expectMatrixClose(got, theirs, TOLERANCE, label);
}

const files = listCases();

describe('golden cases (core vs NumPy)', () => {
  it('has at least 5 cases (run `npm run golden` to write them)', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of files) {
    it(`agrees with NumPy on ${file}`, () => {
      const golden = JSON.parse(readFileSync(path.join(CASES_DIR, file), 'utf8')) as GoldenCase;
      const { settings } = golden;
      const input = finiteMatrix(golden.input, 'input');
      const weights: AttentionWeights = {
        heads: golden.heads.map((h, n) => ({
          wq: finiteMatrix(h.wq, `wq of head ${n}`),
          wk: finiteMatrix(h.wk, `wk of head ${n}`),
          wv: finiteMatrix(h.wv, `wv of head ${n}`),
        })),
        wo: finiteMatrix(golden.wo, 'wo'),
      };
      expect(weights.heads).toHaveLength(settings.heads);
      expect(input.cols).toBe(settings.width);
      const result = multiHeadAttention(input, weights, settings);
      result.heads.forEach((head, n) => {
        const numpy = golden.heads[n]!.numpy;
        for (const name of HEAD_NAMES) expectAgrees(head[name], numpy[name], `head ${n} ${name}`);
      });
      expectAgrees(result.concat, golden.numpy.concat, 'concat');
      expectAgrees(result.output, golden.numpy.output, 'output');
      if (settings.causal) {
        // The causal cases must really exercise the mask.
        expect(golden.heads[0]!.numpy.masked.flat()).toContain(null);
      }
    });
  }
});
