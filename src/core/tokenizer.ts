/**
 * Turns the user's text into tokens the way GloVe's training data was tokenized (Penn
 * Treebank style): words, numbers and punctuation are separate tokens, contractions are
 * split ("don't" -> "do" + "n't"), hyphens stand alone, emoji stay whole.
 *
 * The base segmentation is the Unicode word segmentation of `Intl.Segmenter` (which also
 * splits Chinese, Japanese and Thai into words with ICU's dictionaries); the rules below
 * refine it. Design choices:
 *
 * - Offsets are UTF-16 indices into the original text; `text` is the NFC form of that slice,
 *   so `original.slice(start, end).normalize('NFC') === token.text` always holds.
 * - Whitespace, control characters (C0, C1), format characters (ZWJ, ZWSP, BOM, bidi marks)
 *   and lone surrogates never form a token: they are trimmed from the edges of a token and a
 *   token made only of them is dropped. Lone surrogates are dropped rather than shown as a
 *   symbol because they are not characters at all, only the debris of a string cut in half.
 * - A run of full stops ("...") or of hyphens ("--") is one token, because GloVe has vectors
 *   for "..." and "--"; every other punctuation character is a token of its own.
 * - ICU keeps some word-internal punctuation inside a word: "e.g", "U.S.A", "o'clock",
 *   "3.14", "1,000". Those stay one token, like the Stanford tokenizer behind GloVe.
 * - A pictograph is an emoji when it is drawn as one by default (Emoji_Presentation), carries
 *   VS16, a skin tone, a keycap or a ZWJ, is a flag, or lies at U+2600 or above (☀, ❤, ✈);
 *   typographic signs such as ©, ™ and arrows written without VS16 are symbols.
 * - Work is proportional to the tokens kept, not to the text: the text is segmented in small
 *   windows that end at whitespace and stop as soon as `maxTokens + 1` tokens are known.
 */
import type { Token, TokenKind, Tokenization } from './types';

/** The default (and the app's) maximum number of tokens: longer texts are truncated. */
export const MAX_TOKENS = 512;

/** Options of `tokenize`. */
export interface TokenizeOptions {
  /**
   * Keep at most this many tokens (default `MAX_TOKENS`). `Infinity` keeps all; negative
   * values count as 0, fractions are floored and NaN means the default.
   */
  readonly maxTokens?: number;
}

// V8's segment iterator costs time proportional to the input for every segment it yields,
// so the text is fed to it in windows of about this size rather than whole.
const WINDOW = 2048;
// A single segment longer than a window (a 5,000-letter "word", a long run of combining
// marks) makes the window grow up to this size before it is cut anyway.
const MAX_WINDOW = 65536;
// Without whitespace to cut at (Chinese, Japanese), segments this close to the window's end
// may be cut short; they are segmented again at the start of the next window.
const MARGIN = 256;

