/**
 * The numbers of a printable worksheet: self-attention by hand for the first few tokens of
 * the sentence, at width 4 with one head, so that every number fits on paper and a student
 * can do the whole computation in about twenty minutes.
 *
 * The given inputs (X and the three weight matrices) are ROUNDED to one decimal, and the
 * answer key is then computed from the rounded inputs by the app's own attention code.
 * So the key is exactly what the app computes for those inputs, and what a careful student
 * gets by hand; rounding the inputs is the only place where the sheet departs from the
 * app, and the sheet says by how much (`unrounded` note).
 */
import { attentionHead, type AttentionOptions } from './attention';
import { matrix, type Matrix } from './matrix';
import { embedText, traceFromEmbedded } from './trace';
import type { AttentionSettings, AttentionTrace, EmbeddedToken, HeadWeights } from './types';
import type { WordVectors } from './vectors/table';

/** Model width of a worksheet: four numbers per vector fit a printed grid and a hand sum. */
export const WORKSHEET_WIDTH = 4;

/** Tokens a worksheet keeps by default: three give 3 × 3 scores, enough to see softmax choose. */
export const WORKSHEET_TOKENS = 3;

/** The most tokens a worksheet offers: beyond four the hand computation takes too long. */
export const WORKSHEET_MAX_TOKENS = 4;

/** Decimals the given inputs are rounded to: products of two such numbers have 2 decimals. */
export const WORKSHEET_DECIMALS = 1;

/** What a worksheet is made from: token texts, the input X and one head's weights. */
export interface WorksheetSource {
  readonly tokens: readonly string[];
  /** X = embeddings + positions. */
  readonly input: Matrix; // (T, dModel)
  readonly weights: HeadWeights; // (dModel, dK) each
}

/** Options of `buildWorksheet`. Attention options default to the trace's settings, else scale on, τ = 1, no mask. */
export interface WorksheetOptions extends Partial<AttentionOptions> {
  /** Keep at most this many tokens (the first ones). Default `WORKSHEET_TOKENS`. */
  readonly maxTokens?: number;
  /**
   * The tokens to keep instead, by index in the sentence: ascending, distinct, at least
   * one. Each keeps its row of X, position included, so the sheet is the attention of
   * these tokens among themselves. Overrides `maxTokens`.
   */
  readonly tokenIndices?: readonly number[];
  /** Decimals of the given inputs. Default `WORKSHEET_DECIMALS`. */
  readonly decimals?: number;
  /** The head of a multi-head trace to use. Default 0. */
  readonly head?: number;
}

/**
 * Facts the sheet must tell the reader, as data: the core holds no user-visible text
 * (the messages module words them).
 */
export type WorksheetNote =
  /** The sentence had more tokens; the sheet keeps the first `kept`. */
  | { readonly kind: 'shortened'; readonly kept: number }
  /** The teacher chose these tokens of the sentence, not simply the first ones. */
  | { readonly kind: 'chosen'; readonly words: readonly string[] }
  /** These tokens have no GloVe vector, so theirs is made up (as in the app). */
  | { readonly kind: 'unknownWords'; readonly words: readonly string[] }
  /** The word-vector table was not loaded: every vector is made up. */
  | { readonly kind: 'madeUpVectors' }
  /** X is the word vectors alone: positions are off. */
  | { readonly kind: 'noPositions' }
  /** The rounded wq and wk are equal, so K = Q and the student may copy it. */
  | { readonly kind: 'sameQK' }
  /** With the unrounded inputs the app's weights differ from the key by at most this much. */
  | { readonly kind: 'unrounded'; readonly maxWeightDifference: number };

/** Every number of the worksheet: given inputs (rounded) and the answer key. */
export interface Worksheet {
  readonly tokens: readonly string[];
  /** The part of the text the kept tokens cover (the tokens joined by spaces without a trace). */
  readonly sentence: string;
  /** The input X, rounded to `decimals`. */
  readonly x: Matrix; // (T, dModel)
  readonly wq: Matrix; // (dModel, dK), rounded
  readonly wk: Matrix; // (dModel, dK), rounded
  readonly wv: Matrix; // (dModel, dK), rounded
  readonly q: Matrix; // (T, dK)
  readonly k: Matrix; // (T, dK)
  readonly v: Matrix; // (T, dK)
  readonly scores: Matrix; // (T, T)
  readonly scaled: Matrix; // (T, T)
  /** `scaled` with −Infinity above the diagonal when the mask is on. */
  readonly masked: Matrix; // (T, T)
  readonly weights: Matrix; // (T, T)
  readonly output: Matrix; // (T, dK)
  readonly dModel: number;
  readonly dK: number;
  readonly decimals: number;
  readonly options: AttentionOptions;
  /** The app's settings the sheet was made from (at the worksheet's width and one head), if any. */
  readonly settings: AttentionSettings | null;
  readonly notes: readonly WorksheetNote[];
}

