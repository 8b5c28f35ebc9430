import { describe, expect, it } from 'vitest';
import { ADAM_DEFAULTS, createAdam } from '../../../src/core/lab/adam';
import { expectClose } from '../../helpers/expectClose';

describe('createAdam', () => {
  it('has PyTorch’s defaults: β₁ 0.9, β₂ 0.999, ε 1e-8', () => {
    expect(ADAM_DEFAULTS).toEqual({ lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    expect(createAdam({ lr: 0.5 }).options).toEqual({
      lr: 0.5,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
    });
  });

  it('takes two steps worked by hand', () => {
    // lr 0.1, θ = [1, −2]. Step 1, g = [0.5, 0]:
    //   m = 0.1·0.5 = 0.05, v = 0.001·0.25 = 0.00025; m̂ = 0.05/0.1 = 0.5, v̂ = 0.00025/0.001 = 0.25;
    //   θ0 = 1 − 0.1·0.5/(0.5 + 1e-8) = 0.900000002 (to 1e-9); θ1 has g = 0 and stays −2.
    // Step 2, g = [−1, 0.25]:
    //   m0 = 0.9·0.05 − 0.1 = −0.055, v0 = 0.999·0.00025 + 0.001 = 0.00124975;
    //   m̂0 = −0.055/0.19 = −0.289473684…, v̂0 = 0.00124975/0.001999 = 0.625187594…;
    //   θ0 = 0.900000002 + 0.1·0.289473684/0.790688050 = 0.936610354…
    //   m1 = 0.025, v1 = 0.001·0.0625 = 6.25e-5; m̂1 = 0.131578947…, v̂1 = 0.031265633…;
    //   θ1 = −2 − 0.1·0.131578947/0.176821472 = −2.074413678…
    const adam = createAdam({ lr: 0.1 });
    const theta = Float64Array.from([1, -2]);
    adam.step([theta], [Float64Array.from([0.5, 0])]);
    expect(adam.t).toBe(1);
    expectClose(theta[0] as number, 0.900000002, 1e-15);
    expect(theta[1]).toBe(-2);
    adam.step([theta], [Float64Array.from([-1, 0.25])]);
    expect(adam.t).toBe(2);
    expectClose(theta[0] as number, 0.9366103542405654, 1e-14);
    expectClose(theta[1] as number, -2.0744136781482774, 1e-14);
  });

  it('moves each entry by about lr on its first step, against the gradient’s sign', () => {
    const adam = createAdam({ lr: 0.01 });
    const theta = new Float64Array(4);
    adam.step([theta], [Float64Array.from([3, -1e-3, 200, -7])]);
    const moved = Array.from(theta).map((x) => Math.round(x * 1e6) / 1e6);
    expect(moved).toEqual([-0.01, 0.01, -0.01, 0.01]);
  });

  it('restores a snapshot, so the same gradients give the same numbers again', () => {
    const adam = createAdam({ lr: 0.05 });
    const theta = Float64Array.from([0.3, -0.7]);
    adam.step([theta], [Float64Array.from([1, 2])]);
    const saved = adam.snapshot();
    const kept = Float64Array.from(theta);
    adam.step([theta], [Float64Array.from([-3, 0.5])]);
    const after = Float64Array.from(theta);
    adam.restore(saved);
    theta.set(kept);
    expect(adam.t).toBe(1);
    adam.step([theta], [Float64Array.from([-3, 0.5])]);
    expect(Array.from(theta)).toEqual(Array.from(after));
  });

  it('rejects gradients that do not fit the parameters', () => {
    const adam = createAdam();
    expect(() => adam.step([new Float64Array(2)], [new Float64Array(3)])).toThrow(
      /2 parameters, 3 gradients/,
    );
    expect(() => adam.step([new Float64Array(2)], [])).toThrow(/1 parameter arrays, 0 gradients/);
    expect(() => createAdam({ lr: Number.NaN })).toThrow(/lr/);
  });
});
