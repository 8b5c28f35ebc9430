/**
 * Flags of `npm run lab`. Parsing is pure and returns either the options or one line that
 * names the offending flag, so the command can print it and exit with code 2.
 */
import { LAB_LIMITS, labConfigProblems, resolveLabConfig } from '../core/lab/config';
import {
  DEFAULT_LAB_TASK,
  isLabTaskId,
  labTask,
  LAB_TASK_IDS,
  type LabConfig,
  type LabTask,
} from '../core/lab/tasks/index';
import { parseDecimal, parseWhole, readFlags } from './flags';

/** The seed when --seed is not given. */
export const DEFAULT_LAB_SEED = 1;

/** What the command was asked to do. */
export interface LabOptions {
  readonly task: LabTask;
  /** The task's defaults with the flags on top; `steps` is 0 by default with --grad-check. */
  readonly config: LabConfig;
  readonly seed: number;
  /** Write the gradient-check document instead of training. */
  readonly gradCheck: boolean;
  /** Print only the JSON document. */
  readonly json: boolean;
  readonly help: boolean;
}

/** The parse result: options, or a one-line error naming the flag. */
export type ParsedLabArgs = { ok: true; options: LabOptions } | { ok: false; error: string };

/** The usage text printed by --help. */
export const LAB_USAGE = `Usage: npm run lab -- [--task ID] [options]

Trains a task of the Attention Lab in Node: progress lines, then a summary; with --json
only the 'attention-graph-lab' document (DESIGN.md, issue 11). Defaults are the task's.

  --task ID         ${LAB_TASK_IDS.join(', ')} (default ${DEFAULT_LAB_TASK})
  --layers L        attention layers, 1 to ${LAB_LIMITS.layers}
  --heads H         heads per layer, 1 to ${LAB_LIMITS.heads}
  --width D         width of the residual stream, 1 to ${LAB_LIMITS.width}
  --seed S          seed of the weights and the examples, 0 to 4294967295 (default ${DEFAULT_LAB_SEED})
  --steps N         training steps (default the task's; 0 with --grad-check)
  --lr X            Adam's learning rate, above 0 and at most ${LAB_LIMITS.lr}
  --batch B         sequences per step, 1 to ${LAB_LIMITS.batch}
  --no-positions    no position embeddings
  --grad-check      after --steps steps, write one batch, its loss and every gradient
  --json            print only the JSON document
  --help            print this text`;

const VALUE_FLAGS = [
  '--task',
  '--layers',
  '--heads',
  '--width',
  '--seed',
  '--steps',
  '--lr',
  '--batch',
] as const;
const SWITCH_FLAGS = ['--no-positions', '--grad-check', '--json', '--help'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

/** The flag that sets each configuration key. */
const FLAG_OF: Record<keyof LabConfig | 'seed', string> = {
  width: '--width',
  layers: '--layers',
  heads: '--heads',
  lr: '--lr',
  batch: '--batch',
  steps: '--steps',
  positions: '--no-positions',
  seed: '--seed',
};

/** Parses the command's arguments (without `node` and the script). */
export function parseLabArgs(argv: readonly string[]): ParsedLabArgs {
  const read = readFlags(argv, VALUE_FLAGS, SWITCH_FLAGS);
  if (!read.ok) return read;
  const { values, switches } = read;
  const id = values.get('--task') ?? DEFAULT_LAB_TASK;
  if (!isLabTaskId(id)) {
    return { ok: false, error: `--task must be one of ${LAB_TASK_IDS.join(', ')}, got "${id}"` };
  }
  const task = labTask(id);
  const gradCheck = switches.has('--grad-check');
  const overrides: Record<string, number> = {};
  const numbers: [ValueFlag, keyof LabConfig | 'seed', (raw: string) => number | null][] = [
    ['--layers', 'layers', parseWhole],
    ['--heads', 'heads', parseWhole],
    ['--width', 'width', parseWhole],
    ['--seed', 'seed', parseWhole],
    ['--steps', 'steps', parseWhole],
    ['--lr', 'lr', parseDecimal],
    ['--batch', 'batch', parseWhole],
  ];
  for (const [flag, key, parse] of numbers) {
    const raw = values.get(flag);
    if (raw === undefined) continue;
    const value = parse(raw);
    if (value === null) return { ok: false, error: `${flag} needs a number, got "${raw}"` };
    overrides[key] = value;
  }
  const { seed = DEFAULT_LAB_SEED, ...rest } = overrides;
  const config = resolveLabConfig(task, {
    ...(gradCheck ? { steps: 0 } : {}),
    ...rest,
    ...(switches.has('--no-positions') ? { positions: false } : {}),
  });
  const problem = labConfigProblems(config, seed)[0];
  if (problem) return { ok: false, error: `${FLAG_OF[problem.key]}: ${problem.message}` };
  return {
    ok: true,
    options: {
      task,
      config,
      seed,
      gradCheck,
      json: switches.has('--json'),
      help: switches.has('--help'),
    },
  };
}
