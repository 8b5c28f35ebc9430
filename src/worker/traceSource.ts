/**
 * Where the trace comes from: the main thread for small inputs, the worker for large ones
 * (see `threshold.ts`), and what the panels show meanwhile. One instance serves the whole
 * app and is fed once per change of the inputs, so the worker is asked once per change
 * however many panels read the trace.
 *
 * The source never computes a trace on the main thread itself. Its snapshot says what the
 * panels should show: for small inputs, the inputs themselves (`useTrace` derives the trace
 * from them while React renders, from a shared cache); for large ones, the worker's latest
 * answer, and until the first one arrives, whatever was shown before (the last small
 * inputs). So a text that grows large keeps its last trace on screen until the worker's
 * answer replaces it.
 */
import type { AttentionSettings, AttentionTrace } from '../core/types';
import { WorkerCrashError, TraceWorkerClient, type WorkerLike, type WorkerResult } from './client';
import { LatestOnlyScheduler } from './scheduler';
import { countTokens, isLargeText } from './threshold';
import { canSendVectors, takeVectorsMessage } from './vectorBytes';
import type { WordVectors } from '../core/vectors/table';

/** What the trace depends on. `table` is null while the word vectors load (there is no trace). */
export interface TraceInputs {
  readonly text: string;
  readonly settings: AttentionSettings;
  readonly table: WordVectors | null;
}

/** Trace inputs with a table. */
export type ReadyInputs = TraceInputs & { readonly table: WordVectors };

/** Where the trace of some inputs is computed; 'none' while the vectors load. */
export type TraceLocation = 'none' | 'main' | 'worker';

/** 'updating' while the worker computes a trace for the latest inputs; 'current' otherwise. */
export type TraceStatus = 'current' | 'updating';

/** What the panels show. */
export type ShownTrace =
  /** Nothing: the vectors load, or the inputs were large from the start and the worker has not answered. */
  | { readonly kind: 'none' }
  /** The trace of these (small) inputs, derived on the main thread from a shared cache. */
  | { readonly kind: 'main'; readonly inputs: ReadyInputs }
  /** The worker's latest answer. */
  | { readonly kind: 'worker'; readonly trace: AttentionTrace; readonly elapsedMs: number };

/** The source's state. A new object only when something in it changed. */
export interface TraceSnapshot {
  readonly shown: ShownTrace;
  readonly status: TraceStatus;
}

/** How a `TraceSource` reaches a worker and decides what is large. */
export interface TraceSourceOptions {
  /** Starts a worker, or null where there is none (Node, jsdom): everything stays on the main thread. */
  readonly createWorker: (() => WorkerLike) | null;
  /** True when `text` with `settings` is large (default: `isLargeText`). */
  readonly isLarge?: (
    text: string,
    settings: AttentionSettings,
    count: (text: string) => number,
  ) => boolean;
  /** Told about a failed worker computation; the app keeps showing the previous trace (default: console.warn). */
  readonly onFailure?: (error: unknown) => void;
}

/** How many texts' token counts are remembered: the store's text and React's deferred copy, with room. */
const COUNT_CACHE_SIZE = 4;

const NONE: ShownTrace = { kind: 'none' };

/** Holds where the trace comes from and, for large inputs, what is shown; see the module comment. */
export class TraceSource {
  private snapshot: TraceSnapshot = { shown: NONE, status: 'current' };
  private readonly listeners = new Set<() => void>();
  private readonly counts = new Map<string, number>();
  private last: TraceInputs | null = null;
  private client: TraceWorkerClient | null = null;
  private scheduler: LatestOnlyScheduler<ReadyInputs, WorkerResult> | null = null;
  private sentTable: WordVectors | null = null;
  private broken = false;
  private readonly isLarge: NonNullable<TraceSourceOptions['isLarge']>;
  private readonly onFailure: (error: unknown) => void;

  /** A source with no worker started yet; one is started at the first large input. */
  constructor(private readonly options: TraceSourceOptions) {
    this.isLarge = options.isLarge ?? isLargeText;
    this.onFailure =
      options.onFailure ??
      ((error) =>
        console.warn(
          'Attention Graph: the trace worker failed; showing the previous trace.',
          error,
        ));
  }

  /** Subscribes to snapshot changes (for `useSyncExternalStore`); returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current snapshot (for `useSyncExternalStore`). */
  readonly getSnapshot = (): TraceSnapshot => this.snapshot;

