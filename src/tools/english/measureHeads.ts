/**
 * `npm run measure:heads -- [trace flags] [--sample] [--json]`: measures what each head looks
 * at on the held-out Brown sentences (src/core/english/headPatterns.ts), for any weights the
 * app can make: the same flags as `npm run trace` (--width, --heads, --weights, --seed,
 * --causal, --no-scale, --temperature, --no-positions, --vectors), without --text.
 * `--weights learned` measures the committed learned weights (public/weights/learned.json).
 *
 *   --sample   measure on the committed sample (test/fixtures/brown-heldout-sample.json)
 *              instead of the whole held-out tenth (which needs npm run fetch:corpus)
 *   --json     print the figures as JSON instead of a table
 */
import { join } from 'node:path';
import { parseTraceArgs } from '../../cli/args';
import { formatHeadTable, measureHeads } from '../../core/english/measure';
import { chooseLearned } from '../../core/learnedWeights';
import { loadWordVectors, VECTOR_TABLE_PATH } from '../../data/vectorTable';
import { readFileBytes } from '../nodeBytes';
import { readHeldOutSample, readLearnedWeights, readProcessedCorpus, ROOT } from './corpus';

async function main(argv: readonly string[]): Promise<number> {
  const own = new Set(['--sample', '--json']);
  const parsed = parseTraceArgs(['--text', '-', ...argv.filter((a) => !own.has(a))]);
  if (!parsed.ok || parsed.options.help) {
    if (!parsed.ok) console.error(`measure:heads: ${parsed.error}`);
    console.error(
      'usage: npm run measure:heads -- [--width N] [--heads N] [--weights PRESET] [--seed N] [--causal] [--no-scale] [--sample] [--json]',
    );
    return 2;
  }
  let { settings } = parsed.options;
  const { vectorsPath } = parsed.options;
  let learned;
  if (settings.weights === 'learned') {
    const choice = chooseLearned(readLearnedWeights(), settings);
    if (!choice.ok) {
      console.error(`measure:heads: ${choice.message}`);
      return 2;
    }
    settings = choice.settings;
    learned = choice.weights;
  }
  const vectors = await loadWordVectors(
    vectorsPath ?? join(ROOT, 'public', VECTOR_TABLE_PATH),
    readFileBytes,
  );
  const sample = argv.includes('--sample');
  const sentences = sample ? readHeldOutSample().sentences : readProcessedCorpus().heldOut;
  const started = Date.now();
  const figures = measureHeads(sentences, vectors, settings, learned);
  const seconds = (Date.now() - started) / 1000;
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ settings, sentences: sentences.length, figures }, null, 2));
    return 0;
  }
  const { width, heads, weights, seed, causal, scale } = settings;
  console.log(
    `${weights} weights, width ${width}, ${heads} head${heads > 1 ? 's' : ''}, seed ${seed}` +
      `${causal ? ', causal' : ''}${scale ? '' : ', unscaled'}: ${sentences.length} ` +
      `${sample ? 'sample' : 'held-out'} sentences, ${figures[0]?.rows ?? 0} tokens, ${seconds.toFixed(1)} s`,
  );
  console.log(formatHeadTable(figures));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`measure:heads: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
