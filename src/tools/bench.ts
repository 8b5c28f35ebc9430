/**
 * `npm run bench`: times each stage of the compute core for 8 to 512 tokens at width 100,
 * with 1 and 4 heads (median of repeated runs, in milliseconds); then computes the same
 * multi-head attention with TensorFlow.js (the pure-JavaScript CPU backend, a development
 * dependency only) from the same input and weights, checks that both agree within 1e-4,
 * and prints both times and their ratio. Exits non-zero when they disagree.
 *
 * `--quick` runs fewer repetitions (for a smoke test; the README's figures use the default).
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  applyMask,
  computeScores,
  multiHeadAttention,
  projectQKV,
  scaleScores,
  softmaxRows,
  weightedSum,
} from '../core/attention';
import { add, concatColumns, matmul, type Matrix } from '../core/matrix';
import { positionalEncoding } from '../core/positions';
import { tokenize } from '../core/tokenizer';
import type { AttentionWeights } from '../core/types';
import { makeWeights } from '../core/weights';
import { benchText, machineLine, markdownTable, median } from './benchShared';
import { readFileBytes } from './nodeBytes';
import type { WordVectors } from '../core/vectors/table';
import { embedTokens } from '../core/vectors/projection';
import { loadWordVectors, VECTOR_TABLE_PATH } from '../data/vectorTable';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WIDTH = 100;
const SIZES = [8, 32, 128, 512] as const;
const HEADS = [1, 4] as const;
/** Largest |core − tfjs| accepted on the final output. */
const TOLERANCE = 1e-4;
const quick = process.argv.includes('--quick');

/** Repetitions per measurement: enough for a stable median, fewer where one run is long. */
function runsFor(T: number): number {
  const runs = T >= 512 ? 15 : T >= 128 ? 31 : 101;
  return quick ? Math.max(3, Math.ceil(runs / 10)) : runs;
}

const STAGES = [
  'tokenize',
  'embed',
  'positions',
  'qkv',
  'scores',
  'softmax',
  'weighted sum',
  'output',
  'total',
] as const;
type Stage = (typeof STAGES)[number];

/** Runs the pipeline once, timing each stage, and returns the times in ms. */
function timedRun(text: string, vectors: WordVectors, heads: number): Record<Stage, number> {
  const times = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const lap = <T>(stage: Stage, fn: () => T): T => {
    const t0 = performance.now();
    const value = fn();
    times[stage] += performance.now() - t0;
    return value;
  };
  // Weights are made once per settings change in the app, not per keystroke: outside the timing.
  const weights = makeWeights(WIDTH, heads, 7, 'random');
  const start = performance.now();
  const { tokens } = lap('tokenize', () => tokenize(text));
  const { embeddings } = lap('embed', () => embedTokens(tokens, vectors, WIDTH));
  const input = lap('positions', () => add(embeddings, positionalEncoding(tokens.length, WIDTH)));
  const outputs: Matrix[] = [];
  for (const w of weights.heads) {
    const { q, k, v } = lap('qkv', () => projectQKV(input, w));
    const masked = lap('scores', () =>
      applyMask(scaleScores(computeScores(q, k), q.cols, true), false),
    );
    const p = lap('softmax', () => softmaxRows(masked, 1));
    outputs.push(lap('weighted sum', () => weightedSum(p, v)));
  }
  lap('output', () => matmul(concatColumns(outputs), weights.wo));
  times.total = performance.now() - start;
  return times;
}

/** The stage table: one row per (tokens, heads). */
function stageTable(vectors: WordVectors): string {
  const rows: string[][] = [];
  for (const T of SIZES) {
    const text = benchText(T, vectors);
    for (const heads of HEADS) {
      const runs = runsFor(T);
      for (let i = 0; i < 3; i++) timedRun(text, vectors, heads); // warm up the JIT
      const samples = Array.from({ length: runs }, () => timedRun(text, vectors, heads));
      rows.push([
        String(T),
        String(heads),
        ...STAGES.map((s) => median(samples.map((x) => x[s])).toFixed(3)),
        String(runs),
      ]);
    }
  }
  return markdownTable(['tokens', 'heads', ...STAGES, 'runs'], rows);
}

/** The weights as tfjs tensors, made once (as the app makes its weights once per setting). */
interface TfWeights {
  readonly heads: readonly { wq: Tensor; wk: Tensor; wv: Tensor }[];
  readonly wo: Tensor;
  readonly dK: number;
}

/**
 * The part of TensorFlow.js this benchmark uses. tfjs-core's own declarations pull in
 * @webgpu/types, whose global additions (a "webgpu" canvas context) would change the DOM
 * types of the whole project's type check; so tfjs is imported by a specifier TypeScript
 * does not follow, and typed here.
 */
interface Tensor {
  dataSync(): Float32Array | Int32Array | Uint8Array;
  dispose(): void;
}
interface TfLike {
  tensor2d(values: Float32Array, shape: [number, number]): Tensor;
  matMul(a: Tensor, b: Tensor, transposeA?: boolean, transposeB?: boolean): Tensor;
  mul(a: Tensor, b: number): Tensor;
  softmax(logits: Tensor): Tensor;
  concat(tensors: Tensor[], axis: number): Tensor;
  tidy<T extends Tensor>(fn: () => T): T;
  memory(): { numTensors: number };
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  readonly version_core: string;
}

