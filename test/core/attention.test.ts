import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyMask,
  attentionHead,
  computeScores,
  multiHeadAttention,
  projectQKV,
  scaleScores,
  softmaxRows,
  weightedSum,
  type AttentionOptions,
} from '../../src/core/attention';
import { column, fromRows, matrix, selectRows, toRows, type Matrix } from '../../src/core/matrix';
import { makeWeights } from '../../src/core/weights';
import type { AttentionWeights, HeadWeights } from '../../src/core/types';
import { expectClose, expectMatrixClose } from '../helpers/expectClose';
import { MIN_TEMPERATURE } from '../../src/core/settings';

const I2 = fromRows([
  [1, 0],
  [0, 1],
]);

/** A random (rows, cols) matrix, as nested arrays, with entries in [-limit, limit]. */
function rowsOf(rows: number, cols: number, limit = 10) {
  return fc.array(
    fc.array(fc.double({ min: -limit, max: limit, noNaN: true }), {
      minLength: cols,
      maxLength: cols,
    }),
    { minLength: rows, maxLength: rows },
  );
}

/** A random square matrix of scores, 1 to 7 tokens. */
const scoreRows = (limit: number) =>
  fc.integer({ min: 1, max: 7 }).chain((T) => rowsOf(T, T, limit));

/** Every entry of a matrix is a finite number. */
function allFinite(m: Matrix): boolean {
  return m.data.every((x) => Number.isFinite(x));
}

/** The logistic function e^x / (1 + e^x), used to write softmax of two entries by hand. */
const sigma = (x: number) => Math.exp(x) / (1 + Math.exp(x));

describe('projectQKV', () => {
  it('computes Q = X·wq, K = X·wk, V = X·wv (worked by hand)', () => {
    const x = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const weights: HeadWeights = {
      // column 0 copies x₀, column 1 copies x₁, column 2 adds them
      wq: fromRows([
        [1, 0, 1],
        [0, 1, 1],
      ]),
      // column 0 doubles x₀, column 1 is zero, column 2 copies x₁
      wk: fromRows([
        [2, 0, 0],
        [0, 0, 1],
      ]),
      // swaps x₀ and x₁, third column zero
      wv: fromRows([
        [0, 1, 0],
        [1, 0, 0],
      ]),
    };
    const { q, k, v } = projectQKV(x, weights);
    // Q row 0 = [1, 2, 1+2] = [1, 2, 3];  row 1 = [3, 4, 3+4] = [3, 4, 7]
    expect(toRows(q)).toEqual([
      [1, 2, 3],
      [3, 4, 7],
    ]);
    // K row 0 = [2·1, 0, 2] = [2, 0, 2];  row 1 = [2·3, 0, 4] = [6, 0, 4]
    expect(toRows(k)).toEqual([
      [2, 0, 2],
      [6, 0, 4],
    ]);
    // V row 0 = [2, 1, 0];  row 1 = [4, 3, 0]
    expect(toRows(v)).toEqual([
      [2, 1, 0],
      [4, 3, 0],
    ]);
  });

  it('throws with both shapes when a weight does not fit the input', () => {
    const x = matrix(2, 2);
    const good = matrix(2, 3);
    expect(() => projectQKV(x, { wq: good, wk: matrix(3, 3), wv: good })).toThrow(
      /\(2, 3\).*\(3, 3\)/,
    );
    expect(() => projectQKV(x, { wq: good, wk: good, wv: matrix(2, 2) })).toThrow(
      /\(2, 3\).*\(2, 2\)/,
    );
    expect(() => projectQKV(x, { wq: matrix(3, 3), wk: matrix(2, 3), wv: matrix(2, 3) })).toThrow(
      RangeError,
    );
  });
});

describe('computeScores', () => {
  it('is Q·Kᵀ: entry (i, j) is query i dotted with key j (worked by hand)', () => {
    const q = fromRows([
      [1, 2, 3],
      [3, 4, 7],
    ]);
    const k = fromRows([
      [2, 0, 2],
      [6, 0, 4],
    ]);
    // (0,0) = 1·2 + 2·0 + 3·2 = 8     (0,1) = 1·6 + 2·0 + 3·4 = 18
    // (1,0) = 3·2 + 4·0 + 7·2 = 20    (1,1) = 3·6 + 4·0 + 7·4 = 46
    expect(toRows(computeScores(q, k))).toEqual([
      [8, 18],
      [20, 46],
    ]);
  });

  it('throws with both shapes when Q and K differ in width', () => {
    expect(() => computeScores(matrix(2, 3), matrix(2, 4))).toThrow(/\(2, 3\).*\(2, 4\)/);
  });
});

