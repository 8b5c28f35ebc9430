/**
 * `npm run bench`: times each stage of the compute core for 8 to 512 tokens at width 100,
 * with 1 and 4 heads, and prints the median of repeated runs in milliseconds.
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  applyMask,
  computeScores,
  projectQKV,
  scaleScores,
  softmaxRows,
  weightedSum,
} from '../core/attention';
import { add, concatColumns, matmul, type Matrix } from '../core/matrix';
import { positionalEncoding } from '../core/positions';
import { tokenize } from '../core/tokenizer';
import { embedTokens, loadWordVectors, VECTOR_TABLE_PATH, type WordVectors } from '../core/vectors';
import { makeWeights } from '../core/weights';
import { readFileBytes } from './nodeBytes';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A text of exactly `T` tokens made of common words, so almost every token has a vector. */
export function benchText(T: number, vectors: WordVectors): string {
  const words = vectors.words.filter((w) => /^[a-z]+$/.test(w)).slice(0, 400);
  return Array.from({ length: T }, (_, i) => words[(i * 7919) % words.length]).join(' ');
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
  const width = 100;
  const times = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const lap = <T>(stage: Stage, fn: () => T): T => {
    const t0 = performance.now();
    const value = fn();
    times[stage] += performance.now() - t0;
    return value;
  };
  // Weights are made once per settings change in the app, not per keystroke: outside the timing.
  const weights = makeWeights(width, heads, 7, 'random');
  const start = performance.now();
  const { tokens } = lap('tokenize', () => tokenize(text));
  const { embeddings } = lap('embed', () => embedTokens(tokens, vectors, width));
  const input = lap('positions', () => add(embeddings, positionalEncoding(tokens.length, width)));
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

async function main(): Promise<void> {
  const vectors = await loadWordVectors(
    path.join(root, 'public', VECTOR_TABLE_PATH),
    readFileBytes,
  );
  console.log(`Attention Graph core benchmark: width 100, median of repeated runs, times in ms`);
  console.log(
    `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}\n`,
  );
  const header = ['tokens', 'heads', ...STAGES, 'runs'];
  const rows: string[][] = [];
  for (const T of [8, 32, 128, 512]) {
    const text = benchText(T, vectors);
    for (const heads of [1, 4]) {
      const runs = T >= 512 ? 9 : T >= 128 ? 21 : 51;
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
  const widths = header.map((h, c) =>
    Math.max(h.length, ...rows.map((r) => (r[c] as string).length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, c) => cell.padStart(widths[c] as number)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 1) + ':').join('|')}|`);
  for (const r of rows) console.log(line(r));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
