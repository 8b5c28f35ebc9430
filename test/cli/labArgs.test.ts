import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLabDocument } from '../../src/core/lab/document';
import { inductionTask } from '../../src/core/lab/tasks/induction';
import { lookupTask } from '../../src/core/lab/tasks/lookup';
import { DEFAULT_LAB_SEED, LAB_USAGE, parseLabArgs, type LabOptions } from '../../src/cli/labArgs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function ok(argv: string[]): LabOptions {
  const parsed = parseLabArgs(argv);
  if (!parsed.ok) throw new Error(`expected ${argv.join(' ')} to parse, got: ${parsed.error}`);
  return parsed.options;
}

function error(argv: string[]): string {
  const parsed = parseLabArgs(argv);
  if (parsed.ok) throw new Error(`expected ${argv.join(' ')} to fail`);
  expect(parsed.error).not.toContain('\n');
  return parsed.error;
}

/** Runs the real command; stderr without npm's own warnings. */
function run(args: string[]) {
  const result = spawnSync('npx', ['tsx', 'src/cli/lab.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const stderr = result.stderr
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('npm warn'));
  return { status: result.status, stdout: result.stdout, stderr };
}

describe('parseLabArgs', () => {
  it('defaults to lookup at its defaults, seed 1, training', () => {
    const options = ok([]);
    expect(options.task).toBe(lookupTask);
    expect(options.config).toEqual(lookupTask.defaults);
    expect(options.seed).toBe(DEFAULT_LAB_SEED);
    expect([options.gradCheck, options.json, options.help]).toEqual([false, false, false]);
  });

  it('reads every flag, in both forms', () => {
    const options = ok([
      '--task',
      'induction',
      '--layers=3',
      '--heads',
      '2',
      '--width',
      '12',
      '--seed',
      '99',
      '--steps',
      '40',
      '--lr',
      '3e-3',
      '--batch',
      '8',
      '--no-positions',
      '--grad-check',
      '--json',
    ]);
    expect(options.task).toBe(inductionTask);
    expect(options.config).toEqual({
      width: 12,
      layers: 3,
      heads: 2,
      lr: 0.003,
      batch: 8,
      steps: 40,
      positions: false,
    });
    expect(options.seed).toBe(99);
    expect([options.gradCheck, options.json]).toEqual([true, true]);
  });

  it('takes no steps by default for a gradient check', () => {
    expect(ok(['--grad-check']).config.steps).toBe(0);
    expect(ok(['--grad-check', '--steps', '5']).config.steps).toBe(5);
  });

  it('names the flag of every bad value', () => {
    expect(error(['--bogus'])).toBe('unknown flag --bogus');
    expect(error(['--task', 'copy'])).toMatch(
      /^--task .*lookup, previous, reverse, induction.*"copy"/,
    );
    expect(error(['--layers', 'two'])).toMatch(/^--layers needs a number, got "two"/);
    expect(error(['--heads', '0'])).toMatch(/^--heads: heads must be .*1 to 8/);
    expect(error(['--width', '65'])).toMatch(/^--width: .*65/);
    expect(error(['--lr', '0'])).toMatch(/^--lr: /);
    expect(error(['--lr', '-1'])).toMatch(/^--lr needs a number/);
    expect(error(['--batch', '1.5'])).toMatch(/^--batch/);
    expect(error(['--seed', '4294967296'])).toMatch(/^--seed: /);
    expect(error(['--steps'])).toBe('--steps needs a value');
    expect(error(['--json=yes'])).toBe('--json takes no value');
    expect(error(['lookup'])).toMatch(/unexpected argument "lookup"/);
  });

  it('has a usage text naming every flag', () => {
    for (const flag of [
      '--task',
      '--layers',
      '--heads',
      '--width',
      '--seed',
      '--steps',
      '--lr',
      '--batch',
      '--no-positions',
      '--grad-check',
      '--json',
    ]) {
      expect(LAB_USAGE).toContain(flag);
    }
    expect(ok(['--help']).help).toBe(true);
  });
});

describe('npm run lab (the real command)', () => {
  it('exits with code 2 and one line on stderr naming a bad flag', () => {
    const { status, stdout, stderr } = run(['--task', 'lookup', '--bogus']);
    expect(status).toBe(2);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/--bogus/);
    expect(stdout).toBe('');
  });

  it('prints progress and a summary, or with --json only the document', () => {
    const text = run(['--task', 'reverse', '--steps', '20', '--seed', '3']);
    expect(text.status).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/task reverse/);
    expect(lines.some((l) => /^step 20\/20 .*held-out accuracy/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^done: 20 steps/);

    const json = run(['--task', 'reverse', '--steps', '20', '--seed', '3', '--json']);
    expect(json.status).toBe(0);
    const doc = parseLabDocument(JSON.parse(json.stdout));
    expect(doc.config.steps).toBe(20);
    expect('log' in doc && doc.log.map((e) => e.step)).toEqual([0, 10, 20]);
  });

  it('writes the gradient-check document with --grad-check --json', () => {
    const { status, stdout } = run(['--grad-check', '--json']);
    expect(status).toBe(0);
    const doc = parseLabDocument(JSON.parse(stdout));
    expect(doc.task).toBe('lookup');
    expect('grads' in doc && doc.batch.tokens).toHaveLength(lookupTask.defaults.batch);
  });
});