/**
 * `x` rounded to `decimals`, half away from zero (as students round), never −0: a printed
 * "−0.0" reads as a sign error.
 */
export function roundTo(x: number, decimals: number): number {
  const factor = 10 ** decimals;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * factor)) / factor;
  return r === 0 ? 0 : r;
}

/** Every entry of `m` rounded to `decimals` (stored as float32, as every matrix of the app). */
export function roundMatrix(m: Matrix, decimals: number): Matrix {
  return matrix(
    m.rows,
    m.cols,
    Float32Array.from(m.data, (x) => roundTo(x, decimals)),
  );
}

/** The rows `indices` of `m`, in that order. */
function pickRows(m: Matrix, indices: readonly number[]): Matrix {
  const data = new Float32Array(indices.length * m.cols);
  indices.forEach((r, i) => data.set(m.data.subarray(r * m.cols, (r + 1) * m.cols), i * m.cols));
  return matrix(indices.length, m.cols, data); // (indices.length, cols)
}

/** True when `indices` are whole, ascending and distinct, within 0 … `count` − 1, and not none. */
function validIndices(indices: readonly number[], count: number): boolean {
  return (
    indices.length > 0 &&
    indices.every(
      (x, i) =>
        Number.isInteger(x) && x >= 0 && x < count && (i === 0 || x > (indices[i - 1] ?? 0)),
    )
  );
}

/** True when two matrices hold the same numbers. */
function sameMatrix(a: Matrix, b: Matrix): boolean {
  return a.rows === b.rows && a.cols === b.cols && a.data.every((x, i) => x === b.data[i]);
}

/** The largest |a − b| over two matrices of one shape. */
function maxDifference(a: Matrix, b: Matrix): number {
  let max = 0;
  a.data.forEach((x, i) => (max = Math.max(max, Math.abs(x - (b.data[i] as number)))));
  return max;
}

function isTrace(source: AttentionTrace | WorksheetSource): source is AttentionTrace {
  return 'heads' in source && 'settings' in source;
}

/**
 * Builds a worksheet from a trace (one of its heads) or from tokens, input and weights:
 * keeps the first `maxTokens` tokens, rounds X, wq, wk and wv to `decimals`, and computes
 * the key from the rounded inputs with `attentionHead`, the very function the app runs,
 * so the key cannot drift from the app's arithmetic. Throws a RangeError when there is no
 * token, or when the shapes or options do not fit.
 */
