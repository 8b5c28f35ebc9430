/**
 * Measures what the worker threshold in `src/worker/threshold.ts` is based on: the time the
 * main thread spends computing a trace synchronously (what `deriveTrace` does on a text
 * change: tokenize, embed, attention; weights are cached, so made outside the timing), for
 * a grid of token counts, widths and heads, at width-appropriate repetitions.
 *
 *     npx tsx test/worker/measureThreshold.ts          # full grid, about two minutes
 *     npx tsx test/worker/measureThreshold.ts --quick  # fewer sizes
 *
 * It prints, per configuration, `traceWork`'s estimate, the shortest and median wall time
 * and the median CPU time in ms, and the time `traceWork` predicts; then a least-squares
 * fit of the cost model (ms = a·MACs + b·heads·T² + c·T) to the CPU times, from which the
 * constants of `traceWork` were taken. CPU time is the figure to compare: on a shared
 * machine wall times carry other processes' load (up to 3× between runs here), and the
 * threshold is about the cost of the computation itself.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { embedText, traceFromEmbedded } from '../../src/core/trace';
import { headDim, makeWeights } from '../../src/core/weights';
import { readFileBytes } from '../../src/tools/nodeBytes';
import { predictedMs, traceWork, WORKER_THRESHOLD } from '../../src/worker/threshold';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { WordVectors } from '../../src/core/vectors/table';
import { loadWordVectors, VECTOR_TABLE_PATH } from '../../src/data/vectorTable';

/** One measured configuration. */
interface Sample {
  readonly T: number;
  readonly width: number;
  readonly heads: number;
  /** Shortest wall-clock time of the runs, ms. */
  readonly min: number;
  /** Median wall-clock time, ms. */
  readonly median: number;
  /** Median CPU time (user + system) of the process, ms. */
  readonly cpu: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}

/** A text of exactly `T` tokens of common words, so that almost every token has a vector. */
function textOf(T: number, vectors: WordVectors): string {
  const words = vectors.words.filter((w) => /^[a-z]+$/.test(w)).slice(0, 400);
  return Array.from({ length: T }, (_, i) => words[(i * 7919) % words.length]).join(' ');
}

function measure(T: number, width: number, heads: number, vectors: WordVectors): Sample {
  const text = textOf(T, vectors);
  const settings = { ...DEFAULT_SETTINGS, width, heads };
  const weights = makeWeights(width, heads, settings.seed, settings.weights);
  const run = (): [wall: number, cpu: number] => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    traceFromEmbedded(embedText(text, width, vectors), settings, weights);
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return [wall, (used.user + used.system) / 1000];
  };
  // Enough runs that the minimum is stable; fewer where one run is long.
  const runs = T >= 384 ? 7 : T >= 128 ? 15 : 31;
  for (let i = 0; i < 3; i++) run(); // let the JIT settle
  const times = Array.from({ length: runs }, run);
  const walls = times.map(([wall]) => wall);
  return {
    T,
    width,
    heads,
    min: Math.min(...walls),
    median: median(walls),
    cpu: median(times.map(([, cpu]) => cpu)),
  };
}

/** Solves the least-squares problem min Σ ((X·c)_i / y_i − 1)², i.e. relative errors. */
function fitRelative(rows: readonly (readonly number[])[], y: readonly number[]): number[] {
  const n = rows[0]?.length ?? 0;
  const ata = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const atb = new Array<number>(n).fill(0);
  rows.forEach((row, r) => {
    const w = 1 / (y[r] as number);
    for (let i = 0; i < n; i++) {
      atb[i] = (atb[i] as number) + (row[i] as number) * w;
      for (let j = 0; j < n; j++) {
        (ata[i] as number[])[j] =
          ((ata[i] as number[])[j] as number) + (row[i] as number) * (row[j] as number) * w * w;
      }
    }
  });
  // Gaussian elimination; n is 3.
  for (let i = 0; i < n; i++) {
    const pivot = (ata[i] as number[])[i] as number;
    for (let k = i + 1; k < n; k++) {
      const f = ((ata[k] as number[])[i] as number) / pivot;
      for (let j = i; j < n; j++) {
        (ata[k] as number[])[j] =
          ((ata[k] as number[])[j] as number) - f * ((ata[i] as number[])[j] as number);
      }
      atb[k] = (atb[k] as number) - f * (atb[i] as number);
    }
  }
  const c = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = atb[i] as number;
    for (let j = i + 1; j < n; j++) s -= ((ata[i] as number[])[j] as number) * (c[j] as number);
    c[i] = s / ((ata[i] as number[])[i] as number);
  }
  return c;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const vectors = await loadWordVectors(
    path.resolve(import.meta.dirname, '../../public', VECTOR_TABLE_PATH),
    readFileBytes,
  );
  const sizes = quick ? [32, 64, 128, 256] : [16, 32, 64, 96, 128, 192, 256, 384, 512];
  const widths = quick ? [8, 100] : [4, 8, 16, 32, 64, 100];
  const headCounts = quick ? [1, 4] : [1, 2, 4, 8];
  const samples: Sample[] = [];
  console.log('tokens width heads      work  wall min  wall median  cpu median  predicted (ms)');
  for (const T of sizes) {
    for (const width of widths) {
      for (const heads of headCounts) {
        // Skip what is far beyond the threshold: it says nothing about where it lies.
        if (heads > width || traceWork(T, width, heads) > 12 * WORKER_THRESHOLD) continue;
        const s = measure(T, width, heads, vectors);
        samples.push(s);
        console.log(
          `${String(T).padStart(6)} ${String(width).padStart(5)} ${String(heads).padStart(5)} ` +
            `${(traceWork(T, width, heads) / 1e6).toFixed(2).padStart(8)}M ` +
            `${s.min.toFixed(2).padStart(9)} ${s.median.toFixed(2).padStart(12)} ` +
            `${s.cpu.toFixed(2).padStart(11)} ${predictedMs(traceWork(T, width, heads))
              .toFixed(2)
              .padStart(11)}`,
        );
      }
    }
  }
  const rows = samples.map(({ T, width, heads }) => {
    const dK = headDim(width, heads);
    const macs = heads * T * T * 2 * dK + 4 * T * width * heads * dK + 100 * T * width;
    return [macs, heads * T * T, T];
  });
  const [a, b, c] = fitRelative(
    rows,
    samples.map((s) => s.cpu),
  ) as [number, number, number];
  console.log(
    `\nfit on the CPU medians: ${(1 / a / 1e6).toFixed(2)} G MAC/s, ` +
      `element-wise cost per heads·T² = ${(b / a).toFixed(1)} MACs, per token = ${(c / a).toFixed(0)} MACs`,
  );
  const errors = samples.map((s) =>
    Math.abs(predictedMs(traceWork(s.T, s.width, s.heads)) / s.cpu - 1),
  );
  console.log(
    `traceWork's prediction against the CPU medians: median error ${(median(errors) * 100).toFixed(0)}%, ` +
      `threshold ${(WORKER_THRESHOLD / 1e6).toFixed(1)}M work units ≈ ${predictedMs(WORKER_THRESHOLD).toFixed(1)} ms`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
