/**
 * The messages between the page and the Lab's training worker. The page says what to train
 * (task, settings, seed, example) and when (train, pause, one step); the worker answers with
 * progress a few times a second, and with a trained head's trace or the model's document
 * when asked.
 */
import type { Matrix } from '../core/matrix';
import type { LabTrainDocument } from '../core/lab/document';
import type { LabTrace } from '../core/lab/toTrace';
import type { LabConfig, LabTaskId } from '../core/lab/tasks/types';

/** What a training run is made from: everything its weights depend on. */
export interface LabRun {
  readonly task: LabTaskId;
  readonly config: LabConfig;
  readonly seed: number;
}

/** One point of the training curve: held-out loss and accuracy after `step` steps. */
export interface LabPoint {
  readonly step: number;
  readonly loss: number;
  readonly accuracy: number;
}

/** The match tables of one head (see core/lab/inspect.ts matchTables). */
export interface LabTables {
  readonly tokens: Matrix; // (V, V)
  readonly positions: Matrix; // (T, T)
}

/** Messages to the worker. `gen` numbers the run, so late answers of an old run are dropped. */
export type ToLab =
  | {
      readonly type: 'configure';
      readonly gen: number;
      readonly run: LabRun;
      readonly example: readonly number[] | null;
      /** Train this many steps at once (a lesson link's steps), then stop. */
      readonly steps: number;
    }
  | { readonly type: 'train'; readonly speed: number }
  | { readonly type: 'pause' }
  | { readonly type: 'step' }
  | { readonly type: 'speed'; readonly speed: number }
  | { readonly type: 'example'; readonly example: readonly number[] | null }
  /** Look back at the snapshot of a step (null: the latest). */
  | { readonly type: 'show'; readonly step: number | null }
  | { readonly type: 'trace'; readonly id: number; readonly layer: number }
  | { readonly type: 'document'; readonly id: number };

/** Where training stands, with the example's attention and what the weights learned. */
export interface LabProgress {
  readonly type: 'progress';
  readonly gen: number;
  readonly step: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly running: boolean;
  /** The example the pictures show (token ids). */
  readonly example: readonly number[];
  /** The step the pictures show: `step`, or an earlier snapshot's when looking back. */
  readonly shownStep: number;
  /** The steps of the snapshots kept, in order (the timeline). */
  readonly timeline: readonly number[];
  /** Attention on the example, per layer per head, (T, T) each. */
  readonly attention: readonly (readonly Matrix[])[];
  /** Match tables per layer per head. */
  readonly tables: readonly (readonly LabTables[])[];
  /** Curve points since the last progress message. */
  readonly points: readonly LabPoint[];
}

/** Messages from the worker. */
export type FromLab =
  | LabProgress
  | { readonly type: 'trace'; readonly id: number; readonly trace: LabTrace }
  | { readonly type: 'document'; readonly id: number; readonly document: LabTrainDocument }
  | { readonly type: 'error'; readonly message: string };

/**
 * The speeds of the Speed control, in steps per second; the last one is full speed (as
 * fast as the worker can, posting about ten updates a second).
 */
export const LAB_SPEEDS: readonly number[] = [4, 10, 30, 100, Infinity];

/** The speed the Lab opens at (index into LAB_SPEEDS): full speed. */
export const DEFAULT_LAB_SPEED = LAB_SPEEDS.length - 1;
