/**
 * The Lab's trainer: a task, a configuration and a seed in; seeded initial parameters,
 * a fresh seeded batch every step, Adam, and the held-out accuracy out.
 *
 * Determinism: the batch of step n is drawn from its own sub-stream of the seed
 * ("lab/train/n"), and the held-out set from another ("lab/held-out"), so the same task,
 * configuration, seed and number of steps give bit-identical parameters on every machine,
 * a snapshot needs no generator state, and the held-out set never depends on training.
 */
import type { Matrix } from '../matrix';
import { subStream } from '../random';
import { createAdam, type AdamState } from './adam';
import { labConfigProblems, labModelShape } from './config';
import { toFloat32 } from './mat64';
import {
  cloneLabParams,
  initLabParams,
  labForward,
  labLossAndGrads,
  labScore,
  paramArrays,
  type LabExample,
  type LabModelShape,
  type LabParams,
} from './model';
import type { LabConfig, LabTask } from './tasks/types';

/** The held-out set holds examples until it has at least this many answers. */
export const HELD_OUT_ANSWERS = 200;

/** Loss and accuracy on a set of examples. */
export interface LabEvaluation {
  /** Mean cross-entropy over the answers. */
  readonly loss: number;
  /** Share of the answers whose largest logit is the target, 0 to 1. */
  readonly accuracy: number;
}

/** Everything needed to go back to a moment of training. */
export interface TrainerSnapshot {
  readonly step: number;
  readonly params: LabParams;
  readonly adam: AdamState;
}

/** A training run. `params` are updated in place by `step` and `restore`. */
export interface LabTrainer {
  readonly task: LabTask;
  readonly config: LabConfig;
  readonly seed: number;
  readonly shape: LabModelShape;
  /** The current parameters (live: read them, copy them to keep them). */
  readonly params: LabParams;
  /** Steps taken so far. */
  readonly stepCount: number;
  /** The fixed held-out examples (at least `HELD_OUT_ANSWERS` answers). */
  readonly heldOut: readonly LabExample[];
  /** One Adam step on the next batch; returns the step's number (1 for the first) and the batch's loss before the update. */
  step(): { step: number; loss: number };
  /** Loss and accuracy on the held-out set. */
  evaluate(): LabEvaluation;
  /** The training batch of step `n` (0-based: `batchAt(stepCount)` is the next one). */
  batchAt(n: number): LabExample[];
  /** The loss of the next batch at the current parameters and its gradient, without stepping. */
  gradients(): { loss: number; grads: LabParams };
  /** A copy of the current state. */
  snapshot(): TrainerSnapshot;
  /** Returns to a snapshot of this trainer (copied in, so it can be restored again). */
  restore(snapshot: TrainerSnapshot): void;
  /** The attention weights on one sequence (T tokens), per layer per head, (T, T) float32 each for display. */
  attention(tokens: readonly number[]): Matrix[][];
  /** The token with the largest logit at each position of one sequence. */
  predict(tokens: readonly number[]): number[];
}

/** The held-out set of a task and seed: examples from the "lab/held-out" stream until there are enough answers. */
export function heldOutSet(
  task: LabTask,
  seed: number,
  minAnswers = HELD_OUT_ANSWERS,
): LabExample[] {
  const random = subStream(seed, 'lab/held-out');
  const out: LabExample[] = [];
  let answers = 0;
  while (answers < minAnswers) {
    const example = task.sample(random);
    const count = example.targets.filter((t) => t >= 0).length;
    if (count === 0) throw new Error(`heldOutSet: task ${task.id} made an example without answers`);
    answers += count;
    out.push(example);
  }
  return out;
}

/** The training batch of step `n`, from the "lab/train/n" stream. */
export function trainingBatch(task: LabTask, seed: number, n: number, batch: number): LabExample[] {
  const random = subStream(seed, `lab/train/${n}`);
  return Array.from({ length: batch }, () => task.sample(random));
}

/** Loss and accuracy of `params` on `examples`. */
export function evaluateParams(
  params: LabParams,
  examples: readonly LabExample[],
  shape: LabModelShape,
): LabEvaluation {
  const { loss, correct, answers } = labScore(params, examples, shape);
  return { loss, accuracy: answers === 0 ? 0 : correct / answers };
}

/**
 * A new trainer at step 0. Throws a RangeError listing every problem with the
 * configuration or the seed.
 */
export function createTrainer(task: LabTask, config: LabConfig, seed: number): LabTrainer {
  const problems = labConfigProblems(config, seed);
  if (problems.length > 0) {
    throw new RangeError(`createTrainer: ${problems.map((p) => p.message).join('; ')}`);
  }
  const shape = labModelShape(task, config);
  const params = initLabParams(shape, seed);
  const arrays = paramArrays(params);
  const adam = createAdam({ lr: config.lr });
  const heldOut = heldOutSet(task, seed);
  let stepCount = 0;

  const trainer: LabTrainer = {
    task,
    config,
    seed,
    shape,
    params,
    get stepCount() {
      return stepCount;
    },
    heldOut,
    step() {
      const { loss, grads } = labLossAndGrads(
        params,
        trainingBatch(task, seed, stepCount, config.batch),
        shape,
      );
      adam.step(arrays, paramArrays(grads));
      stepCount += 1;
      return { step: stepCount, loss };
    },
    evaluate: () => evaluateParams(params, heldOut, shape),
    batchAt: (n) => trainingBatch(task, seed, n, config.batch),
    gradients() {
      const { loss, grads } = labLossAndGrads(
        params,
        trainingBatch(task, seed, stepCount, config.batch),
        shape,
      );
      return { loss, grads };
    },
    snapshot: () => ({ step: stepCount, params: cloneLabParams(params), adam: adam.snapshot() }),
    restore(snapshot) {
      const from = paramArrays(snapshot.params);
      if (
        from.length !== arrays.length ||
        from.some((a, i) => a.length !== (arrays[i] as Float64Array).length)
      ) {
        throw new RangeError('restore: the snapshot belongs to a model of another shape');
      }
      from.forEach((a, i) => (arrays[i] as Float64Array).set(a));
      adam.restore(snapshot.adam);
      stepCount = snapshot.step;
    },
    attention(tokens) {
      const forward = labForward(params, [tokens], shape);
      return forward.layers.map((layer) => layer.weights.map(toFloat32)); // (T, T) each
    },
    predict(tokens) {
      const { logits } = labForward(params, [tokens], shape);
      const V = logits.cols;
      return Array.from({ length: logits.rows }, (_, r) => {
        let best = 0;
        for (let c = 1; c < V; c++)
          if ((logits.data[r * V + c] as number) > (logits.data[r * V + best] as number)) best = c;
        return best;
      });
    },
  };
  return trainer;
}
