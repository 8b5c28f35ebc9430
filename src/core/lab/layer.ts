/**
 * One multi-head attention layer in float64, forward and hand-derived backward, WITHOUT the
 * residual connection (the model adds it: x(l+1) = x(l) + layerForward(x(l)).output).
 *
 * Forward, per head h, for the rows of one sequence (T of them):
 *
 *     Q = X·wq, K = X·wk, V = X·wv                          (T, dK) each
 *     S = s · Q·Kᵀ,  s = 1/√dK (or 1 without scaling)       (T, T)
 *     S_ij = −∞ where j > i (causal mask only)
 *     P = softmax of each row of S                          (T, T)
 *     O_h = P·V                                             (T, dK)
 *     output = [O_1 … O_H]·wo                               (T, d)
 *
 * Backward, given dOut = ∂L/∂output (T, d), by the chain rule through each line above:
 *
 *     dwo = concatᵀ·dOut                                    (H·dK, d)
 *     dConcat = dOut·woᵀ, and dO_h its columns of head h    (T, dK)
 *     dV = Pᵀ·dO                                            (T, dK)
 *     dP = dO·Vᵀ                                            (T, T)
 *     dS = P ⊙ (dP − rowsum(dP ⊙ P))                        (T, T)
 *     dQ = s · dS·K,  dK = s · dSᵀ·Q                        (T, dK) each
 *     dwq = Xᵀ·dQ, dwk = Xᵀ·dK, dwv = Xᵀ·dV                 (d, dK) each
 *     dX = Σ_h dQ·wqᵀ + dK·wkᵀ + dV·wvᵀ                     (T, d)
 *
 * The softmax line is the heart of it. For one row p = softmax(s), ∂p_j/∂s_k = p_j(δ_jk − p_k),
 * so dS_k = Σ_j dP_j p_j (δ_jk − p_k) = p_k (dP_k − Σ_j dP_j p_j). A masked entry has p = 0,
 * so its dS is 0 and no gradient flows to a key the query could not see.
 *
 * A batch is many sequences stacked row-wise: with `seqLen` = T, X (B·T, d) holds B
 * sequences one after the other, the projections run on all rows at once, and attention
 * (S, P, O) runs within each sequence only, never across two.
 */
import { assertShape64, gemm, gemmTransA, gemmTransB, mat64, type Mat64 } from './mat64';

export type { Mat64 } from './mat64';

/** The parameters of one head: each (d, dK). */
export interface HeadParams64 {
  readonly wq: Mat64; // (d, dK)
  readonly wk: Mat64; // (d, dK)
  readonly wv: Mat64; // (d, dK)
}

/** The parameters of one layer: its heads and the output projection wo (H·dK, d). */
export interface LayerParams64 {
  readonly heads: readonly HeadParams64[];
  readonly wo: Mat64; // (H·dK, d)
}

/** How the layer attends. */
export interface LayerOptions {
  /** Mask out keys after the query (j > i). */
  readonly causal: boolean;
  /** Divide the scores by √dK. */
  readonly scale: boolean;
  /**
   * Rows per sequence: the input holds rows / seqLen sequences one after the other, and
   * attention stays within each. Defaults to all the rows (one sequence).
   */
  readonly seqLen?: number;
}

/** Every intermediate of one head, for all the rows of the input. */
export interface HeadCache {
  readonly q: Mat64; // (N, dK)
  readonly k: Mat64; // (N, dK)
  readonly v: Mat64; // (N, dK)
  /** Softmax probabilities: row r holds its weights over the T keys of its own sequence. */
  readonly weights: Mat64; // (N, T)
  /** weights·v within each sequence. */
  readonly output: Mat64; // (N, dK)
}

/** What `layerForward` computed, kept for `layerBackward` and for showing the attention. */
export interface LayerCache {
  /** The input X. */
  readonly x: Mat64; // (N, d)
  readonly params: LayerParams64;
  readonly causal: boolean;
  readonly scale: boolean;
  /** Rows per sequence T; N = B·T. */
  readonly seqLen: number;
  /** The score factor s: 1/√dK when scaling, else 1. */
  readonly factor: number;
  readonly heads: readonly HeadCache[];
  /** The heads' softmax probabilities, `heads[h].weights`: (T, T) for a single sequence. */
  readonly weights: readonly Mat64[]; // (N, T) each
  /** The heads' outputs side by side. */
  readonly concat: Mat64; // (N, H·dK)
  /** concat·wo: what the layer adds to the residual stream. */
  readonly output: Mat64; // (N, d)
}

/**
 * Checks that `p` fits an input of width `d`: every wq, wk, wv (d, dK) with one dK, and wo
 * (H·dK, d). Returns dK.
 */
export function checkLayerParams(where: string, p: LayerParams64, d: number): number {
  const first = p.heads[0];
  if (!first) throw new RangeError(`${where}: a layer needs at least one head`);
  const dK = first.wq.cols;
  p.heads.forEach((h, i) => {
    assertShape64(`${where} (head ${i} wq)`, h.wq, d, dK);
    assertShape64(`${where} (head ${i} wk)`, h.wk, d, dK);
    assertShape64(`${where} (head ${i} wv)`, h.wv, d, dK);
  });
  assertShape64(`${where} (wo)`, p.wo, p.heads.length * dK, d);
  return dK;
}

