import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mat64, mat64FromRows } from '../../../src/core/lab/mat64';
import {
  checkLabParams,
  initLabParams,
  labLossAndGrads,
  labScore,
  paramArrays,
  paramEntries,
  type LabExample,
  type LabModelShape,
  type LabParams,
} from '../../../src/core/lab/model';
import { mulberry32 } from '../../../src/core/random';
import { expectClose } from '../../helpers/expectClose';
import { expectArrayClose, finiteDifferences } from './labHelpers';

const identity2 = () =>
  mat64FromRows([
    [1, 0],
    [0, 1],
  ]);

describe('labLossAndGrads', () => {
  it('matches a 2-token example worked by hand', () => {
    // V = 2, T = 2, d = 2, one causal layer of one head (dK = 2, scaled). tokens [0, 1],
    // embed = I and pos = 0 (positions on, so pos gets a gradient), so x0 = I.
    // wq = I, wk = 0: every score is 0, so with the mask P = [[1, 0], [0.5, 0.5]]. wv = I,
    // and wo = 0: the layer adds nothing, x_L = I. unembed = I, bias = 0: logits = I.
    // Targets [0, 0] (both positions answer token 0), N = 2:
    //   loss0 = log(1 + e⁻¹) = 0.31326168751822286, loss1 = log(1 + e) = 1.3132616875182228,
    //   loss = mean = 0.8132616875182228.
    //   Z0 = softmax([1, 0]) = [σ, 1 − σ], Z1 = [1 − σ, σ] with σ = 0.7310585786300049.
    //   dlogits = (Z − onehot)/2 = [[(σ − 1)/2, (1 − σ)/2], [−σ/2, σ/2]]
    //           = [[−0.13447071068499755, 0.13447071068499755], [−0.36552928931500245, …]].
    //   dbias = column sums = [−0.5, 0.5].  dunembed = x_Lᵀ·dlogits = dlogits.
    //   dx_L = dlogits·unembedᵀ = dlogits. The layer: dConcat = dx_L·woᵀ = 0, so wq, wk, wv
    //   get 0 and so does the layer's dx; dwo = concatᵀ·dx_L = Pᵀ·dlogits (concat = P·V = P):
    //   row 0 = dl0 + dl1/2 = [−0.3172353553424988, 0.3172353553424988],
    //   row 1 = dl1/2 = [−0.18276464465750123, 0.18276464465750123].
    //   dx0 = dx_L + 0: dembed[0] = dl0, dembed[1] = dl1, dpos = dlogits.
    const shape: LabModelShape = {
      vocab: 2,
      seqLen: 2,
      width: 2,
      layers: 1,
      heads: 1,
      positions: true,
      causal: true,
      scale: true,
    };
    const params: LabParams = {
      embed: identity2(),
      pos: mat64(2, 2),
      layers: [{ heads: [{ wq: identity2(), wk: mat64(2, 2), wv: identity2() }], wo: mat64(2, 2) }],
      unembed: identity2(),
      bias: new Float64Array(2),
    };
    const { loss, grads, correct, answers } = labLossAndGrads(
      params,
      [{ tokens: [0, 1], targets: [0, 0] }],
      shape,
    );
    expectClose(loss, 0.8132616875182228, 1e-15);
    expect([correct, answers]).toEqual([1, 2]);
    const a = 0.13447071068499755;
    const b = 0.36552928931500245;
    expectArrayClose(grads.bias, [-0.5, 0.5], 1e-15, 'dbias');
    expectArrayClose(grads.unembed.data, [-a, a, -b, b], 1e-15, 'dunembed');
    expectArrayClose(
      grads.layers[0]!.wo.data,
      [-0.3172353553424988, 0.3172353553424988, -b / 2, b / 2],
      1e-15,
      'dwo',
    );
    expectArrayClose(grads.layers[0]!.heads[0]!.wq.data, [0, 0, 0, 0], 0, 'dwq');
    expectArrayClose(grads.embed.data, [-a, a, -b, b], 1e-15, 'dembed');
    expectArrayClose(grads.pos.data, [-a, a, -b, b], 1e-15, 'dpos');
  });

  it('equals central finite differences for random models, batches and targets (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.record({
          vocab: fc.integer({ min: 2, max: 5 }),
          seqLen: fc.integer({ min: 1, max: 4 }),
          width: fc.integer({ min: 1, max: 5 }),
          layers: fc.integer({ min: 1, max: 2 }),
          heads: fc.integer({ min: 1, max: 2 }),
          positions: fc.boolean(),
          causal: fc.boolean(),
          scale: fc.boolean(),
        }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (shape, B, seed) => {
          const random = mulberry32(seed);
          const params = initLabParams(shape, seed);
          // Draw some biases too, so that they are not all at the symmetric point 0.
          for (let i = 0; i < params.bias.length; i++) params.bias[i] = random() - 0.5;
          const examples: LabExample[] = Array.from({ length: B }, () => {
            const tokens = Array.from({ length: shape.seqLen }, () =>
              Math.floor(random() * shape.vocab),
            );
            const targets = tokens.map(() =>
              random() < 0.3 ? -1 : Math.floor(random() * shape.vocab),
            );
            return { tokens, targets };
          });
          // At least one answer, so that the mean is defined.
          (examples[0]!.targets as number[])[0] = 0;
          const loss = () => labScore(params, examples, shape).loss;
          const { grads } = labLossAndGrads(params, examples, shape);
          const wanted = paramEntries(params);
          paramArrays(grads).forEach((g, i) => {
            const entry = wanted[i]!;
            if (entry.name === 'pos' && !shape.positions) {
              expect(
                g.every((x) => x === 0),
                'pos gets no gradient without positions',
              ).toBe(true);
              return;
            }
            expectArrayClose(g, finiteDifferences(entry.data, loss), 1e-6, entry.name);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('initLabParams', () => {
  const shape: LabModelShape = {
    vocab: 5,
    seqLen: 4,
    width: 6,
    layers: 2,
    heads: 3,
    positions: true,
    causal: false,
    scale: true,
  };

  it('makes every matrix in its shape, the same for the same seed, and another for another seed', () => {
    const a = initLabParams(shape, 3);
    checkLabParams(a, shape);
    expect(a.layers[1]!.heads[2]!.wq.cols).toBe(2);
    expect(a.layers[0]!.wo.rows).toBe(6);
    expect(paramArrays(initLabParams(shape, 3))).toEqual(paramArrays(a));
    expect(paramArrays(initLabParams(shape, 4))[0]).not.toEqual(paramArrays(a)[0]);
    expect(Array.from(a.bias)).toEqual([0, 0, 0, 0, 0]);
  });

  it('keeps pos at zero without positions', () => {
    const off = initLabParams({ ...shape, positions: false }, 3);
    expect(off.pos.data.every((x) => x === 0)).toBe(true);
    expect(Array.from(off.embed.data)).toEqual(Array.from(initLabParams(shape, 3).embed.data));
  });

  it('checks shapes, naming the matrix and both shapes', () => {
    const a = initLabParams(shape, 3);
    expect(() => checkLabParams(a, { ...shape, vocab: 7 })).toThrow(/embed.*\(7, 6\).*\(5, 6\)/);
    expect(() => checkLabParams(a, { ...shape, layers: 1 })).toThrow(/1 layers, got 2/);
  });
});
