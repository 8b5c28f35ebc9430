/**
 * A trained Lab model and one example sequence as the app's `AttentionTrace` for one layer,
 * so that the walkthrough's panels (Score, Softmax, Weighted sum, the graph, the exports)
 * show a trained head with exactly the numbers they show for any other.
 *
 * The layer's input is the residual stream where that layer reads it, computed in float64
 * and rounded to float32; from there the trace is made by the app's own attention steps
 * (core/attention.ts multiHeadAttention), with the layer's weights rounded to float32. How
 * the trace's fields are filled:
 *
 * - `tokens`: each token's text is its symbol in the task's vocabulary ("B7", "B?"), the
 *   text is the symbols joined by single spaces (start and end are offsets into it),
 *   `kind` 'word', `lookup` the symbol, `vocabIndex` the token id (its row of `embed`, the
 *   Lab's own vector table) and `known` true: every token has a trained vector.
 * - `vectors` is 'lab'. `settings.weights` is 'random', the closest preset the settings
 *   know; `lab` says that the weights are trained and where they came from.
 * - `positions` are the learned position embeddings (zeros without positions).
 *   `embeddings` are the rest of the layer's input: in the first layer the token
 *   embeddings themselves, in a later layer the embeddings plus what the earlier layers
 *   added. `input` = embeddings + positions (in float32, as the walkthrough adds them).
 */
import { multiHeadAttention } from '../attention';
import { add } from '../matrix';
import type { AttentionSettings, AttentionTrace, EmbeddedToken } from '../types';
import { mat64, toFloat32, type Mat64 } from './mat64';
import { labForward, labHeadDim, type LabModelShape, type LabParams } from './model';
import type { LabTask, LabTaskId } from './tasks/types';

/** What the trace was made from, beyond what `AttentionTrace` holds. */
export interface LabTraceSource {
  readonly task: LabTaskId;
  /** The layer shown (0-based) and how many the model has. */
  readonly layer: number;
  readonly layers: number;
  /** The example's token ids. */
  readonly tokenIds: readonly number[];
}

/** An `AttentionTrace` of a trained Lab layer, with where it came from. */
export type LabTrace = AttentionTrace & { readonly lab: LabTraceSource };

/** The tokens of a sequence of symbols, as the trace stores them, and their text. */
export function labTokens(
  task: LabTask,
  tokenIds: readonly number[],
): { text: string; tokens: EmbeddedToken[] } {
  let offset = 0;
  const tokens = tokenIds.map((id) => {
    const symbol = task.vocab[id];
    if (symbol === undefined) {
      throw new RangeError(
        `labTokens: token ${id} is outside the vocabulary of ${task.vocab.length}`,
      );
    }
    const start = offset;
    offset += symbol.length + 1;
    return {
      text: symbol,
      start,
      end: start + symbol.length,
      kind: 'word' as const,
      lookup: symbol,
      vocabIndex: id,
      known: true,
    };
  });
  return { text: tokens.map((t) => t.text).join(' '), tokens };
}

/**
 * The trace of layer `layer` (0-based) of a trained model on one sequence of T token ids.
 * `seed` goes into the settings (the seed the model was trained from).
 */
export function labTrace(
  task: LabTask,
  shape: LabModelShape,
  params: LabParams,
  tokenIds: readonly number[],
  layer: number,
  seed = 0,
): LabTrace {
  const weights64 = params.layers[layer];
  if (!Number.isInteger(layer) || !weights64) {
    throw new RangeError(
      `labTrace: layer ${layer} outside the model's ${params.layers.length} layers`,
    );
  }
  const forward = labForward(params, [tokenIds], shape);
  const T = tokenIds.length;
  const d = shape.width;
  const stream = forward.x[layer] as Mat64; // (T, d)
  const positions64 = mat64(T, d); // (T, d)
  if (shape.positions) positions64.data.set(params.pos.data.subarray(0, T * d));
  const rest = mat64(T, d); // (T, d)
  for (let i = 0; i < rest.data.length; i++) {
    rest.data[i] = (stream.data[i] as number) - (positions64.data[i] as number);
  }
  const embeddings = toFloat32(rest); // (T, d)
  const positions = toFloat32(positions64); // (T, d)
  const input = add(embeddings, positions); // (T, d)
  const weights = {
    heads: weights64.heads.map((h) => ({
      wq: toFloat32(h.wq),
      wk: toFloat32(h.wk),
      wv: toFloat32(h.wv),
    })),
    wo: toFloat32(weights64.wo),
  };
  const settings: AttentionSettings = {
    width: d,
    heads: shape.heads,
    seed,
    causal: shape.causal,
    scale: shape.scale,
    temperature: 1,
    weights: 'random',
    positions: shape.positions,
  };
  const { heads, concat, output } = multiHeadAttention(input, weights, settings);
  const { text, tokens } = labTokens(task, tokenIds);
  return {
    text,
    tokens,
    truncated: false,
    settings,
    vectors: 'lab',
    dK: labHeadDim(shape),
    embeddings,
    positions,
    input,
    heads,
    concat,
    wo: weights.wo,
    output,
    lab: { task: task.id, layer, layers: params.layers.length, tokenIds: [...tokenIds] },
  };
}
