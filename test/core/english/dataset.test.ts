import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TaggedSentence } from '../../../src/core/english/brown';
import {
  buildVocabulary,
  COARSE_TAGS,
  coarseTag,
  encodeCorpus,
  maskedWordExample,
  maskRandom,
  nextWordTargets,
  positionTable,
  sentenceInput,
  tagTargets,
  vocabularyCoverage,
  wordId,
} from '../../../src/core/english/dataset';
import { tokenize } from '../../../src/core/tokenizer';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { embedText, traceFromEmbedded } from '../../../src/core/trace';
import { loadWordVectors } from '../../../src/data/vectorTable';
import type { WordVectors } from '../../../src/core/vectors/table';
import { readFileBytes } from '../../../src/tools/nodeBytes';

const TABLE = new URL('../../../public/vectors/glove-30k-100d.bin', import.meta.url).href;
const sample = (
  JSON.parse(
    readFileSync(new URL('../../fixtures/brown-heldout-sample.json', import.meta.url), 'utf8'),
  ) as { sentences: TaggedSentence[] }
).sentences;
const texts = (sentences: readonly TaggedSentence[]): string[][] =>
  sentences.map((s) => tokenize(s.text, { maxTokens: Infinity }).tokens.map((t) => t.text));

let vectors: WordVectors;
beforeAll(async () => {
  vectors = await loadWordVectors(TABLE, readFileBytes);
});

describe('buildVocabulary', () => {
  it('keeps the most frequent lower-cased words, ties in code-unit order, then "other"', () => {
    const v = buildVocabulary(
      [
        ['The', 'cat', 'sat', '.'],
        ['the', 'dog', "n't", '.'],
        ['THE', 'cat', '.'],
      ],
      4,
    );
    // "dog", "n't" and "sat" tie at 1: code-unit order keeps "dog".
    expect(v.words).toEqual(['.', 'the', 'cat', 'dog']);
    expect(v.otherId).toBe(4);
    expect(wordId(v, 'Cat')).toBe(2);
    expect(wordId(v, 'sat')).toBe(4);
  });

  it('does not depend on the order of the sentences', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom('a', 'B', 'b', 'c', 'd', 'e'), { maxLength: 6 }), {
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 4 }),
        (sentences, size) => {
          const forward = buildVocabulary(sentences, size);
          const backward = buildVocabulary([...sentences].reverse(), size);
          expect(backward.words).toEqual(forward.words);
        },
      ),
    );
  });
});

describe('coarseTag', () => {
  it('maps Brown tags to coarse classes', () => {
    const name = (tag: string | null): string | undefined => COARSE_TAGS[coarseTag(tag)];
    expect(name('NNS')).toBe('NOUN');
    expect(name('NP$')).toBe('NOUN');
    expect(name('BEDZ')).toBe('VERB');
    expect(name('MD')).toBe('VERB');
    expect(name('JJT')).toBe('ADJ');
    expect(name('*')).toBe('ADV');
    expect(name('AT')).toBe('DET');
    expect(name('PP$')).toBe('PRON');
    expect(name('IN')).toBe('ADP');
    expect(name('CS')).toBe('CONJ');
    expect(name('OD')).toBe('NUM');
    expect(name('POS')).toBe('PRT');
    expect(name(',')).toBe('PUNCT');
    expect(name("''")).toBe('PUNCT');
    expect(name('UH')).toBe('OTHER');
    expect(coarseTag(null)).toBe(-1);
  });
});

