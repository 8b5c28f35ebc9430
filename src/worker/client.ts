/**
 * The main thread's side of the trace worker: creates it, sends it the word vectors, and
 * turns each request into a promise of its answer. Which requests are sent, and which
 * answers are kept, is decided by `TraceSource` and `LatestOnlyScheduler`.
 */
import type { AttentionSettings, AttentionTrace, Tokenization } from '../core/types';
import { isFailure, type FromWorker, type ToWorker } from './protocol';
import { reviveTrace } from './transfer';

/** The part of `Worker` the client uses, so tests can pass an in-process fake. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
}

/** Starts the trace worker (a module worker, which Vite bundles as its own chunk). */
export function createTraceWorker(): WorkerLike {
  return new Worker(new URL('./traceWorker.ts', import.meta.url), {
    type: 'module',
    name: 'attention-trace',
  });
}

/** A computed trace and how long the worker took for it. */
export interface WorkerResult {
  readonly trace: AttentionTrace;
  readonly elapsedMs: number;
}

/** The worker itself failed (it could not start, or a message could not be read): no answer will come. */
export class WorkerCrashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrashError';
  }
}

/** The request and its callbacks while the worker computes it. */
interface InFlight {
  readonly id: number;
  resolve(result: WorkerResult): void;
  reject(error: unknown): void;
}

/**
 * One worker and its requests. `compute` posts a request and resolves with the answer of
 * the same id (rejecting with the worker's message when it threw); when the worker itself
 * fails, every open request rejects with a WorkerCrashError and `broken` becomes true.
 */
export class TraceWorkerClient {
  private readonly inFlight = new Map<number, InFlight>();
  private crashed = false;

  /** `onCrash` is told once when the worker fails for good. */
  constructor(
    private readonly worker: WorkerLike,
    private readonly onCrash: (error: WorkerCrashError) => void = () => {},
  ) {
    worker.onmessage = (event) => this.receive(event.data as FromWorker);
    worker.onerror = (event) => {
      // Stops the browser from also reporting it as an uncaught error: it is handled here.
      event.preventDefault();
      this.crash(`the trace worker failed: ${event.message || 'it could not be started'}`);
    };
    worker.onmessageerror = () => this.crash('a message from the trace worker could not be read');
  }

  /** True once the worker has failed; the client then answers nothing. */
  get broken(): boolean {
    return this.crashed;
  }

  /** Posts `message` with `transfer` (used for the word vectors). */
  post(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  /** Asks the worker for the trace of `text` (tokenized as `tokens`) with `settings`, as request `id`. */
  compute(
    text: string,
    tokens: Tokenization,
    settings: AttentionSettings,
    id: number,
  ): Promise<WorkerResult> {
    if (this.crashed) return Promise.reject(new WorkerCrashError('the trace worker has failed'));
    return new Promise<WorkerResult>((resolve, reject) => {
      this.inFlight.set(id, { id, resolve, reject });
      this.post({ type: 'trace', id, text, tokens, settings });
    });
  }

  /** Stops the worker; open requests reject. */
  terminate(): void {
    this.worker.terminate();
    this.crash('the trace worker was stopped');
  }

  private receive(message: FromWorker): void {
    const open = this.inFlight.get(message.id);
    if (!open) return;
    this.inFlight.delete(message.id);
    if (isFailure(message)) {
      open.reject(new Error(message.error));
      return;
    }
    try {
      open.resolve({ trace: reviveTrace(message.trace), elapsedMs: message.elapsedMs });
    } catch (error) {
      open.reject(error);
    }
  }

  private crash(reason: string): void {
    if (this.crashed) return;
    this.crashed = true;
    const error = new WorkerCrashError(reason);
    for (const open of this.inFlight.values()) open.reject(error);
    this.inFlight.clear();
    this.onCrash(error);
  }
}
