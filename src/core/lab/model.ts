/**
 * The Lab's model: an attention-only transformer ("A Mathematical Framework for Transformer
 * Circuits"), forward, loss and hand-derived backward, all in float64.
 *
 *     x0 = embed[tokens] + pos[0..T)                      (T, d)
 *     x(l+1) = x(l) + layer_l(x(l))                       (T, d)   layer: see layer.ts
 *     logits = x_L·unembed + bias                         (T, V)
 *     loss = mean over the answer positions (target ≥ 0) of −log softmax(logits)[target]
 *
 * The mean runs over every answer position of the whole batch (as PyTorch's cross_entropy
 * with ignore_index = −1 on the flattened (B·T, V) logits), not per example.
 *
 * Backward, with N the number of answers in the batch and Z = softmax of each logits row:
 *
 *     dlogits = (Z − onehot(target)) / N on answer rows, 0 on the others   (T, V)
 *     dbias = Σ_rows dlogits,  dunembed = x_Lᵀ·dlogits,  dx_L = dlogits·unembedᵀ
 *     dx(l) = dx(l+1) + layerBackward(dx(l+1)).dx        (the residual adds the identity)
 *     dembed[tokens[t]] += dx0[t],  dpos[t] += Σ_batch dx0[t]
 *
 * Without positions, `pos` is not a parameter: it stays zero, is not added, and its
 * gradient is reported as zero (so Adam never moves it).
 */
import { gaussian, subStream, type Random } from '../random';
import { headDim } from '../weights';
import {
  checkLayerParams,
  layerBackward,
  layerForward,
  type LayerCache,
  type LayerParams64,
} from './layer';
import {
  assertShape64,
  cloneMat64,
  gemm,
  gemmTransA,
  gemmTransB,
  mat64,
  type Mat64,
} from './mat64';

/** Every parameter of the model. */
export interface LabParams {
  /** Token embeddings, one row per token id. */
  readonly embed: Mat64; // (V, d)
  /** Position embeddings, one row per position; zeros when positions are off. */
  readonly pos: Mat64; // (T, d)
  readonly layers: readonly LayerParams64[];
  /** Maps the residual stream to one logit per token id. */
  readonly unembed: Mat64; // (d, V)
  readonly bias: Float64Array; // (V)
}

/** The sizes and switches that fix the parameters' shapes and the forward pass. */
export interface LabModelShape {
  /** Vocabulary size V. */
  readonly vocab: number;
  /** Tokens per sequence T. */
  readonly seqLen: number;
  /** Width d of the residual stream. */
  readonly width: number;
  readonly layers: number;
  readonly heads: number;
  /** Learn and add position embeddings. */
  readonly positions: boolean;
  readonly causal: boolean;
  /** Divide scores by √dK (the Lab always does). */
  readonly scale: boolean;
}

/** One sequence of a task and its answers. */
export interface LabExample {
  /** Token ids, T of them. */
  readonly tokens: readonly number[];
  /** The answer (a token id) at each position, or −1 where there is none. */
  readonly targets: readonly number[];
}

/** dK of each head: floor(width / heads), at least 1 (as in the walkthrough). */
export function labHeadDim(shape: Pick<LabModelShape, 'width' | 'heads'>): number {
  return headDim(shape.width, shape.heads);
}

/** A (rows, cols) matrix of N(0, std²) entries from `random`. */
function normal(rows: number, cols: number, std: number, random: Random): Mat64 {
  const out = mat64(rows, cols); // (rows, cols)
  for (let i = 0; i < out.data.length; i++) out.data[i] = gaussian(random) * std;
  return out;
}

/**
 * Seeded initial parameters. Each matrix draws from its own sub-stream of the seed
 * ("lab/embed", "lab/layer0/head1/wq", …): embed and pos N(0, 1); wq, wk, wv and unembed
 * N(0, 1/d); wo N(0, 1/(H·dK)); bias 0; pos all zeros without positions.
 */
