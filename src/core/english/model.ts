/**
 * The English model: one attention layer exactly as the walkthrough computes it (the Lab's
 * `layerForward`: per head wq, wk, wv, scores scaled by 1/√dK, softmax, then wo; temperature
 * 1), and a readout the walkthrough does not show, from the residual stream to the words of a
 * vocabulary:
 *
 *     A = layer(X)                       (T, d)   the walkthrough's final output
 *     H = X + A                          (T, d)   residual: the readout sees the token too,
 *                                                 so the heads are free to fetch context
 *     logits_t = H_t·U + b               (V)      only at the rows that have a target
 *     loss = mean over those rows of −log softmax(logits_t)[target_t]
 *
 * With `attention: false` the layer is skipped (H = X): the no-attention baseline, the loss a
 * readout reaches from the token (and its position) alone.
 *
 * Backward: dlogits = softmax − onehot; dU += H_tᵀ·dlogits, db += dlogits, dH_t = U·dlogits;
 * dA = dH (the residual's other path ends at the fixed input); then the Lab's `layerBackward`.
 * Pure and float64 throughout.
 */
import { layerBackward, layerForward, type LayerParams64 } from '../lab/layer';
import { fromFloat32, mat64, toFloat32, type Mat64 } from '../lab/mat64';
import type { AttentionWeights } from '../types';
import { glorotUniform, makeWeights } from '../weights';
import { subStream } from '../random';

/** The attention layer and the readout. */
export interface EnglishModel {
  readonly layer: LayerParams64;
  /** The readout's weights, (d, V). */
  readonly readout: Mat64; // (d, V)
  /** The readout's biases. */
  readonly bias: Float64Array; // (V)
}

/** How the layer attends and whether it is used at all. */
export interface EnglishModelOptions {
  readonly causal: boolean;
  /** False for the no-attention baseline. */
  readonly attention: boolean;
}

/**
 * A fresh model: the layer is the app's `random` preset for `seed` (so training starts from
 * weights a user can draw), the readout Glorot-uniform from its own sub-stream, and the biases
 * `biasInit` (log unigram frequencies speed training up) or zero.
 */
export function initEnglishModel(
  width: number,
  heads: number,
  classes: number,
  seed: number,
  biasInit?: Float64Array,
): EnglishModel {
  const w = makeWeights(width, heads, seed, 'random');
  const layer: LayerParams64 = {
    heads: w.heads.map((h) => ({
      wq: fromFloat32(h.wq), // (d, dK)
      wk: fromFloat32(h.wk), // (d, dK)
      wv: fromFloat32(h.wv), // (d, dK)
    })),
    wo: fromFloat32(w.wo), // (H·dK, d)
  };
  const readout = fromFloat32(glorotUniform(width, classes, subStream(seed, 'readout'))); // (d, V)
  if (biasInit && biasInit.length !== classes) {
    throw new RangeError(`initEnglishModel: ${biasInit.length} biases for ${classes} classes`);
  }
  const bias = biasInit ? Float64Array.from(biasInit) : new Float64Array(classes); // (V)
  return { layer, readout, bias };
}

/** Every parameter array of the model, in a fixed order (Adam's moments follow it). */
export function modelArrays(m: EnglishModel): Float64Array[] {
  return [
    ...m.layer.heads.flatMap((h) => [h.wq.data, h.wk.data, h.wv.data]),
    m.layer.wo.data,
    m.readout.data,
    m.bias,
  ];
}

/** A model of zeros shaped like `m`: a gradient accumulator. */
export function zeroModel(m: EnglishModel): EnglishModel {
  return {
    layer: {
      heads: m.layer.heads.map((h) => ({
        wq: mat64(h.wq.rows, h.wq.cols),
        wk: mat64(h.wk.rows, h.wk.cols),
        wv: mat64(h.wv.rows, h.wv.cols),
      })),
      wo: mat64(m.layer.wo.rows, m.layer.wo.cols),
    },
    readout: mat64(m.readout.rows, m.readout.cols),
    bias: new Float64Array(m.bias.length),
  };
}

/** Sum of the losses and number of rows with a target, of one sentence. */
export interface ExampleResult {
  readonly loss: number;
  readonly count: number;
}

/**
 * Loss of one sentence: x (T, d) the app's input, `targets` (T) a class id per row or −1 for
 * none. When `grads` is given (shaped like the model, see `zeroModel`), adds the gradient of
 * the summed loss into it. Returns the summed loss and the number of target rows.
 */
