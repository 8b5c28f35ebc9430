/**
 * The trace, derived from the store's inputs. Each stage is cached on exactly what it
 * depends on, so typing re-runs tokenization and attention but never remakes the weights,
 * and changing the temperature never re-embeds the text.
 */
import { useDeferredValue, useMemo } from 'react';
import { embedText, traceFromEmbedded, type EmbeddedText } from '../core/trace';
import type { AttentionSettings, AttentionTrace, AttentionWeights } from '../core/types';
import type { WordVectors } from '../core/vectors';
import { makeWeights } from '../core/weights';
import { useAppStore } from './store';

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

const embedCached = memoOne((text: string, width: number, vectors: WordVectors): EmbeddedText =>
  embedText(text, width, vectors),
);
const weightsCached = memoOne(
  (
    width: number,
    heads: number,
    seed: number,
    preset: AttentionSettings['weights'],
  ): AttentionWeights => makeWeights(width, heads, seed, preset),
);

const traceCached = memoOne(traceFromEmbedded);

/** The trace for a text, settings and vector table, reusing every cached stage it can. */
export function deriveTrace(
  text: string,
  settings: AttentionSettings,
  vectors: WordVectors,
): AttentionTrace {
  const embedded = embedCached(text, settings.width, vectors);
  const weights = weightsCached(settings.width, settings.heads, settings.seed, settings.weights);
  return traceCached(embedded, settings, weights);
}

/**
 * The current trace, or null while the word vectors load. Every panel calls this hook and
 * gets the same object, because each stage above is cached. The text is deferred, so the
 * text box updates at typing speed and the panels follow as soon as React has time.
 */
export function useTrace(): AttentionTrace | null {
  const text = useDeferredValue(useAppStore((s) => s.text));
  const settings = useAppStore((s) => s.settings);
  const vectors = useAppStore((s) => s.vectors);
  return useMemo(
    () => (vectors.status === 'loading' ? null : deriveTrace(text, settings, vectors.table)),
    [text, settings, vectors.status, vectors.table],
  );
}
