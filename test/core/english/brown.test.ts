import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  alignSentence,
  isHeldOut,
  normalizeTag,
  parseBrownDocument,
  POSSESSIVE_TAG,
  tagParts,
  type BrownSentence,
  type TaggedSentence,
} from '../../../src/core/english/brown';
import { tokenize } from '../../../src/core/tokenizer';

/** A Brown sentence from "word/tag word/tag ..." as written in the corpus files. */
const brown = (line: string): BrownSentence => {
  const [sentence] = parseBrownDocument('ca01', `\n\n\t${line}\n`);
  return sentence as BrownSentence;
};
const pairs = (s: TaggedSentence): [string, string | null][] =>
  tokenize(s.text, { maxTokens: Infinity }).tokens.map((t, i) => [t.text, s.tags[i] ?? null]);

describe('parseBrownDocument', () => {
  it('reads one sentence per non-empty line, splitting word and tag at the last slash', () => {
    const sentences = parseBrownDocument(
      'cb02',
      '\n\n\tThe/at jury/nn said/vbd ./.\n\n\n\tHalf/abn is/bez 1/2/cd ./.\n',
    );
    expect(sentences).toEqual([
      {
        doc: 'cb02',
        words: [
          { word: 'The', tag: 'at' },
          { word: 'jury', tag: 'nn' },
          { word: 'said', tag: 'vbd' },
          { word: '.', tag: '.' },
        ],
      },
      {
        doc: 'cb02',
        words: [
          { word: 'Half', tag: 'abn' },
          { word: 'is', tag: 'bez' },
          { word: '1/2', tag: 'cd' },
          { word: '.', tag: '.' },
        ],
      },
    ]);
  });

  it('throws on a token without a tag', () => {
    expect(() => parseBrownDocument('ca01', 'The/at jury')).toThrow(/ca01.*"jury"/);
  });
});

describe('normalizeTag and tagParts', () => {
  it('drops title, headline, citation and foreign-word marks and upper-cases', () => {
    expect(normalizeTag('np-tl')).toBe('NP');
    expect(normalizeTag('nn-tl-hl')).toBe('NN');
    expect(normalizeTag('fw-at')).toBe('AT');
    expect(normalizeTag('fw-in+at-tl')).toBe('IN+AT');
    expect(normalizeTag('pps+bez-nc')).toBe('PPS+BEZ');
    expect(normalizeTag('np$')).toBe('NP$');
    expect(normalizeTag("''")).toBe("''");
  });

  it('splits contracted tags and a trailing negation', () => {
    expect(tagParts('PPS+BEZ')).toEqual(['PPS', 'BEZ']);
    expect(tagParts('DOD*')).toEqual(['DOD', '*']);
    expect(tagParts('*')).toEqual(['*']);
    expect(tagParts('NN')).toEqual(['NN']);
  });
});