  /**
   * Where the trace of `inputs` is computed. Pure given the source's state (which only
   * changes together with a new snapshot), so render code may call it.
   */
  locate(inputs: TraceInputs): TraceLocation {
    if (!inputs.table) return 'none';
    if (!this.canOffload(inputs.table)) return 'main';
    return this.isLarge(inputs.text, inputs.settings, this.count) ? 'worker' : 'main';
  }

  /**
   * Takes new inputs: asks the worker when they are large (superseding any earlier
   * request), and otherwise drops whatever the worker still computes. Call it on every
   * change of the text, settings or table; unchanged inputs are ignored.
   */
  update(inputs: TraceInputs): void {
    const last = this.last;
    if (
      last &&
      last.text === inputs.text &&
      last.settings === inputs.settings &&
      last.table === inputs.table
    ) {
      return;
    }
    this.last = inputs;
    const location = this.locate(inputs);
    if (location !== 'worker') {
      // Whatever the worker still computes is for older inputs now: its answer is dropped.
      this.scheduler?.cancel();
      this.publish({
        shown: location === 'main' ? { kind: 'main', inputs: inputs as ReadyInputs } : NONE,
        status: 'current',
      });
      return;
    }
    const ready = inputs as ReadyInputs;
    const scheduler = this.startWorker(ready.table);
    if (!scheduler) {
      // The worker could not start: these inputs, and all later ones, go to the main thread.
      this.publish({ shown: { kind: 'main', inputs: ready }, status: 'current' });
      return;
    }
    // Until the worker answers, what is on screen stays: the last small trace when the
    // input just became large, otherwise the worker's previous answer.
    scheduler.request(ready);
    this.publish({ shown: this.snapshot.shown, status: 'updating' });
  }

  /** Stops the worker (for tests and hot reloading); later large inputs stay on the main thread. */
  dispose(): void {
    // Marked first, so that the stopped worker is not reported as a crash.
    this.broken = true;
    this.scheduler?.cancel();
    this.client?.terminate();
  }

  private readonly count = (text: string): number => {
    const known = this.counts.get(text);
    if (known !== undefined) return known;
    const n = countTokens(text);
    if (this.counts.size >= COUNT_CACHE_SIZE) {
      this.counts.delete(this.counts.keys().next().value as string);
    }
    this.counts.set(text, n);
    return n;
  };

  private canOffload(table: WordVectors): boolean {
    return (
      this.options.createWorker !== null &&
      !this.broken &&
      (table === this.sentTable || canSendVectors(table))
    );
  }

  /** The scheduler of a running worker that has `table`, starting the worker if needed; null if it cannot start. */
  private startWorker(table: WordVectors): LatestOnlyScheduler<ReadyInputs, WorkerResult> | null {
    if (!this.client || !this.scheduler) {
      const create = this.options.createWorker;
      if (!create) return null;
      let client: TraceWorkerClient;
      try {
        client = new TraceWorkerClient(create(), (error) => this.crashed(error));
      } catch (error) {
        // No Worker after all (a content security policy, an old browser): `update` falls back.
        this.broken = true;
        this.onFailure(
          new WorkerCrashError(`the trace worker could not be created: ${String(error)}`),
        );
        return null;
      }
      this.client = client;
      this.scheduler = new LatestOnlyScheduler<ReadyInputs, WorkerResult>(
        (inputs, id) => client.compute(inputs.text, inputs.settings, id),
        {
          onResult: (result) =>
            this.publish({
              shown: { kind: 'worker', trace: result.trace, elapsedMs: result.elapsedMs },
              status: 'current',
            }),
          onError: (error) => {
            // A crash is handled by `crashed` (which recomputes on the main thread); any
            // other error leaves the previous trace on screen.
            if (error instanceof WorkerCrashError) return;
            this.onFailure(error);
            this.publish({ ...this.snapshot, status: 'current' });
          },
        },
      );
    }
    if (table !== this.sentTable) {
      const vectors = takeVectorsMessage(table);
      if (!vectors) return null;
      this.client.post(vectors.message, vectors.transfer);
      this.sentTable = table;
    }
    return this.scheduler;
  }

  /** The worker failed for good: everything moves to the main thread, starting with the latest inputs. */
  private crashed(error: WorkerCrashError): void {
    if (this.broken) return;
    this.broken = true;
    this.onFailure(error);
    this.scheduler?.cancel();
    // `locate` now says 'main' for everything: recompute the latest inputs there.
    const latest = this.last;
    this.last = null;
    if (latest) this.update(latest);
    else this.publish({ ...this.snapshot, status: 'current' });
  }

  private publish(snapshot: TraceSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}