describe('scaleScores', () => {
  const scores = fromRows([
    [8, 18],
    [20, 46],
  ]);

  it('divides by √dK when enabled', () => {
    // dK = 4: √4 = 2, so every score halves.
    expect(toRows(scaleScores(scores, 4, true))).toEqual([
      [4, 9],
      [10, 23],
    ]);
    // dK = 3: 8/√3 = 4.6188..., 46/√3 = 26.558...
    expectMatrixClose(
      scaleScores(scores, 3, true),
      [
        [8 / Math.sqrt(3), 18 / Math.sqrt(3)],
        [20 / Math.sqrt(3), 46 / Math.sqrt(3)],
      ],
      1e-6,
    );
  });

  it('returns an equal copy when disabled', () => {
    const out = scaleScores(scores, 4, false);
    expect(toRows(out)).toEqual([
      [8, 18],
      [20, 46],
    ]);
    expect(out.data).not.toBe(scores.data);
  });
});

describe('applyMask', () => {
  const scaled = fromRows([
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ]);

  it('puts -Infinity strictly above the diagonal when causal', () => {
    const masked = applyMask(scaled, true);
    expect(toRows(masked)).toEqual([
      [1, -Infinity, -Infinity],
      [4, 5, -Infinity],
      [7, 8, 9],
    ]);
    // The argument is left as it was.
    expect(toRows(scaled)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
  });

  it('changes nothing when not causal', () => {
    const masked = applyMask(scaled, false);
    expect(toRows(masked)).toEqual(toRows(scaled));
    expect(masked.data.includes(-Infinity)).toBe(false);
  });
});

describe('softmaxRows', () => {
  it('turns [0, ln 2, ln 3] into [1/6, 2/6, 3/6]', () => {
    // e^0 : e^ln2 : e^ln3 = 1 : 2 : 3, and 1 + 2 + 3 = 6.
    const w = softmaxRows(fromRows([[0, Math.LN2, Math.log(3)]]));
    expectMatrixClose(w, [[1 / 6, 2 / 6, 3 / 6]], 1e-7);
  });

  it('at temperature 2 takes the square roots of the ratios, a flatter row', () => {
    // softmax([0, ln2, ln3] / 2): e^0 : e^(ln2/2) : e^(ln3/2) = 1 : √2 : √3
    const row = [0, Math.LN2, Math.log(3)];
    const hot = softmaxRows(fromRows([row]), 2);
    const sum = 1 + Math.SQRT2 + Math.sqrt(3);
    expectMatrixClose(hot, [[1 / sum, Math.SQRT2 / sum, Math.sqrt(3) / sum]], 1e-7);
    const cold = softmaxRows(fromRows([row]), 1);
    // The largest weight drops from 3/6 = 0.5 (τ = 1) to √3 / (1 + √2 + √3) ≈ 0.41774 (τ = 2),
    // the smallest rises from 1/6 ≈ 0.16667 to 1 / (1 + √2 + √3) ≈ 0.24118.
    expect(hot.data[2]).toBeLessThan(cold.data[2] as number);
    expect(hot.data[0]).toBeGreaterThan(cold.data[0] as number);
    // τ = 0.5 squares the ratios: 1 : 4 : 9 out of 14.
    expectMatrixClose(softmaxRows(fromRows([row]), 0.5), [[1 / 14, 4 / 14, 9 / 14]], 1e-6);
  });

  it('gives masked (-Infinity) entries exactly 0 and shares the rest', () => {
    // Row 0 sees only itself; row 1: e^0 : e^ln3 = 1 : 3 over the two it sees.
    const w = softmaxRows(
      fromRows([
        [5, -Infinity, -Infinity],
        [0, Math.log(3), -Infinity],
        [0, 0, 0],
      ]),
    );
    expect(toRows(w)[0]).toEqual([1, 0, 0]);
    expect(w.data[2]).toBe(0);
    expect(w.data[5]).toBe(0);
    expectClose(w.data[3] as number, 1 / 4, 1e-7);
    expectClose(w.data[4] as number, 3 / 4, 1e-7);
    expectMatrixClose([toRows(w)[2]!], [[1 / 3, 1 / 3, 1 / 3]], 1e-7);
  });

  it('does not overflow on large scores (it subtracts the row maximum)', () => {
    // [1000, 1001] -> [1, e] / (1 + e): e^1000 alone would be Infinity.
    const w = softmaxRows(fromRows([[1000, 1001]]));
    expectMatrixClose(w, [[1 - sigma(1), sigma(1)]], 1e-6);
  });

  it('throws for a fully masked row, naming it', () => {
    const masked = fromRows([
      [0, 1],
      [-Infinity, -Infinity],
    ]);
    expect(() => softmaxRows(masked)).toThrow(/row 1/);
  });

  it('throws for a temperature below MIN_TEMPERATURE or not finite', () => {
    const m = fromRows([[0, 1]]);
    for (const t of [MIN_TEMPERATURE / 2, 0, -1, Number.NaN, Infinity]) {
      expect(() => softmaxRows(m, t), `temperature ${t}`).toThrow(RangeError);
    }
    expect(() => softmaxRows(m, MIN_TEMPERATURE)).not.toThrow();
  });

  it('rows sum to 1 within 1e-6 and every weight lies in [0, 1] (fast-check)', () => {
    fc.assert(
      fc.property(
        scoreRows(50),
        fc.double({ min: MIN_TEMPERATURE, max: 100, noNaN: true }),
        fc.boolean(),
        (rows, temperature, causal) => {
          const w = softmaxRows(applyMask(fromRows(rows), causal), temperature);
          for (let i = 0; i < w.rows; i++) {
            let sum = 0;
            for (let j = 0; j < w.cols; j++) {
              const x = w.data[i * w.cols + j] as number;
              expect(x).toBeGreaterThanOrEqual(0);
              expect(x).toBeLessThanOrEqual(1);
              sum += x;
            }
            expectClose(sum, 1, 1e-6, `row ${i}`);
          }
        },
      ),
    );
  });

  it('is unchanged by adding a constant to a row (fast-check)', () => {
    // Scores are multiples of 1/64 and the constants whole numbers, so that the shifted
    // scores are exact in float32 and the test sees softmax itself, not input rounding.
    const dyadic = fc.integer({ min: -1280, max: 1280 }).map((n) => n / 64);
    const case_ = fc.integer({ min: 1, max: 6 }).chain((T) =>
      fc.tuple(
        fc.array(fc.array(dyadic, { minLength: T, maxLength: T }), {
          minLength: T,
          maxLength: T,
        }),
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: T, maxLength: T }),
      ),
    );
    fc.assert(
      fc.property(
        case_,
        fc.double({ min: MIN_TEMPERATURE, max: 10, noNaN: true }),
        ([rows, shifts], temperature) => {
          const shifted = rows.map((r, i) => r.map((x) => x + (shifts[i] as number)));
          const before = softmaxRows(fromRows(rows), temperature);
          const after = softmaxRows(fromRows(shifted), temperature);
          expectMatrixClose(after, toRows(before), 1e-6);
        },
      ),
    );
  });

  it('gives no NaN or Infinity for scores up to 1e4 at temperatures down to MIN_TEMPERATURE', () => {
    fc.assert(
      fc.property(
        scoreRows(1e4),
        fc.double({ min: MIN_TEMPERATURE, max: 1, noNaN: true }),
        fc.boolean(),
        (rows, temperature, causal) => {
          const w = softmaxRows(applyMask(fromRows(rows), causal), temperature);
          expect(allFinite(w)).toBe(true);
        },
      ),
    );
  });
});