export function buildWorksheet(
  source: AttentionTrace | WorksheetSource,
  options: WorksheetOptions = {},
): Worksheet {
  const maxTokens = options.maxTokens ?? WORKSHEET_TOKENS;
  const decimals = options.decimals ?? WORKSHEET_DECIMALS;
  if (!Number.isInteger(maxTokens) || maxTokens < 1) {
    throw new RangeError(`buildWorksheet: maxTokens must be a whole number ≥ 1, got ${maxTokens}`);
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new RangeError(
      `buildWorksheet: decimals must be a whole number from 0 to 6, got ${decimals}`,
    );
  }
  const trace = isTrace(source) ? source : null;
  const headIndex = options.head ?? 0;
  const head = trace ? trace.heads[headIndex] : null;
  if (trace && !head) {
    throw new RangeError(`buildWorksheet: head ${headIndex} outside ${trace.heads.length} heads`);
  }
  const allTokens = trace ? trace.tokens.map((t) => t.text) : (source as WorksheetSource).tokens;
  const input = trace ? trace.input : (source as WorksheetSource).input; // (T, dModel)
  const weights: HeadWeights = head ?? (source as WorksheetSource).weights;
  if (allTokens.length !== input.rows) {
    throw new RangeError(
      `buildWorksheet: ${allTokens.length} tokens but input has shape (${input.rows}, ${input.cols})`,
    );
  }
  if (allTokens.length === 0) throw new RangeError('buildWorksheet: the sentence has no tokens');
  const attention: AttentionOptions = {
    causal: options.causal ?? trace?.settings.causal ?? false,
    scale: options.scale ?? trace?.settings.scale ?? true,
    temperature: options.temperature ?? trace?.settings.temperature ?? 1,
  };

  const chosen = options.tokenIndices;
  if (chosen && !validIndices(chosen, allTokens.length)) {
    throw new RangeError(
      `buildWorksheet: tokenIndices must be ascending, distinct and below ${allTokens.length}, got [${chosen.join(', ')}]`,
    );
  }
  const indices = chosen ?? [...Array(Math.min(maxTokens, allTokens.length)).keys()];
  const T = indices.length;
  const tokens = indices.map((i) => allTokens[i] as string);
  const consecutive = indices.every((x, i) => x === i);
  const first = trace?.tokens[indices[0] as number];
  const last = trace?.tokens[indices[T - 1] as number];
  // The text itself keeps its own spacing and punctuation ("cat, sat"), which joined tokens lose.
  const sentence =
    trace && first && last && consecutive
      ? trace.text.slice(first.start, last.end)
      : trace && first && last
        ? trace.text.slice(trace.tokens[0]?.start ?? 0, last.end)
        : tokens.join(' ');
  // Each chosen token keeps its own row of X, its position's encoding included.
  const shownInput = pickRows(input, indices); // (T, dModel)
  const x = roundMatrix(shownInput, decimals); // (T, dModel)
  const wq = roundMatrix(weights.wq, decimals); // (dModel, dK)
  // wq = wk (the similarity preset) stays one matrix, so the sheet can say K = Q.
  const wk = weights.wk === weights.wq ? wq : roundMatrix(weights.wk, decimals); // (dModel, dK)
  const wv = roundMatrix(weights.wv, decimals); // (dModel, dK)
  const key = attentionHead(x, { wq, wk, wv }, attention);
  // The same computation on the unrounded inputs: what the app shows for the shortened sentence.
  const exact = attentionHead(shownInput, weights, attention);

  const notes: WorksheetNote[] = [];
  if (!consecutive) notes.push({ kind: 'chosen', words: tokens });
  else if (trace?.truncated || allTokens.length > T) notes.push({ kind: 'shortened', kept: T });
  if (trace?.vectors === 'made-up') {
    notes.push({ kind: 'madeUpVectors' });
  } else if (trace) {
    const words = indices
      .map((i) => trace.tokens[i] as EmbeddedToken)
      .filter((t) => !t.known)
      .map((t) => t.text);
    if (words.length > 0) notes.push({ kind: 'unknownWords', words });
  }
  if (trace && !trace.settings.positions) notes.push({ kind: 'noPositions' });
  if (sameMatrix(wq, wk)) notes.push({ kind: 'sameQK' });
  notes.push({ kind: 'unrounded', maxWeightDifference: maxDifference(key.weights, exact.weights) });

  return {
    tokens,
    sentence,
    x,
    wq,
    wk,
    wv,
    q: key.q, // (T, dK)
    k: key.k, // (T, dK)
    v: key.v, // (T, dK)
    scores: key.scores, // (T, T)
    scaled: key.scaled, // (T, T)
    masked: key.masked, // (T, T)
    weights: key.weights, // (T, T)
    output: key.output, // (T, dK)
    dModel: x.cols,
    dK: wq.cols,
    decimals,
    options: attention,
    settings: trace ? trace.settings : null,
    notes,
  };
}

/**
 * The worksheet for `text` and the app's `settings`: the text is embedded at
 * `WORKSHEET_WIDTH` with one head (the same seed, weight preset, positions, mask, scaling
 * and temperature as the app), through the app's own pipeline, so that setting the app to
 * width 4 and one head and typing the shortened sentence shows the unrounded numbers.
 */
export function worksheetFromText(
  text: string,
  settings: AttentionSettings,
  vectors: WordVectors,
  tokens: number | readonly number[] = WORKSHEET_TOKENS,
): Worksheet {
  const small: AttentionSettings = { ...settings, width: WORKSHEET_WIDTH, heads: 1 };
  if (typeof tokens !== 'number') {
    // Embedded up to the last chosen token: the ones before it keep their positions.
    const embedded = embedText(text, WORKSHEET_WIDTH, vectors, Math.max(...tokens) + 1);
    return buildWorksheet(traceFromEmbedded(embedded, small), { tokenIndices: tokens });
  }
  // Tokenizing with maxTokens marks the embedding `truncated`, which becomes the "shortened" note.
  const embedded = embedText(text, WORKSHEET_WIDTH, vectors, tokens);
  return buildWorksheet(traceFromEmbedded(embedded, small), { maxTokens: tokens });
}