describe('encodeCorpus and sentenceInput', () => {
  it("gives exactly the trace's input, at a narrow width and at full width", () => {
    const sentences = sample.slice(0, 40);
    const vocabulary = buildVocabulary(texts(sentences), 50);
    for (const width of [8, 100]) {
      const corpus = encodeCorpus(sentences, vectors, width, vocabulary);
      const positions = positionTable(64, width);
      sentences.forEach((s, i) => {
        const trace = traceFromEmbedded(embedText(s.text, width, vectors, Infinity), {
          ...DEFAULT_SETTINGS,
          width,
          heads: 1,
        });
        const input = sentenceInput(corpus, corpus.sentences[i]!, positions);
        expect(Array.from(input)).toEqual(Array.from(trace.input.data));
      });
    }
  });

  it('looks each distinct word up once, keeps ids and tags, and cuts long sentences', () => {
    const sentences: TaggedSentence[] = [
      { doc: 'ca10', text: 'The cat saw the dog.', tags: ['AT', 'NN', 'VBD', 'AT', 'NN', '.'] },
      { doc: 'ca10', text: "Cats don't.", tags: ['NNS', 'DO', '*', '.'] },
    ];
    const vocabulary = buildVocabulary(texts(sentences), 3);
    const corpus = encodeCorpus(sentences, vectors, 8, vocabulary, 4);
    expect(corpus.lookups).toEqual(['the', 'cat', 'saw', 'cats', 'do', 'not', '.']);
    expect(Array.from(corpus.sentences[0]!.rows)).toEqual([0, 1, 2, 0]);
    expect(corpus.truncatedTokens).toBe(2);
    expect(vocabulary.words).toEqual(['.', 'the', 'cat']);
    expect(Array.from(corpus.sentences[0]!.words)).toEqual([1, 2, 3, 1]);
    expect(Array.from(tagTargets(corpus.sentences[1]!)).map((t) => COARSE_TAGS[t])).toEqual([
      'NOUN',
      'VERB',
      'ADV',
      'PUNCT',
    ]);
    expect(vocabularyCoverage(corpus)).toBeCloseTo(4 / 8, 12);
  });

  it('throws when tags do not fit the tokens', () => {
    const bad = [{ doc: 'ca10', text: 'The cat sat.', tags: ['AT'] }];
    expect(() => encodeCorpus(bad, vectors, 8, buildVocabulary([], 1))).toThrow(
      /4 tokens but 1 tags/,
    );
  });

  it('gives a masked row its position alone', () => {
    const sentences = sample.slice(0, 1);
    const corpus = encodeCorpus(sentences, vectors, 8, buildVocabulary(texts(sentences), 10));
    const positions = positionTable(64, 8);
    const s = corpus.sentences[0]!;
    const masked = new Uint8Array(s.rows.length);
    masked[2] = 1;
    const input = sentenceInput(corpus, s, positions, masked);
    const plain = sentenceInput(corpus, s, positions);
    expect(Array.from(input.subarray(16, 24))).toEqual(Array.from(positions.subarray(16, 24)));
    expect(Array.from(input.subarray(0, 16))).toEqual(Array.from(plain.subarray(0, 16)));
  });
});

describe('targets', () => {
  const sentence = {
    rows: new Int32Array([0, 1, 2, 3, 4]),
    words: new Int32Array([7, 3, 9, 3, 1]),
    tags: new Int8Array([0, 0, 0, 0, 0]),
  };

  it('next-word targets are the following ids, none for the last token', () => {
    expect(Array.from(nextWordTargets(sentence))).toEqual([3, 9, 3, 1, -1]);
  });

  it('masked-word examples are seeded, mask at least one token and target exactly the masked ones', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (seed, rate) => {
          const a = maskedWordExample(sentence, rate, maskRandom(seed, 0, 3));
          const b = maskedWordExample(sentence, rate, maskRandom(seed, 0, 3));
          expect(a).toEqual(b);
          expect(a.masked.reduce((n, m) => n + m, 0)).toBeGreaterThanOrEqual(1);
          a.masked.forEach((m, t) => expect(a.targets[t]).toBe(m ? sentence.words[t] : -1));
        },
      ),
    );
    const all = maskedWordExample(sentence, 1, maskRandom(1, 0, 0));
    expect(Array.from(all.targets)).toEqual([7, 3, 9, 3, 1]);
  });

  it('draws different masks for other epochs', () => {
    const long = {
      ...sentence,
      words: new Int32Array(40).fill(1),
      rows: new Int32Array(40),
      tags: new Int8Array(40),
    };
    const a = maskedWordExample(long, 0.15, maskRandom(5, 0, 0));
    const b = maskedWordExample(long, 0.15, maskRandom(5, 1, 0));
    expect(Array.from(a.masked)).not.toEqual(Array.from(b.masked));
  });
});