describe('weightedSum', () => {
  it('is weights·V: each row mixes the value rows (worked by hand)', () => {
    const weights = fromRows([
      [0.5, 0.5],
      [0.25, 0.75],
    ]);
    const v = fromRows([
      [2, 0],
      [4, 8],
    ]);
    // row 0 = 0.5·[2, 0] + 0.5·[4, 8] = [1 + 2, 0 + 4] = [3, 4]
    // row 1 = 0.25·[2, 0] + 0.75·[4, 8] = [0.5 + 3, 0 + 6] = [3.5, 6]
    expect(toRows(weightedSum(weights, v))).toEqual([
      [3, 4],
      [3.5, 6],
    ]);
  });

  it('throws with both shapes when the weights do not fit V', () => {
    expect(() => weightedSum(matrix(2, 2), matrix(3, 2))).toThrow(/\(2, 2\).*\(3, 2\)/);
  });
});

/**
 * The running example, "I love tennis.", worked by hand: T = 4 tokens, dModel = dK = 2,
 * made-up embeddings and identity weights (wq = wk = wv = I), so Q = K = V = X:
 *
 *              x₀  x₁
 *     I      [ 1,  0 ]
 *     love   [ 0,  2 ]
 *     tennis [ 1,  2 ]   (= I + love)
 *     .      [ 0,  0 ]
 *
 * Scores Q·Kᵀ (x_i · x_j):
 *     I      [ 1, 0, 1, 0 ]      1·1+0·0, 1·0+0·2, 1·1+0·2, 0
 *     love   [ 0, 4, 4, 0 ]      0, 0·0+2·2, 0·1+2·2, 0
 *     tennis [ 1, 4, 5, 0 ]      1·1+2·0, 1·0+2·2, 1·1+2·2, 0
 *     .      [ 0, 0, 0, 0 ]
 *
 * Scaled by 1/√dK = 1/√2; write a = 1/√2 ≈ 0.70711 and b = 4/√2 = 2√2 ≈ 2.82843:
 *     I      [ a, 0, a,   0 ]
 *     love   [ 0, b, b,   0 ]
 *     tennis [ a, b, a+b, 0 ]
 *     .      [ 0, 0, 0,   0 ]
 *
 * Softmax, with σ(x) = eˣ / (1 + eˣ), σ(a) ≈ 0.66976, σ(b) ≈ 0.94419:
 *     I:      [eᵃ, 1, eᵃ, 1] / (2eᵃ + 2) = [σ(a)/2, (1-σ(a))/2, σ(a)/2, (1-σ(a))/2]
 *                                        ≈ [0.33488, 0.16512, 0.33488, 0.16512]
 *     love:   [1, eᵇ, eᵇ, 1] / (2 + 2eᵇ) = [(1-σ(b))/2, σ(b)/2, σ(b)/2, (1-σ(b))/2]
 *                                        ≈ [0.02790, 0.47210, 0.47210, 0.02790]
 *     tennis: [eᵃ, eᵇ, eᵃeᵇ, 1] sums to (1 + eᵃ)(1 + eᵇ), so
 *             [σ(a)(1-σ(b)), (1-σ(a))σ(b), σ(a)σ(b), (1-σ(a))(1-σ(b))]
 *                                        ≈ [0.03738, 0.31181, 0.63238, 0.01843]
 *     .:      all scores equal            = [1/4, 1/4, 1/4, 1/4]
 *
 * Output = weights·V, row i = w₀[1,0] + w₁[0,2] + w₂[1,2] + w₃[0,0] = [w₀ + w₂, 2(w₁ + w₂)]:
 *     I:      [σ(a), 2·(1/2)]              ≈ [0.66976, 1]
 *     love:   [1/2, 2σ(b)]                 ≈ [0.5, 1.88839]
 *     tennis: [σ(a), 2σ(b)]                ≈ [0.66976, 1.88839]
 *     .:      [2/4, 4/4]  (the mean of V)  = [0.5, 1]
 */
