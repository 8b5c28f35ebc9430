/**
 * The Lab's lesson links: `#lab` alone opens the Lab on its defaults; `#lab&task=previous&
 * seed=3&steps=150&…` opens it on that task, settings, seed and example, retrained
 * deterministically to that many steps, showing that layer and head. Only what differs from
 * the task's defaults is written. A value that cannot be read is left at its default.
 */
import { labConfigProblems } from '../../core/lab/config';
import { isLabTaskId, labTask } from '../../core/lab/tasks';
import type { LabConfig } from '../../core/lab/tasks/types';
import { LAB_SPEEDS } from '../../lab-worker/protocol';
import { labDefaults } from '../slices/lab';
import type { LabInputs } from '../state';

/** The fragment's first word that makes a link a Lab link. */
export const LAB_HASH = 'lab';

/** The fields of a Lab link beyond the task, in the link's order: key and where it sits. */
const CONFIG_KEYS: readonly [string, keyof LabConfig][] = [
  ['layers', 'layers'],
  ['heads', 'heads'],
  ['width', 'width'],
  ['lr', 'lr'],
  ['batch', 'batch'],
];

/** True when `hash` is a Lab link (`#lab`, or `#lab&…`). */
export function isLabHash(hash: string): boolean {
  const body = hash.replace(/^#/, '');
  return body === LAB_HASH || body.startsWith(`${LAB_HASH}&`);
}

function wholeAtLeast(value: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

/** The Lab's inputs a Lab link describes (defaults for what it leaves out or gets wrong). */
export function decodeLabLink(hash: string): LabInputs {
  const params = new URLSearchParams(hash.replace(/^#/, '').slice(LAB_HASH.length));
  const taskId = params.get('task') ?? '';
  const base = labDefaults(isLabTaskId(taskId) ? taskId : undefined);
  const task = labTask(base.task);
  let config: LabConfig = base.config;
  for (const [key, field] of CONFIG_KEYS) {
    const raw = params.get(key);
    if (raw === null) continue;
    const value = Number(raw);
    const next = { ...config, [field]: value };
    if (raw !== '' && labConfigProblems(next).length === 0) config = next;
  }
  const pos = params.get('pos');
  if (pos === 'off' || pos === 'on') config = { ...config, positions: pos === 'on' };
  const seed = wholeAtLeast(params.get('seed') ?? '', 0, 0xffffffff) ?? base.seed;
  const steps = wholeAtLeast(params.get('steps') ?? '', 0, 100_000) ?? 0;
  const speed = wholeAtLeast(params.get('speed') ?? '', 0, LAB_SPEEDS.length - 1) ?? base.speed;
  // Layers and heads are counted from 1 in the link, as on the screen.
  const layer = Math.min(config.layers, wholeAtLeast(params.get('layer') ?? '', 1, 64) ?? 1) - 1;
  const head = Math.min(config.heads, wholeAtLeast(params.get('head') ?? '', 1, 64) ?? 1) - 1;
  const symbols = (params.get('ex') ?? '').split('.').filter(Boolean);
  const ids = symbols.map((s) => task.vocab.indexOf(s));
  const example = ids.length === task.seqLen && !ids.includes(-1) && task.answers(ids) ? ids : null;
  return {
    task: base.task,
    config,
    seed,
    speed,
    example,
    layer,
    head,
    steps,
  };
}

/** The Lab link (with its `#`) of `lab` trained `steps` steps. */
export function encodeLabLink(lab: LabInputs, steps: number): string {
  const task = labTask(lab.task);
  const defaults = task.defaults;
  const params = new URLSearchParams();
  params.set('task', lab.task);
  for (const [key, field] of CONFIG_KEYS) {
    if (lab.config[field] !== defaults[field]) params.set(key, String(lab.config[field]));
  }
  if (lab.config.positions !== defaults.positions)
    params.set('pos', lab.config.positions ? 'on' : 'off');
  params.set('seed', String(lab.seed));
  if (steps > 0) params.set('steps', String(steps));
  if (lab.layer > 0) params.set('layer', String(lab.layer + 1));
  if (lab.head > 0) params.set('head', String(lab.head + 1));
  if (lab.example) params.set('ex', lab.example.map((id) => task.vocab[id]).join('.'));
  return `#${LAB_HASH}&${params.toString()}`;
}
