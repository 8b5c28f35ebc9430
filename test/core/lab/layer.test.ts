import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiHeadAttention } from '../../../src/core/attention';
import {
  layerBackward,
  layerForward,
  type LayerOptions,
  type LayerParams64,
} from '../../../src/core/lab/layer';
import {
  fromFloat32,
  mat64,
  mat64FromRows,
  toFloat32,
  type Mat64,
} from '../../../src/core/lab/mat64';
import { mulberry32 } from '../../../src/core/random';
import { expectClose } from '../../helpers/expectClose';
import { expectArrayClose, finiteDifferences, randomLayer, randomMat64 } from './labHelpers';

/** Σ output ⊙ G: a scalar whose gradient with respect to the output is G. */
function weightedTotal(output: Mat64, g: Mat64): number {
  let s = 0;
  for (let i = 0; i < g.data.length; i++) s += (output.data[i] as number) * (g.data[i] as number);
  return s;
}

const identity2 = () =>
  mat64FromRows([
    [1, 0],
    [0, 1],
  ]);

describe('layerForward', () => {
  it('computes what the walkthrough computes (core/attention.ts multiHeadAttention), within float32', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (T, d, H, causal, scale, seed) => {
          const random = mulberry32(seed);
          const dK = Math.max(1, Math.floor(d / H));
          // Start from float32 numbers so that both sides read exactly the same inputs.
          const x = fromFloat32(toFloat32(randomMat64(T, d, random, 2)));
          const p64 = randomLayer(d, dK, H, random);
          const p: LayerParams64 = {
            heads: p64.heads.map((h) => ({
              wq: fromFloat32(toFloat32(h.wq)),
              wk: fromFloat32(toFloat32(h.wk)),
              wv: fromFloat32(toFloat32(h.wv)),
            })),
            wo: fromFloat32(toFloat32(p64.wo)),
          };
          const ours = layerForward(x, p, { causal, scale });
          const app = multiHeadAttention(
            toFloat32(x),
            {
              heads: p.heads.map((h) => ({
                wq: toFloat32(h.wq),
                wk: toFloat32(h.wk),
                wv: toFloat32(h.wv),
              })),
              wo: toFloat32(p.wo),
            },
            { causal, scale, temperature: 1 },
          );
          app.heads.forEach((head, h) => {
            expectArrayClose(ours.weights[h]!.data, head.weights.data, 1e-5, `weights ${h}`, 1);
            expectArrayClose(ours.heads[h]!.q.data, head.q.data, 1e-5, `q ${h}`, 1);
            expectArrayClose(
              ours.heads[h]!.output.data,
              head.output.data,
              1e-5,
              `head output ${h}`,
              1,
            );
          });
          expectArrayClose(ours.concat.data, app.concat.data, 1e-5, 'concat', 1);
          expectArrayClose(ours.output.data, app.output.data, 1e-5, 'output', 1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps the sequences of a batch apart: a batch equals its sequences one by one', () => {
    const random = mulberry32(5);
    const T = 4;
    const d = 3;
    const p = randomLayer(d, 2, 2, random);
    const a = randomMat64(T, d, random);
    const b = randomMat64(T, d, random);
    const both = mat64(2 * T, d, Float64Array.from([...a.data, ...b.data]));
    for (const causal of [false, true]) {
      const options: LayerOptions = { causal, scale: true };
      const batched = layerForward(both, p, { ...options, seqLen: T });
      const one = layerForward(a, p, options);
      const two = layerForward(b, p, options);
      expect(Array.from(batched.output.data)).toEqual([...one.output.data, ...two.output.data]);
      expect(Array.from(batched.weights[1]!.data)).toEqual([
        ...one.weights[1]!.data,
        ...two.weights[1]!.data,
      ]);
    }
  });

  it('puts exactly zero weight on the keys a causal query cannot see, and rows sum to 1', () => {
    const random = mulberry32(9);
    const { weights } = layerForward(randomMat64(5, 4, random), randomLayer(4, 4, 1, random), {
      causal: true,
      scale: true,
    });
    const P = weights[0]!;
    for (let i = 0; i < 5; i++) {
      let sum = 0;
      for (let j = 0; j < 5; j++) {
        const p = P.data[i * 5 + j] as number;
        if (j > i) expect(p).toBe(0);
        sum += p;
      }
      expectClose(sum, 1, 1e-12);
    }
  });

  it('names both shapes when a weight does not fit', () => {
    const random = mulberry32(1);
    const p = randomLayer(4, 2, 1, random);
    expect(() =>
      layerForward(randomMat64(3, 5, random), p, { causal: false, scale: true }),
    ).toThrow(/\(5, 2\).*\(4, 2\)/);
    const badWo = { heads: p.heads, wo: randomMat64(3, 4, random) };
    expect(() =>
      layerForward(randomMat64(3, 4, random), badWo, { causal: false, scale: true }),
    ).toThrow(/wo.*\(2, 4\).*\(3, 4\)/);
    expect(() =>
      layerForward(randomMat64(5, 4, random), p, { causal: false, scale: true, seqLen: 2 }),
    ).toThrow(/5 rows/);
  });
});

describe('layerBackward', () => {
  it('matches a 2-token example worked by hand', () => {
    // x = I (token 0 is [1, 0], token 1 is [0, 1]); wq = wk = wv = wo = I; no scaling, no mask.
    // Then Q = K = V = I and S = Q·Kᵀ = I, so row 0 of P is softmax([1, 0]) = [σ, 1 − σ]
    // with σ = e / (1 + e) = 0.7310585786300049, and row 1 is [1 − σ, σ]. O = P·V = P and
    // output = O·wo = P.
    // Take dOutput = G = [[1, 0], [0, 0]], the gradient of L = output[0][0] = P00.
    //   dwo = concatᵀ·G = Pᵀ·G: column 0 is row 0 of P: [[σ, 0], [1 − σ, 0]].
    //   dO = G·woᵀ = G.  dV = Pᵀ·dO = [[σ, 0], [1 − σ, 0]].
    //   dP = dO·Vᵀ = G; row 0: rowsum(dP ⊙ P) = σ, so dS00 = σ(1 − σ) = s′ and
    //   dS01 = (1 − σ)(0 − σ) = −s′, with s′ = e / (1 + e)² = 0.19661193324148185; row 1 is 0.
    //   dQ = dS·K = dS = [[s′, −s′], [0, 0]].  dK = dSᵀ·Q = dSᵀ = [[s′, 0], [−s′, 0]].
    //   dwq = Xᵀ·dQ = dQ, dwk = dK, dwv = dV (X = I).
    //   dX = dQ·wqᵀ + dK·wkᵀ + dV·wvᵀ = dQ + dK + dV
    //      = [[2s′ + σ, −s′], [1 − σ − s′, 0]] = [[1.1242824451129687, −s′], [0.07232948812851325, 0]].
    // Check of dX by the chain rule on L = P00·x0[0] + P01·x1[0] with S00 = x0·x0, S01 = x0·x1:
    // ∂L/∂x0 = 2s′x0 − s′x1 + σ e0 and ∂L/∂x1 = −s′x0 + (1 − σ) e0, the same numbers.
    const sigma = 0.7310585786300049;
    const s = 0.19661193324148185;
    const p: LayerParams64 = {
      heads: [{ wq: identity2(), wk: identity2(), wv: identity2() }],
      wo: identity2(),
    };
    const cache = layerForward(identity2(), p, { causal: false, scale: false });
    expectArrayClose(cache.output.data, [sigma, 1 - sigma, 1 - sigma, sigma], 1e-15, 'output');
    const { dx, grads } = layerBackward(
      cache,
      mat64FromRows([
        [1, 0],
        [0, 0],
      ]),
    );
    const g = grads.heads[0]!;
    expectArrayClose(grads.wo.data, [sigma, 0, 1 - sigma, 0], 1e-15, 'dwo');
    expectArrayClose(g.wv.data, [sigma, 0, 1 - sigma, 0], 1e-15, 'dwv');
    expectArrayClose(g.wq.data, [s, -s, 0, 0], 1e-15, 'dwq');
    expectArrayClose(g.wk.data, [s, 0, -s, 0], 1e-15, 'dwk');
    expectArrayClose(dx.data, [1.1242824451129687, -s, 0.07232948812851325, 0], 1e-15, 'dx');
  });

  it('equals central finite differences for random shapes, inputs, masks and batches (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (T, B, d, dK, H, causal, scale, seed) => {
          const random = mulberry32(seed);
          const x = randomMat64(B * T, d, random);
          const p = randomLayer(d, dK, H, random);
          const g = randomMat64(B * T, d, random);
          const options: LayerOptions = { causal, scale, seqLen: T };
          const loss = () => weightedTotal(layerForward(x, p, options).output, g);
          const { dx, grads } = layerBackward(layerForward(x, p, options), g);
          expectArrayClose(dx.data, finiteDifferences(x.data, loss), 1e-6, 'dx');
          p.heads.forEach((h, i) => {
            const gh = grads.heads[i]!;
            expectArrayClose(gh.wq.data, finiteDifferences(h.wq.data, loss), 1e-6, `dwq ${i}`);
            expectArrayClose(gh.wk.data, finiteDifferences(h.wk.data, loss), 1e-6, `dwk ${i}`);
            expectArrayClose(gh.wv.data, finiteDifferences(h.wv.data, loss), 1e-6, `dwv ${i}`);
          });
          expectArrayClose(grads.wo.data, finiteDifferences(p.wo.data, loss), 1e-6, 'dwo');
        },
      ),
      { numRuns: 80 },
    );
  });

  it('names both shapes when dOutput does not fit', () => {
    const random = mulberry32(2);
    const cache = layerForward(randomMat64(3, 4, random), randomLayer(4, 2, 2, random), {
      causal: true,
      scale: true,
    });
    expect(() => layerBackward(cache, randomMat64(3, 5, random))).toThrow(/\(3, 4\).*\(3, 5\)/);
  });
});
