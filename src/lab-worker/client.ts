/**
 * The page's side of the Lab's training worker: sends it what to train and keeps what it
 * answers as an immutable snapshot (a new object per answer) that components read through
 * `useLabProgress`. Where there is no Worker (Node, jsdom tests) the same handler runs in
 * this thread.
 */
import type { LabTrainDocument } from '../core/lab/document';
import type { LabTrace } from '../core/lab/toTrace';
import type { FromLab, LabPoint, LabProgress, LabRun, ToLab } from './protocol';

/** What the page knows of training: the last progress and the whole curve so far. */
export interface LabSnapshot {
  readonly progress: LabProgress | null;
  /**
   * The progress the pictures draw (attention, match tables, example, timeline): the last
   * progress, except while training, when it is renewed at most every PICTURES_MS. Every
   * picture is a few hundred SVG cells and edges; redrawing them at every progress message
   * (six a second) made main-thread tasks of 50 ms and more on a loaded machine.
   */
  readonly pictures: LabProgress | null;
  /** Every curve point of this run, in step order. */
  readonly curve: readonly LabPoint[];
  /** The last error the worker reported, or null. */
  readonly error: string | null;
}

const EMPTY: LabSnapshot = { progress: null, pictures: null, curve: [], error: null };

/** While training, the pictures are redrawn at most this often, ms (the status at every message). */
export const PICTURES_MS = 500;

/** True when `next` must be drawn now rather than at the next picture time. */
function picturesDue(
  last: LabProgress | null,
  next: LabProgress,
  lastAt: number,
  now: number,
): boolean {
  if (!last || !next.running || !last.running) return true;
  if (last.shownStep !== last.step || next.shownStep !== next.step) return true;
  if (last.example.join(',') !== next.example.join(',')) return true;
  return now - lastAt >= PICTURES_MS;
}

/** Something that takes the worker's messages (a Worker, or the handler in this thread). */
interface Port {
  send(message: ToLab): void;
}

function startPort(receive: (message: FromLab) => void): Port {
  if (typeof Worker !== 'undefined') {
    const worker = new Worker(new URL('./labWorker.ts', import.meta.url), {
      type: 'module',
      name: 'attention-lab',
    });
    worker.onmessage = (event: MessageEvent<FromLab>) => receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      receive({ type: 'error', message: event.message || 'the training worker failed' });
    };
    return { send: (message) => worker.postMessage(message) };
  }
  // Loaded on demand, so the trainer stays out of the page's first bundle; messages sent
  // before it arrives wait, in order.
  const queue: ToLab[] = [];
  let handle: ((message: ToLab) => void) | null = null;
  void import('./handler').then(({ createLabHandler }) => {
    handle = createLabHandler({
      post: receive,
      schedule: (task, delayMs) => void setTimeout(task, delayMs),
      now: () => performance.now(),
    });
    for (const message of queue.splice(0)) handle(message);
  });
  return { send: (message) => (handle ? handle(message) : void queue.push(message)) };
}

/** One training worker and the page's picture of it (see the module comment). */
export class LabClient {
  private port: Port | null = null;
  private snapshot: LabSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  private gen = 0;
  private picturesAt = 0;
  private nextId = 1;
  private readonly waiting = new Map<number, (message: FromLab) => void>();

  /** The latest snapshot (the same object until something changes). */
  readonly getSnapshot = (): LabSnapshot => this.snapshot;

  /** Calls `listener` after every change; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A new run from step 0, trained `steps` steps at once (a lesson link's), shown on `example`. */
  configure(run: LabRun, example: readonly number[] | null, steps = 0): void {
    this.gen++;
    this.set({ progress: null, pictures: null, curve: [], error: null });
    this.send({ type: 'configure', gen: this.gen, run, example, steps });
  }

  /** Trains on at `speed` (an index into LAB_SPEEDS) until paused. */
  train(speed: number): void {
    this.send({ type: 'train', speed });
  }

  pause(): void {
    this.send({ type: 'pause' });
  }

  /** One step (pauses first). */
  step(): void {
    this.send({ type: 'step' });
  }

  setSpeed(speed: number): void {
    this.send({ type: 'speed', speed });
  }

  /** Shows another example (null: the run's default). */
  setExample(example: readonly number[] | null): void {
    this.send({ type: 'example', example });
  }

  /** Shows the snapshot of `step` in the pictures (null: the latest). */
  showStep(step: number | null): void {
    this.send({ type: 'show', step });
  }

  /** The trace of one trained layer on the example. */
  trace(layer: number): Promise<LabTrace> {
    return this.ask({ type: 'trace', id: this.nextId++, layer }).then((m) =>
      m.type === 'trace' ? m.trace : Promise.reject(new Error('no trace')),
    );
  }

  /** The lab document of the model as trained so far. */
  document(): Promise<LabTrainDocument> {
    return this.ask({ type: 'document', id: this.nextId++ }).then((m) =>
      m.type === 'document' ? m.document : Promise.reject(new Error('no document')),
    );
  }

  private ask(message: ToLab & { id: number }): Promise<FromLab> {
    return new Promise((resolve) => {
      this.waiting.set(message.id, resolve);
      this.send(message);
    });
  }

  private send(message: ToLab): void {
    this.port ??= startPort((m) => this.receive(m));
    this.port.send(message);
  }

  private receive(message: FromLab): void {
    if (message.type === 'progress') {
      if (message.gen !== this.gen) return;
      const curve =
        message.points.length > 0
          ? [...this.snapshot.curve, ...message.points]
          : this.snapshot.curve;
      const now = typeof performance !== 'undefined' ? performance.now() : Date.now();
      const due = picturesDue(this.snapshot.pictures, message, this.picturesAt, now);
      if (due) this.picturesAt = now;
      const pictures = due ? message : this.snapshot.pictures;
      this.set({ progress: message, pictures, curve, error: null });
      return;
    }
    if (message.type === 'error') {
      this.set({ ...this.snapshot, error: message.message });
      return;
    }
    const resolve = this.waiting.get(message.id);
    this.waiting.delete(message.id);
    resolve?.(message);
  }

  private set(snapshot: LabSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}

/** The app's one training worker. */
export const labClient = new LabClient();
