import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TaggedSentence } from '../../../src/core/english/brown';
import {
  createHeadAccumulator,
  patternTokens,
  RELATIONS,
} from '../../../src/core/english/headPatterns';
import { formatHeadTable, measureHeads, measureUniform } from '../../../src/core/english/measure';
import { computeTrace, DEFAULT_SETTINGS } from '../../../src/core/trace';
import { loadWordVectors, type WordVectors } from '../../../src/core/vectors';
import { readFileBytes } from '../../../src/tools/nodeBytes';
import { expectClose } from '../../helpers/expectClose';

const TABLE = new URL('../../../public/vectors/glove-30k-100d.bin', import.meta.url).href;
const sample = (
  JSON.parse(
    readFileSync(new URL('../../fixtures/brown-heldout-sample.json', import.meta.url), 'utf8'),
  ) as { sentences: TaggedSentence[] }
).sentences.slice(0, 60);

let vectors: WordVectors;
beforeAll(async () => {
  vectors = await loadWordVectors(TABLE, readFileBytes);
});

describe('measureHeads', () => {
  it("measures the very weights the app's trace shows, head by head", () => {
    const settings = { ...DEFAULT_SETTINGS, width: 16, heads: 2, weights: 'random' as const };
    const figures = measureHeads(sample, vectors, settings);
    expect(figures.length).toBe(2);
    const expected = [createHeadAccumulator(), createHeadAccumulator()];
    for (const s of sample) {
      const trace = computeTrace(s.text, settings, vectors);
      const tokens = patternTokens(trace.tokens, s.tags);
      trace.heads.forEach((head, h) => expected[h]?.add(tokens, head.weights));
    }
    figures.forEach((f, h) => expect(f).toEqual(expected[h]?.figures()));
    expect(figures[0]?.rows).toBe(sample.reduce((n, s) => n + s.tags.length, 0));
    // Two heads with different weights see differently.
    expect(figures[0]?.positional.self).not.toBe(figures[1]?.positional.self);
  });

  it('throws when the tags do not fit the tokens', () => {
    const bad = [{ doc: 'ca10', text: 'The cat sat.', tags: ['AT', 'NN'] }];
    expect(() => measureHeads(bad, vectors, DEFAULT_SETTINGS)).toThrow(/4 tokens but 2 tags/);
  });
});

describe('measureUniform', () => {
  it('gives chance: 1/T on every position, |targets|/T on every relation', () => {
    const cats = [{ doc: 'ca10', text: 'Cats sleep.', tags: ['NNS', 'VB', '.'] }];
    const f = measureUniform(cats, false);
    expectClose(f.positional.previous, 1 / 3, 1e-12);
    expectClose(f.positional.self, 1 / 3, 1e-12);
    expectClose(f.positional.punctuation, 1 / 3, 1e-12);
    expectClose(f.relations['verb-subject'].share, 1 / 3, 1e-12);
    const causal = measureUniform(cats, true);
    // Rows see 1, 2 and 3 tokens: "sleep" picks "Cats" half the time.
    expectClose(causal.relations['verb-subject'].share, 1 / 2, 1e-12);
    expect(causal.relations['subject-verb'].share).toBe(0);
    expectClose(causal.positional.self, (1 + 1 / 2 + 1 / 3) / 3, 1e-12);
  });
});

describe('formatHeadTable', () => {
  it('has a column per head, then chance, and a row per figure', () => {
    const settings = { ...DEFAULT_SETTINGS, width: 8, heads: 3 };
    const table = formatHeadTable(
      measureHeads(sample.slice(0, 5), vectors, settings),
      measureUniform(sample.slice(0, 5), false),
    );
    const lines = table.split('\n');
    expect(lines[0]).toMatch(
      /^figure \(%\)\s+head 1\s+head 2\s+head 3\s+uniform\s+cases\s+baseline\s+at$/,
    );
    expect(lines.length).toBe(1 + 5 + RELATIONS.length + 2);
    expect(lines.some((l) => l.startsWith('pattern'))).toBe(true);
  });
});
