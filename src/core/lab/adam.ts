/**
 * Adam (Kingma & Ba, 2015), exactly as PyTorch's torch.optim.Adam without weight decay,
 * on a flat list of float64 parameter arrays updated in place. At step t, for each entry
 * θ with gradient g:
 *
 *     m ← β₁ m + (1 − β₁) g
 *     v ← β₂ v + (1 − β₂) g²
 *     m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
 *     θ ← θ − lr · m̂ / (√v̂ + ε)
 *
 * m and v start at zero. An entry whose gradient is always 0 never moves.
 */

/** Adam's hyper-parameters. */
export interface AdamOptions {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
}

/** The defaults: PyTorch's, lr 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-8. */
export const ADAM_DEFAULTS: AdamOptions = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

/** Adam's moving averages and step count, as copies (for a snapshot). */
export interface AdamState {
  readonly t: number;
  /** First moments, one array per parameter array. */
  readonly m: readonly Float64Array[];
  /** Second moments, one array per parameter array. */
  readonly v: readonly Float64Array[];
}

/** A stateful Adam optimiser. */
export interface Adam {
  readonly options: AdamOptions;
  /** Steps taken so far. */
  readonly t: number;
  /**
   * One update: `params[i]` moves against `grads[i]`, in place. The list must keep the same
   * arrays' lengths from call to call (the moments belong to positions in the list).
   */
  step(params: readonly Float64Array[], grads: readonly Float64Array[]): void;
  /** Copies of the moments and step count. */
  snapshot(): AdamState;
  /** Puts back a state from `snapshot` (copied, so the snapshot can be restored again). */
  restore(state: AdamState): void;
}

/** A new Adam with zero moments; `options` override the defaults. */
export function createAdam(options: Partial<AdamOptions> = {}): Adam {
  const o: AdamOptions = { ...ADAM_DEFAULTS, ...options };
  for (const [name, value] of Object.entries(o)) {
    if (!Number.isFinite(value))
      throw new RangeError(`createAdam: ${name} must be finite, got ${value}`);
  }
  let t = 0;
  let m: Float64Array[] = [];
  let v: Float64Array[] = [];
  return {
    options: o,
    get t() {
      return t;
    },
    step(params, grads) {
      if (params.length !== grads.length) {
        throw new RangeError(
          `Adam.step: ${params.length} parameter arrays, ${grads.length} gradients`,
        );
      }
      if (t === 0 && m.length === 0) {
        m = params.map((p) => new Float64Array(p.length));
        v = params.map((p) => new Float64Array(p.length));
      }
      if (m.length !== params.length) {
        throw new RangeError(
          `Adam.step: ${params.length} parameter arrays, the moments hold ${m.length}`,
        );
      }
      t += 1;
      const { lr, beta1, beta2, eps } = o;
      const c1 = 1 / (1 - Math.pow(beta1, t));
      const c2 = 1 / (1 - Math.pow(beta2, t));
      for (let a = 0; a < params.length; a++) {
        const p = params[a] as Float64Array;
        const g = grads[a] as Float64Array;
        const ma = m[a] as Float64Array;
        const va = v[a] as Float64Array;
        if (g.length !== p.length || ma.length !== p.length) {
          throw new RangeError(
            `Adam.step: array ${a} has ${p.length} parameters, ${g.length} gradients, ${ma.length} moments`,
          );
        }
        for (let i = 0; i < p.length; i++) {
          const gi = g[i] as number;
          const mi = beta1 * (ma[i] as number) + (1 - beta1) * gi;
          const vi = beta2 * (va[i] as number) + (1 - beta2) * gi * gi;
          ma[i] = mi;
          va[i] = vi;
          p[i] = (p[i] as number) - (lr * (mi * c1)) / (Math.sqrt(vi * c2) + eps);
        }
      }
    },
    snapshot() {
      return { t, m: m.map((x) => Float64Array.from(x)), v: v.map((x) => Float64Array.from(x)) };
    },
    restore(state) {
      t = state.t;
      m = state.m.map((x) => Float64Array.from(x));
      v = state.v.map((x) => Float64Array.from(x));
    },
  };
}
