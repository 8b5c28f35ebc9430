/**
 * The Lab's training run as a plain object, so Node tests can drive it without a Worker:
 * the trainer of core/lab, the example shown, and the curve. `labWorker.ts` only schedules
 * its steps and posts its progress.
 */
import { matchTables } from '../core/lab/inspect';
import { labTrace } from '../core/lab/toTrace';
import { trainDocument, type LabLogEntry } from '../core/lab/document';
import { createTrainer, type LabTrainer } from '../core/lab/trainer';
import { labTask } from '../core/lab/tasks';
import type { LabProgress, LabPoint, LabRun, LabTables } from './protocol';

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
    return point;
  }

  /** Where training stands, for the page; the curve's new points since the last call. */
  progress(gen: number, running: boolean): LabProgress {
    const point = this.record();
    const { trainer } = this;
    const attention = trainer.attention(this.example);
    const tables: LabTables[][] = trainer.params.layers.map((layer, l) =>
      layer.heads.map((_, h) => matchTables(trainer.params, trainer.shape, l, h)),
    );
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
