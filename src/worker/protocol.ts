/**
 * The messages between the main thread and the trace worker.
 *
 *     main -> worker   { type: 'vectors', ... }            once per word-vector table
 *     main -> worker   { type: 'trace', id, text, tokens, settings }  one per computed trace
 *     worker -> main   { id, trace, elapsedMs }             the answer, buffers transferred
 *     worker -> main   { id, error }                        the computation threw
 *
 * The table is sent once, not with every request: it is 6 MB, and a request is a sentence.
 * Ids increase with every request, so the main thread can tell the answer to its latest
 * request from a stale one (see `LatestOnlyScheduler`). A request carries the tokens the
 * main thread already made, so the text is tokenized once per change, not once per thread.
 */
import type { WordVectors } from '../core/vectors/table';
import type { AttentionSettings, AttentionTrace, Tokenization } from '../core/types';

/**
 * The word-vector table the worker computes with from now on. 'glove' carries the bytes of
 * the AGWV file (transferred, so the main thread gives them up), which the worker parses
 * with `parseWordVectors`; 'made-up' tells it to use `madeUpWordVectors()`, which has no
 * bytes to send.
 */
export type VectorsMessage =
  | { readonly type: 'vectors'; readonly source: 'glove'; readonly bytes: ArrayBuffer }
  | { readonly type: 'vectors'; readonly source: 'made-up' };

/** Compute the trace of `text` (tokenized as `tokens`) with `settings` and the last table sent. */
export interface TraceRequestMessage {
  readonly type: 'trace';
  /** Increases with every request; the answer carries it back. */
  readonly id: number;
  readonly text: string;
  /** `text`'s tokens, as the main thread made them (a few kB: copied, not transferred). */
  readonly tokens: Tokenization;
  readonly settings: AttentionSettings;
}

/**
 * The message that gives a worker `table`, and the buffers to transfer with it; null when
 * it cannot be sent: a GloVe table whose file `bytes` this thread no longer has (never
 * kept, or already given to a worker: a transferred buffer is empty on this side).
 * The bytes are transferred, not copied, so after the post they are detached here.
 */
export function vectorsMessage(
  table: WordVectors,
  bytes: ArrayBuffer | null,
): { message: VectorsMessage; transfer: ArrayBuffer[] } | null {
  if (table.source === 'made-up') {
    return { message: { type: 'vectors', source: 'made-up' }, transfer: [] };
  }
  if (!bytes || bytes.byteLength === 0) return null;
  return { message: { type: 'vectors', source: 'glove', bytes }, transfer: [bytes] };
}

/** Everything the main thread sends the worker. */
export type ToWorker = VectorsMessage | TraceRequestMessage;

/** A computed trace. Every matrix's buffer was transferred, not copied. */
export interface TraceAnswer {
  readonly id: number;
  readonly trace: AttentionTrace;
  /** How long the computation took inside the worker, in ms (for diagnostics and benchmarks). */
  readonly elapsedMs: number;
}

/** The computation of request `id` threw; `error` is its message. */
export interface TraceFailure {
  readonly id: number;
  readonly error: string;
}

/** Everything the worker sends back: exactly one per trace request. */
export type FromWorker = TraceAnswer | TraceFailure;

/** True when `message` is a failure rather than a trace. */
export function isFailure(message: FromWorker): message is TraceFailure {
  return 'error' in message;
}