export function initLabParams(shape: LabModelShape, seed: number): LabParams {
  const { vocab: V, seqLen: T, width: d, heads: H } = shape;
  const dK = labHeadDim(shape);
  const stream = (label: string) => subStream(seed, `lab/${label}`);
  const layers: LayerParams64[] = [];
  for (let l = 0; l < shape.layers; l++) {
    const heads = [];
    for (let h = 0; h < H; h++) {
      heads.push({
        wq: normal(d, dK, 1 / Math.sqrt(d), stream(`layer${l}/head${h}/wq`)), // (d, dK)
        wk: normal(d, dK, 1 / Math.sqrt(d), stream(`layer${l}/head${h}/wk`)), // (d, dK)
        wv: normal(d, dK, 1 / Math.sqrt(d), stream(`layer${l}/head${h}/wv`)), // (d, dK)
      });
    }
    layers.push({ heads, wo: normal(H * dK, d, 1 / Math.sqrt(H * dK), stream(`layer${l}/wo`)) }); // (H·dK, d)
  }
  return {
    embed: normal(V, d, 1, stream('embed')), // (V, d)
    pos: shape.positions ? normal(T, d, 1, stream('pos')) : mat64(T, d), // (T, d)
    layers,
    unembed: normal(d, V, 1 / Math.sqrt(d), stream('unembed')), // (d, V)
    bias: new Float64Array(V), // (V)
  };
}

/** Throws unless `params` has the shapes `shape` asks for; the message names the matrix and both shapes. */
export function checkLabParams(params: LabParams, shape: LabModelShape): void {
  const { vocab: V, seqLen: T, width: d } = shape;
  assertShape64('LabParams (embed)', params.embed, V, d);
  assertShape64('LabParams (pos)', params.pos, T, d);
  assertShape64('LabParams (unembed)', params.unembed, d, V);
  if (params.bias.length !== V) {
    throw new RangeError(`LabParams (bias): expected shape (${V}), got (${params.bias.length})`);
  }
  if (params.layers.length !== shape.layers) {
    throw new RangeError(`LabParams: expected ${shape.layers} layers, got ${params.layers.length}`);
  }
  const dK = labHeadDim(shape);
  params.layers.forEach((layer, l) => {
    if (layer.heads.length !== shape.heads) {
      throw new RangeError(
        `LabParams (layer ${l}): expected ${shape.heads} heads, got ${layer.heads.length}`,
      );
    }
    checkLayerParams(`LabParams (layer ${l})`, layer, d);
    assertShape64(
      `LabParams (layer ${l} head 0 wq)`,
      (layer.heads[0] as LayerParams64['heads'][number]).wq,
      d,
      dK,
    );
  });
}

/** The parameters' arrays in a fixed order: embed, pos, per layer (per head wq, wk, wv) and wo, unembed, bias. */
export function paramArrays(params: LabParams): Float64Array[] {
  return paramEntries(params).map((e) => e.data);
}

/** Each parameter array with a name that says where it sits ("layers.0.heads.1.wq"), in `paramArrays` order. */
export function paramEntries(params: LabParams): { name: string; data: Float64Array }[] {
  const out = [
    { name: 'embed', data: params.embed.data },
    { name: 'pos', data: params.pos.data },
  ];
  params.layers.forEach((layer, l) => {
    layer.heads.forEach((h, i) => {
      out.push({ name: `layers.${l}.heads.${i}.wq`, data: h.wq.data });
      out.push({ name: `layers.${l}.heads.${i}.wk`, data: h.wk.data });
      out.push({ name: `layers.${l}.heads.${i}.wv`, data: h.wv.data });
    });
    out.push({ name: `layers.${l}.wo`, data: layer.wo.data });
  });
  out.push({ name: 'unembed', data: params.unembed.data });
  out.push({ name: 'bias', data: params.bias });
  return out;
}

/** A deep copy. */
export function cloneLabParams(params: LabParams): LabParams {
  return {
    embed: cloneMat64(params.embed),
    pos: cloneMat64(params.pos),
    layers: params.layers.map((layer) => ({
      heads: layer.heads.map((h) => ({
        wq: cloneMat64(h.wq),
        wk: cloneMat64(h.wk),
        wv: cloneMat64(h.wv),
      })),
      wo: cloneMat64(layer.wo),
    })),
    unembed: cloneMat64(params.unembed),
    bias: Float64Array.from(params.bias),
  };
}