describe('the running example "I love tennis." by hand', () => {
  const x = fromRows([
    [1, 0], // I
    [0, 2], // love
    [1, 2], // tennis
    [0, 0], // .
  ]);
  const identity: HeadWeights = { wq: I2, wk: I2, wv: I2 };
  const a = 1 / Math.SQRT2;
  const b = 4 / Math.SQRT2;
  const sa = sigma(a);
  const sb = sigma(b);
  const head = attentionHead(x, identity, { causal: false, scale: true, temperature: 1 });

  it('Q, K and V equal the embeddings', () => {
    const rows = toRows(x);
    expect(toRows(head.q)).toEqual(rows);
    expect(toRows(head.k)).toEqual(rows);
    expect(toRows(head.v)).toEqual(rows);
  });

  it('scores are the dot products of the embeddings', () => {
    expect(toRows(head.scores)).toEqual([
      [1, 0, 1, 0],
      [0, 4, 4, 0],
      [1, 4, 5, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('scaled scores are divided by √2, and masked equals scaled without the causal mask', () => {
    const expected = [
      [a, 0, a, 0],
      [0, b, b, 0],
      [a, b, a + b, 0],
      [0, 0, 0, 0],
    ];
    expectMatrixClose(head.scaled, expected, 1e-6);
    expectMatrixClose(head.masked, expected, 1e-6);
  });

  it('attention weights follow the hand computation', () => {
    expectMatrixClose(
      head.weights,
      [
        [sa / 2, (1 - sa) / 2, sa / 2, (1 - sa) / 2],
        [(1 - sb) / 2, sb / 2, sb / 2, (1 - sb) / 2],
        [sa * (1 - sb), (1 - sa) * sb, sa * sb, (1 - sa) * (1 - sb)],
        [0.25, 0.25, 0.25, 0.25],
      ],
      1e-6,
    );
    // The rounded values of the comment, as a reader would check them on paper.
    expectMatrixClose(
      head.weights,
      [
        [0.33488, 0.16512, 0.33488, 0.16512],
        [0.0279, 0.4721, 0.4721, 0.0279],
        [0.03738, 0.31181, 0.63238, 0.01843],
        [0.25, 0.25, 0.25, 0.25],
      ],
      1e-5,
    );
  });

  it('outputs follow the hand computation', () => {
    expectMatrixClose(
      head.output,
      [
        [sa, 1],
        [0.5, 2 * sb],
        [sa, 2 * sb],
        [0.5, 1],
      ],
      1e-6,
    );
  });

  /*
   * With the causal mask, token i sees tokens 0..i only:
   *     I:      [a]           -> [1]                       output = V₀ = [1, 0]
   *     love:   [0, b]        -> [1-σ(b), σ(b)]            output = [1-σ(b), 2σ(b)] ≈ [0.05581, 1.88839]
   *     tennis: [a, b, a+b]   -> [eᵃ, eᵇ, eᵃ⁺ᵇ] / (eᵃ + eᵇ + eᵃ⁺ᵇ)
   *                           ≈ [0.03808, 0.31766, 0.64426]
   *                           output = [w₀ + w₂, 2(w₁ + w₂)] ≈ [0.68234, 1.92384]
   *     .:      sees everything, as before: [1/4, 1/4, 1/4, 1/4] and [0.5, 1]
   */
  it('with the causal mask, a token only attends to itself and earlier tokens', () => {
    const causal = attentionHead(x, identity, { causal: true, scale: true, temperature: 1 });
    expect(toRows(causal.masked).map((r) => r.map((v) => v === -Infinity))).toEqual([
      [false, true, true, true],
      [false, false, true, true],
      [false, false, false, true],
      [false, false, false, false],
    ]);
    const z = Math.exp(a) + Math.exp(b) + Math.exp(a + b);
    const w2 = [Math.exp(a) / z, Math.exp(b) / z, Math.exp(a + b) / z, 0];
    expectMatrixClose(
      causal.weights,
      [[1, 0, 0, 0], [1 - sb, sb, 0, 0], w2, [0.25, 0.25, 0.25, 0.25]],
      1e-6,
    );
    expectMatrixClose(
      causal.output,
      [
        [1, 0],
        [1 - sb, 2 * sb],
        [w2[0]! + w2[2]!, 2 * (w2[1]! + w2[2]!)],
        [0.5, 1],
      ],
      1e-6,
    );
    expectMatrixClose(
      causal.output,
      [
        [1, 0],
        [0.05581, 1.88839],
        [0.68234, 1.92384],
        [0.5, 1],
      ],
      1e-5,
    );
  });

  it('without scaling, the softmax reads the raw scores', () => {
    // love row unscaled: [0, 4, 4, 0] -> [1, e⁴, e⁴, 1] / (2 + 2e⁴)
    const raw = attentionHead(x, identity, { causal: false, scale: false, temperature: 1 });
    expect(toRows(raw.scaled)).toEqual(toRows(raw.scores));
    const s4 = sigma(4);
    expectMatrixClose(
      [toRows(raw.weights)[1]!],
      [[(1 - s4) / 2, s4 / 2, s4 / 2, (1 - s4) / 2]],
      1e-6,
    );
  });

  it('keeps the head weights in the trace', () => {
    expect(head.wq).toBe(I2);
    expect(head.wk).toBe(I2);
    expect(head.wv).toBe(I2);
  });
});

/*
 * Two heads on a 2-token toy: dModel = 2, dK = 1 (√1 = 1, so scaling changes nothing).
 * Head 0 reads coordinate 0 (wq = wk = wv = [1, 0]ᵀ), head 1 coordinate 1.
 *
 *     X = [[0, 1],        head 0 sees q = k = v = [0, 1]ᵀ;  head 1 sees [1, 0]ᵀ
 *          [1, 0]]
 *
 * Head 0: scores = q kᵀ = [[0, 0], [0, 1]];  weights = [[1/2, 1/2], [1-σ(1), σ(1)]]
 *         output = weights · [0, 1]ᵀ = [1/2, σ(1)]ᵀ              σ(1) = e/(1+e) ≈ 0.73106
 * Head 1: scores = [[1, 0], [0, 0]];  weights = [[σ(1), 1-σ(1)], [1/2, 1/2]]
 *         output = weights · [1, 0]ᵀ = [σ(1), 1/2]ᵀ
 * concat = [[1/2, σ(1)], [σ(1), 1/2]]
 * wo = [[1, 1], [0, 2]]: row [c₀, c₁] -> [c₀, c₀ + 2c₁]
 * output = [[1/2, 1/2 + 2σ(1)], [σ(1), σ(1) + 1]] ≈ [[0.5, 1.96212], [0.73106, 1.73106]]
 */
describe('multiHeadAttention', () => {
  const x = fromRows([
    [0, 1],
    [1, 0],
  ]);
  const pick0 = fromRows([[1], [0]]);
  const pick1 = fromRows([[0], [1]]);
  const weights: AttentionWeights = {
    heads: [
      { wq: pick0, wk: pick0, wv: pick0 },
      { wq: pick1, wk: pick1, wv: pick1 },
    ],
    wo: fromRows([
      [1, 1],
      [0, 2],
    ]),
  };
  const s = sigma(1);

  it('runs each head, joins their outputs and applies wo (a 2-head toy by hand)', () => {
    const result = multiHeadAttention(x, weights, { causal: false, scale: true, temperature: 1 });
    expect(result.heads).toHaveLength(2);
    expect(toRows(result.heads[0]!.scores)).toEqual([
      [0, 0],
      [0, 1],
    ]);
    expect(toRows(result.heads[1]!.scores)).toEqual([
      [1, 0],
      [0, 0],
    ]);
    expectMatrixClose(
      result.heads[0]!.weights,
      [
        [0.5, 0.5],
        [1 - s, s],
      ],
      1e-6,
    );
    expectMatrixClose(
      result.heads[1]!.weights,
      [
        [s, 1 - s],
        [0.5, 0.5],
      ],
      1e-6,
    );
    expectMatrixClose(result.heads[0]!.output, [[0.5], [s]], 1e-6);
    expectMatrixClose(result.heads[1]!.output, [[s], [0.5]], 1e-6);
    expectMatrixClose(
      result.concat,
      [
        [0.5, s],
        [s, 0.5],
      ],
      1e-6,
    );
    expectMatrixClose(
      result.output,
      [
        [0.5, 0.5 + 2 * s],
        [s, s + 1],
      ],
      1e-6,
    );
  });

  it('throws with both shapes when wo does not fit', () => {
    const bad: AttentionWeights = { ...weights, wo: matrix(3, 2) };
    expect(() =>
      multiHeadAttention(x, bad, { causal: false, scale: true, temperature: 1 }),
    ).toThrow(/\(2, 2\).*\(3, 2\)/);
  });
});

/** A random attention problem: input, weights from makeWeights, and options. */
const problem = fc
  .record({
    T: fc.integer({ min: 1, max: 6 }),
    dModel: fc.integer({ min: 1, max: 8 }),
    heads: fc.integer({ min: 1, max: 4 }),
    seed: fc.nat({ max: 0xffffffff }),
    preset: fc.constantFrom('random' as const, 'similarity' as const),
    scale: fc.boolean(),
    temperature: fc.double({ min: 0.1, max: 10, noNaN: true }),
  })
  .chain((p) =>
    fc.record({
      p: fc.constant(p),
      input: rowsOf(p.T, p.dModel, 3),
      perm: fc.shuffledSubarray(
        Array.from({ length: p.T }, (_, i) => i),
        { minLength: p.T, maxLength: p.T },
      ),
    }),
  );

describe('attention invariants (fast-check)', () => {
  it('without positions, permuting the tokens permutes the outputs and the weights', () => {
    fc.assert(
      fc.property(problem, ({ p, input, perm }) => {
        const weights = makeWeights(p.dModel, p.heads, p.seed, p.preset);
        const options: AttentionOptions = {
          causal: false,
          scale: p.scale,
          temperature: p.temperature,
        };
        const x = fromRows(input);
        const base = multiHeadAttention(x, weights, options);
        const permuted = multiHeadAttention(selectRows(x, perm), weights, options);
        // Output row i of the permuted text is output row perm[i] of the original.
        expectMatrixClose(permuted.output, toRows(selectRows(base.output, perm)), 1e-5, 'output');
        base.heads.forEach((h, n) => {
          const w = toRows(h.weights);
          // Weight (i, j) of the permuted text is weight (perm[i], perm[j]) of the original.
          const expected = perm.map((pi) => perm.map((pj) => w[pi]![pj]!));
          expectMatrixClose(permuted.heads[n]!.weights, expected, 1e-5, `weights of head ${n}`);
        });
      }),
    );
  });

  it('with the causal mask every weight above the diagonal is exactly 0', () => {
    fc.assert(
      fc.property(problem, ({ p, input }) => {
        const weights = makeWeights(p.dModel, p.heads, p.seed, p.preset);
        const result = multiHeadAttention(fromRows(input), weights, {
          causal: true,
          scale: p.scale,
          temperature: p.temperature,
        });
        for (const h of result.heads) {
          for (let i = 0; i < p.T; i++) {
            for (let j = i + 1; j < p.T; j++) {
              expect(h.weights.data[i * p.T + j] === 0).toBe(true);
            }
          }
        }
      }),
    );
  });

  it('each output coordinate lies between the minimum and maximum of that column of V', () => {
    fc.assert(
      fc.property(problem, fc.boolean(), ({ p, input }, causal) => {
        const weights = makeWeights(p.dModel, p.heads, p.seed, p.preset);
        const result = multiHeadAttention(fromRows(input), weights, {
          causal,
          scale: p.scale,
          temperature: p.temperature,
        });
        for (const h of result.heads) {
          for (let j = 0; j < h.v.cols; j++) {
            const values = Array.from(column(h.v, j));
            const lo = Math.min(...values);
            const hi = Math.max(...values);
            for (const y of column(h.output, j)) {
              expect(y).toBeGreaterThanOrEqual(lo - 1e-5 * Math.max(1, Math.abs(lo)));
              expect(y).toBeLessThanOrEqual(hi + 1e-5 * Math.max(1, Math.abs(hi)));
            }
          }
        }
      }),
    );
  });

  it('scores up to 1e4 at temperatures down to MIN_TEMPERATURE, unscaled, stay finite', () => {
    // Identity weights on a width-2 input with entries up to 70: |score| ≤ 2·70² = 9800.
    const bigHead: HeadWeights = { wq: I2, wk: I2, wv: I2 };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((T) => rowsOf(T, 2, 70)),
        fc.double({ min: MIN_TEMPERATURE, max: 1, noNaN: true }),
        fc.boolean(),
        (input, temperature, causal) => {
          const h = attentionHead(fromRows(input), bigHead, {
            causal,
            scale: false,
            temperature,
          });
          expect(allFinite(h.weights)).toBe(true);
          expect(allFinite(h.output)).toBe(true);
        },
      ),
    );
    // The extreme corner, fixed: two tokens at ±70 on both axes, τ = MIN_TEMPERATURE.
    const h = attentionHead(
      fromRows([
        [70, 70],
        [-70, -70],
      ]),
      bigHead,
      { causal: false, scale: false, temperature: MIN_TEMPERATURE },
    );
    expect(toRows(h.scores)).toEqual([
      [9800, -9800],
      [-9800, 9800],
    ]);
    expect(toRows(h.weights)).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(allFinite(h.output)).toBe(true);
  });

  it('attentionHead rejects a temperature below MIN_TEMPERATURE', () => {
    const x = fromRows([[1, 2]]);
    expect(() =>
      attentionHead(
        x,
        { wq: I2, wk: I2, wv: I2 },
        { causal: false, scale: true, temperature: MIN_TEMPERATURE * 0.9 },
      ),
    ).toThrow(RangeError);
  });
});