/** Rows per sequence, checked against the number of rows. */
function sequenceLength(where: string, rows: number, seqLen: number | undefined): number {
  const T = seqLen ?? rows;
  if (!Number.isInteger(T) || T < 1 || rows % T !== 0) {
    throw new RangeError(`${where}: ${rows} rows do not split into sequences of ${T}`);
  }
  return T;
}

/**
 * Attention of one head within each sequence: the softmax probabilities P (N, T) and
 * O = P·V (N, dK). Each row's maximum is subtracted before exp, so nothing overflows; the
 * diagonal is never masked, so every row has a finite maximum.
 */
function attend(
  q: Mat64,
  k: Mat64,
  v: Mat64,
  T: number,
  causal: boolean,
  factor: number,
): { weights: Mat64; output: Mat64 } {
  const N = q.rows;
  const dK = q.cols;
  const P = new Float64Array(N * T); // (N, T)
  const O = new Float64Array(N * dK); // (N, dK)
  const qd = q.data;
  const kd = k.data;
  const vd = v.data;
  for (let base = 0; base < N; base += T) {
    for (let i = 0; i < T; i++) {
      const r = base + i;
      const limit = causal ? i + 1 : T;
      const pr = r * T;
      const qr = r * dK;
      let max = -Infinity;
      for (let j = 0; j < limit; j++) {
        const kj = (base + j) * dK;
        let dot = 0;
        for (let c = 0; c < dK; c++) dot += (qd[qr + c] as number) * (kd[kj + c] as number);
        const s = dot * factor;
        P[pr + j] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let j = 0; j < limit; j++) {
        const e = Math.exp((P[pr + j] as number) - max);
        P[pr + j] = e;
        sum += e;
      }
      // sum ≥ 1: the maximum contributes exp(0).
      const inv = 1 / sum;
      for (let j = 0; j < limit; j++) {
        const p = (P[pr + j] as number) * inv;
        P[pr + j] = p;
        const vj = (base + j) * dK;
        for (let c = 0; c < dK; c++) O[qr + c] = (O[qr + c] as number) + p * (vd[vj + c] as number);
      }
    }
  }
  return { weights: mat64(N, T, P), output: mat64(N, dK, O) };
}

/**
 * One head's wq, wk and wv side by side, (d, 3·dK): one product X·[wq wk wv] gives Q, K and V
 * together, with inner loops three times longer than three separate products.
 */
function packHead(w: HeadParams64, d: number, dK: number): Float64Array {
  const packed = new Float64Array(d * 3 * dK); // (d, 3·dK)
  for (let i = 0; i < d; i++) {
    packed.set(w.wq.data.subarray(i * dK, (i + 1) * dK), i * 3 * dK);
    packed.set(w.wk.data.subarray(i * dK, (i + 1) * dK), i * 3 * dK + dK);
    packed.set(w.wv.data.subarray(i * dK, (i + 1) * dK), i * 3 * dK + 2 * dK);
  }
  return packed;
}

/** Column block `block` (0, 1 or 2) of a (rows, 3·dK) array, as a (rows, dK) matrix. */
function unpackBlock(packed: Float64Array, rows: number, dK: number, block: number): Mat64 {
  const out = mat64(rows, dK); // (rows, dK)
  for (let r = 0; r < rows; r++) {
    const from = r * 3 * dK + block * dK;
    out.data.set(packed.subarray(from, from + dK), r * dK);
  }
  return out;
}

/**
 * One multi-head attention layer, forward: x (N, d) with N = B·T rows (B sequences of
 * `options.seqLen` tokens; one sequence by default). Returns every intermediate; `output`
 * (N, d) is concat·wo, without the residual.
 */
export function layerForward(x: Mat64, p: LayerParams64, options: LayerOptions): LayerCache {
  const N = x.rows;
  const d = x.cols;
  const dK = checkLayerParams('layerForward', p, d);
  const T = sequenceLength('layerForward', N, options.seqLen);
  const H = p.heads.length;
  const factor = options.scale ? 1 / Math.sqrt(dK) : 1;
  const concat = new Float64Array(N * H * dK); // (N, H·dK)
  const heads: HeadCache[] = p.heads.map((w, h) => {
    const qkv = new Float64Array(N * 3 * dK); // (N, 3·dK)
    gemm(qkv, x.data, packHead(w, d, dK), N, d, 3 * dK);
    const q = unpackBlock(qkv, N, dK, 0); // (N, dK)
    const k = unpackBlock(qkv, N, dK, 1); // (N, dK)
    const v = unpackBlock(qkv, N, dK, 2); // (N, dK)
    const { weights, output } = attend(q, k, v, T, options.causal, factor); // (N, T), (N, dK)
    for (let r = 0; r < N; r++) {
      concat.set(output.data.subarray(r * dK, (r + 1) * dK), r * H * dK + h * dK);
    }
    return { q, k, v, weights, output };
  });
  const output = mat64(N, d); // (N, d)
  gemm(output.data, concat, p.wo.data, N, H * dK, d);
  return {
    x,
    params: p,
    causal: options.causal,
    scale: options.scale,
    seqLen: T,
    factor,
    heads,
    weights: heads.map((h) => h.weights),
    concat: mat64(N, H * dK, concat),
    output,
  };
}

