/**
 * One training run of the English model (src/core/english/model.ts) with the Lab's Adam:
 * seeded, so the same options give the same weights on every machine. Used by train.ts (the
 * committed configurations) and on its own for experiments:
 *
 *   npx tsx src/tools/english/trainRun.ts --width 8 --heads 1 --objective next [--baseline]
 *       [--steps N] [--batch N] [--keep N] [--lr X] [--seed N] [--vocabulary N] [--eval N]
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { formatHeadTable, measureHeads } from '../../core/english/measure';
import type { HeadFigures } from '../../core/english/headPatterns';
import { toBase64, weightsToBytes } from '../../core/learnedWeights';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { readHeldOutSample, readProcessedCorpus } from './corpus';
import {
  maskRandom,
  maskedWordExample,
  positionTable,
  sentenceInput,
  type EncodedCorpus,
} from '../../core/english/dataset';
import {
  exampleLoss,
  initEnglishModel,
  layerToWeights,
  modelArrays,
  sampledNextWordTargets,
  zeroModel,
  type EnglishModel,
  type EnglishModelOptions,
} from '../../core/english/model';
import { createAdam } from '../../core/lab/adam';
import { subStream } from '../../core/random';
import { loadTrainingData, type TrainingData } from './trainingData';

/** The two objectives compared. */
export type Objective = 'next-word' | 'masked-word';

/** Everything that decides a run. */
export interface RunOptions {
  readonly width: number;
  readonly heads: number;
  readonly objective: Objective;
  /** Skip the attention layer: the no-attention baseline. */
  readonly baseline: boolean;
  readonly steps: number;
  /** Sentences per Adam step. */
  readonly batch: number;
  /** Next-word: answer rows kept per sentence. */
  readonly keep: number;
  /** Masked-word: share of the tokens blanked. */
  readonly maskRate: number;
  readonly lr: number;
  readonly seed: number;
  readonly vocabularySize: number;
  /** Held-out sentences the loss is measured on. */
  readonly evalSentences: number;
  readonly maxTokens: number;
}

/** Defaults of a run. */
export const RUN_DEFAULTS: RunOptions = {
  width: 8,
  heads: 1,
  objective: 'next-word',
  baseline: false,
  steps: 400,
  batch: 32,
  keep: 6,
  maskRate: 0.15,
  lr: 0.01,
  seed: 1,
  vocabularySize: 2000,
  evalSentences: 1000,
  maxTokens: 64,
};

/** What a run gives back. */
export interface RunResult {
  readonly model: EnglishModel;
  readonly heldOutLoss: number;
  readonly seconds: number;
  readonly log: string[];
}

function modelOptions(o: RunOptions): EnglishModelOptions {
  return { causal: o.objective === 'next-word', attention: !o.baseline };
}

/** Targets and input of training sentence `index` at `epoch` (or of a held-out one with `heldOut`). */
function example(
  o: RunOptions,
  corpus: EncodedCorpus,
  index: number,
  epoch: number,
  positions: Float32Array,
  heldOut: boolean,
): { x: Float64Array; targets: Int32Array } {
  const sentence = corpus.sentences[index];
  if (!sentence) throw new RangeError(`no sentence ${index}`);
  const seed = heldOut ? o.seed + 7919 : o.seed;
  if (o.objective === 'masked-word') {
    const { masked, targets } = maskedWordExample(
      sentence,
      o.maskRate,
      maskRandom(seed, epoch, index),
    );
    return { x: sentenceInput(corpus, sentence, positions, masked), targets };
  }
  const keep = heldOut ? Infinity : o.keep;
  const targets = sampledNextWordTargets(sentence.words, keep, maskRandom(seed, epoch, index));
  return { x: sentenceInput(corpus, sentence, positions), targets };
}

/** Mean loss per answer row over the first `evalSentences` held-out sentences. */
export function heldOutLoss(o: RunOptions, data: TrainingData, model: EnglishModel): number {
  const positions = positionTable(o.maxTokens, o.width);
  let loss = 0;
  let count = 0;
  const n = Math.min(o.evalSentences, data.heldOut.sentences.length);
  // Every k-th sentence, so the measure spans the held-out documents rather than the first few.
  const stride = Math.max(1, Math.floor(data.heldOut.sentences.length / n));
  for (let i = 0; i < n; i++) {
    const { x, targets } = example(o, data.heldOut, i * stride, 0, positions, true);
    const r = exampleLoss(model, x, targets, modelOptions(o));
    loss += r.loss;
    count += r.count;
  }
  return count > 0 ? loss / count : NaN;
}

/** Log unigram frequencies of the training targets (add-one smoothed): the readout's first biases. */
function unigramBias(data: TrainingData, classes: number): Float64Array {
  const counts = new Float64Array(classes).fill(1); // (V)
  let total = classes;
  for (const s of data.train.sentences) {
    for (const w of s.words) {
      counts[w] = (counts[w] as number) + 1;
      total++;
    }
  }
  return counts.map((c) => Math.log(c / total));
}

