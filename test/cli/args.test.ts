import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTraceArgs, USAGE, type ParsedArgs, type TraceOptions } from '../../src/cli/args';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The options of a parse that must succeed. */
function ok(argv: string[]): TraceOptions {
  const parsed: ParsedArgs = parseTraceArgs(argv);
  if (!parsed.ok) throw new Error(`expected ${argv.join(' ')} to parse, got: ${parsed.error}`);
  return parsed.options;
}

/** The error of a parse that must fail. */
function error(argv: string[]): string {
  const parsed = parseTraceArgs(argv);
  if (parsed.ok) throw new Error(`expected ${argv.join(' ')} to fail`);
  // One line, so the command can print it as is.
  expect(parsed.error).not.toContain('\n');
  return parsed.error;
}

describe('parseTraceArgs', () => {
  it('applies the defaults: width 8, 1 head, seed 7, scaled, similarity, with positions', () => {
    const options = ok(['--text', 'The cat sat.']);
    expect(options).toEqual({
      text: 'The cat sat.',
      settings: {
        width: 8,
        heads: 1,
        seed: 7,
        causal: false,
        scale: true,
        temperature: 1,
        weights: 'similarity',
        positions: true,
      },
      vectorsPath: null,
      pretty: false,
      help: false,
    });
    expect(options.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('reads every flag', () => {
    const options = ok([
      '--text',
      'I love tennis.',
      '--width',
      '16',
      '--heads',
      '4',
      '--seed',
      '42',
      '--causal',
      '--no-scale',
      '--temperature',
      '0.5',
      '--weights',
      'random',
      '--no-positions',
      '--vectors',
      '/tmp/table.bin',
      '--pretty',
    ]);
    expect(options).toEqual({
      text: 'I love tennis.',
      settings: {
        width: 16,
        heads: 4,
        seed: 42,
        causal: true,
        scale: false,
        temperature: 0.5,
        weights: 'random',
        positions: false,
      },
      vectorsPath: '/tmp/table.bin',
      pretty: true,
      help: false,
    });
  });

  it('accepts the --flag=value form, keeping any later "=" in the value', () => {
    const options = ok(['--text=a=b is true', '--width=16', '--heads=2', '--weights=random']);
    expect(options.text).toBe('a=b is true');
    expect(options.settings.width).toBe(16);
    expect(options.settings.heads).toBe(2);
    expect(options.settings.weights).toBe('random');
  });

  it('accepts flags in any order, the last of a repeated flag winning', () => {
    const options = ok(['--causal', '--width', '4', '--text', 'x', '--width', '12']);
    expect(options.settings.width).toBe(12);
    expect(options.settings.causal).toBe(true);
  });

  it('reads temperatures written as decimals and exponents', () => {
    expect(ok(['--text', 'x', '--temperature', '.5']).settings.temperature).toBe(0.5);
    expect(ok(['--text', 'x', '--temperature', '2']).settings.temperature).toBe(2);
    expect(ok(['--text', 'x', '--temperature', '1e-1']).settings.temperature).toBe(0.1);
    expect(ok(['--text', 'x', '--temperature', '2E1']).settings.temperature).toBe(20);
  });

  it('accepts the extremes of every range', () => {
    const low = ok(['--text', 'x', '--width', '1', '--heads', '1', '--seed', '0']);
    expect([low.settings.width, low.settings.heads, low.settings.seed]).toEqual([1, 1, 0]);
    const high = ok(['--text', 'x', '--width', '100', '--heads', '8', '--seed', '4294967295']);
    expect([high.settings.width, high.settings.heads, high.settings.seed]).toEqual([
      100, 8, 4294967295,
    ]);
    expect(ok(['--text', 'x', '--temperature', '0.01']).settings.temperature).toBe(0.01);
    expect(ok(['--text', 'x', '--temperature', '100']).settings.temperature).toBe(100);
  });

  it('--help needs no text', () => {
    const options = ok(['--help']);
    expect(options.help).toBe(true);
    expect(options.text).toBe('');
    expect(USAGE).toContain('--text');
  });

  it('names an unknown flag', () => {
    expect(error(['--text', 'x', '--bogus'])).toMatch(/unknown flag --bogus/);
    expect(error(['--bogus=3', '--text', 'x'])).toMatch(/--bogus(?!=)/);
    expect(error(['-w', '8', '--text', 'x'])).toMatch(/-w/);
  });

  it('says that a switch takes no value, naming it', () => {
    expect(error(['--text', 'x', '--causal=yes'])).toBe('--causal takes no value');
  });

  it('rejects a stray argument and asks for --text', () => {
    expect(error(['I', 'love', 'tennis'])).toMatch(/"I".*--text/);
    expect(error([])).toMatch(/--text is required/);
    expect(error(['--width', '8'])).toMatch(/--text/);
  });

  it('names the flag of a malformed number', () => {
    expect(error(['--text', 'x', '--width', 'abc'])).toMatch(/^--width .*"abc"/);
    expect(error(['--text', 'x', '--width', '8.5'])).toMatch(/^--width/);
    expect(error(['--text', 'x', '--width', '-3'])).toMatch(/^--width/);
    expect(error(['--text', 'x', '--heads', 'two'])).toMatch(/^--heads/);
    expect(error(['--text', 'x', '--seed', '0x10'])).toMatch(/^--seed/);
    expect(error(['--text', 'x', '--temperature', '-1'])).toMatch(/^--temperature .*"-1"/);
    expect(error(['--text', 'x', '--temperature', 'hot'])).toMatch(/^--temperature/);
    expect(error(['--text', 'x', '--width='])).toMatch(/^--width/);
  });

  it('names the flag of a number out of range', () => {
    expect(error(['--text', 'x', '--heads', '9'])).toMatch(/^--heads: .*1 to 8.*9/);
    expect(error(['--text', 'x', '--heads', '0'])).toMatch(/^--heads:/);
    expect(error(['--text', 'x', '--width', '0'])).toMatch(/^--width: .*1 to 100/);
    expect(error(['--text', 'x', '--width', '101'])).toMatch(/^--width:.*101/);
    expect(error(['--text', 'x', '--seed', '4294967296'])).toMatch(/^--seed:/);
    expect(error(['--text', 'x', '--temperature', '0'])).toMatch(/^--temperature: .*0\.01/);
    expect(error(['--text', 'x', '--temperature', '1000'])).toMatch(/^--temperature:.*100/);
  });

  it('names --weights for an unknown preset', () => {
    expect(error(['--text', 'x', '--weights', 'foo'])).toMatch(
      /^--weights .*random.*similarity.*"foo"/,
    );
  });

  it('names a flag that is missing its value', () => {
    expect(error(['--text'])).toBe('--text needs a value');
    expect(error(['--text', 'x', '--width'])).toBe('--width needs a value');
    expect(error(['--text', 'x', '--weights'])).toBe('--weights needs a value');
  });
});

describe('npm run trace (the real command)', () => {
  it('exits with code 2 and one line on stderr naming an unknown flag', () => {
    const result = spawnSync('npx', ['tsx', 'src/cli/trace.ts', '--bogus'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    const lines = result.stderr
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('npm warn'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/--bogus/);
    expect(result.stdout).toBe('');
  });
});
