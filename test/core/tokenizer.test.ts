import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MAX_TOKENS, tokenize } from '../../src/core/tokenizer';
import type { Token, Tokenization } from '../../src/core/types';
import { binaryString } from '../helpers/arbitraries';

const texts = (text: string): string[] => tokenize(text).tokens.map((t) => t.text);
const kinds = (text: string): string[] => tokenize(text).tokens.map((t) => t.kind);
const spans = (text: string): Array<[string, number, number]> =>
  tokenize(text).tokens.map((t) => [t.text, t.start, t.end]);

/** Every invariant a tokenization must satisfy, whatever the input. */
function checkInvariants(text: string, result: Tokenization, maxTokens = MAX_TOKENS): void {
  expect(result.tokens.length).toBeLessThanOrEqual(maxTokens);
  // Collected in plain code and asserted once: an expect per token is slow on 512 tokens.
  const problems: string[] = [];
  let previousEnd = 0;
  result.tokens.forEach((token, i) => {
    const where = `token ${i} ${JSON.stringify(token)}`;
    if (token.text.length === 0) problems.push(`${where} is empty`);
    if (token.start < previousEnd) problems.push(`${where} overlaps the previous one`);
    if (token.end <= token.start) problems.push(`${where} has no extent`);
    if (token.end > text.length) problems.push(`${where} ends past the text`);
    if (text.slice(token.start, token.end).normalize('NFC') !== token.text) {
      problems.push(`${where} is not the NFC form of its slice`);
    }
    if (token.text.trim() === '') problems.push(`${where} is whitespace`);
    if (/^[\s\p{Cc}\p{Cf}\p{Cs}]/u.test(token.text)) problems.push(`${where} starts invisibly`);
    previousEnd = token.end;
  });
  expect(problems).toEqual([]);
}

const shift = (tokens: readonly Token[], by: number): Token[] =>
  tokens.map((t) => ({ ...t, start: t.start + by, end: t.end + by }));