// Clitics GloVe's vocabulary expects as separate tokens (Penn Treebank contractions).
const CLITIC_AT_END = /(?:n['\u2019]t|['\u2019](?:s|m|re|ll|ve|d))$/iu;
const CLITIC_ONLY = /^(?:n['\u2019]t|['\u2019](?:s|m|re|ll|ve|d))$/iu;
// What follows an apostrophe that ICU left outside a word: "1990's" is "1990", "'", "s".
const CLITIC_TAIL = /^(?:s|m|re|ll|ve|d)$/iu;
const APOSTROPHE = /^['\u2019]$/u;
const NUMBER = /^\p{N}+(?:[.,'\u2019\u066B\u066C]\p{N}+)*$/u;
// Whitespace, controls, format characters and lone surrogates: never a token's edge.
const IGNORABLE = /^[\s\p{Cc}\p{Cf}\p{Cs}]$/u;
const ALL_IGNORABLE = /^[\s\p{Cc}\p{Cf}\p{Cs}]*$/u;
const IGNORABLE_RUN = /[\s\p{Cc}\p{Cf}\p{Cs}]+/uy;
// Tag characters end subdivision flags (England, Scotland), so they may end a token.
const TAG = /^[\u{E0020}-\u{E007F}]$/u;
// Cheap test for "this word segment may contain an emoji" before splitting it into graphemes.
const EMOJI_HINT = /[\u20E3\uFE0F\u200D\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
const EMOJI_BASE = /^\p{Emoji}/u;
const EMOJI_MARK =
  /[\p{Emoji_Presentation}\p{Emoji_Modifier}\p{Regional_Indicator}\u20E3\uFE0F]|\u200D\p{Extended_Pictographic}/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}/u;
const PUNCTUATION = /^\p{P}/u;
const LETTER = /^\p{L}/u;
const DIGIT = /^\p{N}/u;
// Runs of these punctuation characters are one token ("...", "--").
const RUN_CHARS = new Set(['.', '-']);
/**
 * Full stops and colons inside a word-like segment, unless between two digits ("3.14",
 * "12:30" stay whole). ICU versions disagree here: Node 20's ICU 78 keeps "e.g",
 * "U.S" and "javascript:alert" as one word, Chromium's segmenter splits them. Splitting
 * them always makes the app and `npm run trace` give the same tokens on every engine.
 */
const WORD_STOP = /[.:\uFE13\uFE52\uFE55\uFF0E\uFF1A]/gu;
// Characters that extend the grapheme before them.
const EXTENDER = /^(?:\p{M}|\p{Emoji_Modifier}|\u200C|\u200D|[\u{E0020}-\u{E007F}])/u;

let wordSegmenter: Intl.Segmenter | undefined;
let graphemeSegmenter: Intl.Segmenter | undefined;

// Created on first use: constructing a segmenter loads ICU data, which an importer that
// never tokenizes should not pay for.
function words(): Intl.Segmenter {
  wordSegmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  return wordSegmenter;
}

function graphemes(): Intl.Segmenter {
  graphemeSegmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' });
  return graphemeSegmenter;
}

function resolveLimit(maxTokens: number | undefined): number {
  if (maxTokens === undefined || Number.isNaN(maxTokens)) return MAX_TOKENS;
  return Math.max(0, Math.floor(maxTokens));
}

// Characters that end every word-break rule's look-ahead and look-behind (they are neither
// letters, digits, joiners nor ignorable format characters), so a segmentation cut just
// before one agrees with the segmentation of the whole text.
function isCutSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Length in UTF-16 units of the code point (or lone surrogate) that ends at `end`. */
function lengthBefore(text: string, end: number): number {
  return end >= 2 &&
    isLowSurrogate(text.charCodeAt(end - 1)) &&
    isHighSurrogate(text.charCodeAt(end - 2))
    ? 2
    : 1;
}

/** Length in UTF-16 units of the code point (or lone surrogate) that starts at `start`. */
function lengthAt(text: string, start: number): number {
  return start + 1 < text.length &&
    isHighSurrogate(text.charCodeAt(start)) &&
    isLowSurrogate(text.charCodeAt(start + 1))
    ? 2
    : 1;
}

function isEmoji(grapheme: string): boolean {
  if (!EMOJI_BASE.test(grapheme)) return false;
  if (EMOJI_MARK.test(grapheme)) return true;
  return (grapheme.codePointAt(0) ?? 0) >= 0x2600 && PICTOGRAPH.test(grapheme);
}

/** Collects tokens and knows when enough have been seen to stop. */
class TokenSink {
  readonly tokens: Token[] = [];
  /** Where segmentation must resume when a token ran past the current segment, else -1. */
  resume = -1;

  constructor(
    private readonly text: string,
    private readonly limit: number,
  ) {}

  /** True once one token more than the limit exists, which proves the text was truncated. */
  get full(): boolean {
    return this.tokens.length > this.limit;
  }

  /** One segment of the word segmenter, at `start` in the text. */
  segment(segment: string, start: number, wordLike: boolean): void {
    if (ALL_IGNORABLE.test(segment)) return;
    if (wordLike && !EMOJI_HINT.test(segment)) {
      this.wordWithStops(segment, start);
      return;
    }
    // ICU glues some emoji to their neighbours ("a\u200D👍", "11️⃣") and returns runs of
    // symbols as one segment; graphemes separate them without breaking a ZWJ sequence.
    let groupStart = -1;
    let groupEnd = -1;
    for (const g of graphemes().segment(segment)) {
      if (this.full) return;
      const gStart = start + g.index;
      const gEnd = gStart + g.segment.length;
      // Trimmed first: a skin tone after a space is one grapheme with it.
      const core = this.trim(gStart, gEnd);
      if (core && isEmoji(this.text.slice(core[0], core[1]))) {
        if (groupStart >= 0) this.word(groupStart, groupEnd);
        groupStart = -1;
        if (!this.full) this.push(core[0], core[1], 'emoji');
      } else if (wordLike) {
        if (groupStart < 0) groupStart = gStart;
        groupEnd = gEnd;
      } else {
        this.grapheme(gStart, gEnd);
        if (this.resume >= 0) return;
      }
    }
    if (groupStart >= 0 && !this.full) this.word(groupStart, groupEnd);
  }

  /** A word-like segment, split at the full stops and colons of WORD_STOP. */
  private wordWithStops(segment: string, start: number): void {
    let from = 0;
    for (const stop of segment.matchAll(WORD_STOP)) {
      const at = stop.index;
      if (DIGIT.test(segment[at - 1] ?? '') && DIGIT.test(segment[at + 1] ?? '')) continue;
      if (at > from) this.word(start + from, start + at);
      if (this.full) return;
      this.push(start + at, start + at + 1, 'punctuation');
      from = at + 1;
    }
    if (from < segment.length && !this.full) this.word(start + from, start + segment.length);
  }

  /** A word-like piece: split its clitics, then call it a number or a word. */
  private word(from: number, to: number): void {
    const range = this.trim(from, to);
    if (!range) return;
    const [start, end] = range;
    const raw = this.text.slice(start, end);
    if (CLITIC_TAIL.test(raw) && this.mergeClitic(start, end)) return;
    if (CLITIC_ONLY.test(raw)) {
      this.push(start, end, 'clitic');
      return;
    }
    const clitics: Array<[number, number]> = [];
    let stemEnd = end;
    for (;;) {
      const match = CLITIC_AT_END.exec(this.text.slice(start, stemEnd));
      if (!match || match.index === 0) break;
      clitics.unshift([start + match.index, stemEnd]);
      stemEnd = start + match.index;
    }
    const stem = this.text.slice(start, stemEnd);
    this.push(start, stemEnd, NUMBER.test(stem) ? 'number' : 'word');
    for (const [s, e] of clitics) this.push(s, e, 'clitic');
  }

  /** A grapheme outside any word: punctuation, a symbol, or a stray letter or mark. */
  private grapheme(from: number, to: number): void {
    const range = this.trim(from, to);
    if (!range) return;
    const [start, end] = range;
    const raw = this.text.slice(start, end);
    if (RUN_CHARS.has(raw)) {
      // The run is read off the text directly: merging it segment by segment would cost
      // a segmenter step per character of a megabyte of dots and yield no new token.
      const runEnd = this.runEnd(start, raw.charCodeAt(0));
      this.push(start, runEnd, 'punctuation');
      if (runEnd > to) this.resume = runEnd;
    } else if (PUNCTUATION.test(raw)) {
      this.push(start, end, 'punctuation');
    } else if (LETTER.test(raw)) {
      this.push(start, end, 'word');
    } else if (DIGIT.test(raw)) {
      this.push(start, end, 'number');
    } else {
      // \p{S}, and also lone combining marks, private-use and unassigned characters.
      this.push(start, end, 'symbol');
    }
  }

  /** End of the run of `code` that starts at `start`, leaving out a last one with marks. */
  private runEnd(start: number, code: number): number {
    const text = this.text;
    let end = start + 1;
    while (end < text.length && text.charCodeAt(end) === code) end++;
    // "..\u0301": the accent belongs to the last dot, which stays a grapheme of its own.
    if (end - start > 1 && end < text.length && EXTENDER.test(text.slice(end, end + 2))) end--;
    return end;
  }

  /** Turns `word`, `'`, `s` into `word`, `'s` when all three touch; true if it did. */
  private mergeClitic(start: number, end: number): boolean {
    const apostrophe = this.tokens[this.tokens.length - 1];
    const before = this.tokens[this.tokens.length - 2];
    if (
      !apostrophe ||
      !before ||
      apostrophe.end !== start ||
      apostrophe.kind !== 'punctuation' ||
      !APOSTROPHE.test(apostrophe.text) ||
      before.end !== apostrophe.start ||
      (before.kind !== 'word' && before.kind !== 'number')
    ) {
      return false;
    }
    this.tokens.pop();
    this.push(apostrophe.start, end, 'clitic');
    return true;
  }

  /** The range without ignorable code points at either end, or null if nothing is left. */
  private trim(from: number, to: number): [number, number] | null {
    const text = this.text;
    let start = from;
    while (start < to) {
      const n = lengthAt(text, start);
      if (!IGNORABLE.test(text.slice(start, start + n))) break;
      start += n;
    }
    let end = to;
    while (end > start) {
      const n = lengthBefore(text, end);
      const c = text.slice(end - n, end);
      if (!IGNORABLE.test(c) || TAG.test(c)) break;
      end -= n;
    }
    return end > start ? [start, end] : null;
  }

  private push(start: number, end: number, kind: TokenKind): void {
    this.tokens.push({ text: this.text.slice(start, end).normalize('NFC'), start, end, kind });
  }
}

/**
 * Splits `text` into at most `maxTokens` tokens (words, numbers, punctuation, emoji,
 * symbols and clitics such as "n't"), in order, with UTF-16 offsets into `text` itself.
 *
 * Pure and total: it never throws, whatever the string (lone surrogates, controls, a
 * megabyte paste), and its cost grows with the number of tokens kept, not with the text.
 * `truncated` is true when the text held more than `maxTokens` tokens.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): Tokenization {
  const limit = resolveLimit(options.maxTokens);
  const sink = new TokenSink(text, limit);
  let pos = 0;
  let window = WINDOW;
  while (!sink.full) {
    pos = skipIgnorable(text, pos);
    if (pos >= text.length) break;
    let end = Math.min(text.length, pos + window);
    if (
      end < text.length &&
      end - pos > 1 &&
      isHighSurrogate(text.charCodeAt(end - 1)) &&
      isLowSurrogate(text.charCodeAt(end))
    ) {
      end--;
    }
    const chunk = text.slice(pos, end);
    const final = end === text.length;
    const consumed = segmentChunk(sink, chunk, pos, final, window >= MAX_WINDOW);
    if (consumed === 0) {
      window *= 2;
    } else {
      pos += consumed;
      window = WINDOW;
    }
  }
  const tokens = sink.full ? sink.tokens.slice(0, limit) : sink.tokens;
  return { tokens, truncated: sink.full };
}

/**
 * The first index at or after `pos` that is not whitespace, a control, a format character or
 * a lone surrogate. Skipping them is safe: no word-break rule looks through whitespace, and
 * the others would be trimmed from the token they start. It also keeps a megabyte of them
 * from costing a segmenter step each.
 */
function skipIgnorable(text: string, pos: number): number {
  IGNORABLE_RUN.lastIndex = pos;
  return IGNORABLE_RUN.test(text) ? IGNORABLE_RUN.lastIndex : pos;
}

/**
 * Feeds the segments of `chunk` (which starts at `offset` in the text) to the sink, up to a
 * point where the chunk's segmentation is trustworthy, and returns how many UTF-16 units it
 * consumed; 0 asks for a larger window. When `force` is set it always consumes something.
 */
function segmentChunk(
  sink: TokenSink,
  chunk: string,
  offset: number,
  final: boolean,
  force: boolean,
): number {
  let limit = chunk.length;
  if (!final) {
    // Cut before the last whitespace run: segments that end there are final.
    let cut = chunk.length - 1;
    while (cut > 0 && !isCutSpace(chunk.charCodeAt(cut))) cut--;
    while (cut > 0 && isCutSpace(chunk.charCodeAt(cut - 1))) cut--;
    limit = cut > 0 ? cut : chunk.length - MARGIN;
  }
  let consumed = 0;
  for (const s of words().segment(chunk)) {
    const end = s.index + s.segment.length;
    if (end > limit) {
      if (consumed > 0 || !force) break;
      // A single segment longer than the largest window: cut it rather than stall.
    }
    sink.segment(s.segment, offset + s.index, s.isWordLike ?? false);
    consumed = end;
    if (sink.resume >= 0) {
      consumed = sink.resume - offset;
      sink.resume = -1;
      break;
    }
    if (sink.full || end > limit) break;
  }
  return consumed;
}
