/**
 * The learned weights file: the committed one loads and matches its checksums; a damaged one
 * is refused; settings the file does not cover are answered with the nearest covered one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  chooseLearned,
  fromBase64,
  LEARNED_WEIGHTS_PATH,
  learnedCoverage,
  parseLearnedWeights,
  toBase64,
  weightsToBytes,
} from '../../src/core/learnedWeights';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { makeWeights } from '../../src/core/weights';
import { mulberry32 } from '../../src/core/random';
import { sha256Hex } from '../../src/core/sha256';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FILE = path.join(ROOT, 'public', LEARNED_WEIGHTS_PATH);
const committed = (): Record<string, unknown> =>
  JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;

/** A valid file holding random weights for the given settings. */
function synthetic(settings: readonly [number, number][]): Record<string, unknown> {
  return {
    format: 'attention-graph-learned-weights',
    version: 1,
    name: 'learned',
    corpus: 'test',
    objective: 'next-word',
    causal: true,
    models: settings.map(([width, heads]) => {
      const bytes = weightsToBytes(makeWeights(width, heads, 1, 'random'));
      return {
        width,
        heads,
        dK: Math.max(1, Math.floor(width / heads)),
        heldOutLoss: 5,
        baselineLoss: 5.1,
        parameters: 100,
        figures: Array.from({ length: heads }, (_, h) => ({
          head: h + 1,
          pattern: null,
          share: 0,
        })),
        sha256: sha256Hex(bytes),
        data: toBase64(bytes),
      };
    }),
  };
}

describe('base64', () => {
  it('round-trips every length', () => {
    const random = mulberry32(4);
    for (let n = 0; n < 20; n++) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
      expect([...fromBase64(toBase64(bytes))]).toEqual([...bytes]);
    }
    expect(toBase64(new TextEncoder().encode('Man'))).toBe('TWFu');
    expect(() => fromBase64('not base64!')).toThrow(/base64/);
  });
});

describe('the committed learned weights', () => {
  it('load, match their checksums and cover width 8 with 1 head and width 100 with 4 heads', () => {
    const file = parseLearnedWeights(committed());
    expect(file.objective).toBe('next-word');
    expect(file.causal).toBe(true);
    for (const [width, heads] of [
      [8, 1],
      [100, 4],
    ] as const) {
      const coverage = learnedCoverage(file, width, heads);
      expect(coverage.covered, `width ${width}, ${heads} heads`).toBe(true);
      if (!coverage.covered) continue;
      const { weights } = coverage.model;
      expect(weights.heads).toHaveLength(heads);
      expect(weights.heads[0]?.wq.rows).toBe(width);
      expect(weights.wo.cols).toBe(width);
      expect(coverage.model.figures.map((f) => f.head)).toEqual(
        Array.from({ length: heads }, (_, h) => h + 1),
      );
    }
  });

  it('are at most 1 MB', () => {
    expect(readFileSync(FILE).byteLength).toBeLessThanOrEqual(1024 * 1024);
  });

  it('are refused when one byte of the weights changes', () => {
    const json = committed();
    const models = json.models as { data: string }[];
    const first = models[0] as { data: string };
    const bytes = fromBase64(first.data);
    bytes[5] = (bytes[5] as number) ^ 1;
    first.data = toBase64(bytes);
    expect(() => parseLearnedWeights(json)).toThrow(/checksum/);
  });
});

describe('parseLearnedWeights', () => {
  it('refuses another format, a missing field and a wrong number of bytes', () => {
    expect(() => parseLearnedWeights({ format: 'x' })).toThrow(/not an attention-graph/);
    const noName = synthetic([[8, 1]]);
    delete noName.name;
    expect(() => parseLearnedWeights(noName)).toThrow(/"name"/);
    const short = synthetic([[8, 1]]);
    const model = (short.models as Record<string, unknown>[])[0] as Record<string, unknown>;
    const bytes = fromBase64(model.data as string).subarray(0, 16);
    model.data = toBase64(bytes);
    model.sha256 = sha256Hex(bytes);
    expect(() => parseLearnedWeights(short)).toThrow(/need 1024 bytes, got 16/);
  });

  it('reads back the weights that were written, exactly', () => {
    const file = parseLearnedWeights(synthetic([[6, 2]]));
    const original = makeWeights(6, 2, 1, 'random');
    const read = file.models[0]?.weights;
    expect([...(read?.heads[1]?.wk.data ?? [])]).toEqual([...(original.heads[1]?.wk.data ?? [])]);
    expect([...(read?.wo.data ?? [])]).toEqual([...original.wo.data]);
  });
});

describe('settings the learned weights do not cover', () => {
  const file = parseLearnedWeights(
    synthetic([
      [8, 1],
      [8, 2],
      [100, 4],
    ]),
  );

  it('are answered with the nearest covered setting: the closest width, then heads', () => {
    expect(learnedCoverage(file, 8, 3)).toEqual({
      covered: false,
      nearest: { width: 8, heads: 2 },
    });
    expect(learnedCoverage(file, 16, 4)).toEqual({
      covered: false,
      nearest: { width: 8, heads: 2 },
    });
    expect(learnedCoverage(file, 100, 1)).toEqual({
      covered: false,
      nearest: { width: 100, heads: 4 },
    });
    expect(learnedCoverage(file, 60, 4)).toEqual({
      covered: false,
      nearest: { width: 100, heads: 4 },
    });
  });

  it('give no weights, and a sentence that names what is covered and the nearest', () => {
    const choice = chooseLearned(file, { ...DEFAULT_SETTINGS, weights: 'learned', width: 16 });
    expect(choice.ok).toBe(false);
    if (choice.ok) return;
    expect(choice.message).toBe(
      'the learned weights cover width 8 with 1 head, width 8 with 2 heads, width 100 with 4 heads, ' +
        'not width 16 with 1 head; nearest: width 8 with 1 head',
    );
  });

  it('a covered setting turns the causal mask on, since the heads were trained with it', () => {
    const choice = chooseLearned(file, { ...DEFAULT_SETTINGS, weights: 'learned' });
    expect(choice.ok).toBe(true);
    if (!choice.ok) return;
    expect(choice.settings.causal).toBe(true);
    expect(choice.model).toEqual({
      name: 'learned',
      corpus: 'test',
      objective: 'next-word',
      heads: [{ head: 1, pattern: null, share: 0 }],
    });
  });
});