describe('tokenize: words, numbers and punctuation', () => {
  it('splits "I love tennis." into words and a full stop, with exact offsets', () => {
    expect(tokenize('I love tennis.')).toEqual({
      tokens: [
        { text: 'I', start: 0, end: 1, kind: 'word' },
        { text: 'love', start: 2, end: 6, kind: 'word' },
        { text: 'tennis', start: 7, end: 13, kind: 'word' },
        { text: '.', start: 13, end: 14, kind: 'punctuation' },
      ],
      truncated: false,
    });
  });

  it('tokenizes the classroom sentence with an ampersand', () => {
    const text = 'I love Tennis & I am a big fan of Rafael Nadal.';
    expect(texts(text)).toEqual([
      'I',
      'love',
      'Tennis',
      '&',
      'I',
      'am',
      'a',
      'big',
      'fan',
      'of',
      'Rafael',
      'Nadal',
      '.',
    ]);
    const ampersand = tokenize(text).tokens[3];
    expect(ampersand).toMatchObject({ text: '&', start: 14, end: 15 });
    expect(['punctuation', 'symbol']).toContain(ampersand?.kind);
  });

  it('tokenizes "The cat sat on the mat because it was tired."', () => {
    const text = 'The cat sat on the mat because it was tired.';
    expect(texts(text)).toEqual([
      'The',
      'cat',
      'sat',
      'on',
      'the',
      'mat',
      'because',
      'it',
      'was',
      'tired',
      '.',
    ]);
    expect(tokenize(text).tokens.at(-2)).toEqual({
      text: 'tired',
      start: 38,
      end: 43,
      kind: 'word',
    });
  });

  it('keeps numbers whole and separates the punctuation around them', () => {
    expect(spans('Rafael Nadal, 2008!')).toEqual([
      ['Rafael', 0, 6],
      ['Nadal', 7, 12],
      [',', 12, 13],
      ['2008', 14, 18],
      ['!', 18, 19],
    ]);
    expect(kinds('Rafael Nadal, 2008!')).toEqual([
      'word',
      'word',
      'punctuation',
      'number',
      'punctuation',
    ]);
    expect(tokenize('3.14 1,000 2008').tokens).toEqual([
      { text: '3.14', start: 0, end: 4, kind: 'number' },
      { text: '1,000', start: 5, end: 10, kind: 'number' },
      { text: '2008', start: 11, end: 15, kind: 'number' },
    ]);
    expect(texts('$5.00, 50% or -3')).toEqual(['$', '5.00', ',', '50', '%', 'or', '-', '3']);
    expect(kinds('$5')).toEqual(['symbol', 'number']);
  });

  it('splits the hyphen out of hyphenated words, as GloVe did', () => {
    expect(spans('a well-known fact')).toEqual([
      ['a', 0, 1],
      ['well', 2, 6],
      ['-', 6, 7],
      ['known', 7, 12],
      ['fact', 13, 17],
    ]);
  });

  it('splits full stops and colons inside words, as Chromium does, but not inside numbers', () => {
    expect(spans('e.g. U.S')).toEqual([
      ['e', 0, 1],
      ['.', 1, 2],
      ['g', 2, 3],
      ['.', 3, 4],
      ['U', 5, 6],
      ['.', 6, 7],
      ['S', 7, 8],
    ]);
    expect(texts('javascript:alert(1)')).toEqual(['javascript', ':', 'alert', '(', '1', ')']);
    expect(texts('Ｈｅｌｌｏ：ｗｏｒｌｄ')).toEqual(['Ｈｅｌｌｏ', '：', 'ｗｏｒｌｄ']);
    expect(texts('pi is 3.14 at 12:30, v1.2.3')).toEqual([
      'pi',
      'is',
      '3.14',
      'at',
      '12',
      ':',
      '30',
      ',',
      'v1.2.3',
    ]);
  });

  it('makes every punctuation character a token, except runs of "." and "-"', () => {
    expect(texts('Wait... what?!')).toEqual(['Wait', '...', 'what', '?', '!']);
    expect(spans('so -- yes')).toEqual([
      ['so', 0, 2],
      ['--', 3, 5],
      ['yes', 6, 9],
    ]);
    expect(texts('(a) "b" [c]')).toEqual(['(', 'a', ')', '"', 'b', '"', '[', 'c', ']']);
    expect(texts('!!')).toEqual(['!', '!']);
    expect(texts('…')).toEqual(['…']);
  });

  it('never yields whitespace or empty tokens', () => {
    expect(tokenize('')).toEqual({ tokens: [], truncated: false });
    expect(tokenize(' \t\n\u00a0\u3000\u2028 ')).toEqual({ tokens: [], truncated: false });
    expect(spans('  two\n\nlines  ')).toEqual([
      ['two', 2, 5],
      ['lines', 7, 12],
    ]);
  });
});

describe('tokenize: contractions', () => {
  const cases: Array<[string, string[]]> = [
    ["don't", ['do', "n't"]],
    ["can't", ['ca', "n't"]],
    ["won't", ['wo', "n't"]],
    ["isn't", ['is', "n't"]],
    ["I'm", ['I', "'m"]],
    ["they're", ['they', "'re"]],
    ["we'll", ['we', "'ll"]],
    ["I've", ['I', "'ve"]],
    ["she'd", ['she', "'d"]],
    ["it's", ['it', "'s"]],
    ["Nadal's", ['Nadal', "'s"]],
    ["DON'T", ['DO', "N'T"]],
    ["shouldn't've", ['should', "n't", "'ve"]],
  ];

  it.each(cases)('splits %s as the Penn Treebank did', (text, expected) => {
    expect(texts(text)).toEqual(expected);
    expect(kinds(text).slice(1)).toEqual(expected.slice(1).map(() => 'clitic'));
    expect(kinds(text)[0]).toBe('word');
  });

  it('gives clitics exact offsets', () => {
    expect(tokenize("I don't").tokens).toEqual([
      { text: 'I', start: 0, end: 1, kind: 'word' },
      { text: 'do', start: 2, end: 4, kind: 'word' },
      { text: "n't", start: 4, end: 7, kind: 'clitic' },
    ]);
  });

  it('accepts the typographic apostrophe and keeps it in the token', () => {
    expect(texts('don\u2019t')).toEqual(['do', 'n\u2019t']);
    expect(texts('Nadal\u2019s racket')).toEqual(['Nadal', '\u2019s', 'racket']);
    expect(texts('they\u2019re')).toEqual(['they', '\u2019re']);
    expect(kinds('we\u2019ll')).toEqual(['word', 'clitic']);
  });

  it('splits the clitic of a number ("1990\'s") and keeps an already split clitic', () => {
    expect(tokenize("1990's").tokens).toEqual([
      { text: '1990', start: 0, end: 4, kind: 'number' },
      { text: "'s", start: 4, end: 6, kind: 'clitic' },
    ]);
    expect(tokenize("do n't").tokens.map((t) => [t.text, t.kind])).toEqual([
      ['do', 'word'],
      ["n't", 'clitic'],
    ]);
  });

  it('treats an apostrophe that is not part of a contraction as punctuation', () => {
    expect(tokenize("'hello'").tokens).toEqual([
      { text: "'", start: 0, end: 1, kind: 'punctuation' },
      { text: 'hello', start: 1, end: 6, kind: 'word' },
      { text: "'", start: 6, end: 7, kind: 'punctuation' },
    ]);
    expect(texts("the players' rackets")).toEqual(['the', 'players', "'", 'rackets']);
    expect(texts("o'clock")).toEqual(["o'clock"]);
  });
});