/** Zeros shaped like `params`. */
export function zeroLabParams(params: LabParams): LabParams {
  const out = cloneLabParams(params);
  for (const a of paramArrays(out)) a.fill(0);
  return out;
}

/** Everything the forward pass computed for a batch of B sequences (N = B·T rows). */
export interface LabForward {
  readonly tokens: Int32Array; // (N)
  /** The residual stream: x[0] = embed + pos, x[l + 1] = x[l] + layer l's output. */
  readonly x: readonly Mat64[]; // (N, d) each, L + 1 of them
  readonly layers: readonly LayerCache[];
  readonly logits: Mat64; // (N, V)
}

/** Flattens the examples' tokens, checking every length and id. */
function flatTokens(
  where: string,
  sequences: readonly (readonly number[])[],
  T: number,
  V: number,
): Int32Array {
  const out = new Int32Array(sequences.length * T); // (N)
  sequences.forEach((s, b) => {
    if (s.length !== T)
      throw new RangeError(`${where}: sequence ${b} has ${s.length} tokens, expected ${T}`);
    s.forEach((t, i) => {
      if (!Number.isInteger(t) || t < 0 || t >= V) {
        throw new RangeError(
          `${where}: token ${t} at (${b}, ${i}) is outside the vocabulary of ${V}`,
        );
      }
      out[b * T + i] = t;
    });
  });
  return out;
}

/** The forward pass for B sequences of T token ids each. */
export function labForward(
  params: LabParams,
  sequences: readonly (readonly number[])[],
  shape: LabModelShape,
): LabForward {
  const { seqLen: T, width: d, vocab: V } = shape;
  const tokens = flatTokens('labForward', sequences, T, V);
  const N = tokens.length;
  const x0 = mat64(N, d); // (N, d)
  for (let r = 0; r < N; r++) {
    const e = (tokens[r] as number) * d;
    const p = (r % T) * d;
    for (let c = 0; c < d; c++) {
      x0.data[r * d + c] =
        (params.embed.data[e + c] as number) +
        (shape.positions ? (params.pos.data[p + c] as number) : 0);
    }
  }
  const x: Mat64[] = [x0];
  const layers: LayerCache[] = [];
  const options = { causal: shape.causal, scale: shape.scale, seqLen: T };
  for (const layer of params.layers) {
    const prev = x[x.length - 1] as Mat64;
    const cache = layerForward(prev, layer, options);
    const next = mat64(N, d); // (N, d)
    for (let i = 0; i < next.data.length; i++) {
      next.data[i] = (prev.data[i] as number) + (cache.output.data[i] as number);
    }
    layers.push(cache);
    x.push(next);
  }
  const logits = mat64(N, V); // (N, V)
  gemm(logits.data, (x[x.length - 1] as Mat64).data, params.unembed.data, N, d, V);
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < V; c++)
      logits.data[r * V + c] = (logits.data[r * V + c] as number) + (params.bias[c] as number);
  }
  return { tokens, x, layers, logits };
}

/** Loss and accuracy counts of a batch. */
export interface LabScore {
  /** Mean cross-entropy over the answer positions (0 when there are none). */
  readonly loss: number;
  /** Answer positions whose largest logit is the target (the first largest, on a tie). */
  readonly correct: number;
  /** Answer positions (target ≥ 0). */
  readonly answers: number;
}

/** Flattened targets, checked. */
function flatTargets(examples: readonly LabExample[], T: number, V: number): Int32Array {
  const out = new Int32Array(examples.length * T); // (N)
  examples.forEach((e, b) => {
    if (e.targets.length !== T) {
      throw new RangeError(`labLoss: targets ${b} has ${e.targets.length} entries, expected ${T}`);
    }
    e.targets.forEach((t, i) => {
      if (!Number.isInteger(t) || t < -1 || t >= V) {
        throw new RangeError(
          `labLoss: target ${t} at (${b}, ${i}) is neither −1 nor a token id below ${V}`,
        );
      }
      out[b * T + i] = t;
    });
  });
  return out;
}

