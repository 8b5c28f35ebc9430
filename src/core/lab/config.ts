/**
 * The ranges of the Lab's settings, and the check that a configuration fits them. The
 * messages are for developers and the command line (`npm run lab`); the screen offers
 * only valid values.
 */
import type { LabModelShape } from './model';
import type { LabConfig, LabTask } from './tasks/types';

/** The largest value of each whole-number setting (the smallest is 1, or 0 for steps). */
export const LAB_LIMITS = {
  width: 64,
  layers: 4,
  heads: 8,
  batch: 1024,
  steps: 1_000_000,
  /** Largest learning rate. */
  lr: 1,
} as const;

/** One problem with a configuration: the setting and what is wrong with it. */
export interface LabConfigProblem {
  readonly key: keyof LabConfig | 'seed';
  readonly message: string;
}

/** True for a whole number in [min, max]. */
function whole(x: number, min: number, max: number): boolean {
  return Number.isInteger(x) && x >= min && x <= max;
}

/** Every problem with `config` and `seed`; an empty list means they are valid. */
export function labConfigProblems(config: LabConfig, seed = 0): LabConfigProblem[] {
  const problems: LabConfigProblem[] = [];
  const range = (key: 'width' | 'layers' | 'heads' | 'batch' | 'steps', min: number) => {
    if (!whole(config[key], min, LAB_LIMITS[key])) {
      problems.push({
        key,
        message: `${key} must be a whole number from ${min} to ${LAB_LIMITS[key]}, got ${config[key]}`,
      });
    }
  };
  range('width', 1);
  range('layers', 1);
  range('heads', 1);
  range('batch', 1);
  range('steps', 0);
  if (!(config.lr > 0 && config.lr <= LAB_LIMITS.lr)) {
    problems.push({
      key: 'lr',
      message: `lr must be above 0 and at most ${LAB_LIMITS.lr}, got ${config.lr}`,
    });
  }
  if (typeof config.positions !== 'boolean') {
    problems.push({
      key: 'positions',
      message: `positions must be true or false, got ${String(config.positions)}`,
    });
  }
  if (!whole(seed, 0, 0xffffffff)) {
    problems.push({
      key: 'seed',
      message: `seed must be a whole number from 0 to 4294967295, got ${seed}`,
    });
  }
  return problems;
}

/** The task's defaults with `overrides` on top. */
export function resolveLabConfig(task: LabTask, overrides: Partial<LabConfig> = {}): LabConfig {
  return { ...task.defaults, ...overrides };
}

/** The model's shape for a task and configuration (the Lab always scales by √dK). */
export function labModelShape(task: LabTask, config: LabConfig): LabModelShape {
  return {
    vocab: task.vocab.length,
    seqLen: task.seqLen,
    width: config.width,
    layers: config.layers,
    heads: config.heads,
    positions: config.positions,
    causal: task.causal,
    scale: true,
  };
}