describe('tokenize: emoji', () => {
  it('keeps a ZWJ family, a skin tone and a flag whole, and separates adjacent emoji', () => {
    const family = '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}';
    const thumb = '\u{1F44D}\u{1F3FD}';
    const spain = '\u{1F1EA}\u{1F1F8}';
    const text = `${family}${thumb}${spain}`;
    expect(tokenize(text).tokens).toEqual([
      { text: family, start: 0, end: 8, kind: 'emoji' },
      { text: thumb, start: 8, end: 12, kind: 'emoji' },
      { text: spain, start: 12, end: 16, kind: 'emoji' },
    ]);
  });

  it('keeps keycaps, subdivision flags and two flags in a row as separate emoji', () => {
    const england = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    expect(texts(`1\uFE0F\u20E3 #\uFE0F\u20E3 ${england}`)).toEqual([
      '1\uFE0F\u20E3',
      '#\uFE0F\u20E3',
      england,
    ]);
    expect(texts('\u{1F1EA}\u{1F1F8}\u{1F1EB}\u{1F1F7}')).toEqual([
      '\u{1F1EA}\u{1F1F8}',
      '\u{1F1EB}\u{1F1F7}',
    ]);
    expect(kinds('\u{1F44D}\u{1F44D}')).toEqual(['emoji', 'emoji']);
  });

  it('separates an emoji from the word it touches', () => {
    expect(tokenize('tennis\u{1F3BE}!').tokens).toEqual([
      { text: 'tennis', start: 0, end: 6, kind: 'word' },
      { text: '\u{1F3BE}', start: 6, end: 8, kind: 'emoji' },
      { text: '!', start: 8, end: 9, kind: 'punctuation' },
    ]);
    expect(texts('1\u{31}\uFE0F\u20E3')).toEqual(['1', '1\uFE0F\u20E3']);
  });

  it('calls text-style signs symbols and emoji-style ones emoji', () => {
    expect(kinds('\u00A9 \u00A9\uFE0F \u2764\uFE0F \u2122')).toEqual([
      'symbol',
      'emoji',
      'emoji',
      'symbol',
    ]);
  });
});

describe('tokenize: scripts', () => {
  it('segments Chinese without spaces into several words', () => {
    const text = '我爱网球。今天天气很好';
    const { tokens } = tokenize(text);
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.map((t) => t.text).join('')).toBe(text);
    expect(tokens.map((t) => text.slice(t.start, t.end)).join('')).toBe(text);
    expect(tokens.find((t) => t.text === '。')?.kind).toBe('punctuation');
  });

  it('segments Japanese without spaces into several words', () => {
    const text = '私はテニスが大好きです。';
    const { tokens } = tokenize(text);
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.map((t) => text.slice(t.start, t.end)).join('')).toBe(text);
    expect(tokens.at(-1)).toEqual({ text: '。', start: 11, end: 12, kind: 'punctuation' });
  });

  it('tokenizes right-to-left scripts into words', () => {
    expect(spans('أنا أحب التنس.')).toEqual([
      ['أنا', 0, 3],
      ['أحب', 4, 7],
      ['التنس', 8, 13],
      ['.', 13, 14],
    ]);
    expect(texts('אני אוהב טניס')).toEqual(['אני', 'אוהב', 'טניס']);
    expect(kinds('٣٫١٤')).toEqual(['number']);
  });

  it('normalises to NFC but keeps offsets into the original text', () => {
    const text = 'cafe\u0301 au lait';
    const [cafe, au] = tokenize(text).tokens;
    expect(cafe).toEqual({ text: 'caf\u00e9', start: 0, end: 5, kind: 'word' });
    expect(cafe?.text).toHaveLength(4);
    expect(au).toEqual({ text: 'au', start: 6, end: 8, kind: 'word' });
    expect(texts('\u00c5ngstr\u00f6m')).toEqual(['\u00c5ngstr\u00f6m']);
    expect(texts('A\u030angstro\u0308m')).toEqual(['\u00c5ngstr\u00f6m']);
  });
});

