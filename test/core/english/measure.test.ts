import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TaggedSentence } from '../../../src/core/english/brown';
import {
  createHeadAccumulator,
  patternTokens,
  RELATIONS,
} from '../../../src/core/english/headPatterns';
import { formatHeadTable, measureHeads } from '../../../src/core/english/measure';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { computeTrace } from '../../../src/core/trace';
import { loadWordVectors } from '../../../src/data/vectorTable';
import type { WordVectors } from '../../../src/core/vectors/table';
import { readFileBytes } from '../../../src/tools/nodeBytes';

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
    const expected = [createHeadAccumulator(), createHeadAccumulator()]; // not causal, as settings
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

describe('chance levels', () => {
  it('are the same for every head, and follow the mask', () => {
    const settings = { ...DEFAULT_SETTINGS, width: 8, heads: 2, weights: 'random' as const };
    const [a, b] = measureHeads(sample, vectors, settings);
    expect(a?.positionalChance).toEqual(b?.positionalChance);
    expect(a?.relations['verb-subject'].chance).toBe(b?.relations['verb-subject'].chance);
    const [causal] = measureHeads(sample, vectors, { ...settings, causal: true });
    expect(causal?.positionalChance.next).toBe(0);
    expect(causal?.relations['determiner-noun'].chance).toBe(0);
    expect(causal?.positionalChance.self).toBeGreaterThan(a?.positionalChance.self ?? 1);
  });
});

describe('formatHeadTable', () => {
  it('has a column per head, then chance, and a row per figure', () => {
    const settings = { ...DEFAULT_SETTINGS, width: 8, heads: 3 };
    const table = formatHeadTable(measureHeads(sample.slice(0, 5), vectors, settings));
    const lines = table.split('\n');
    expect(lines[0]).toMatch(
      /^figure \(%\)\s+head 1\s+head 2\s+head 3\s+chance\s+cases\s+baseline\s+at$/,
    );
    expect(lines.length).toBe(1 + 5 + RELATIONS.length + 2);
    expect(lines.some((l) => l.startsWith('pattern'))).toBe(true);
  });
});
