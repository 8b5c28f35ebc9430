/**
 * Training data for the English model: sentences of the processed Brown corpus turned into
 * what the attention layer reads (the app's input vectors: word vectors at the model width
 * plus sinusoidal positions, exactly as `traceFromEmbedded` makes them) and what a readout on
 * top of it is trained to predict (word ids over the most frequent words, or coarse
 * part-of-speech ids). Pure: the caller loads the word-vector table and the corpus.
 *
 * Memory stays small whatever the corpus: each distinct word is looked up and projected once
 * into `EncodedCorpus.table`, and a sentence is a list of rows of that table; the (T, width)
 * input of a sentence is assembled when it is needed (`sentenceInput`).
 */
import { positionalEncoding } from '../positions';
import { mulberry32, type Random } from '../random';
import { tokenize } from '../tokenizer';
import { lookupToken, unknownVector } from '../vectors/lookup';
import { projectToWidth } from '../vectors/projection';
import type { WordVectors } from '../vectors/table';
import type { TaggedSentence } from './brown';

/**
 * The word a token is predicted as: its NFC text in lower case (locale-independent, as the
 * vector lookup does), but with clitics kept as written ("n't", "'s"), since the readout
 * predicts tokens, not the words their vectors borrow.
 */
export function targetKey(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** The words a readout predicts: the most frequent ones, then one id for every other word. */
export interface Vocabulary {
  /** Words by id, most frequent first. */
  readonly words: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** The id of every word outside `words`: `words.length`. */
  readonly otherId: number;
}

/**
 * The `size` most frequent target keys of the given token texts (ties broken by code-unit
 * order, so the result never depends on the order of the sentences), and "other".
 */
export function buildVocabulary(sentences: Iterable<readonly string[]>, size: number): Vocabulary {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`buildVocabulary: size ${size}`);
  const counts = new Map<string, number>();
  for (const tokens of sentences) {
    for (const token of tokens) {
      const key = targetKey(token);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const words = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, size)
    .map(([word]) => word);
  return { words, index: new Map(words.map((w, i) => [w, i])), otherId: words.length };
}

/** The id of a token's text in `vocabulary` (its `otherId` when not one of its words). */
export function wordId(vocabulary: Vocabulary, text: string): number {
  return vocabulary.index.get(targetKey(text)) ?? vocabulary.otherId;
}

/**
 * Coarse part-of-speech classes for a tag objective, from the Brown tags: id = index here.
 * NOUN: NN*, NP*, NR*, PN; VERB: VB*, BE*, HV*, DO*, MD; ADJ: JJ*; ADV: RB*, QL, WRB, *
 * (not); DET: AT, DT*, AB*, AP, WDT; PRON: PP*, WP*, EX; ADP: IN; CONJ: CC, CS; NUM: CD, OD;
 * PRT: TO, RP, POS; PUNCT: tags without a letter; OTHER: the rest (UH, FW residue, NIL).
 */
export const COARSE_TAGS = [
  'NOUN',
  'VERB',
  'ADJ',
  'ADV',
  'DET',
  'PRON',
  'ADP',
  'CONJ',
  'NUM',
  'PRT',
  'PUNCT',
  'OTHER',
] as const;

/** The coarse class id (index into COARSE_TAGS) of a normalised Brown tag, or -1 for null. */
export function coarseTag(tag: string | null): number {
  if (tag === null) return -1;
  const t = tag.replace(/\$+$/u, '');
  const is = (name: (typeof COARSE_TAGS)[number]): number => COARSE_TAGS.indexOf(name);
  if (/^(?:NN|NP|NR|PN)/u.test(t)) return is('NOUN');
  if (/^(?:VB|BE|HV|DO|MD)/u.test(t)) return is('VERB');
  if (t.startsWith('JJ')) return is('ADJ');
  if (/^(?:RB|QL|WRB|WQL)/u.test(t) || t === '*') return is('ADV');
  if (/^(?:AT|DT|AB|AP|WDT)/u.test(t)) return is('DET');
  if (/^(?:PP|WP|EX)/u.test(t)) return is('PRON');
  if (t === 'IN') return is('ADP');
  if (t === 'CC' || t === 'CS') return is('CONJ');
  if (t === 'CD' || t === 'OD') return is('NUM');
  if (t === 'TO' || t === 'RP' || t === 'POS') return is('PRT');
  if (!/[A-Z]/u.test(t)) return is('PUNCT');
  return is('OTHER');
}

/** One sentence, encoded. All arrays have one entry per token, in order. */
export interface EncodedSentence {
  /** Row of `EncodedCorpus.table` holding the token's vector at the corpus width. */
  readonly rows: Int32Array; // (T)
  /** The token's id in the vocabulary. */
  readonly words: Int32Array; // (T)
  /** The token's coarse tag id (COARSE_TAGS), or -1 for a piece of a word tagged elsewhere. */
  readonly tags: Int8Array; // (T)
}

/** A corpus ready for training at one width. */
export interface EncodedCorpus {
  readonly width: number;
  /** Each distinct lookup's vector at `width`, as `embedTokens` makes it. */
  readonly table: Float32Array; // (distinct words, width)
  /** The lookup key of each row of `table`. */
  readonly lookups: readonly string[];
  readonly vocabulary: Vocabulary;
  readonly sentences: readonly EncodedSentence[];
  /** Tokens cut from sentences longer than the maximum. */
  readonly truncatedTokens: number;
}

/**
 * Encodes tagged sentences at `width`: the app's tokens (`tokenize` on the sentence's text,
 * checked against its tags), each token's vector as `embedTokens` makes it (the table's
 * vector, or the word's made-up vector when unknown, projected onto the leading principal
 * components below full width), its vocabulary id and coarse tag. Sentences longer than
 * `maxTokens` keep their first `maxTokens` tokens.
 */
export function encodeCorpus(
  sentences: readonly TaggedSentence[],
  vectors: WordVectors,
  width: number,
  vocabulary: Vocabulary,
  maxTokens = Infinity,
): EncodedCorpus {
  if (!Number.isInteger(width) || width < 1 || width > vectors.dims) {
    throw new RangeError(`encodeCorpus: width ${width} outside 1..${vectors.dims}`);
  }
  const rowOf = new Map<string, number>();
  const lookups: string[] = [];
  const vectorsAtWidth: Float32Array[] = [];
  let truncatedTokens = 0;
  const encoded = sentences.map((sentence) => {
    const { tokens } = tokenize(sentence.text, { maxTokens: Infinity });
    if (tokens.length !== sentence.tags.length) {
      throw new RangeError(
        `encodeCorpus: "${sentence.text}" has ${tokens.length} tokens but ${sentence.tags.length} tags`,
      );
    }
    const T = Math.min(tokens.length, maxTokens);
    truncatedTokens += tokens.length - T;
    const rows = new Int32Array(T); // (T)
    const words = new Int32Array(T); // (T)
    const tags = new Int8Array(T); // (T)
    for (let t = 0; t < T; t++) {
      const token = tokens[t] as (typeof tokens)[number];
      const { lookup, vocabIndex } = lookupToken(token, vectors);
      let row = rowOf.get(lookup);
      if (row === undefined) {
        const vec =
          vocabIndex !== null
            ? vectors.vector(vocabIndex)
            : unknownVector(lookup, vectors.dims, vectors.typicalNorm); // (dims)
        row = lookups.length;
        rowOf.set(lookup, row);
        lookups.push(lookup);
        vectorsAtWidth.push(projectToWidth(vec, width, vectors)); // (width)
      }
      rows[t] = row;
      words[t] = wordId(vocabulary, token.text);
      tags[t] = coarseTag(sentence.tags[t] ?? null);
    }
    return { rows, words, tags };
  });
  const table = new Float32Array(lookups.length * width); // (distinct words, width)
  vectorsAtWidth.forEach((v, r) => table.set(v, r * width));
  return { width, table, lookups, vocabulary, sentences: encoded, truncatedTokens };
}

/** Sinusoidal encodings of positions 0..T-1 at `width`, shared by every sentence of that width. */
export function positionTable(T: number, width: number): Float32Array {
  return positionalEncoding(T, width).data; // (T, width)
}

/**
 * The (T, width) input the attention layer reads for `sentence`: each token's vector plus its
 * position's encoding, rounded to float32 exactly as the trace's `add` does, so a model trained
 * on these numbers sees what the walkthrough computes. Rows whose `masked` entry is 1 get the
 * position alone (the masked-word objective's blank). `positions` must hold at least T rows
 * (see `positionTable`).
 */
export function sentenceInput(
  corpus: EncodedCorpus,
  sentence: EncodedSentence,
  positions: Float32Array,
  masked?: Uint8Array,
): Float64Array {
  const { width, table } = corpus;
  const T = sentence.rows.length;
  if (positions.length < T * width) {
    throw new RangeError(
      `sentenceInput: positions for ${positions.length / width} tokens, need ${T}`,
    );
  }
  const input = new Float64Array(T * width); // (T, width)
  for (let t = 0; t < T; t++) {
    const base = (sentence.rows[t] as number) * width;
    const blank = masked?.[t] === 1;
    for (let c = 0; c < width; c++) {
      const embedding = blank ? 0 : (table[base + c] as number);
      input[t * width + c] = Math.fround(embedding + (positions[t * width + c] as number));
    }
  }
  return input;
}

/** Next-word targets: entry t is the id of token t+1, and -1 (no target) for the last token. */
export function nextWordTargets(sentence: EncodedSentence): Int32Array {
  const T = sentence.words.length;
  const targets = new Int32Array(T).fill(-1); // (T)
  for (let t = 0; t + 1 < T; t++) targets[t] = sentence.words[t + 1] as number;
  return targets;
}

/**
 * A masked-word example: each token is blanked with probability `rate` (at least one per
 * sentence, so every example teaches something), drawn from `random` (seed it, for example
 * with `maskRandom`); the targets are the blanked tokens' ids, -1 elsewhere.
 */
export function maskedWordExample(
  sentence: EncodedSentence,
  rate: number,
  random: Random,
): { masked: Uint8Array; targets: Int32Array } {
  if (!(rate > 0 && rate <= 1))
    throw new RangeError(`maskedWordExample: rate ${rate} outside (0, 1]`);
  const T = sentence.words.length;
  const masked = new Uint8Array(T); // (T)
  const targets = new Int32Array(T).fill(-1); // (T)
  if (T === 0) return { masked, targets };
  let any = false;
  for (let t = 0; t < T; t++) {
    if (random() < rate) {
      masked[t] = 1;
      any = true;
    }
  }
  if (!any) masked[Math.floor(random() * T)] = 1;
  for (let t = 0; t < T; t++) if (masked[t] === 1) targets[t] = sentence.words[t] as number;
  return { masked, targets };
}

/** The generator of the masks of epoch `epoch` for sentence `index` under `seed`: the same on every run. */
export function maskRandom(seed: number, epoch: number, index: number): Random {
  return mulberry32(
    (seed ^ Math.imul(epoch + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0,
  );
}

/** Tag targets: entry t is token t's coarse tag id (-1 where the token has no tag of its own). */
export function tagTargets(sentence: EncodedSentence): Int32Array {
  return Int32Array.from(sentence.tags); // (T)
}

/** Share of the tokens (with a target) whose id is a vocabulary word rather than "other". */
export function vocabularyCoverage(corpus: EncodedCorpus): number {
  let covered = 0;
  let total = 0;
  for (const s of corpus.sentences) {
    for (const w of s.words) {
      total++;
      if (w !== corpus.vocabulary.otherId) covered++;
    }
  }
  return total > 0 ? covered / total : 0;
}