describe('tokenize: control characters and lone surrogates', () => {
  it('drops control characters and keeps the offsets right', () => {
    expect(spans('a\u0000b\u0007c\u0085d\u009fe')).toEqual([
      ['a', 0, 1],
      ['b', 2, 3],
      ['c', 4, 5],
      ['d', 6, 7],
      ['e', 8, 9],
    ]);
    expect(tokenize('\u0000\u0001\u001f\u007f')).toEqual({ tokens: [], truncated: false });
  });

  it('drops lone surrogates and invisible format characters', () => {
    expect(spans('a\ud800b\udc00c')).toEqual([
      ['a', 0, 1],
      ['b', 2, 3],
      ['c', 4, 5],
    ]);
    expect(spans('\ufeffhello\u200b \u200eworld\u200f')).toEqual([
      ['hello', 1, 6],
      ['world', 9, 14],
    ]);
    expect(tokenize('\ud83d')).toEqual({ tokens: [], truncated: false });
  });

  it('keeps a stray combining mark as a symbol rather than losing it', () => {
    expect(tokenize(' \u0301').tokens).toEqual([
      { text: '\u0301', start: 1, end: 2, kind: 'symbol' },
    ]);
  });
});

describe('tokenize: truncation', () => {
  const words = (n: number): string =>
    Array.from({ length: n }, (_, i) => `word${i % 10 === 0 ? '' : i}`).join(' ');

  it('keeps the first 512 tokens of 600 words and says it truncated', () => {
    const text = words(600);
    const result = tokenize(text);
    expect(result.tokens).toHaveLength(512);
    expect(result.truncated).toBe(true);
    expect(result.tokens[511]?.text).toBe(text.split(' ')[511]);
    checkInvariants(text, result);
  });

  it('does not call exactly 512 tokens truncated', () => {
    const result = tokenize(words(512));
    expect(result.tokens).toHaveLength(512);
    expect(result.truncated).toBe(false);
    expect(tokenize(`${words(511)} .`).truncated).toBe(false);
    expect(tokenize(`${words(512)} .`).truncated).toBe(true);
  });

  it('honours maxTokens, including 0 and Infinity', () => {
    expect(tokenize('a b c', { maxTokens: 2 })).toEqual({
      tokens: [
        { text: 'a', start: 0, end: 1, kind: 'word' },
        { text: 'b', start: 2, end: 3, kind: 'word' },
      ],
      truncated: true,
    });
    expect(tokenize('a b c', { maxTokens: 3 }).truncated).toBe(false);
    expect(tokenize('a b c', { maxTokens: 0 })).toEqual({ tokens: [], truncated: true });
    expect(tokenize('   ', { maxTokens: 0 })).toEqual({ tokens: [], truncated: false });
    expect(tokenize(words(600), { maxTokens: Infinity }).tokens).toHaveLength(600);
    expect(tokenize(words(600), { maxTokens: Number.NaN }).tokens).toHaveLength(512);
    expect(tokenize('a b c', { maxTokens: -1 }).tokens).toHaveLength(0);
  });

  it('returns 512 tokens from a 1 MB paste', () => {
    const sentence = 'The cat sat on the mat because it was tired. ';
    const text = sentence.repeat(Math.ceil(2 ** 20 / sentence.length));
    expect(text.length).toBeGreaterThanOrEqual(2 ** 20);
    const result = tokenize(text);
    expect(result.tokens).toHaveLength(512);
    expect(result.truncated).toBe(true);
    checkInvariants(text, result);
  });

  it('survives megabyte runs of one character', () => {
    const mb = 2 ** 20;
    for (const unit of ['a', ' ', '.', '\u0000', '\u0301', '\ud800', '我', '\u{1F44D}', 'a.']) {
      const text = unit.repeat(mb / unit.length);
      checkInvariants(text, tokenize(text));
    }
    expect(tokenize('.'.repeat(mb)).tokens).toEqual([
      { text: '.'.repeat(mb), start: 0, end: mb, kind: 'punctuation' },
    ]);
    const spaced = `${' '.repeat(mb)}hi`;
    expect(tokenize(spaced).tokens).toEqual([{ text: 'hi', start: mb, end: mb + 2, kind: 'word' }]);
  });
});

