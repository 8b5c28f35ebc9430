/**
 * The English model's gradients against central finite differences, as the Lab checks its
 * own: every parameter (both heads' wq, wk, wv, wo, the readout and its biases), with and
 * without the causal mask, and for the no-attention baseline.
 */
import { describe, expect, it } from 'vitest';
import {
  exampleLoss,
  initEnglishModel,
  modelArrays,
  sampledNextWordTargets,
  zeroModel,
  type EnglishModelOptions,
} from '../../../src/core/english/model';
import { gaussian, mulberry32 } from '../../../src/core/random';
import { expectArrayClose, finiteDifferences } from '../lab/labHelpers';

const d = 6;
const T = 5;
const V = 7;

function setup(seed: number): { x: Float64Array; targets: Int32Array } {
  const random = mulberry32(seed);
  const x = Float64Array.from({ length: T * d }, () => gaussian(random)); // (T, d)
  const targets = Int32Array.from([3, -1, 0, 6, 2]); // (T)
  return { x, targets };
}

describe('exampleLoss', () => {
  for (const options of [
    { causal: true, attention: true },
    { causal: false, attention: true },
    { causal: true, attention: false },
  ] as EnglishModelOptions[]) {
    it(`has the gradient of its loss (causal ${options.causal}, attention ${options.attention})`, () => {
      const model = initEnglishModel(d, 2, V, 3);
      // Biases away from zero, so that their gradient is exercised too.
      model.bias.forEach((_, j) => (model.bias[j] = 0.1 * j));
      const { x, targets } = setup(11);
      const grads = zeroModel(model);
      const { loss, count } = exampleLoss(model, x, targets, options, grads);
      expect(count).toBe(4);
      expect(loss).toBeGreaterThan(0);
      const analytic = modelArrays(grads);
      modelArrays(model).forEach((data, a) => {
        const numeric = finiteDifferences(data, () => exampleLoss(model, x, targets, options).loss);
        expectArrayClose(analytic[a] as Float64Array, numeric, 1e-6, `array ${a}`);
      });
    });
  }

  it('is ln V for a readout of zeros and no biases, whatever the attention', () => {
    const model = initEnglishModel(d, 1, V, 3);
    model.readout.data.fill(0);
    const { x, targets } = setup(5);
    const { loss, count } = exampleLoss(model, x, targets, { causal: false, attention: true });
    expect(loss / count).toBeCloseTo(Math.log(V), 12);
  });

  it('rejects an input of the wrong shape and a target outside the vocabulary', () => {
    const model = initEnglishModel(d, 1, V, 3);
    const options = { causal: true, attention: true };
    expect(() => exampleLoss(model, new Float64Array(3), new Int32Array(T), options)).toThrow(
      /expected \(5, 6\)/,
    );
    const { x } = setup(1);
    expect(() => exampleLoss(model, x, Int32Array.from([V, -1, -1, -1, -1]), options)).toThrow(
      /outside/,
    );
  });
});

describe('sampledNextWordTargets', () => {
  it('keeps at most `keep` answers, each the next word, never one on the last token', () => {
    const words = Int32Array.from([10, 11, 12, 13, 14, 15]);
    const targets = sampledNextWordTargets(words, 3, mulberry32(2));
    const kept = [...targets.entries()].filter(([, w]) => w >= 0);
    expect(kept).toHaveLength(3);
    for (const [t, w] of kept) expect(w).toBe(words[t + 1]);
    expect(targets[5]).toBe(-1);
    expect([...sampledNextWordTargets(words, 99, mulberry32(2))]).toEqual([11, 12, 13, 14, 15, -1]);
  });
});
