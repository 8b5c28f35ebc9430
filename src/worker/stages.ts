/**
 * The trace derived on the main thread, stage by stage, each stage cached on exactly what
 * it depends on: the tokens on the text, the embedding on the tokens, the width and the
 * table, the weights on their settings, attention on all of them. So typing re-runs
 * tokenizing and attention but never remakes the weights, a width change re-embeds but
 * does not re-tokenize, and a temperature change re-runs attention only.
 */
import { embedTokenized, traceFromEmbedded, type EmbeddedText } from '../core/trace';
import type {
  AttentionSettings,
  AttentionTrace,
  AttentionWeights,
  Tokenization,
} from '../core/types';
import type { WordVectors } from '../core/vectors/table';
import { makeWeights } from '../core/weights';

/** A one-entry cache: the last key and its value. */
function memoOne<K extends readonly unknown[], V>(compute: (...key: K) => V): (...key: K) => V {
  let lastKey: K | null = null;
  let lastValue: V | undefined;
  return (...key: K) => {
    if (
      lastKey === null ||
      key.length !== lastKey.length ||
      key.some((k, i) => !Object.is(k, (lastKey as K)[i]))
    ) {
      lastValue = compute(...key);
      lastKey = key;
    }
    return lastValue as V;
  };
}

/** Derives traces on the main thread from `tokenize`'s tokens (which should be cached per text). */
export type TraceStages = (
  text: string,
  settings: AttentionSettings,
  table: WordVectors,
  learned?: AttentionWeights | null,
) => AttentionTrace;

/**
 * Stages with their own caches. `tokenize` gives the tokens of a text; passing the app's
 * shared cache means the trace, the worker's requests and the lesson link use one
 * tokenization per text.
 */
export function createTraceStages(tokenize: (text: string) => Tokenization): TraceStages {
  const embed = memoOne(
    (text: string, tokens: Tokenization, width: number, table: WordVectors): EmbeddedText =>
      embedTokenized(text, tokens, width, table),
  );
  const weights = memoOne(
    (
      width: number,
      heads: number,
      seed: number,
      preset: AttentionSettings['weights'],
    ): AttentionWeights => makeWeights(width, heads, seed, preset),
  );
  const attend = memoOne(traceFromEmbedded);
  return (text, settings, table, learned = null) => {
    const embedded = embed(text, tokenize(text), settings.width, table);
    return attend(
      embedded,
      settings,
      // The learned preset's weights come from the file (src/data/learnedWeights.ts).
      learned ?? weights(settings.width, settings.heads, settings.seed, settings.weights),
    );
  };
}
