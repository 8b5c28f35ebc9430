import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createHeadAccumulator,
  dominantPattern,
  MIN_CASES,
  PATTERNS,
  patternTokens,
  POSITIONAL_PATTERNS,
  RELATIONS,
  relationCases,
  type PatternToken,
  type RelationFigure,
  type RelationName,
  type WeightRows,
} from '../../../src/core/english/headPatterns';
import type { TaggedSentence } from '../../../src/core/english/brown';
import { tokenize } from '../../../src/core/tokenizer';
import { expectClose } from '../../helpers/expectClose';

/** Tokens from "word/TAG" pairs; "-" as a tag stands for null (a piece of a word). */
const sentence = (line: string): PatternToken[] =>
  line.split(' ').map((item) => {
    const slash = item.lastIndexOf('/');
    const text = item.slice(0, slash);
    const tag = item.slice(slash + 1);
    return { text, tag: tag === '-' ? null : tag, punctuation: /^\p{P}+$/u.test(text) };
  });

/** A (T, T) weight matrix whose row i is `row(i)`. */
const weights = (T: number, row: (i: number) => number[]): WeightRows => {
  const data = new Float64Array(T * T);
  for (let i = 0; i < T; i++) data.set(row(i), i * T);
  return { rows: T, cols: T, data };
};
const oneHot = (T: number, j: number): number[] =>
  Array.from({ length: T }, (_, k) => (k === j ? 1 : 0));

const CAT = sentence(
  'The/AT old/JJ cat/NN sat/VBD on/IN the/AT mat/NN because/CS it/PPS was/BEDZ tired/JJ ./.',
);

const sample = (
  JSON.parse(
    readFileSync(new URL('../../fixtures/brown-heldout-sample.json', import.meta.url), 'utf8'),
  ) as { sentences: TaggedSentence[] }
).sentences.map((s) => patternTokens(tokenize(s.text, { maxTokens: Infinity }).tokens, s.tags));

describe('relationCases', () => {
  it('finds the relations of "The old cat sat on the mat because it was tired."', () => {
    const found = relationCases(CAT).map((c) => [c.relation, c.source, c.targets]);
    expect(found).toEqual([
      ['determiner-noun', 0, [2]],
      ['determiner-noun', 5, [6]],
      ['noun-determiner', 2, [0]],
      ['noun-determiner', 6, [5]],
      ['adjective-noun', 1, [2]],
      ['noun-adjective', 2, [1]],
      ['preposition-object', 4, [6]],
      ['object-preposition', 6, [4]],
      ['subject-verb', 2, [3]],
      ['subject-verb', 8, [9]],
      ['verb-subject', 3, [2]],
      ['verb-subject', 9, [8]],
      ['pronoun-antecedent', 8, [6]],
    ]);
  });

  it('takes the last noun of a compound as the head, across word pieces, and merges targets', () => {
    const tokens = sentence(
      'the/AT big/JJ red/JJ term/- -/- end/NN presentments/NNS were/BED read/VBN ./.',
    );
    const cases = relationCases(tokens);
    const of = (r: RelationName): [number, readonly number[]][] =>
      cases.filter((c) => c.relation === r).map((c) => [c.source, c.targets]);
    expect(of('determiner-noun')).toEqual([[0, [6]]]);
    expect(of('adjective-noun')).toEqual([
      [1, [6]],
      [2, [6]],
    ]);
    expect(of('noun-adjective')).toEqual([[6, [1, 2]]]);
    expect(of('verb-subject')).toEqual([[7, [6]]]);
  });

  it('finds objects of verbs and prepositions, pronouns included, and skips infinitive subjects', () => {
    const tokens = sentence(
      'They/PPSS want/VB to/TO see/VB the/AT first/OD games/NNS with/IN him/PPO ./.',
    );
    const cases = relationCases(tokens);
    const of = (r: RelationName): [number, readonly number[]][] =>
      cases.filter((c) => c.relation === r).map((c) => [c.source, c.targets]);
    expect(of('verb-subject')).toEqual([[1, [0]]]);
    expect(of('verb-object')).toEqual([[3, [6]]]);
    expect(of('object-verb')).toEqual([[6, [3]]]);
    expect(of('preposition-object')).toEqual([[7, [8]]]);
    // "They" is not third-person singular and nothing plural comes before it.
    expect(of('pronoun-antecedent')).toEqual([]);
  });

  it('matches a pronoun with the nearest noun of its number', () => {
    const tokens = sentence(
      'The/AT dogs/NNS saw/VBD a/AT cat/NN ;/. they/PPSS chased/VBD it/PPO ./.',
    );
    const of = relationCases(tokens).filter((c) => c.relation === 'pronoun-antecedent');
    expect(of.map((c) => [c.source, c.targets])).toEqual([
      [6, [1]],
      [8, [4]],
    ]);
  });

  it('keeps sources and targets inside the sentence, forward relations forward, backward backward', () => {
    const tags = fc.constantFrom(
      'AT',
      'JJ',
      'NN',
      'NNS',
      'NP$',
      'IN',
      'VB',
      'VBD',
      'BEZ',
      'MD',
      'RB',
      '*',
      'TO',
      'PPS',
      'PPO',
      'CC',
      '.',
      null,
    );
    const words = fc.constantFrom('it', 'they', 'his', 'cat', 'the', 'ran');
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: words, tag: tags, punctuation: fc.boolean() }), {
          maxLength: 25,
        }),
        (tokens) => {
          for (const c of relationCases(tokens)) {
            expect(c.targets.length).toBeGreaterThan(0);
            for (const t of c.targets) {
              expect(t).toBeGreaterThanOrEqual(0);
              expect(t).toBeLessThan(tokens.length);
              const forward =
                RELATIONS.indexOf(c.relation) % 2 === 0 && c.relation !== 'pronoun-antecedent';
              if (forward) expect(t).toBeGreaterThan(c.source);
              else expect(t).toBeLessThan(c.source);
            }
          }
        },
      ),
    );
  });
});

