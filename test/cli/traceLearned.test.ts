/**
 * `npm run trace -- --weights learned`: the trace with the committed learned weights and its
 * `model` entry, and exit code 2 naming the nearest covered setting for one it does not cover.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function trace(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync('npx', ['tsx', 'src/cli/trace.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('trace --weights learned', () => {
  it('prints the trace with the learned weights, the causal mask on, and the model', () => {
    const result = trace(['--text', 'I love tennis.', '--weights', 'learned']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as {
      settings: { weights: string; causal: boolean; width: number; heads: number };
      heads: { weights: (number | null)[][] }[];
      model: {
        name: string;
        objective: string;
        heads: { head: number; pattern: unknown; share: number }[];
      };
    };
    expect(json.settings).toMatchObject({ weights: 'learned', causal: true, width: 8, heads: 1 });
    expect(json.model.name).toBe('learned');
    expect(json.model.objective).toBe('next-word');
    expect(json.model.heads.map((h) => h.head)).toEqual([1]);
    const share = json.model.heads[0]?.share ?? -1;
    expect(share).toBeGreaterThanOrEqual(0);
    expect(share).toBeLessThanOrEqual(1);
    // Causal: the first token sees only itself.
    expect(json.heads[0]?.weights[0]?.[0]).toBe(1);
  }, 60_000);

  it('exits with 2 and names the nearest covered setting for one it does not cover', () => {
    const result = trace([
      '--text',
      'I love tennis.',
      '--weights',
      'learned',
      '--width',
      '100',
      '--heads',
      '3',
    ]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/not width 100 with 3 heads; nearest: width 100 with 4 heads/);
    expect(result.stderr).toMatch(/--width 100 --heads 4/);
  }, 60_000);
});