/**
 * Cross-entropy of the logits against the targets, and (when `dlogits` is given) its
 * gradient (Z − onehot) / N written into it.
 */
function crossEntropy(logits: Mat64, targets: Int32Array, dlogits?: Float64Array): LabScore {
  const V = logits.cols;
  let answers = 0;
  for (const t of targets) if (t >= 0) answers++;
  let total = 0;
  let correct = 0;
  const z = logits.data;
  for (let r = 0; r < logits.rows; r++) {
    const target = targets[r] as number;
    if (target < 0) continue;
    const base = r * V;
    let max = -Infinity;
    let argmax = 0;
    for (let c = 0; c < V; c++) {
      const value = z[base + c] as number;
      if (value > max) {
        max = value;
        argmax = c;
      }
    }
    let sum = 0;
    for (let c = 0; c < V; c++) sum += Math.exp((z[base + c] as number) - max);
    const logSum = max + Math.log(sum);
    total += logSum - (z[base + target] as number);
    if (argmax === target) correct++;
    if (dlogits) {
      for (let c = 0; c < V; c++)
        dlogits[base + c] = Math.exp((z[base + c] as number) - logSum) / answers;
      dlogits[base + target] = (dlogits[base + target] as number) - 1 / answers;
    }
  }
  return { loss: answers === 0 ? 0 : total / answers, correct, answers };
}

/** Loss and accuracy counts of the model on `examples` (forward only). */
export function labScore(
  params: LabParams,
  examples: readonly LabExample[],
  shape: LabModelShape,
): LabScore {
  const forward = labForward(
    params,
    examples.map((e) => e.tokens),
    shape,
  );
  return crossEntropy(forward.logits, flatTargets(examples, shape.seqLen, shape.vocab));
}

/** The loss of a batch, its accuracy counts, and the gradient of the loss for every parameter. */
export function labLossAndGrads(
  params: LabParams,
  examples: readonly LabExample[],
  shape: LabModelShape,
): LabScore & { grads: LabParams } {
  const { seqLen: T, width: d, vocab: V } = shape;
  const forward = labForward(
    params,
    examples.map((e) => e.tokens),
    shape,
  );
  const N = forward.tokens.length;
  const dlogits = new Float64Array(N * V); // (N, V)
  const score = crossEntropy(forward.logits, flatTargets(examples, T, V), dlogits);
  const xL = forward.x[forward.x.length - 1] as Mat64;
  const unembed = mat64(d, V); // (d, V)
  gemmTransA(unembed.data, xL.data, dlogits, N, d, V);
  const bias = new Float64Array(V); // (V)
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < V; c++) bias[c] = (bias[c] as number) + (dlogits[r * V + c] as number);
  }
  let dx = mat64(N, d); // (N, d)
  gemmTransB(dx.data, dlogits, params.unembed.data, N, V, d);
  const layers: LayerParams64[] = [];
  for (let l = params.layers.length - 1; l >= 0; l--) {
    const back = layerBackward(forward.layers[l] as LayerCache, dx);
    layers[l] = back.grads;
    // The residual: x(l+1) = x(l) + layer(x(l)), so dx(l) = dx(l+1) + the layer's dx.
    const next = mat64(N, d); // (N, d)
    for (let i = 0; i < next.data.length; i++)
      next.data[i] = (dx.data[i] as number) + (back.dx.data[i] as number);
    dx = next;
  }
  const embed = mat64(V, d); // (V, d)
  const pos = mat64(T, d); // (T, d)
  for (let r = 0; r < N; r++) {
    const e = (forward.tokens[r] as number) * d;
    const p = (r % T) * d;
    for (let c = 0; c < d; c++) {
      const g = dx.data[r * d + c] as number;
      embed.data[e + c] = (embed.data[e + c] as number) + g;
      if (shape.positions) pos.data[p + c] = (pos.data[p + c] as number) + g;
    }
  }
  const grads: LabParams = { embed, pos, layers, unembed, bias };
  return { ...score, grads };
}