describe('alignSentence', () => {
  it('tags a plain sentence one token per word, with readable text', () => {
    const { sentence, stats } = alignSentence(
      brown("The/at jury/nn said/vbd ,/, ``/`` yes/rb ''/'' ./."),
    );
    expect(sentence.text).toBe('The jury said, "yes".');
    expect(pairs(sentence)).toEqual([
      ['The', 'AT'],
      ['jury', 'NN'],
      ['said', 'VBD'],
      [',', ','],
      ['"', '``'],
      ['yes', 'RB'],
      ['"', "''"],
      ['.', '.'],
    ]);
    expect(stats).toMatchObject({ words: 8, tokens: 8, oneToOne: 8, droppedTokens: 0 });
  });

  it('gives each piece of a contraction its own tag part', () => {
    const { sentence, stats } = alignSentence(
      brown("It's/pps+bez true/jj we/ppss didn't/dod* know/vb it/ppo ./."),
    );
    expect(pairs(sentence)).toEqual([
      ['It', 'PPS'],
      ["'s", 'BEZ'],
      ['true', 'JJ'],
      ['we', 'PPSS'],
      ['did', 'DOD'],
      ["n't", '*'],
      ['know', 'VB'],
      ['it', 'PPO'],
      ['.', '.'],
    ]);
    expect(stats.contractions).toBe(2);
  });

  it("tags a possessive's stem with the Brown tag and its 's with POS; a plural's 's is a part", () => {
    const { sentence, stats } = alignSentence(brown("Atlanta's/np$ 1920's/nns ./."));
    expect(pairs(sentence)).toEqual([
      ['Atlanta', 'NP$'],
      ["'s", POSSESSIVE_TAG],
      ['1920', 'NNS'],
      ["'s", null],
      ['.', '.'],
    ]);
    expect(stats.partTokens).toBe(1);
  });

  it('gives a word cut in pieces its tag on the last word piece', () => {
    const { sentence, stats } = alignSentence(brown('term-end/nn presentments/nns ./.'));
    expect(pairs(sentence)).toEqual([
      ['term', null],
      ['-', null],
      ['end', 'NN'],
      ['presentments', 'NNS'],
      ['.', '.'],
    ]);
    expect(stats).toMatchObject({ splitWords: 1, partTokens: 2, oneToOne: 2 });
  });

  it('keeps the first tag part of a word the tokenizer leaves whole', () => {
    const { sentence, stats } = alignSentence(brown('I/ppss cannot/md* go/vb ./.'));
    expect(pairs(sentence).map(([, tag]) => tag)).toEqual(['PPSS', 'MD', 'VB', '.']);
    expect(stats.firstPartKept).toBe(1);
  });

  it('spaces a sentence out when readable text would merge two words ("Jr." then ".")', () => {
    const { sentence, stats } = alignSentence(brown('Ivan/np Allen/np Jr./np ./.'));
    expect(sentence.text).toBe('Ivan Allen Jr. .');
    expect(stats.spacedOut).toBe(1);
    expect(pairs(sentence)).toEqual([
      ['Ivan', 'NP'],
      ['Allen', 'NP'],
      ['Jr', 'NP'],
      ['.', null],
      ['.', '.'],
    ]);
  });

  it('drops the pieces of a contraction whose clitics do not match its tag parts', () => {
    const { sentence, stats } = alignSentence(brown("so's/cs+bez+ppo it/pps ./."));
    expect(sentence.tags).toEqual([null, null, 'PPS', '.']);
    expect(stats).toMatchObject({ droppedWords: 1, droppedTokens: 2 });
  });

  it('always gives one tag per app token, whatever the words', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9'.\-$,]{1,8}$/);
    const tag = fc.constantFrom('nn', 'np$', 'pps+bez', 'dod*', 'jj-tl', '.', 'md+hv');
    fc.assert(
      fc.property(fc.array(fc.record({ word, tag }), { minLength: 1, maxLength: 12 }), (words) => {
        const { sentence, stats } = alignSentence({ doc: 'ca01', words });
        const tokens = tokenize(sentence.text, { maxTokens: Infinity }).tokens;
        expect(sentence.tags.length).toBe(tokens.length);
        expect(stats.tokens).toBe(tokens.length);
      }),
    );
  });
});

describe('isHeldOut', () => {
  it('holds out every tenth document, a tenth of the 500', () => {
    const held = Array.from({ length: 500 }, (_, i) => i).filter(isHeldOut);
    expect(held.length).toBe(50);
    expect(held.slice(0, 3)).toEqual([9, 19, 29]);
  });
});

describe('the committed held-out sample', () => {
  const sample = JSON.parse(
    readFileSync(new URL('../../fixtures/brown-heldout-sample.json', import.meta.url), 'utf8'),
  ) as { license: string; heldOutDocs: string[]; sentences: TaggedSentence[] };

  it('has one tag per token of the app tokenizer, for every sentence', () => {
    expect(sample.sentences.length).toBe(300);
    const mismatched = sample.sentences.filter(
      (s) => tokenize(s.text, { maxTokens: Infinity }).tokens.length !== s.tags.length,
    );
    expect(mismatched).toEqual([]);
    expect(sample.license).toContain('redistribution permitted');
  });

  it('comes from held-out documents only', () => {
    expect(sample.heldOutDocs.length).toBe(50);
    expect(sample.heldOutDocs.slice(0, 2)).toEqual(['ca10', 'ca20']);
    const docs = new Set(sample.sentences.map((s) => s.doc));
    expect(docs.size).toBeGreaterThan(20);
    expect([...docs].filter((d) => !sample.heldOutDocs.includes(d))).toEqual([]);
  });
});
