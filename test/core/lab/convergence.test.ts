/**
 * Convergence: every task at its defaults reaches held-out accuracy ≥ 0.99 within its
 * default steps, on each of ten seeds (evaluated every 20 steps and at the last), and
 * induction with a single layer is still below 0.5 after those steps (a one-layer
 * attention-only model cannot find "the token after the earlier copy of mine"; it
 * guesses from positions, at about 0.4). Deterministic: the same
 * numbers on every machine; no timing is asserted.
 */
import { describe, expect, it } from 'vitest';
import { inductionTask } from '../../../src/core/lab/tasks/induction';
import { LAB_TASKS, type LabConfig, type LabTask } from '../../../src/core/lab/tasks/index';
import { createTrainer } from '../../../src/core/lab/trainer';

const SEEDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const EVERY = 20;

/**
 * Trains up to `config.steps` steps, evaluating every `every` steps and at the last, and
 * stops early once `stop` holds; returns the step and accuracy of each evaluation.
 */
function train(
  task: LabTask,
  config: LabConfig,
  seed: number,
  every: number,
  stop: (accuracy: number) => boolean,
): { step: number; accuracy: number }[] {
  const trainer = createTrainer(task, config, seed);
  const log: { step: number; accuracy: number }[] = [];
  while (trainer.stepCount < config.steps) {
    trainer.step();
    if (trainer.stepCount % every === 0 || trainer.stepCount === config.steps) {
      const { accuracy } = trainer.evaluate();
      log.push({ step: trainer.stepCount, accuracy });
      if (stop(accuracy)) break;
    }
  }
  return log;
}

/** Generous: each run is a few seconds of CPU, but a shared CI machine may give it a fraction of a core. */
const TIMEOUT = 180_000;

describe('every task at its defaults', () => {
  for (const task of LAB_TASKS) {
    describe(`${task.id} (${task.defaults.steps} steps)`, () => {
      for (const seed of SEEDS) {
        it(
          `seed ${seed}: held-out accuracy reaches 0.99`,
          () => {
            const log = train(task, task.defaults, seed, EVERY, (a) => a >= 0.99);
            const best = Math.max(...log.map((e) => e.accuracy));
            expect(
              best,
              `best held-out accuracy in ${task.defaults.steps} steps`,
            ).toBeGreaterThanOrEqual(0.99);
          },
          TIMEOUT,
        );
      }
    });
  }
});

describe('induction with one layer', () => {
  const config = { ...inductionTask.defaults, layers: 1 };
  for (const seed of [0, 1, 2]) {
    it(
      `seed ${seed}: below 0.5 after the default steps (it takes two layers)`,
      () => {
        const log = train(inductionTask, config, seed, config.steps, () => false);
        expect(log.map((e) => e.step)).toEqual([config.steps]);
        expect(log[0]?.accuracy).toBeLessThan(0.5);
      },
      TIMEOUT,
    );
  }
});