/**
 * The backward pass of `layerForward` (formulas in the module comment): given
 * dOutput = ∂L/∂output (N, d), returns dx = ∂L/∂x (N, d) through the layer alone (the
 * model adds the residual's identity path) and the gradient of every parameter.
 */
export function layerBackward(
  cache: LayerCache,
  dOutput: Mat64,
): { dx: Mat64; grads: LayerParams64 } {
  const { x, params, seqLen: T, factor, causal } = cache;
  const N = x.rows;
  const d = x.cols;
  const H = params.heads.length;
  const dK = cache.concat.cols / H;
  const HdK = H * dK;
  assertShape64('layerBackward (dOutput)', dOutput, N, d);
  const wo = mat64(HdK, d); // (H·dK, d)
  gemmTransA(wo.data, cache.concat.data, dOutput.data, N, HdK, d);
  const dConcat = new Float64Array(N * HdK); // (N, H·dK)
  gemmTransB(dConcat, dOutput.data, params.wo.data, N, d, HdK);
  const dx = mat64(N, d); // (N, d)
  const dO = new Float64Array(N * dK); // (N, dK)
  const dPRow = new Float64Array(T); // (T)
  // [dQ dK dV] side by side, so that one product gives the three weight gradients.
  const dqkv = new Float64Array(N * 3 * dK); // (N, 3·dK)
  const dW = new Float64Array(d * 3 * dK); // (d, 3·dK)
  const S = 3 * dK;
  const heads: HeadParams64[] = [];
  for (let h = 0; h < H; h++) {
    const { q, k, v, weights } = cache.heads[h] as HeadCache;
    const w = params.heads[h] as HeadParams64;
    for (let r = 0; r < N; r++)
      dO.set(dConcat.subarray(r * HdK + h * dK, r * HdK + (h + 1) * dK), r * dK);
    if (h > 0) dqkv.fill(0);
    const P = weights.data;
    const qd = q.data;
    const kd = k.data;
    const vd = v.data;
    for (let base = 0; base < N; base += T) {
      for (let i = 0; i < T; i++) {
        const r = base + i;
        const limit = causal ? i + 1 : T;
        const pr = r * T;
        const or = r * dK;
        const dqr = r * S;
        // A row that no loss reaches (dO_i = 0: in the last layer, every position without
        // an answer) adds exactly zero to every gradient below, so it is skipped.
        let reached = false;
        for (let c = 0; c < dK; c++) {
          if (dO[or + c] !== 0) {
            reached = true;
            break;
          }
        }
        if (!reached) continue;
        // dP_ij = dO_i · v_j, and rowDot = Σ_j dP_ij P_ij.
        let rowDot = 0;
        for (let j = 0; j < limit; j++) {
          const vj = (base + j) * dK;
          let dot = 0;
          for (let c = 0; c < dK; c++) dot += (dO[or + c] as number) * (vd[vj + c] as number);
          dPRow[j] = dot;
          rowDot += dot * (P[pr + j] as number);
        }
        for (let j = 0; j < limit; j++) {
          const pij = P[pr + j] as number;
          // dS_ij = P_ij (dP_ij − rowDot); the factor s of S = s·QKᵀ goes with it.
          const ds = pij * ((dPRow[j] as number) - rowDot) * factor;
          const kj = (base + j) * dK;
          const dkj = (base + j) * S + dK;
          const dvj = dkj + dK;
          for (let c = 0; c < dK; c++) {
            dqkv[dqr + c] = (dqkv[dqr + c] as number) + ds * (kd[kj + c] as number);
            dqkv[dkj + c] = (dqkv[dkj + c] as number) + ds * (qd[or + c] as number);
            dqkv[dvj + c] = (dqkv[dvj + c] as number) + pij * (dO[or + c] as number);
          }
        }
      }
    }
    gemmTransA(dW, x.data, dqkv, N, d, S); // (d, 3·dK): [dwq dwk dwv] = Xᵀ·[dQ dK dV]
    heads.push({
      wq: unpackBlock(dW, d, dK, 0), // (d, dK)
      wk: unpackBlock(dW, d, dK, 1), // (d, dK)
      wv: unpackBlock(dW, d, dK, 2), // (d, dK)
    });
    gemmTransB(dx.data, dqkv, packHead(w, d, dK), N, S, d, true); // (N, d) += [dQ dK dV]·[wq wk wv]ᵀ
  }
  const grads: LayerParams64 = { heads, wo };
  return { dx, grads };
}
