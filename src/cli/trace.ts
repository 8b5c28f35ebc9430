/**
 * `npm run trace -- --text "The cat sat." [options]`: prints the attention trace as JSON.
 * Exit codes: 0 success, 1 the word-vector table (or the learned weights) could not be read,
 * 2 bad flags, or a width and head count the learned weights do not cover.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseLearned, LEARNED_WEIGHTS_PATH, parseLearnedWeights } from '../core/learnedWeights';
import {
  computeTrace,
  embedText,
  traceFromEmbedded,
  traceToJson,
  type TraceJson,
} from '../core/trace';
import { readFileBytes } from '../tools/nodeBytes';
import { parseTraceArgs, USAGE } from './args';
import { loadWordVectors, VECTOR_TABLE_PATH } from '../data/vectorTable';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseTraceArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`trace: ${parsed.error} (see --help)\n`);
    return 2;
  }
  const { options } = parsed;
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const file = options.vectorsPath ?? path.join(root, 'public', VECTOR_TABLE_PATH);
  let vectors;
  try {
    vectors = await loadWordVectors(file, readFileBytes);
  } catch (error) {
    process.stderr.write(`trace: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  let json: TraceJson;
  if (options.settings.weights === 'learned') {
    let file;
    try {
      file = parseLearnedWeights(
        JSON.parse(await readFile(path.join(root, 'public', LEARNED_WEIGHTS_PATH), 'utf8')),
      );
    } catch (error) {
      process.stderr.write(`trace: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    const choice = chooseLearned(file, options.settings);
    if (!choice.ok) {
      process.stderr.write(
        `trace: ${choice.message} (--width ${choice.nearest.width} --heads ${choice.nearest.heads})\n`,
      );
      return 2;
    }
    const embedded = embedText(options.text, choice.settings.width, vectors);
    json = {
      ...traceToJson(traceFromEmbedded(embedded, choice.settings, choice.weights)),
      model: choice.model,
    };
  } else {
    json = traceToJson(computeTrace(options.text, options.settings, vectors));
  }
  process.stdout.write(`${JSON.stringify(json, null, options.pretty ? 2 : undefined)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`trace: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
