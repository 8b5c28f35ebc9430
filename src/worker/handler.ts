/**
 * The trace worker's logic as a plain function, so Node tests can feed it messages and
 * read its answers without a Worker; `traceWorker.ts` only connects it to `postMessage`.
 */
import { embedTokenized, traceFromEmbedded } from '../core/trace';
import type { FromWorker, ToWorker } from './protocol';
import { collectTransferables } from './transfer';
import { parseWordVectors } from '../core/vectors/format';
import { madeUpWordVectors, type WordVectors } from '../core/vectors/table';

/** An answer to post and the buffers to transfer with it. */
export interface Reply {
  readonly message: FromWorker;
  readonly transfer: ArrayBuffer[];
}

/** Handles one message; returns the reply to post, or null when the message needs none. */
export type TraceHandler = (message: ToWorker) => Reply | null;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Makes the worker's message handler, which holds the word-vector table between messages.
 * A 'vectors' message replaces the table (a corrupt file is remembered as the reason later
 * requests fail); a 'trace' message is answered with the trace and its buffers to
 * transfer, or with the error it threw. `now` is the clock for `elapsedMs`.
 *
 * Nothing computed is cached here, on purpose: every buffer of an answer is transferred,
 * which empties it on this side, so a cached embedding or weight matrix would be found
 * detached on the next request. Weights take well under a millisecond to remake.
 */
export function createTraceHandler(now: () => number = () => performance.now()): TraceHandler {
  let vectors: WordVectors | null = null;
  let vectorsError = 'no word vectors were sent to the worker';
  return (message) => {
    if (message.type === 'vectors') {
      try {
        vectors =
          message.source === 'made-up' ? madeUpWordVectors() : parseWordVectors(message.bytes);
      } catch (error) {
        vectors = null;
        vectorsError = `the worker could not read the word vectors: ${describe(error)}`;
      }
      return null;
    }
    const { id, text, tokens, settings } = message;
    if (!vectors) return { message: { id, error: vectorsError }, transfer: [] };
    try {
      const start = now();
      // The main thread sent its tokens: the text is not tokenized a second time here.
      const embedded = embedTokenized(text, tokens, settings.width, vectors);
      const trace = traceFromEmbedded(embedded, settings);
      return {
        message: { id, trace, elapsedMs: now() - start },
        transfer: collectTransferables(trace),
      };
    } catch (error) {
      return { message: { id, error: describe(error) }, transfer: [] };
    }
  };
}
