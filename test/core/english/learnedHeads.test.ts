/**
 * The learned heads' figures, reproduced: measured here from the committed weights on the
 * committed held-out sample, and compared with what the measurement command printed on the
 * same sample (test/fixtures/learned-heads-sample-*.json, written by
 * `npm run measure:heads -- --weights learned --width W --heads H --sample --json`).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TaggedSentence } from '../../../src/core/english/brown';
import type { HeadFigures } from '../../../src/core/english/headPatterns';
import { measureHeads } from '../../../src/core/english/measure';
import {
  chooseLearned,
  parseLearnedWeights,
  type LearnedWeightsFile,
} from '../../../src/core/learnedWeights';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { loadWordVectors } from '../../../src/data/vectorTable';
import type { WordVectors } from '../../../src/core/vectors/table';
import { readFileBytes } from '../../../src/tools/nodeBytes';

const TABLE = new URL('../../../public/vectors/glove-30k-100d.bin', import.meta.url).href;
const read = <T>(relative: string): T =>
  JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as T;
const sample = read<{ sentences: TaggedSentence[] }>(
  '../../fixtures/brown-heldout-sample.json',
).sentences;

let vectors: WordVectors;
let file: LearnedWeightsFile;
beforeAll(async () => {
  vectors = await loadWordVectors(TABLE, readFileBytes);
  file = parseLearnedWeights(read('../../../public/weights/learned.json'));
});

describe.each([
  [8, 1],
  [8, 2],
  [100, 4],
])('the learned heads at width %i with %i heads', (width, heads) => {
  it('measure on the held-out sample as the measurement command printed', () => {
    const printed = read<{ sentences: number; figures: HeadFigures[] }>(
      `../../fixtures/learned-heads-sample-w${width}h${heads}.json`,
    );
    const choice = chooseLearned(file, { ...DEFAULT_SETTINGS, width, heads, weights: 'learned' });
    if (!choice.ok) throw new Error(choice.message);
    const figures = measureHeads(sample, vectors, choice.settings, choice.weights);
    expect(printed.sentences).toBe(sample.length);
    figures.forEach((f, h) => {
      const expected = printed.figures[h] as HeadFigures;
      expect(f.pattern, `head ${h + 1}`).toBe(expected.pattern);
      expect(f.share).toBeCloseTo(expected.share, 4);
      for (const p of ['previous', 'self', 'first', 'punctuation'] as const) {
        expect(f.positional[p], `head ${h + 1} ${p}`).toBeCloseTo(expected.positional[p], 4);
      }
    });
  }, 120_000);
});
