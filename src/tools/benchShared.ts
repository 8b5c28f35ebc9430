/**
 * Helpers shared by the benchmarks (`npm run bench`, `npm run bench:browser`) and the size
 * report (`npm run size`): command-line flags, statistics, bench texts, the machine line, and
 * plain-text tables.
 */
import os from 'node:os';
import type { WordVectors } from '../core/vectors/table';

/** The word after `flag` in a command line's arguments (`--runs 7` gives "7"), or undefined. */
export function flagValue(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** Median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * A text of exactly `T` tokens made of common lower-case words of the table, so almost
 * every token has a vector. `variant` picks another walk through the same words, which
 * gives a different text of the same length (a real change when the two alternate).
 */
export function benchText(T: number, vectors: WordVectors, variant = 0): string {
  const words = vectors.words.filter((w) => /^[a-z]+$/.test(w)).slice(0, 400);
  const stride = [7919, 104_729, 1_299_709][variant % 3] as number;
  return Array.from(
    { length: T },
    (_, i) => words[(i * stride + variant * 13) % words.length],
  ).join(' ');
}

/**
 * "node v20.20.2, 2 × AMD EPYC, linux x64, load average …": the Node version, the CPUs as
 * os.cpus() reports them, and how busy the machine was (other work skews every figure).
 */
export function machineLine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  return (
    `node ${process.version}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ` +
    `${os.platform()} ${os.arch()}, load average ${load} at start`
  );
}

/**
 * A Markdown table whose columns are padded to line up. Columns are right-aligned (numbers)
 * unless `align` says 'l' for a column.
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ('l' | 'r')[] = [],
): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const left = (c: number) => align[c] === 'l';
  const line = (cells: readonly string[]) =>
    `| ${cells
      .map((cell, c) =>
        left(c) ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number),
      )
      .join(' | ')} |`;
  const rule = widths.map((w, c) => (left(c) ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':'));
  return [line(header), `|${rule.join('|')}|`, ...rows.map(line)].join('\n');
}

/** Bytes as kB (1 kB = 1,000 bytes, as Vite prints them), two decimals. */
export function kB(bytes: number): string {
  return (bytes / 1000).toFixed(2);
}
