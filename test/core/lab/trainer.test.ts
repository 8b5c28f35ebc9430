import { describe, expect, it } from 'vitest';
import { labConfigProblems, labModelShape, resolveLabConfig } from '../../../src/core/lab/config';
import { paramArrays } from '../../../src/core/lab/model';
import { inductionTask } from '../../../src/core/lab/tasks/induction';
import { lookupTask } from '../../../src/core/lab/tasks/lookup';
import { previousTask } from '../../../src/core/lab/tasks/previous';
import {
  createTrainer,
  evaluateParams,
  HELD_OUT_ANSWERS,
  heldOutSet,
  trainingBatch,
} from '../../../src/core/lab/trainer';
import { expectClose } from '../../helpers/expectClose';

/** Every parameter as one plain array, for exact comparisons. */
const flat = (trainer: ReturnType<typeof createTrainer>) =>
  paramArrays(trainer.params).flatMap((a) => Array.from(a));

describe('createTrainer', () => {
  const small = resolveLabConfig(inductionTask, { batch: 4, width: 8, heads: 2 });

  it('is deterministic: the same task, configuration, seed and steps give bit-identical parameters', () => {
    const a = createTrainer(inductionTask, small, 11);
    const b = createTrainer(inductionTask, small, 11);
    const lossesA = Array.from({ length: 5 }, () => a.step().loss);
    const lossesB = Array.from({ length: 5 }, () => b.step().loss);
    expect(lossesB).toEqual(lossesA);
    expect(flat(b)).toEqual(flat(a));
    expect(a.stepCount).toBe(5);
    const other = createTrainer(inductionTask, small, 12);
    for (let i = 0; i < 5; i++) other.step();
    expect(flat(other)).not.toEqual(flat(a));
  });

  it('draws a fresh batch every step, each from its own stream', () => {
    const first = trainingBatch(lookupTask, 3, 0, 8);
    expect(trainingBatch(lookupTask, 3, 0, 8)).toEqual(first);
    expect(trainingBatch(lookupTask, 3, 1, 8)).not.toEqual(first);
    expect(trainingBatch(lookupTask, 4, 0, 8)).not.toEqual(first);
    const trainer = createTrainer(lookupTask, lookupTask.defaults, 3);
    expect(trainer.batchAt(0)).toEqual(trainingBatch(lookupTask, 3, 0, lookupTask.defaults.batch));
  });

  it('holds out at least 200 answers from another stream, whatever the configuration and the training', () => {
    const trainer = createTrainer(lookupTask, lookupTask.defaults, 5);
    const answers = trainer.heldOut.flatMap((e) => e.targets).filter((t) => t >= 0).length;
    expect(HELD_OUT_ANSWERS).toBe(200);
    expect(answers).toBeGreaterThanOrEqual(200);
    expect(trainer.heldOut).toEqual(heldOutSet(lookupTask, 5));
    // Another learning rate, width or number of steps leaves it as it is.
    const other = createTrainer(lookupTask, { ...lookupTask.defaults, lr: 0.05, width: 8 }, 5);
    other.step();
    expect(other.heldOut).toEqual(trainer.heldOut);
    // And no held-out sequence is among the first training batches.
    const seen = new Set(trainer.heldOut.map((e) => e.tokens.join(' ')));
    for (let n = 0; n < 20; n++) {
      for (const e of trainer.batchAt(n)) expect(seen.has(e.tokens.join(' '))).toBe(false);
    }
    expect(heldOutSet(lookupTask, 6)).not.toEqual(trainer.heldOut);
  });

  it('evaluates the held-out set: accuracy is the share of answers whose largest logit is right', () => {
    const trainer = createTrainer(previousTask, previousTask.defaults, 2);
    const before = trainer.evaluate();
    expect(before.accuracy).toBeGreaterThanOrEqual(0);
    expect(before.accuracy).toBeLessThan(0.5);
    expect(before.loss).toBeGreaterThan(1);
    let right = 0;
    let answers = 0;
    for (const e of trainer.heldOut) {
      const predicted = trainer.predict(e.tokens);
      e.targets.forEach((t, i) => {
        if (t < 0) return;
        answers++;
        if (predicted[i] === t) right++;
      });
    }
    expect(before.accuracy).toBe(right / answers);
    expect(evaluateParams(trainer.params, trainer.heldOut, trainer.shape)).toEqual(before);
  });

  it('goes back to a snapshot and retraces the same steps exactly', () => {
    const trainer = createTrainer(inductionTask, small, 1);
    for (let i = 0; i < 3; i++) trainer.step();
    const snapshot = trainer.snapshot();
    const kept = flat(trainer);
    for (let i = 0; i < 4; i++) trainer.step();
    const after = flat(trainer);
    trainer.restore(snapshot);
    expect(trainer.stepCount).toBe(3);
    expect(flat(trainer)).toEqual(kept);
    for (let i = 0; i < 4; i++) trainer.step();
    expect(flat(trainer)).toEqual(after);
    // The snapshot is a copy: training on does not change it, so it can be restored again.
    trainer.restore(snapshot);
    expect(flat(trainer)).toEqual(kept);
    const other = createTrainer(inductionTask, { ...small, width: 4 }, 1);
    expect(() => other.restore(snapshot)).toThrow(/another shape/);
  });

  it('gives the next batch’s gradient without stepping', () => {
    const trainer = createTrainer(lookupTask, lookupTask.defaults, 9);
    const before = flat(trainer);
    const { loss, grads } = trainer.gradients();
    expect(flat(trainer)).toEqual(before);
    expect(trainer.stepCount).toBe(0);
    expect(paramArrays(grads).some((g) => g.some((x) => x !== 0))).toBe(true);
    expectClose(trainer.step().loss, loss, 0);
  });

  it('shows the attention of one sequence per layer and head, each (T, T) with rows summing to 1', () => {
    const trainer = createTrainer(inductionTask, small, 4);
    const { tokens } = trainer.heldOut[0]!;
    const attention = trainer.attention(tokens);
    expect(attention).toHaveLength(2);
    for (const layer of attention) {
      expect(layer).toHaveLength(2);
      for (const w of layer) {
        expect([w.rows, w.cols]).toEqual([10, 10]);
        for (let i = 0; i < 10; i++) {
          let sum = 0;
          for (let j = 0; j < 10; j++) sum += w.data[i * 10 + j] as number;
          expectClose(sum, 1, 1e-6);
          expect(w.data[i * 10 + 9]).toBe(i === 9 ? w.data[99] : 0); // causal
        }
      }
    }
    expect(trainer.predict(tokens)).toHaveLength(10);
  });

  it('refuses a configuration out of range, naming every problem', () => {
    expect(() =>
      createTrainer(lookupTask, { ...lookupTask.defaults, heads: 0, lr: -1 }, 1),
    ).toThrow(/heads must be .*; lr must be/);
    expect(() => createTrainer(lookupTask, lookupTask.defaults, -1)).toThrow(/seed/);
    expect(labConfigProblems(lookupTask.defaults, 1)).toEqual([]);
    expect(labConfigProblems({ ...lookupTask.defaults, width: 65 }).map((p) => p.key)).toEqual([
      'width',
    ]);
  });

  it('shapes the model from the task and the configuration, always scaling', () => {
    expect(labModelShape(previousTask, { ...previousTask.defaults, positions: false })).toEqual({
      vocab: previousTask.vocab.length,
      seqLen: previousTask.seqLen,
      width: previousTask.defaults.width,
      layers: 1,
      heads: 1,
      positions: false,
      causal: true,
      scale: true,
    });
  });
});
