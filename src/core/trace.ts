/**
 * The whole pipeline, text to `AttentionTrace`, and the trace's JSON document (the format
 * of `npm run trace` and of the app's export).
 *
 *     text -> tokenize -> embed (+ positions) -> per head: project Q, K, V -> scores
 *          -> scale -> mask -> softmax -> weighted sum -> concat -> output projection
 */
import { multiHeadAttention } from './attention';
import { add, matrix, toRows, type Matrix } from './matrix';
import { positionalEncoding } from './positions';
import { tokenize, MAX_TOKENS } from './tokenizer';
import { HEAD_MATRICES, type HeadMatrixName } from './traceParts';
import type {
  AttentionSettings,
  AttentionTrace,
  AttentionWeights,
  EmbeddedToken,
  Tokenization,
  VectorSource,
} from './types';
import { settingsProblems } from './settings';
import { headDim, makeWeights } from './weights';
import type { WordVectors } from './vectors/table';
import { embedTokens } from './vectors/projection';
import type { TraceModelJson } from './learnedWeights';

/** Embeddings of the text's tokens, before positions. */
export interface EmbeddedText {
  readonly text: string;
  readonly tokens: readonly EmbeddedToken[];
  readonly truncated: boolean;
  readonly vectors: VectorSource;
  readonly embeddings: Matrix; // (T, width)
}

/** Tokenizes `text` and looks every token up: the part of the pipeline that depends only on text and width. */
export function embedText(
  text: string,
  width: number,
  vectors: WordVectors,
  maxTokens = MAX_TOKENS,
): EmbeddedText {
  return embedTokenized(text, tokenize(text, { maxTokens }), width, vectors);
}

/**
 * Looks up every token of `tokenization` (the tokens of `text`, already made): the
 * embedding step for a caller that tokenized once and reuses the tokens, as the app does
 * for the trace, the worker's request and the lesson link.
 */
export function embedTokenized(
  text: string,
  tokenization: Tokenization,
  width: number,
  vectors: WordVectors,
): EmbeddedText {
  const { tokens, truncated } = tokenization;
  const { lookups, embeddings } = embedTokens(tokens, vectors, width); // (T, width)
  const embedded = tokens.map((token, i) => ({
    ...token,
    ...(lookups[i] as (typeof lookups)[number]),
  }));
  return { text, tokens: embedded, truncated, vectors: vectors.source, embeddings };
}

/**
 * Runs attention on already embedded text with already made weights (made from the
 * settings when not given): the part that depends on the settings. Throws a RangeError
 * listing every problem with `settings`.
 */
export function traceFromEmbedded(
  embedded: EmbeddedText,
  settings: AttentionSettings,
  givenWeights?: AttentionWeights,
): AttentionTrace {
  const problems = settingsProblems(settings);
  if (problems.length > 0) throw new RangeError(`invalid settings: ${problems.join('; ')}`);
  // Made only after the check, so that bad settings report every problem, not makeWeights' first.
  const weights =
    givenWeights ?? makeWeights(settings.width, settings.heads, settings.seed, settings.weights);
  const T = embedded.tokens.length;
  const dModel = settings.width;
  const positions = settings.positions ? positionalEncoding(T, dModel) : matrix(T, dModel); // (T, dModel)
  const input = add(embedded.embeddings, positions); // (T, dModel)
  const { heads, concat, output } = multiHeadAttention(input, weights, settings);
  return {
    text: embedded.text,
    tokens: embedded.tokens,
    truncated: embedded.truncated,
    settings,
    vectors: embedded.vectors,
    dK: headDim(dModel, settings.heads),
    embeddings: embedded.embeddings,
    positions,
    input,
    heads,
    concat,
    wo: weights.wo,
    output,
  };
}

/** The whole pipeline: text and settings in, every intermediate out. */
export function computeTrace(
  text: string,
  settings: AttentionSettings,
  vectors: WordVectors,
): AttentionTrace {
  return traceFromEmbedded(embedText(text, settings.width, vectors), settings);
}

/** A matrix in the JSON document: rows of numbers, `null` standing for -Infinity (a masked score). */
export type JsonMatrix = (number | null)[][];

/** The trace as written by `npm run trace` and the app's JSON export. */
export interface TraceJson {
  readonly format: 'attention-graph-trace';
  readonly version: 1;
  readonly text: string;
  readonly truncated: boolean;
  readonly vectors: VectorSource;
  readonly tokens: {
    text: string;
    start: number;
    end: number;
    kind: string;
    lookup: string;
    vocabIndex: number | null;
    known: boolean;
  }[];
  readonly settings: AttentionSettings;
  readonly dK: number;
  readonly embeddings: JsonMatrix;
  readonly positions: JsonMatrix;
  readonly input: JsonMatrix;
  readonly heads: Record<HeadMatrixName, JsonMatrix>[];
  readonly concat: JsonMatrix;
  readonly wo: JsonMatrix;
  readonly output: JsonMatrix;
  /** With learned weights: what was trained, on what, and each head's measured pattern. */
  readonly model?: TraceModelJson;
}

/**
 * The shortest decimal that reads back as the same float32, so the JSON is exact and
 * short (0.1 rather than 0.10000000149011612). -Infinity becomes null: JSON has no infinity.
 */
export function float32ToJson(x: number): number | null {
  if (x === -Infinity) return null;
  if (!Number.isFinite(x)) throw new RangeError(`float32ToJson: ${x} cannot be exported`);
  if (x === 0) return 0;
  const f = Math.fround(x);
  for (let digits = 6; digits < 9; digits++) {
    const candidate = Number(f.toPrecision(digits));
    if (Math.fround(candidate) === f) return candidate;
  }
  return Number(f.toPrecision(9));
}

/** A matrix as JSON rows with float32-exact numbers. */
export function matrixToJson(m: Matrix): JsonMatrix {
  return toRows(m).map((r) => r.map(float32ToJson));
}

/** The JSON document of a trace. */
export function traceToJson(trace: AttentionTrace): TraceJson {
  return {
    format: 'attention-graph-trace',
    version: 1,
    text: trace.text,
    truncated: trace.truncated,
    vectors: trace.vectors,
    tokens: trace.tokens.map((t) => ({
      text: t.text,
      start: t.start,
      end: t.end,
      kind: t.kind,
      lookup: t.lookup,
      vocabIndex: t.vocabIndex,
      known: t.known,
    })),
    settings: { ...trace.settings },
    dK: trace.dK,
    embeddings: matrixToJson(trace.embeddings),
    positions: matrixToJson(trace.positions),
    input: matrixToJson(trace.input),
    heads: trace.heads.map(
      (h) =>
        Object.fromEntries(HEAD_MATRICES.map((name) => [name, matrixToJson(h[name])])) as Record<
          HeadMatrixName,
          JsonMatrix
        >,
    ),
    concat: matrixToJson(trace.concat),
    wo: matrixToJson(trace.wo),
    output: matrixToJson(trace.output),
  };
}
