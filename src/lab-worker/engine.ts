/**
 * The Lab's training run as a plain object, so Node tests can drive it without a Worker:
 * the trainer of core/lab, the example shown, and the curve. `labWorker.ts` only schedules
 * its steps and posts its progress.
 */
import { matchTables } from '../core/lab/inspect';
import { labTrace } from '../core/lab/toTrace';
import { trainDocument, type LabLogEntry } from '../core/lab/document';
import { createTrainer, type LabTrainer, type TrainerSnapshot } from '../core/lab/trainer';
import { labTask } from '../core/lab/tasks';
import type { LabProgress, LabPoint, LabRun, LabTables } from './protocol';

/** The timeline keeps at most this many snapshots. */
export const MAX_SNAPSHOTS = 120;

/** The example a run opens on: the first held-out sequence. */
function defaultExample(trainer: LabTrainer): number[] {
  return [...(trainer.heldOut[0]?.tokens ?? [])];
}

/** A sequence the task can show: right length and ids in the vocabulary. */
function validExample(trainer: LabTrainer, tokens: readonly number[] | null): tokens is number[] {
  const V = trainer.task.vocab.length;
  return (
    tokens !== null &&
    tokens.length === trainer.task.seqLen &&
    tokens.every((t) => Number.isInteger(t) && t >= 0 && t < V)
  );
}

/** One training run (see the module comment). */
export class LabEngine {
  readonly trainer: LabTrainer;
  private example: number[];
  private readonly log: LabLogEntry[] = [];
  private pending: LabPoint[] = [];
  /** The timeline: snapshots taken at the curve's points, thinned to at most MAX_SNAPSHOTS. */
  private readonly snapshots: TrainerSnapshot[] = [];
  /** The step whose snapshot the pictures show, or null for the latest. */
  private shown: number | null = null;

  constructor(
    readonly run: LabRun,
    example: readonly number[] | null,
  ) {
    this.trainer = createTrainer(labTask(run.task), run.config, run.seed);
    this.example = validExample(this.trainer, example)
      ? [...example]
      : defaultExample(this.trainer);
    this.record();
  }

  /** Steps taken. */
  get step(): number {
    return this.trainer.stepCount;
  }

  /** Takes `n` steps. */
  train(n: number): void {
    for (let i = 0; i < n; i++) this.trainer.step();
  }

  /** Shows another example (null: the default one). */
  setExample(tokens: readonly number[] | null): void {
    this.example = validExample(this.trainer, tokens) ? [...tokens] : defaultExample(this.trainer);
  }

  /** Evaluates on the held-out set and adds the point to the curve (once per step). */
  record(): LabPoint {
    const last = this.log[this.log.length - 1];
    if (last && last.step === this.step) return last;
    const { loss, accuracy } = this.trainer.evaluate();
    const point = { step: this.step, loss, accuracy };
    this.log.push(point);
    this.pending.push(point);
    this.snapshots.push(this.trainer.snapshot());
    // Thinned by dropping every other older snapshot: the timeline keeps its whole span.
    if (this.snapshots.length > MAX_SNAPSHOTS) {
      const kept = this.snapshots.filter((_, i) => i % 2 === 0 || i === this.snapshots.length - 1);
      this.snapshots.splice(0, this.snapshots.length, ...kept);
    }
    return point;
  }

  /** Shows the snapshot of `step` (the nearest kept one at or before it), or the latest with null. */
  showStep(step: number | null): void {
    this.shown = step;
  }

  /** The snapshot the pictures show, or null for the current parameters. */
  private shownSnapshot(): TrainerSnapshot | null {
    if (this.shown === null || this.shown >= this.step) return null;
    const target = this.shown;
    let best: TrainerSnapshot | null = null;
    for (const s of this.snapshots) if (s.step <= target) best = s;
    return best;
  }

  /** Where training stands, for the page; the curve's new points since the last call. */
  progress(gen: number, running: boolean): LabProgress {
    const point = this.record();
    const { trainer } = this;
    // Looking back: the pictures are computed at the snapshot, then training's state returns.
    const back = running ? null : this.shownSnapshot();
    const now = back ? trainer.snapshot() : null;
    if (back) trainer.restore(back);
    const attention = trainer.attention(this.example);
    const tables: LabTables[][] = trainer.params.layers.map((layer, l) =>
      layer.heads.map((_, h) => matchTables(trainer.params, trainer.shape, l, h)),
    );
    const shownStep = trainer.stepCount;
    if (now) trainer.restore(now);
    const points = this.pending;
    this.pending = [];
    return {
      type: 'progress',
      gen,
      step: point.step,
      loss: point.loss,
      accuracy: point.accuracy,
      running,
      example: this.example,
      shownStep,
      timeline: this.snapshots.map((snapshot) => snapshot.step),
      attention,
      tables,
      points,
    };
  }

  /** The trace of one layer on the example, for the walkthrough. */
  trace(layer: number) {
    const { trainer } = this;
    return labTrace(trainer.task, trainer.shape, trainer.params, this.example, layer, trainer.seed);
  }

  /** The lab document of the model as trained so far. */
  document() {
    return trainDocument(this.trainer, this.log);
  }
}
