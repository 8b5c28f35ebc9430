/**
 * Where the trace comes from: the main thread for small inputs, the worker for large ones
 * (see `threshold.ts`), and what the panels show meanwhile. One instance serves the whole
 * app and is fed once per change of the inputs, so the worker is asked once per change
 * however many panels read the trace.
 *
 * It is the one place that hands panels a finished trace (`trace`). Its snapshot says what
 * the panels should show: for small inputs, the inputs themselves, whose trace `trace`
 * derives on demand from the source's cached stages (`stages.ts`), so that React computes
 * it in an interruptible render rather than in the store update of every keystroke; for
 * large ones, the worker's latest answer, and until the first one arrives, whatever was
 * shown before (the last small inputs). So a text that grows large keeps its last trace
 * on screen until the worker's answer replaces it.
 *
 * Every text is tokenized once, by the source's `tokenize`: the cost estimate, the
 * main-thread stages and the worker's request all use those tokens.
 */
import type {
  AttentionSettings,
  AttentionTrace,
  AttentionWeights,
  Tokenization,
} from '../core/types';
import type { WordVectors } from '../core/vectors/table';
import { WorkerCrashError, TraceWorkerClient, type WorkerLike, type WorkerResult } from './client';
import { vectorsMessage } from './protocol';
import { LatestOnlyScheduler } from './scheduler';
import { createTraceStages, type TraceStages } from './stages';
import { isLargeText } from './threshold';
import { tokenCache } from './tokenCache';

/** What the trace depends on. `table` is null while the word vectors load (there is no trace). */
export interface TraceInputs {
  readonly text: string;
  readonly settings: AttentionSettings;
  readonly table: WordVectors | null;
  /**
   * The file `table` was parsed from, if this thread still has it: the worker parses its
   * own copy from these bytes, which are transferred (and so emptied here) the first time a
   * worker needs the table. Without them a GloVe table stays on the main thread.
   */
  readonly bytes?: ArrayBuffer | null;
  /**
   * With the learned preset: the model's weights for these settings (whose causal mask is
   * already the one the model needs). The worker is never sent them, so such traces are
   * derived on the main thread.
   */
  readonly learned?: AttentionWeights | null;
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
  /** The tokens of a text, cached per text (default: a cache of the source's own). */
  readonly tokenize?: (text: string) => Tokenization;
}

const NONE: ShownTrace = { kind: 'none' };

/** Holds where the trace comes from and, for large inputs, what is shown; see the module comment. */
export class TraceSource {
  private snapshot: TraceSnapshot = { shown: NONE, status: 'current' };
  private readonly listeners = new Set<() => void>();
  private last: TraceInputs | null = null;
  private client: TraceWorkerClient | null = null;
  private scheduler: LatestOnlyScheduler<ReadyInputs, WorkerResult> | null = null;
  private sentTable: WordVectors | null = null;
  private broken = false;
  private readonly isLarge: NonNullable<TraceSourceOptions['isLarge']>;
  private readonly onFailure: (error: unknown) => void;
  private readonly tokenize: (text: string) => Tokenization;
  private readonly stages: TraceStages;

  /** A source with no worker started yet; one is started at the first large input. */
  constructor(private readonly options: TraceSourceOptions) {
    this.isLarge = options.isLarge ?? isLargeText;
    this.tokenize = options.tokenize ?? tokenCache();
    this.stages = createTraceStages(this.tokenize);
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
   * The finished trace `shown` stands for, or null when there is none. Small inputs are
   * derived here, from cached stages, so every caller gets the same object.
   */
  trace(shown: ShownTrace): AttentionTrace | null {
    if (shown.kind === 'worker') return shown.trace;
    if (shown.kind === 'main') return this.derive(shown.inputs);
    return null;
  }

  /** The trace of `inputs` computed on this thread, reusing every cached stage it can. */
  derive(inputs: ReadyInputs): AttentionTrace {
    return this.stages(inputs.text, inputs.settings, inputs.table, inputs.learned ?? null);
  }

  /**
   * Where the trace of `inputs` is computed. Pure given the source's state (which only
   * changes together with a new snapshot), so render code may call it.
   */
  locate(inputs: TraceInputs): TraceLocation {
    if (!inputs.table) return 'none';
    if (inputs.learned) return 'main';
    if (!this.canOffload(inputs.table, inputs.bytes ?? null)) return 'main';
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
      last.table === inputs.table &&
      last.bytes === inputs.bytes &&
      last.learned === inputs.learned
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
    const scheduler = this.startWorker(ready);
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

  private readonly count = (text: string): number => this.tokenize(text).tokens.length;

  private canOffload(table: WordVectors, bytes: ArrayBuffer | null): boolean {
    return (
      this.options.createWorker !== null &&
      !this.broken &&
      (table === this.sentTable || vectorsMessage(table, bytes) !== null)
    );
  }

  /** The scheduler of a running worker that has the inputs' table, starting the worker if needed; null if it cannot start. */
  private startWorker(inputs: ReadyInputs): LatestOnlyScheduler<ReadyInputs, WorkerResult> | null {
    const { table } = inputs;
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
        (request, id) =>
          client.compute(request.text, this.tokenize(request.text), request.settings, id),
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
      const vectors = vectorsMessage(table, inputs.bytes ?? null);
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
