import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRows, toRows, type Matrix } from '../../src/core/matrix';
import { embedText, traceFromEmbedded } from '../../src/core/trace';
import type { AttentionSettings } from '../../src/core/types';
import {
  buildWorksheet,
  roundMatrix,
  roundTo,
  WORKSHEET_WIDTH,
  worksheetFromText,
  type Worksheet,
  type WorksheetSource,
} from '../../src/core/worksheet';
import { readFileBytes } from '../../src/tools/nodeBytes';
import { expectMatrixClose } from '../helpers/expectClose';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { madeUpWordVectors, type WordVectors } from '../../src/core/vectors/table';
import { loadWordVectors, VECTOR_TABLE_PATH } from '../../src/data/vectorTable';

let glove: Promise<WordVectors> | null = null;
/** The committed GloVe table, read once. */
function gloveVectors(): Promise<WordVectors> {
  glove ??= loadWordVectors(
    path.resolve(__dirname, '../../public', VECTOR_TABLE_PATH),
    readFileBytes,
  );
  return glove;
}

// ---------------------------------------------------------------------------------------
// The hand-computed example. Inputs are already on one decimal; the raw versions below add
// small offsets (|offset| < 0.05) that rounding must remove.
// ---------------------------------------------------------------------------------------

const TOKENS = ['we', 'like', 'cats'];

// X (3 × 4): one row per token.
const X = [
  [1.0, 0.0, 0.5, 0.0], // we
  [0.0, 1.0, 0.0, 0.5], // like
  [1.0, 1.0, 0.0, 0.0], // cats
];
const WQ = [
  [0.5, 0.0, 0.0, 0.0],
  [0.0, 0.5, 0.0, 0.0],
  [1.0, 0.0, 1.0, 0.0],
  [0.0, 1.0, 0.0, 1.0],
];
const WK = [
  [1.0, 0.0, 0.0, 0.0],
  [0.0, 1.0, 0.0, 0.0],
  [0.0, 0.0, 0.0, 0.0],
  [0.0, 0.0, 0.0, 0.0],
];
const WV = [
  [1.0, 0.0, 0.0, 0.0],
  [0.0, 0.0, 1.0, 0.0],
  [0.0, 2.0, 0.0, 0.0],
  [0.0, 0.0, 0.0, 2.0],
];

// Q = X · WQ, entry (i, j) = Σ_d X[i][d] · WQ[d][j]:
//   we   = [1·0.5 + 0.5·1.0, 0, 0.5·1.0, 0]      = [1.0, 0.0, 0.5, 0.0]
//   like = [0, 1·0.5 + 0.5·1.0, 0, 0.5·1.0]      = [0.0, 1.0, 0.0, 0.5]
//   cats = [1·0.5, 1·0.5, 0, 0]                  = [0.5, 0.5, 0.0, 0.0]
const Q = [
  [1.0, 0.0, 0.5, 0.0],
  [0.0, 1.0, 0.0, 0.5],
  [0.5, 0.5, 0.0, 0.0],
];
// K = X · WK keeps the first two columns of X:
//   we = [1, 0, 0, 0], like = [0, 1, 0, 0], cats = [1, 1, 0, 0]
const K = [
  [1.0, 0.0, 0.0, 0.0],
  [0.0, 1.0, 0.0, 0.0],
  [1.0, 1.0, 0.0, 0.0],
];
// V = X · WV:
//   we   = [1·1, 0.5·2, 0, 0]   = [1, 1, 0, 0]
//   like = [0, 0, 1·1, 0.5·2]   = [0, 0, 1, 1]
//   cats = [1·1, 0, 1·1, 0]     = [1, 0, 1, 0]
const V = [
  [1.0, 1.0, 0.0, 0.0],
  [0.0, 0.0, 1.0, 1.0],
  [1.0, 0.0, 1.0, 0.0],
];
// Scores = Q · Kᵀ, entry (i, j) = q_i · k_j:
//   we:   q = [1, 0, 0.5, 0]   · [1,0,0,0] = 1,   · [0,1,0,0] = 0,   · [1,1,0,0] = 1
//   like: q = [0, 1, 0, 0.5]   ·           = 0,               = 1,               = 1
//   cats: q = [0.5, 0.5, 0, 0] ·           = 0.5,             = 0.5,             = 1
const SCORES = [
  [1.0, 0.0, 1.0],
  [0.0, 1.0, 1.0],
  [0.5, 0.5, 1.0],
];
// Scaled = Scores ÷ √d_k = Scores ÷ √4 = Scores ÷ 2.
const SCALED = [
  [0.5, 0.0, 0.5],
  [0.0, 0.5, 0.5],
  [0.25, 0.25, 0.5],
];
// Softmax, row by row (subtract the row maximum, exponentiate, divide by the sum):
//   we:   differences [0, −0.5, 0]; e^−0.5 = 0.6065306597; sum = 2.6065306597
//         weights = [1 / 2.6065306597, 0.6065306597 / 2.6065306597, same as first]
//                 = [0.3836517308, 0.2326965384, 0.3836517308]
//   like: differences [−0.5, 0, 0] -> the same three numbers, permuted
//   cats: differences [−0.25, −0.25, 0]; e^−0.25 = 0.7788007831; sum = 2.5576015662
//         weights = [0.7788007831 / 2.5576015662, same, 1 / 2.5576015662]
//                 = [0.3045043405, 0.3045043405, 0.3909913190]
const A = 0.3836517308;
const B = 0.2326965384;
const C = 0.3045043405;
const D = 0.390991319;
const WEIGHTS = [
  [A, B, A],
  [B, A, A],
  [C, C, D],
];
// Output = Weights · V, row i = Σ_j w_ij · v_j:
//   we   = A·[1,1,0,0] + B·[0,0,1,1] + A·[1,0,1,0] = [2A, A, B + A, B]
//   like = B·[1,1,0,0] + A·[0,0,1,1] + A·[1,0,1,0] = [B + A, B, 2A, A]
//   cats = C·[1,1,0,0] + C·[0,0,1,1] + D·[1,0,1,0] = [C + D, C, C + D, C]
const OUTPUT = [
  [2 * A, A, B + A, B], // [0.7673034616, 0.3836517308, 0.6163482692, 0.2326965384]
  [B + A, B, 2 * A, A],
  [C + D, C, C + D, C], // [0.6954956595, 0.3045043405, 0.6954956595, 0.3045043405]
];