describe('createHeadAccumulator', () => {
  it('hand-computed figures on a three-token sentence', () => {
    const tokens = sentence('Cats/NNS sleep/VB ./.');
    const acc = createHeadAccumulator();
    acc.add(
      tokens,
      weights(
        3,
        (i) =>
          [
            [0.5, 0.3, 0.2],
            [0.6, 0.1, 0.3],
            [0.2, 0.2, 0.6],
          ][i] as number[],
      ),
    );
    const f = acc.figures();
    expect(f.sentences).toBe(1);
    expect(f.rows).toBe(3);
    expectClose(f.positional.previous, (0.6 + 0.2) / 2, 1e-12);
    expectClose(f.positional.next, (0.3 + 0.3) / 2, 1e-12);
    expectClose(f.positional.self, (0.5 + 0.1 + 0.6) / 3, 1e-12);
    expectClose(f.positional.first, (0.6 + 0.2) / 2, 1e-12);
    expectClose(f.positional.punctuation, (0.2 + 0.3 + 0.6) / 3, 1e-12);
    // "sleep" looks hardest at "Cats", its subject; "Cats" looks hardest at itself, not at "sleep".
    expect(f.relations['verb-subject']).toEqual({
      cases: 1,
      share: 1,
      baseline: 1,
      baselinePattern: 'previous',
      chance: 1 / 3,
    });
    expect(f.relations['subject-verb']).toMatchObject({ cases: 1, share: 0, baseline: 1 });
    // Chance: an even spread gives 1/3 to every token.
    for (const p of POSITIONAL_PATTERNS) expectClose(f.positionalChance[p], 1 / 3, 1e-12);
    // No figure reaches twice its chance level: no pattern.
    expect(f.pattern).toBeNull();
    expect(f.share).toBe(0);
  });

  it('gives chance levels for a causal head: an even spread over the tokens seen so far', () => {
    const tokens = sentence('Cats/NNS sleep/VB ./.');
    const acc = createHeadAccumulator({ causal: true });
    acc.add(
      tokens,
      weights(
        3,
        (i) =>
          [
            [1, 0, 0],
            [0.5, 0.5, 0],
            [0.2, 0.2, 0.6],
          ][i] as number[],
      ),
    );
    const f = acc.figures();
    // Rows see 1, 2 and 3 tokens.
    expectClose(f.positionalChance.self, (1 + 1 / 2 + 1 / 3) / 3, 1e-12);
    expectClose(f.positionalChance.previous, (1 / 2 + 1 / 3) / 2, 1e-12);
    expect(f.positionalChance.next).toBe(0);
    expectClose(f.positionalChance.punctuation, (0 + 0 + 1 / 3) / 3, 1e-12);
    expectClose(f.relations['verb-subject'].chance, 1 / 2, 1e-12);
    expect(f.relations['subject-verb'].chance).toBe(0);
    // "sleep" ties between "Cats" and itself: half a hit.
    expect(f.relations['verb-subject'].share).toBe(0.5);
  });

  it('shares the credit of a tie among the tied tokens', () => {
    const tokens = sentence('Cats/NNS sleep/VB ./.');
    const acc = createHeadAccumulator();
    acc.add(
      tokens,
      weights(3, () => [0.4, 0.4, 0.2]),
    );
    expect(acc.figures().relations['verb-subject'].share).toBe(0.5);
  });

  it('an identity head is all self, a shifted identity all previous', () => {
    const self = createHeadAccumulator();
    const previous = createHeadAccumulator();
    for (const tokens of sample.slice(0, 40)) {
      const T = tokens.length;
      self.add(
        tokens,
        weights(T, (i) => oneHot(T, i)),
      );
      previous.add(
        tokens,
        weights(T, (i) => oneHot(T, Math.max(0, i - 1))),
      );
    }
    const s = self.figures();
    expect(s.positional).toMatchObject({ self: 1, previous: 0, next: 0, first: 0 });
    expect(s).toMatchObject({ pattern: 'self', share: 1 });
    const p = previous.figures();
    expect(p.positional).toMatchObject({ previous: 1, next: 0 });
    expect(p).toMatchObject({ pattern: 'previous', share: 1 });
    // A previous-token head scores its relation shares at exactly their previous-token baseline.
    expect(p.relations['noun-adjective'].share).toBeCloseTo(
      p.relations['noun-adjective'].baselinePattern === 'previous'
        ? p.relations['noun-adjective'].baseline
        : -1,
      12,
    );
  });

  it('calls a head that finds each noun its determiner a noun-determiner head', () => {
    const acc = createHeadAccumulator();
    for (const tokens of sample) {
      const T = tokens.length;
      const determiner = new Map(
        relationCases(tokens)
          .filter((c) => c.relation === 'noun-determiner')
          .map((c) => [c.source, c.targets[0] as number]),
      );
      // Uniform rows elsewhere, so no positional figure stands out.
      acc.add(
        tokens,
        weights(T, (i) =>
          determiner.has(i) ? oneHot(T, determiner.get(i) as number) : Array(T).fill(1 / T),
        ),
      );
    }
    const f = acc.figures();
    expect(f.relations['noun-determiner'].cases).toBeGreaterThan(MIN_CASES);
    expect(f.relations['noun-determiner'].share).toBe(1);
    expect(f.relations['noun-determiner'].baseline).toBeLessThan(0.9);
    expect(f).toMatchObject({ pattern: 'noun-determiner', share: 1 });
  });

  it('throws when the weights do not fit the tokens', () => {
    const acc = createHeadAccumulator();
    expect(() =>
      acc.add(
        CAT,
        weights(3, () => [1, 0, 0]),
      ),
    ).toThrow(/\(3, 3\) for 12 tokens/);
  });

  it('keeps every figure in [0, 1] and names a pattern whose figure is the share', () => {
    const softmaxRows = (T: number, raw: number[]): WeightRows =>
      weights(T, (i) => {
        const row = raw.slice(i * T, (i + 1) * T).map((x) => Math.exp(x));
        const sum = row.reduce((a, b) => a + b, 0);
        return row.map((x) => x / sum);
      });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: sample.length - 1 }),
        fc.array(fc.double({ min: -8, max: 8, noNaN: true }), { minLength: 1600, maxLength: 1600 }),
        fc.boolean(),
        (index, raw, causal) => {
          const tokens = sample[index] as PatternToken[];
          const T = tokens.length;
          const masked = raw
            .slice(0, T * T)
            .map((x, k) => (causal && k % T > Math.floor(k / T) ? -Infinity : x));
          const acc = createHeadAccumulator();
          acc.add(tokens, softmaxRows(T, masked));
          const f = acc.figures();
          for (const p of POSITIONAL_PATTERNS) {
            expect(f.positional[p]).toBeGreaterThanOrEqual(0);
            expect(f.positional[p]).toBeLessThanOrEqual(1 + 1e-12);
          }
          if (causal) expect(f.positional.next).toBe(0);
          for (const r of RELATIONS) {
            const { share, baseline } = f.relations[r];
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(1);
            expect(baseline).toBeGreaterThanOrEqual(0);
            expect(baseline).toBeLessThanOrEqual(1);
          }
          if (f.pattern === null) {
            expect(f.share).toBe(0);
            return;
          }
          expect(PATTERNS).toContain(f.pattern);
          const figure = (POSITIONAL_PATTERNS as readonly string[]).includes(f.pattern)
            ? f.positional[f.pattern as (typeof POSITIONAL_PATTERNS)[number]]
            : f.relations[f.pattern as RelationName].share;
          expect(f.share).toBe(figure);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('dominantPattern', () => {
  const positional = { previous: 0.3, next: 0.1, self: 0.2, first: 0.1, punctuation: 0.2 };
  const chance = { previous: 0.05, next: 0.05, self: 0.05, first: 0.05, punctuation: 0.1 };
  const relation = (cases: number, share: number, baseline: number): RelationFigure => ({
    cases,
    share,
    baseline,
    baselinePattern: 'previous',
    chance: 0.05,
  });
  const none = Object.fromEntries(RELATIONS.map((r) => [r, relation(0, 0, 0)])) as Record<
    RelationName,
    RelationFigure
  >;

  it('takes the largest mean weight when no relation qualifies', () => {
    expect(dominantPattern(positional, chance, none)).toEqual({ pattern: 'previous', share: 0.3 });
  });

  it('takes a relation only with enough cases and a clear lift over its baseline', () => {
    const lifted = { ...none, 'verb-subject': relation(MIN_CASES, 0.5, 0.35) };
    expect(dominantPattern(positional, chance, lifted)).toEqual({
      pattern: 'verb-subject',
      share: 0.5,
    });
    const few = { ...none, 'verb-subject': relation(MIN_CASES - 1, 0.9, 0.1) };
    expect(dominantPattern(positional, chance, few).pattern).toBe('previous');
    const explained = { ...none, 'noun-adjective': relation(500, 0.9, 0.85) };
    expect(dominantPattern(positional, chance, explained).pattern).toBe('previous');
  });

  it('breaks ties in the order of PATTERNS', () => {
    expect(dominantPattern({ ...positional, self: 0.3 }, chance, none).pattern).toBe('previous');
  });

  it('counts only figures at least twice their chance level, and may find none', () => {
    const highChance = { ...chance, previous: 0.2 };
    expect(dominantPattern(positional, highChance, none)).toEqual({
      pattern: 'self',
      share: 0.2,
    });
    const chanceEverywhere = { previous: 0.3, next: 0.1, self: 0.2, first: 0.1, punctuation: 0.2 };
    expect(dominantPattern(positional, chanceEverywhere, none)).toEqual({
      pattern: null,
      share: 0,
    });
    const weakRelation = { ...none, 'verb-subject': { ...relation(100, 0.5, 0.2), chance: 0.3 } };
    expect(
      dominantPattern({ ...positional, previous: 0.01 }, chanceEverywhere, weakRelation),
    ).toEqual({
      pattern: null,
      share: 0,
    });
  });
});