/** tfjs-core with its pure-JavaScript CPU backend registered. */
async function loadTf(): Promise<TfLike> {
  const core: string = '@tensorflow/tfjs-core';
  const cpu: string = '@tensorflow/tfjs-backend-cpu';
  const tf = (await import(core)) as TfLike;
  await import(cpu);
  return tf;
}

let tf: TfLike;

function toTensor(m: Matrix): Tensor {
  return tf.tensor2d(m.data, [m.rows, m.cols]);
}

function tfWeights(weights: AttentionWeights): TfWeights {
  return {
    heads: weights.heads.map((h) => ({
      wq: toTensor(h.wq),
      wk: toTensor(h.wk),
      wv: toTensor(h.wv),
    })),
    wo: toTensor(weights.wo),
    dK: weights.heads[0]?.wq.cols ?? 0,
  };
}

/**
 * Multi-head attention in tfjs, the formula of core/attention.ts: per head q = x·wq,
 * k = x·wk, v = x·wv, softmax(q·kᵀ / √dK)·v; heads side by side; ·wo. Returns the output
 * read back into JavaScript (dataSync forces the computation), with every tensor disposed.
 */
function tfAttention(input: Matrix, w: TfWeights): Float32Array {
  const out = tf.tidy(() => {
    const x = tf.tensor2d(input.data, [input.rows, input.cols]); // (T, dModel)
    const outputs = w.heads.map((h) => {
      const q = tf.matMul(x, h.wq); // (T, dK)
      const k = tf.matMul(x, h.wk); // (T, dK)
      const v = tf.matMul(x, h.wv); // (T, dK)
      const scaled = tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(w.dK)); // (T, T)
      return tf.matMul(tf.softmax(scaled), v); // (T, dK)
    });
    return tf.matMul(tf.concat(outputs, 1), w.wo); // (T, dModel)
  });
  const data = out.dataSync() as Float32Array;
  out.dispose();
  return data;
}

/** Median time of `fn` in ms over `runs` calls, after a few warm-up calls. */
function timeIt(fn: () => void, runs: number): number {
  for (let i = 0; i < 5; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** The core against tfjs on the attention part (input and weights in, output out). */
function tfjsTable(vectors: WordVectors): { table: string; worstDiff: number } {
  const rows: string[][] = [];
  let worstDiff = 0;
  const options = { causal: false, scale: true, temperature: 1 };
  for (const T of SIZES) {
    const { tokens } = tokenize(benchText(T, vectors));
    const { embeddings } = embedTokens(tokens, vectors, WIDTH);
    const input = add(embeddings, positionalEncoding(tokens.length, WIDTH)); // (T, dModel)
    for (const heads of HEADS) {
      const weights = makeWeights(WIDTH, heads, 7, 'random');
      const tw = tfWeights(weights);
      const core = multiHeadAttention(input, weights, options).output.data;
      const viaTf = tfAttention(input, tw);
      let diff = 0;
      for (let i = 0; i < core.length; i++) {
        diff = Math.max(diff, Math.abs((core[i] as number) - (viaTf[i] as number)));
      }
      worstDiff = Math.max(worstDiff, diff);
      const runs = runsFor(T);
      const before = tf.memory().numTensors;
      const coreMs = timeIt(() => void multiHeadAttention(input, weights, options), runs);
      const tfMs = timeIt(() => void tfAttention(input, tw), runs);
      if (tf.memory().numTensors !== before) throw new Error('tfjs leaked tensors');
      for (const t of [...tw.heads.flatMap((h) => [h.wq, h.wk, h.wv]), tw.wo]) t.dispose();
      rows.push([
        String(T),
        String(heads),
        coreMs.toFixed(3),
        tfMs.toFixed(3),
        (tfMs / coreMs).toFixed(2),
        diff.toExponential(2),
        String(runs),
      ]);
    }
  }
  const header = ['tokens', 'heads', 'core ms', 'tfjs cpu ms', 'tfjs ÷ core', 'max |diff|', 'runs'];
  return { table: markdownTable(header, rows), worstDiff };
}

async function main(): Promise<void> {
  const vectors = await loadWordVectors(
    path.join(root, 'public', VECTOR_TABLE_PATH),
    readFileBytes,
  );
  console.log(machineLine());
  console.log(`\nCore stages: width ${WIDTH}, median of repeated runs, times in ms\n`);
  console.log(stageTable(vectors));

  tf = await loadTf();
  await tf.setBackend('cpu');
  await tf.ready();
  console.log(
    `\nMulti-head attention, core vs TensorFlow.js ${tf.version_core} (backend "${tf.getBackend()}"): ` +
      `input and weights in, output out (tfjs: tensor upload, kernels, dataSync), width ${WIDTH}, ` +
      `median ms; "tfjs ÷ core" > 1 means the core is faster\n`,
  );
  const { table, worstDiff } = tfjsTable(vectors);
  console.log(table);
  console.log(
    `\nlargest |core − tfjs| over every output: ${worstDiff.toExponential(2)} (limit ${TOLERANCE})`,
  );
  if (!(worstDiff <= TOLERANCE)) {
    console.error(`bench: the core and tfjs disagree by ${worstDiff}, more than ${TOLERANCE}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