export function exampleLoss(
  model: EnglishModel,
  x: Float64Array,
  targets: Int32Array,
  options: EnglishModelOptions,
  grads?: EnglishModel,
): ExampleResult {
  const T = targets.length;
  const d = model.readout.rows;
  const V = model.readout.cols;
  if (x.length !== T * d) {
    throw new RangeError(`exampleLoss: input of ${x.length} values, expected (${T}, ${d})`);
  }
  let count = 0;
  for (let t = 0; t < T; t++) if ((targets[t] as number) >= 0) count++;
  if (count === 0) return { loss: 0, count: 0 };
  const input = mat64(T, d, x); // (T, d)
  const cache = options.attention
    ? layerForward(input, model.layer, { causal: options.causal, scale: true })
    : null;
  const U = model.readout.data;
  const b = model.bias;
  const logits = new Float64Array(V); // (V)
  const dH = grads && cache ? new Float64Array(T * d) : null; // (T, d)
  let loss = 0;
  const h = new Float64Array(d); // (d)
  for (let t = 0; t < T; t++) {
    const target = targets[t] as number;
    if (target < 0) continue;
    if (target >= V) throw new RangeError(`exampleLoss: target ${target} outside 0..${V - 1}`);
    for (let c = 0; c < d; c++) {
      h[c] = (x[t * d + c] as number) + (cache ? (cache.output.data[t * d + c] as number) : 0);
    }
    logits.set(b);
    for (let c = 0; c < d; c++) {
      const hc = h[c] as number;
      const row = c * V;
      for (let j = 0; j < V; j++) logits[j] = (logits[j] as number) + hc * (U[row + j] as number);
    }
    let max = -Infinity;
    for (let j = 0; j < V; j++) if ((logits[j] as number) > max) max = logits[j] as number;
    let sum = 0;
    for (let j = 0; j < V; j++) {
      const e = Math.exp((logits[j] as number) - max);
      logits[j] = e;
      sum += e;
    }
    loss += Math.log(sum) + max - (Math.log(logits[target] as number) + max);
    if (!grads) continue;
    // logits now hold exp; dlogits = softmax − onehot.
    const inv = 1 / sum;
    for (let j = 0; j < V; j++) logits[j] = (logits[j] as number) * inv;
    logits[target] = (logits[target] as number) - 1;
    const gU = grads.readout.data;
    const gb = grads.bias;
    for (let j = 0; j < V; j++) gb[j] = (gb[j] as number) + (logits[j] as number);
    for (let c = 0; c < d; c++) {
      const hc = h[c] as number;
      const row = c * V;
      let dh = 0;
      for (let j = 0; j < V; j++) {
        const g = logits[j] as number;
        gU[row + j] = (gU[row + j] as number) + hc * g;
        dh += (U[row + j] as number) * g;
      }
      if (dH) dH[t * d + c] = dh;
    }
  }
  if (grads && cache && dH) {
    const { grads: g } = layerBackward(cache, mat64(T, d, dH));
    addInto(grads.layer.wo.data, g.wo.data);
    g.heads.forEach((gh, i) => {
      const into = grads.layer.heads[i];
      if (!into) return;
      addInto(into.wq.data, gh.wq.data);
      addInto(into.wk.data, gh.wk.data);
      addInto(into.wv.data, gh.wv.data);
    });
  }
  return { loss, count };
}

function addInto(into: Float64Array, from: Float64Array): void {
  for (let i = 0; i < into.length; i++) into[i] = (into[i] as number) + (from[i] as number);
}

/**
 * The next-word targets of a sentence of word ids (T), keeping at most `keep` of its T − 1
 * answer rows, drawn by `random` (all of them when `keep` ≥ T − 1): entry t is the id of token
 * t+1 or −1.
 */
export function sampledNextWordTargets(
  words: Int32Array,
  keep: number,
  random: () => number,
): Int32Array {
  const T = words.length;
  const targets = new Int32Array(T).fill(-1); // (T)
  const rows: number[] = [];
  for (let t = 0; t + 1 < T; t++) rows.push(t);
  // A partial Fisher-Yates shuffle picks `keep` rows without repeats.
  const n = Math.min(keep, rows.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (rows.length - i));
    const tmp = rows[i] as number;
    rows[i] = rows[j] as number;
    rows[j] = tmp;
    const t = rows[i] as number;
    targets[t] = words[t + 1] as number;
  }
  return targets;
}

/**
 * The layer's parameters as the app's float32 weights (each entry rounded to the nearest
 * float32): what the walkthrough draws and the weights file ships.
 */
export function layerToWeights(layer: LayerParams64): AttentionWeights {
  return {
    heads: layer.heads.map((h) => ({
      wq: toFloat32(h.wq), // (d, dK)
      wk: toFloat32(h.wk), // (d, dK)
      wv: toFloat32(h.wv), // (d, dK)
    })),
    wo: toFloat32(layer.wo), // (H·dK, d)
  };
}