/** `rows` plus an offset below 0.05 in size on every entry, different from entry to entry. */
function jitter(rows: number[][], salt: number): number[][] {
  return rows.map((r, i) => r.map((x, j) => x + 0.04 * Math.sin(1 + 7 * i + 3 * j + salt)));
}

function handSource(raw: boolean): WorksheetSource {
  const m = (rows: number[][], salt: number) => fromRows(raw ? jitter(rows, salt) : rows);
  return {
    tokens: TOKENS,
    input: m(X, 0),
    weights: { wq: m(WQ, 1), wk: m(WK, 2), wv: m(WV, 3) },
  };
}

describe('buildWorksheet: the hand-computed example', () => {
  for (const raw of [false, true]) {
    it(`matches the hand computation within 1e-6 (${raw ? 'inputs off by < 0.05, rounded' : 'inputs already rounded'})`, () => {
      const sheet = buildWorksheet(handSource(raw), { scale: true, causal: false, temperature: 1 });
      expect(sheet.tokens).toEqual(TOKENS);
      // Rounding recovers the one-decimal inputs exactly (as float32, like every matrix).
      expect(toRows(sheet.x)).toEqual(toRows(fromRows(X)));
      expect(toRows(sheet.wq)).toEqual(toRows(fromRows(WQ)));
      expect(toRows(sheet.wk)).toEqual(toRows(fromRows(WK)));
      expect(toRows(sheet.wv)).toEqual(toRows(fromRows(WV)));
      expectMatrixClose(sheet.q, Q, 1e-6, 'q');
      expectMatrixClose(sheet.k, K, 1e-6, 'k');
      expectMatrixClose(sheet.v, V, 1e-6, 'v');
      expectMatrixClose(sheet.scores, SCORES, 1e-6, 'scores');
      expectMatrixClose(sheet.scaled, SCALED, 1e-6, 'scaled');
      expectMatrixClose(sheet.masked, SCALED, 1e-6, 'masked');
      expectMatrixClose(sheet.weights, WEIGHTS, 1e-6, 'weights');
      expectMatrixClose(sheet.output, OUTPUT, 1e-6, 'output');
      expect(sheet.dK).toBe(4);
      expect(sheet.dModel).toBe(4);
      expect(sheet.decimals).toBe(1);
    });
  }

  it('with the causal mask: the first token sees itself only, the second two tokens', () => {
    const sheet = buildWorksheet(handSource(false), { causal: true });
    // we: only [0.5] left -> weight 1.
    // like: [0, 0.5] -> differences [−0.5, 0]; e^−0.5 / (1 + e^−0.5) = 0.3775406688.
    const E = 0.3775406688;
    expectMatrixClose(
      sheet.weights,
      [
        [1, 0, 0],
        [E, 1 - E, 0],
        [C, C, D],
      ],
      1e-6,
      'weights',
    );
    expect(toRows(sheet.masked)).toEqual([
      [0.5, -Infinity, -Infinity],
      [0, 0.5, -Infinity],
      [0.25, 0.25, 0.5],
    ]);
    // we = 1·v_we; like = E·v_we + (1 − E)·v_like.
    expectMatrixClose(
      sheet.output,
      [[1, 1, 0, 0], [E, E, 1 - E, 1 - E], OUTPUT[2] as number[]],
      1e-6,
    );
  });

  it('without scaling, softmax reads the raw scores', () => {
    const sheet = buildWorksheet(handSource(false), { scale: false });
    expect(toRows(sheet.scaled)).toEqual(toRows(sheet.scores));
    // we: differences [0, −1, 0]: e^−1 = 0.3678794412, sum 2.3678794412.
    const w = 1 / 2.3678794412;
    expectMatrixClose(
      [Array.from(sheet.weights.data.subarray(0, 3))],
      [[w, 0.3678794412 * w, w]],
      1e-6,
    );
  });

  it('keeps the first maxTokens tokens and says the sentence was shortened', () => {
    const sheet = buildWorksheet(handSource(false), { maxTokens: 2 });
    expect(sheet.tokens).toEqual(['we', 'like']);
    expect(sheet.sentence).toBe('we like');
    expect(sheet.x.rows).toBe(2);
    expect(sheet.weights.rows).toBe(2);
    expect(sheet.weights.cols).toBe(2);
    expect(sheet.notes).toContainEqual({ kind: 'shortened', kept: 2 });
    const whole = buildWorksheet(handSource(false));
    expect(whole.notes.some((n) => n.kind === 'shortened')).toBe(false);
  });

  it('rejects an empty sentence and bad options with a RangeError', () => {
    const empty: WorksheetSource = { ...handSource(false), tokens: [], input: fromRows([]) };
    expect(() => buildWorksheet(empty)).toThrow(RangeError);
    expect(() => buildWorksheet(handSource(false), { maxTokens: 0 })).toThrow(/maxTokens/);
    expect(() => buildWorksheet(handSource(false), { decimals: 1.5 })).toThrow(/decimals/);
    expect(() => buildWorksheet({ ...handSource(false), tokens: ['a'] })).toThrow(/1 tokens/);
  });
});

