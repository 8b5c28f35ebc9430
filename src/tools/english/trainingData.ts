/**
 * Loads the English model's training data: the processed Brown corpus (npm run fetch:corpus)
 * and the app's word-vector table, encoded at one width by src/core/english/dataset.ts.
 *
 *   npx tsx src/tools/english/trainingData.ts [--width N] [--vocabulary N] [--max-tokens N]
 *
 * prints what the data looks like (sizes, vocabulary coverage, time to encode).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  buildVocabulary,
  encodeCorpus,
  vocabularyCoverage,
  type EncodedCorpus,
  type Vocabulary,
} from '../../core/english/dataset';
import { tokenize } from '../../core/tokenizer';
import { loadWordVectors, VECTOR_TABLE_PATH } from '../../data/vectorTable';
import type { WordVectors } from '../../core/vectors/table';
import { readFileBytes } from '../nodeBytes';
import { readProcessedCorpus, ROOT } from './corpus';

/** What to encode. */
export interface TrainingDataOptions {
  readonly width: number;
  /** Words the readout predicts, besides "other". */
  readonly vocabularySize: number;
  /** Longer sentences keep their first this many tokens. */
  readonly maxTokens: number;
}

/** Both parts of the split, encoded with one vocabulary (built from the training part only). */
export interface TrainingData {
  readonly vectors: WordVectors;
  readonly vocabulary: Vocabulary;
  readonly train: EncodedCorpus;
  readonly heldOut: EncodedCorpus;
}

/** Reads the corpus and the vectors, and encodes both parts at `options.width`. */
export async function loadTrainingData(options: TrainingDataOptions): Promise<TrainingData> {
  const corpus = readProcessedCorpus();
  const vectors = await loadWordVectors(join(ROOT, 'public', VECTOR_TABLE_PATH), readFileBytes);
  const vocabulary = buildVocabulary(
    corpus.train.map((s) => tokenize(s.text, { maxTokens: Infinity }).tokens.map((t) => t.text)),
    options.vocabularySize,
  );
  const encode = (part: typeof corpus.train): EncodedCorpus =>
    encodeCorpus(part, vectors, options.width, vocabulary, options.maxTokens);
  return { vectors, vocabulary, train: encode(corpus.train), heldOut: encode(corpus.heldOut) };
}

async function main(argv: readonly string[]): Promise<void> {
  const flag = (name: string, fallback: number): number => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const options = {
    width: flag('--width', 100),
    vocabularySize: flag('--vocabulary', 2000),
    maxTokens: flag('--max-tokens', 64),
  };
  const started = Date.now();
  const data = await loadTrainingData(options);
  const seconds = (Date.now() - started) / 1000;
  const tokens = (c: EncodedCorpus): number => c.sentences.reduce((n, s) => n + s.rows.length, 0);
  console.log(
    `width ${options.width}, vocabulary ${options.vocabularySize} + other, at most ${options.maxTokens} tokens a sentence: encoded in ${seconds.toFixed(1)} s`,
  );
  for (const [name, part] of [
    ['training', data.train],
    ['held-out', data.heldOut],
  ] as const) {
    console.log(
      `${name}: ${part.sentences.length} sentences, ${tokens(part)} tokens (${part.truncatedTokens} cut), ` +
        `${part.lookups.length} distinct words, table ${((part.table.byteLength + 0) / 1048576).toFixed(1)} MiB, ` +
        `vocabulary covers ${(100 * vocabularyCoverage(part)).toFixed(1)}% of tokens`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