/** Trains one model on `data` (encoded at `o.width`) and measures its held-out loss. */
export function trainRun(
  o: RunOptions,
  data: TrainingData,
  print: (line: string) => void = console.log,
): RunResult {
  const started = Date.now();
  const log: string[] = [];
  const say = (line: string): void => {
    log.push(line);
    print(line);
  };
  const classes = data.vocabulary.otherId + 1;
  const model = initEnglishModel(o.width, o.heads, classes, o.seed, unigramBias(data, classes));
  const params = modelArrays(model);
  const adam = createAdam({ lr: o.lr });
  const positions = positionTable(o.maxTokens, o.width);
  const options = modelOptions(o);
  const n = data.train.sentences.length;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const shuffle = subStream(o.seed, 'english/order');
  let cursor = n;
  let epoch = -1;
  let runningLoss = 0;
  let runningCount = 0;
  const every = Math.max(1, Math.floor(o.steps / 20));
  for (let step = 1; step <= o.steps; step++) {
    const grads = zeroModel(model);
    let count = 0;
    for (let b = 0; b < o.batch; b++) {
      if (cursor >= n) {
        epoch++;
        cursor = 0;
        for (let i = n - 1; i > 0; i--) {
          const j = Math.floor(shuffle() * (i + 1));
          const tmp = order[i] as number;
          order[i] = order[j] as number;
          order[j] = tmp;
        }
      }
      const index = order[cursor++] as number;
      const { x, targets } = example(o, data.train, index, epoch, positions, false);
      const r = exampleLoss(model, x, targets, options, grads);
      count += r.count;
      runningLoss += r.loss;
      runningCount += r.count;
    }
    const gradArrays = modelArrays(grads);
    if (count > 0)
      for (const g of gradArrays)
        for (let i = 0; i < g.length; i++) g[i] = (g[i] as number) / count;
    // Linear decay to a tenth of the rate over the run.
    (adam.options as { lr: number }).lr = o.lr * (1 - 0.9 * ((step - 1) / o.steps));
    adam.step(params, gradArrays);
    if (step % every === 0 || step === o.steps) {
      say(
        `step ${step}/${o.steps} epoch ${epoch} training loss ${(runningLoss / runningCount).toFixed(4)} ` +
          `(${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
      runningLoss = 0;
      runningCount = 0;
    }
  }
  const loss = heldOutLoss(o, data, model);
  const seconds = (Date.now() - started) / 1000;
  say(
    `held-out loss ${loss.toFixed(4)} per answer (${o.evalSentences} sentences), ${seconds.toFixed(0)} s`,
  );
  return { model, heldOutLoss: loss, seconds, log };
}

/** Parses `--name value` flags over RUN_DEFAULTS. */
export function parseRunFlags(
  argv: readonly string[],
  base: RunOptions = RUN_DEFAULTS,
): RunOptions {
  const num = (name: string, fallback: number): number => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const objective = argv.includes('--objective')
    ? argv[argv.indexOf('--objective') + 1] === 'masked'
      ? 'masked-word'
      : 'next-word'
    : base.objective;
  return {
    width: num('--width', base.width),
    heads: num('--heads', base.heads),
    objective,
    baseline: argv.includes('--baseline') || base.baseline,
    steps: num('--steps', base.steps),
    batch: num('--batch', base.batch),
    keep: num('--keep', base.keep),
    maskRate: num('--mask-rate', base.maskRate),
    lr: num('--lr', base.lr),
    seed: num('--seed', base.seed),
    vocabularySize: num('--vocabulary', base.vocabularySize),
    evalSentences: num('--eval', base.evalSentences),
    maxTokens: num('--max-tokens', base.maxTokens),
  };
}

/** What a run saves for train.ts (`--save PATH`). */
export interface SavedRun {
  readonly options: RunOptions;
  readonly heldOutLoss: number;
  readonly seconds: number;
  readonly log: readonly string[];
  /** Figures on the whole held-out part, then on the committed sample (none for a baseline). */
  readonly figures: readonly HeadFigures[];
  readonly sampleFigures: readonly HeadFigures[];
  /** The layer's float32 weights in the weights file's byte order, base64. */
  readonly data: string;
}

async function main(argv: readonly string[]): Promise<void> {
  const o = parseRunFlags(argv);
  const loadStarted = Date.now();
  const data = await loadTrainingData(o);
  console.log(
    `${JSON.stringify(o)}\ndata loaded in ${((Date.now() - loadStarted) / 1000).toFixed(0)} s`,
  );
  const result = trainRun(o, data);
  const weights = layerToWeights(result.model.layer);
  const settings = {
    ...DEFAULT_SETTINGS,
    width: o.width,
    heads: o.heads,
    causal: o.objective === 'next-word',
  };
  let figures: HeadFigures[] = [];
  let sampleFigures: HeadFigures[] = [];
  if (!o.baseline) {
    figures = measureHeads(readProcessedCorpus().heldOut, data.vectors, settings, weights);
    sampleFigures = measureHeads(readHeldOutSample().sentences, data.vectors, settings, weights);
    console.log(`head figures on the held-out part:\n${formatHeadTable(figures)}`);
  }
  const save = argv.indexOf('--save');
  if (save >= 0) {
    const saved: SavedRun = {
      options: o,
      heldOutLoss: result.heldOutLoss,
      seconds: result.seconds,
      log: result.log,
      figures,
      sampleFigures,
      data: toBase64(weightsToBytes(weights)),
    };
    writeFileSync(argv[save + 1] as string, JSON.stringify(saved));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