describe('rounding', () => {
  it('rounds half away from zero and never gives −0', () => {
    expect(roundTo(0.25, 1)).toBe(0.3);
    expect(roundTo(-0.25, 1)).toBe(-0.3);
    expect(roundTo(1.04, 1)).toBe(1);
    expect(roundTo(-0.04, 1)).toBe(0);
    expect(Object.is(roundTo(-0.04, 1), -0)).toBe(false);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-1.234, 2)).toBe(-1.23);
  });

  it('puts every given input on the stated decimals, within half a step of the app’s number (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 0, max: 3 }),
        (values, decimals) => {
          const raw = fromRows([values.slice(0, 4), values.slice(4, 8), values.slice(8, 12)]);
          const rounded = roundMatrix(raw, decimals);
          const step = 10 ** -decimals;
          rounded.data.forEach((x, i) => {
            // On the grid: the float32 nearest to a number with `decimals` decimals.
            expect(x).toBe(Math.fround(Number(x.toFixed(decimals))));
            // Half a step, plus float32's own rounding of the raw and the rounded number.
            expect(Math.abs(x - (raw.data[i] as number))).toBeLessThanOrEqual(step / 2 + 1e-6);
          });
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------
// An independent float64 implementation, written plainly from the formula, to recompute the
// key from the rounded inputs as printed on the sheet.
// ---------------------------------------------------------------------------------------

type Rows = number[][];

/** The printed decimal of each entry ("0.3"), read back as a float64, as a student reads it. */
function printed(m: Matrix, decimals: number): Rows {
  return toRows(m).map((r) => r.map((x) => Number(x.toFixed(decimals))));
}

function naiveMatmul(a: Rows, b: Rows): Rows {
  return a.map((r) =>
    (b[0] as number[]).map((_, j) => r.reduce((s, x, k) => s + x * (b[k] as number[])[j]!, 0)),
  );
}

function naiveTranspose(a: Rows): Rows {
  return (a[0] as number[]).map((_, j) => a.map((r) => r[j] as number));
}

/** The whole key in float64 from the printed inputs. */
function naiveKey(sheet: Worksheet) {
  const d = sheet.decimals;
  const x = printed(sheet.x, d);
  const q = naiveMatmul(x, printed(sheet.wq, d));
  const k = naiveMatmul(x, printed(sheet.wk, d));
  const v = naiveMatmul(x, printed(sheet.wv, d));
  const scores = naiveMatmul(q, naiveTranspose(k));
  const { scale, causal, temperature } = sheet.options;
  const scaled = scores.map((r) => r.map((s) => (scale ? s / Math.sqrt(q[0]!.length) : s)));
  const masked = scaled.map((r, i) => r.map((s, j) => (causal && j > i ? -Infinity : s)));
  const weights = masked.map((r) => {
    const max = Math.max(...r);
    const e = r.map((s) => Math.exp((s - max) / temperature));
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / sum);
  });
  const output = naiveMatmul(weights, v);
  return { q, k, v, scores, scaled, weights, output };
}

function expectMatchesNaive(sheet: Worksheet): void {
  const key = naiveKey(sheet);
  // float32 storage of the app against float64 here: 1e-6 relative to max(1, |x|).
  for (const name of ['q', 'k', 'v', 'scores', 'scaled', 'weights', 'output'] as const) {
    expectMatrixClose(sheet[name], key[name], 1e-6, name);
  }
}

describe('the answer key', () => {
  const settingsCases: Partial<AttentionSettings>[] = [
    {},
    { weights: 'random' },
    { causal: true, seed: 3 },
    { scale: false, temperature: 0.5 },
    { positions: false, weights: 'random', temperature: 2 },
  ];

  it('equals a naive float64 recomputation from the printed inputs, for real sentences', async () => {
    const vectors = await gloveVectors();
    for (const text of [
      'I love tennis.',
      'The cat sat on the mat because it was tired.',
      'Paris',
    ]) {
      for (const patch of settingsCases) {
        for (const maxTokens of [1, 3, 4]) {
          expectMatchesNaive(
            worksheetFromText(text, { ...DEFAULT_SETTINGS, ...patch }, vectors, maxTokens),
          );
        }
      }
    }
  });

  it('is what the app computes when given the rounded inputs (traceFromEmbedded at width 4, one head)', async () => {
    const vectors = await gloveVectors();
    const settings: AttentionSettings = {
      ...DEFAULT_SETTINGS,
      width: WORKSHEET_WIDTH,
      heads: 1,
      weights: 'random',
    };
    const sheet = worksheetFromText('The cat sat on the mat.', settings, vectors);
    // The app's pipeline, run on the worksheet's rounded X (positions off: X is already the sum).
    const embedded = embedText('The cat sat', WORKSHEET_WIDTH, vectors);
    const app = traceFromEmbedded(
      { ...embedded, embeddings: sheet.x },
      { ...settings, positions: false },
      {
        heads: [{ wq: sheet.wq, wk: sheet.wk, wv: sheet.wv }],
        wo: fromRows([
          [1, 0, 0, 0],
          [0, 1, 0, 0],
          [0, 0, 1, 0],
          [0, 0, 0, 1],
        ]),
      },
    );
    const head = app.heads[0]!;
    // Bit for bit: the key is the app's own arithmetic.
    for (const name of ['q', 'k', 'v', 'scores', 'scaled', 'weights', 'output'] as const) {
      expect(Array.from(sheet[name].data), name).toEqual(Array.from(head[name].data));
    }
  });

  it('keeps the app’s width-4 inputs up to rounding, notes unknown words and the shortening', async () => {
    const vectors = await gloveVectors();
    const sheet = worksheetFromText('I love tennis.', DEFAULT_SETTINGS, vectors);
    expect(sheet.tokens).toEqual(['I', 'love', 'tennis']);
    expect(sheet.sentence).toBe('I love tennis');
    expect(sheet.settings).toMatchObject({ width: 4, heads: 1, seed: DEFAULT_SETTINGS.seed });
    const app = traceFromEmbedded(embedText('I love tennis.', 4, vectors), {
      ...DEFAULT_SETTINGS,
      width: 4,
    });
    const appX = toRows(app.input).slice(0, 3);
    toRows(sheet.x).forEach((r, i) =>
      r.forEach((x, j) => expect(Math.abs(x - appX[i]![j]!)).toBeLessThanOrEqual(0.05 + 1e-6)),
    );
    expect(sheet.notes).toContainEqual({ kind: 'shortened', kept: 3 });
    expect(sheet.notes).toContainEqual({ kind: 'unknownWords', words: ['I'] });
    // The similarity preset has wq = wk, so the sheet can tell students that K = Q.
    expect(sheet.notes).toContainEqual({ kind: 'sameQK' });
    expect(toRows(sheet.k)).toEqual(toRows(sheet.q));
    const unrounded = sheet.notes.find((n) => n.kind === 'unrounded');
    expect(
      unrounded && unrounded.kind === 'unrounded' && unrounded.maxWeightDifference,
    ).toBeLessThan(0.1);
  });

  it('covers the tokens the teacher chose, each with its own row of X (its position included)', async () => {
    const vectors = await gloveVectors();
    const text = 'The cat sat on the mat because it was tired.';
    const sheet = worksheetFromText(text, DEFAULT_SETTINGS, vectors, [1, 7]);
    expect(sheet.tokens).toEqual(['cat', 'it']);
    expect(sheet.notes).toContainEqual({ kind: 'chosen', words: ['cat', 'it'] });
    expect(sheet.notes.some((n) => n.kind === 'shortened')).toBe(false);
    // Rows 1 and 7 of the app's width-4 input, rounded: "it" keeps position 7.
    const app = traceFromEmbedded(embedText(text, WORKSHEET_WIDTH, vectors), {
      ...DEFAULT_SETTINGS,
      width: WORKSHEET_WIDTH,
    });
    const appX = toRows(app.input);
    expect(toRows(sheet.x)).toEqual(
      [appX[1]!, appX[7]!].map((r) => r.map((x) => Math.fround(roundTo(x, sheet.decimals)))),
    );
    expect(sheet.weights.rows).toBe(2);
    // The first tokens, chosen as indices, make the same sheet as a count.
    const first = worksheetFromText(text, DEFAULT_SETTINGS, vectors, [0, 1, 2]);
    expect(first).toEqual(worksheetFromText(text, DEFAULT_SETTINGS, vectors, 3));
    expect(() => worksheetFromText(text, DEFAULT_SETTINGS, vectors, [7, 1])).toThrow(RangeError);
    expect(() => worksheetFromText(text, DEFAULT_SETTINGS, vectors, [])).toThrow(RangeError);
  });

  it('says when every vector is made up and when positions are off', () => {
    const sheet = worksheetFromText(
      'a b',
      { ...DEFAULT_SETTINGS, positions: false },
      madeUpWordVectors(),
    );
    expect(sheet.notes).toContainEqual({ kind: 'madeUpVectors' });
    expect(sheet.notes).toContainEqual({ kind: 'noPositions' });
    expect(sheet.notes.some((n) => n.kind === 'shortened')).toBe(false);
  });

  it('weights rows sum to 1 and lie in [0, 1], for arbitrary small inputs (fast-check)', () => {
    const entries = (n: number) =>
      fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n, maxLength: n });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        entries(16),
        entries(48),
        fc.boolean(),
        fc.boolean(),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (T, xs, ws, causal, scale, temperature) => {
          const rows = (values: number[], n: number) =>
            fromRows(Array.from({ length: n }, (_, i) => values.slice(i * 4, i * 4 + 4)));
          const source: WorksheetSource = {
            tokens: Array.from({ length: T }, (_, i) => `t${i}`),
            input: rows(xs, T),
            weights: { wq: rows(ws, 4), wk: rows(ws.slice(16), 4), wv: rows(ws.slice(32), 4) },
          };
          const sheet = buildWorksheet(source, { causal, scale, temperature, maxTokens: 4 });
          for (const r of toRows(sheet.weights)) {
            expect(Math.abs(r.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-6);
            for (const w of r) expect(w >= 0 && w <= 1).toBe(true);
          }
          expectMatchesNaive(sheet);
        },
      ),
    );
  });
});
