/**
 * `npm run measure:heads:file`: measures every model of the learned weights file on the
 * held-out tenth of the Brown corpus (needs `npm run fetch:corpus`) and writes the figures
 * the app shows (public/weights/learned-heads.json, see src/core/learnedHeads.ts).
 * `--sample` measures on the committed sample instead (for a quick check only).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureHeads } from '../../core/english/measure';
import { chooseLearned } from '../../core/learnedWeights';
import {
  LEARNED_HEADS_FORMAT,
  LEARNED_HEADS_PATH,
  type LearnedHeadsFile,
} from '../../core/learnedHeads';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { loadWordVectors, VECTOR_TABLE_PATH } from '../../data/vectorTable';
import { readFileBytes } from '../nodeBytes';
import { readHeldOutSample, readLearnedWeights, readProcessedCorpus, ROOT } from './corpus';

async function main(argv: readonly string[]): Promise<number> {
  const sample = argv.includes('--sample');
  const file = readLearnedWeights();
  const vectors = await loadWordVectors(join(ROOT, 'public', VECTOR_TABLE_PATH), readFileBytes);
  const sentences = sample ? readHeldOutSample().sentences : readProcessedCorpus().heldOut;
  const models = [];
  for (const model of file.models) {
    const choice = chooseLearned(file, {
      ...DEFAULT_SETTINGS,
      weights: 'learned',
      width: model.width,
      heads: model.heads,
    });
    if (!choice.ok) throw new Error(choice.message);
    const started = Date.now();
    const figures = measureHeads(sentences, vectors, choice.settings, choice.weights);
    console.error(
      `width ${model.width}, ${model.heads} head(s): ${sentences.length} sentences, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    models.push({ width: model.width, heads: model.heads, sentences: sentences.length, figures });
  }
  const out: LearnedHeadsFile = {
    format: LEARNED_HEADS_FORMAT,
    measuredBy: `npm run measure:heads:file${sample ? ' -- --sample' : ''}`,
    text: sample
      ? 'the committed sample of held-out Brown sentences'
      : `${file.corpus.replace(/nine documents in ten$/, 'the held-out tenth')}`,
    models,
  };
  writeFileSync(join(ROOT, 'public', LEARNED_HEADS_PATH), `${JSON.stringify(out)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`measure:heads:file: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
