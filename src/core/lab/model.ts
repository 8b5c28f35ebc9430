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
 * ("lab/embed", "lab/layer0/head1/wq", …): embed, pos, wq, wk, wv and unembed N(0, 1/d);
 * wo N(0, 1/(H·dK)); bias 0; pos all zeros without positions.
 *
 * The small embeddings (rows of norm about 1) matter: with N(0, 1) rows, one-head
 * `lookup` got stuck on about one seed in five, its query attending to itself whenever
 * the book it needed had not yet learned a value to give (a saturated softmax passes
 * almost no gradient to a key it ignores).
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
    embed: normal(V, d, 1 / Math.sqrt(d), stream('embed')), // (V, d)
    pos: shape.positions ? normal(T, d, 1 / Math.sqrt(d), stream('pos')) : mat64(T, d), // (T, d)
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

/** The residual stream x[0..L] and the layers' caches for flattened tokens (N = B·T). */
function residualStream(
  params: LabParams,
  tokens: Int32Array,
  shape: LabModelShape,
): { x: Mat64[]; layers: LayerCache[] } {
  const { seqLen: T, width: d } = shape;
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
  return { x, layers };
}

/** The rows `rows` of x_L gathered, or all of x_L when `rows` is null. */
function gatherRows(xL: Mat64, rows: Int32Array | null): Mat64 {
  if (rows === null) return xL;
  const d = xL.cols;
  const out = mat64(rows.length, d); // (R, d)
  rows.forEach((r, i) => out.data.set(xL.data.subarray(r * d, (r + 1) * d), i * d));
  return out;
}

/** logits = x·unembed + bias for the rows of x. */
function logitsOf(params: LabParams, x: Mat64): Mat64 {
  const V = params.bias.length;
  const R = x.rows;
  const logits = mat64(R, V); // (R, V)
  gemm(logits.data, x.data, params.unembed.data, R, x.cols, V);
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < V; c++) {
      logits.data[r * V + c] = (logits.data[r * V + c] as number) + (params.bias[c] as number);
    }
  }
  return logits;
}

/** The forward pass for B sequences of T token ids each, with the logits of every position. */
export function labForward(
  params: LabParams,
  sequences: readonly (readonly number[])[],
  shape: LabModelShape,
): LabForward {
  const tokens = flatTokens('labForward', sequences, shape.seqLen, shape.vocab);
  const { x, layers } = residualStream(params, tokens, shape);
  return { tokens, x, layers, logits: logitsOf(params, x[x.length - 1] as Mat64) };
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

/** The flattened tokens, the rows that carry an answer, and their targets, all checked. */
function flatBatch(
  examples: readonly LabExample[],
  shape: LabModelShape,
): { tokens: Int32Array; rows: Int32Array; targets: Int32Array } {
  const { seqLen: T, vocab: V } = shape;
  const tokens = flatTokens(
    'labLoss',
    examples.map((e) => e.tokens),
    T,
    V,
  );
  const rows: number[] = [];
  const targets: number[] = [];
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
      if (t >= 0) {
        rows.push(b * T + i);
        targets.push(t);
      }
    });
  });
  return { tokens, rows: Int32Array.from(rows), targets: Int32Array.from(targets) };
}

/**
 * Cross-entropy of each row of logits (A, V) against its target (A), and (when `dlogits` is
 * given) its gradient (Z − onehot) / A written into it.
 */
function crossEntropy(logits: Mat64, targets: Int32Array, dlogits?: Float64Array): LabScore {
  const V = logits.cols;
  const answers = targets.length;
  let total = 0;
  let correct = 0;
  const z = logits.data;
  for (let r = 0; r < answers; r++) {
    const target = targets[r] as number;
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
      for (let c = 0; c < V; c++) {
        dlogits[base + c] = Math.exp((z[base + c] as number) - logSum) / answers;
      }
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
  const { tokens, rows, targets } = flatBatch(examples, shape);
  const { x } = residualStream(params, tokens, shape);
  return crossEntropy(logitsOf(params, gatherRows(x[x.length - 1] as Mat64, rows)), targets);
}

/**
 * The loss of a batch, its accuracy counts, and the gradient of the loss for every
 * parameter. Only the answer rows get logits: the others add nothing to the loss, so
 * their dlogits, and the gradient that starts from them, are zero.
 */
export function labLossAndGrads(
  params: LabParams,
  examples: readonly LabExample[],
  shape: LabModelShape,
): LabScore & { grads: LabParams } {
  const { seqLen: T, width: d, vocab: V } = shape;
  const { tokens, rows, targets } = flatBatch(examples, shape);
  const forward = residualStream(params, tokens, shape);
  const N = tokens.length;
  const A = rows.length;
  const xA = gatherRows(forward.x[forward.x.length - 1] as Mat64, rows); // (A, d)
  const dlogits = new Float64Array(A * V); // (A, V)
  const score = crossEntropy(logitsOf(params, xA), targets, dlogits);
  const unembed = mat64(d, V); // (d, V)
  gemmTransA(unembed.data, xA.data, dlogits, A, d, V);
  const bias = new Float64Array(V); // (V)
  for (let r = 0; r < A; r++) {
    for (let c = 0; c < V; c++) bias[c] = (bias[c] as number) + (dlogits[r * V + c] as number);
  }
  const dxA = new Float64Array(A * d); // (A, d)
  gemmTransB(dxA, dlogits, params.unembed.data, A, V, d);
  const dx = mat64(N, d); // (N, d)
  rows.forEach((r, i) => dx.data.set(dxA.subarray(i * d, (i + 1) * d), r * d));
  const layers: LayerParams64[] = [];
  for (let l = params.layers.length - 1; l >= 0; l--) {
    const back = layerBackward(forward.layers[l] as LayerCache, dx);
    layers[l] = back.grads;
    // The residual: x(l+1) = x(l) + layer(x(l)), so dx(l) = dx(l+1) + the layer's dx
    // (added in place: layerBackward has finished reading dx).
    for (let i = 0; i < dx.data.length; i++) {
      dx.data[i] = (dx.data[i] as number) + (back.dx.data[i] as number);
    }
  }
  const embed = mat64(V, d); // (V, d)
  const pos = mat64(T, d); // (T, d)
  for (let r = 0; r < N; r++) {
    const e = (tokens[r] as number) * d;
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