describe('tokenize: properties', () => {
  // Pieces that exercise the rules and their interactions when glued together at random.
  const piece = fc.constantFrom(
    'a',
    'Z',
    'word',
    '7',
    '3.14',
    "'",
    '\u2019',
    'n',
    't',
    's',
    're',
    "n't",
    '.',
    ',',
    '-',
    '&',
    '!',
    ' ',
    '  ',
    '\n',
    '\t',
    '\u00a0',
    '\u3000',
    '\u0301',
    '\u0308',
    '\u200d',
    '\u200c',
    '\ufe0f',
    '\u20e3',
    '\u{1F44D}',
    '\u{1F3FD}',
    '\u{1F1EA}',
    '\u{1F469}',
    '\u00a9',
    '我',
    '网球',
    'テニス',
    'ทดสอบ',
    'مرحبا',
    'שלום',
    '\u0000',
    '\u0085',
    '\u200e',
    '\ufeff',
    '\ud800',
    '\udc00',
    '\u{E0067}',
    '\u{E007F}',
  );
  const mixed = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
  const codeUnits = fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  });
  const arbitraries: Array<[string, fc.Arbitrary<string>]> = [
    ['binary', binaryString()],
    ['grapheme', fc.string({ unit: 'grapheme' })],
    ['grapheme-composite', fc.string({ unit: 'grapheme-composite' })],
    ['UTF-16 code units (lone surrogates)', codeUnits],
    ['mixed pieces', mixed],
  ];

  it.each(arbitraries)('holds every invariant for %s strings', (_name, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, fc.option(fc.nat({ max: 20 }), { nil: undefined }), (text, max) => {
        const result = tokenize(text, max === undefined ? undefined : { maxTokens: max });
        checkInvariants(text, result, max ?? MAX_TOKENS);
      }),
      { numRuns: 300 },
    );
  });

  it('truncates to a prefix of the full tokenization', () => {
    fc.assert(
      fc.property(mixed, fc.nat({ max: 30 }), (text, max) => {
        const all = tokenize(text, { maxTokens: Infinity }).tokens;
        const cut = tokenize(text, { maxTokens: max });
        expect(cut.tokens).toEqual(all.slice(0, max));
        expect(cut.truncated).toBe(all.length > max);
      }),
      { numRuns: 300 },
    );
  });

  it('tokenizes text on either side of a space independently', () => {
    fc.assert(
      fc.property(mixed, mixed, (a, b) => {
        const joined = tokenize(`${a} ${b}`, { maxTokens: Infinity }).tokens;
        const left = tokenize(a, { maxTokens: Infinity }).tokens;
        const right = shift(tokenize(b, { maxTokens: Infinity }).tokens, a.length + 1);
        expect(joined).toEqual([...left, ...right]);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same tokens for long texts, which it reads in windows', () => {
    fc.assert(
      fc.property(fc.array(mixed, { minLength: 1, maxLength: 8 }), (parts) => {
        // Long enough to cross several windows, cut wherever the parts happen to fall.
        const words = Array.from({ length: 400 }, (_, i) => parts[i % parts.length] ?? '');
        const text = words.join(' ');
        const expected: Token[] = [];
        let offset = 0;
        for (const word of words) {
          expected.push(...shift(tokenize(word, { maxTokens: Infinity }).tokens, offset));
          offset += word.length + 1;
        }
        const result = tokenize(text, { maxTokens: Infinity });
        expect(result.tokens).toEqual(expected);
        checkInvariants(text, result, Infinity);
      }),
      { numRuns: 40 },
    );
  });
});
