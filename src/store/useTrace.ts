/**
 * The trace, derived from the store's inputs: on the main thread for small inputs, in a
 * Web Worker for large ones (the threshold is measured, see `src/worker/threshold.ts`).
 *
 * Small inputs: each stage is cached on exactly what it depends on, so typing re-runs
 * tokenization and attention but never remakes the weights, and changing the temperature
 * never re-embeds the text.
 *
 * Large inputs: one `TraceSource` for the whole app, fed by one store subscription, asks
 * the worker once per change (latest only: texts typed while it computes are skipped) and
 * the panels keep the previous trace until the answer arrives.
 *
 * Either way the panels follow the text in a transition, so typing never waits for them.
 */
import { startTransition, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { embedText, traceFromEmbedded, type EmbeddedText } from '../core/trace';
import type { AttentionSettings, AttentionTrace, AttentionWeights } from '../core/types';
import { makeWeights } from '../core/weights';
import { createTraceWorker } from '../worker/client';
import {
  TraceSource,
  type ShownTrace,
  type TraceInputs,
  type TraceStatus,
} from '../worker/traceSource';
import { getLabWalkTrace, subscribeLabWalk } from './labWalk';
import { useAppStore, type AppState } from './store';

/** 'updating' while the worker computes the latest inputs' trace, 'current' otherwise. */
export type { TraceStatus } from '../worker/traceSource';

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

/** The trace for a text, settings and vector table, computed here, reusing every cached stage it can. */
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
 * The app's one trace source. Where there is no Worker (Node, jsdom tests) it never starts
 * one and every trace is computed synchronously, as it always was.
 */
export const traceSource = new TraceSource({
  createWorker: typeof Worker === 'undefined' ? null : createTraceWorker,
});

// A hot update replaces this module and its source: stop the old source's worker with it.
import.meta.hot?.dispose(() => traceSource.dispose());
import type { WordVectors } from '../core/vectors/table';

function inputsOf(state: AppState): TraceInputs {
  return {
    text: state.text,
    settings: state.settings,
    table: state.vectors.status === 'loading' ? null : state.vectors.table,
  };
}

let connected = false;

/**
 * Feeds the source from the store, once, before the first panel reads it. A store
 * subscription rather than an effect per panel, so the worker is asked once per change;
 * and it sees the text as typed, so the worker starts at once.
 */
function connect(): void {
  if (connected) return;
  connected = true;
  let last = useAppStore.getState();
  traceSource.update(inputsOf(last));
  useAppStore.subscribe((state) => {
    if (
      state.text === last.text &&
      state.settings === last.settings &&
      state.vectors.status === last.vectors.status &&
      state.vectors.table === last.vectors.table
    ) {
      return;
    }
    last = state;
    traceSource.update(inputsOf(state));
  });
}

/** The trace `shown` stands for; small traces come from the shared cache, so every caller gets the same object. */
function traceOf(shown: ShownTrace): AttentionTrace | null {
  if (shown.kind === 'worker') return shown.trace;
  if (shown.kind === 'main') {
    return deriveTrace(shown.inputs.text, shown.inputs.settings, shown.inputs.table);
  }
  return null;
}

/**
 * The current trace, or null while the word vectors load (or, for a text that is large
 * from the start, until the worker's first answer). Every panel calls this hook and gets
 * the same object. While the worker computes, the previous trace stays.
 *
 * A new trace reaches the panels as a transition, never as an urgent update: a keystroke
 * re-renders the text box at once and no panel, and the panels follow in an interruptible
 * render that the next keystroke pre-empts. (`useSyncExternalStore` cannot do that: its
 * updates are always urgent, so every panel would re-render on every keystroke, and a
 * worker's answer would be rendered in one long task.) All panels subscribe to the same
 * source and are told in the same tick, so their updates share one transition and commit
 * together.
 */
export function useTrace(): AttentionTrace | null {
  connect();
  // "Step through this head": the walkthrough shows a trained Lab head instead of the text.
  const labWalk = useAppStore((s) => s.labWalk);
  const labTrace = useSyncExternalStore(subscribeLabWalk, getLabWalkTrace);
  // Only what is shown, not the status: "updating" alone must not re-render the panels.
  const [shown, setShown] = useState(() => traceSource.getSnapshot().shown);
  useEffect(() => {
    let current: ShownTrace | null = null;
    const follow = () => {
      const next = traceSource.getSnapshot().shown;
      // A status change alone schedules nothing.
      if (next === current) return;
      current = next;
      startTransition(() => setShown(next));
    };
    const unsubscribe = traceSource.subscribe(follow);
    // The source may have changed between this render and the subscription.
    follow();
    return unsubscribe;
  }, []);
  const textTrace = useMemo(() => traceOf(shown), [shown]);
  return labWalk && labTrace ? labTrace : textTrace;
}

function subscribeStatus(listener: () => void): () => void {
  connect();
  return traceSource.subscribe(listener);
}

/**
 * 'updating' while the worker computes the trace of the latest inputs (the panels still
 * show the previous one), 'current' otherwise; for a subtle "updating…" hint.
 */
export function useTraceStatus(): TraceStatus {
  return useSyncExternalStore(subscribeStatus, () => traceSource.getSnapshot().status);
}
