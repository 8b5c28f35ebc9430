/**
 * Convergence: every task at its defaults reaches held-out accuracy ≥ 0.99 within its
 * default steps, on each of ten seeds, and induction with a single layer stays below 0.5
 * (a one-layer attention-only model cannot find "the token after the earlier copy of
 * mine"). Deterministic: the same numbers on every machine; no timing is asserted.
 */
import { describe, expect, it } from 'vitest';
import { inductionTask } from '../../../src/core/lab/tasks/induction';
import { LAB_TASKS, type LabConfig, type LabTask } from '../../../src/core/lab/tasks/index';
import { createTrainer } from '../../../src/core/lab/trainer';

const SEEDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Held-out accuracy after training `config.steps` steps. */
function trainedAccuracy(task: LabTask, config: LabConfig, seed: number): number {
  const trainer = createTrainer(task, config, seed);
  for (let i = 0; i < config.steps; i++) trainer.step();
  return trainer.evaluate().accuracy;
}

/** Generous: each run is a few seconds of CPU, but a shared CI machine may give it a fraction of a core. */
const TIMEOUT = 180_000;

describe('every task at its defaults', () => {
  for (const task of LAB_TASKS) {
    describe(`${task.id} (${task.defaults.steps} steps)`, () => {
      for (const seed of SEEDS) {
        it(
          `seed ${seed}: held-out accuracy ≥ 0.99`,
          () => {
            expect(trainedAccuracy(task, task.defaults, seed)).toBeGreaterThanOrEqual(0.99);
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
      `seed ${seed}: stays below 0.5 (it takes two layers)`,
      () => {
        expect(trainedAccuracy(inductionTask, config, seed)).toBeLessThan(0.5);
      },
      TIMEOUT,
    );
  }
});
