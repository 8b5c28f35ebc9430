/**
 * Measures every head of a model the app can draw on tagged sentences, through the app's own
 * pipeline: `embedText` (the app's tokenizer, the word-vector table, the width's projection)
 * and `traceFromEmbedded` (positions, the heads, the settings), so the figures describe
 * exactly the weights a user would see on screen.
 */
import { traceFromEmbedded, embedText } from '../trace';
import type { AttentionSettings, AttentionWeights } from '../types';
import type { WordVectors } from '../vectors/table';
import { makeWeights } from '../weights';
import type { TaggedSentence } from './brown';
import {
  createHeadAccumulator,
  patternTokens,
  POSITIONAL_PATTERNS,
  RELATIONS,
  relationCases,
  type HeadFigures,
} from './headPatterns';

/**
 * The figures of each head (index 0 is the app's head 1) over `sentences`, with the weights
 * given or, by default, those the settings make. Throws if a sentence's tags do not fit the
 * app's tokens (the corpus was processed by another tokenizer).
 */
export function measureHeads(
  sentences: readonly TaggedSentence[],
  vectors: WordVectors,
  settings: AttentionSettings,
  weights: AttentionWeights = makeWeights(
    settings.width,
    settings.heads,
    settings.seed,
    settings.weights,
  ),
): HeadFigures[] {
  const heads = weights.heads.map(() => createHeadAccumulator({ causal: settings.causal }));
  for (const sentence of sentences) {
    const embedded = embedText(sentence.text, settings.width, vectors, Infinity);
    const tokens = patternTokens(embedded.tokens, sentence.tags);
    const cases = relationCases(tokens);
    const trace = traceFromEmbedded(embedded, settings, weights);
    trace.heads.forEach((head, h) => heads[h]?.add(tokens, head.weights, cases));
  }
  return heads.map((head) => head.figures());
}

const percent = (x: number): string => `${(100 * x).toFixed(1)}`;

/**
 * A plain-text table of the heads' figures: one row per figure, one column per head (numbered
 * from 1 as in the app), percentages; then the chance level (the same for every head: it
 * depends on the sentences and the mask only); relation rows also give their case count and
 * their positional baseline (the best a head fixed on one position would score) and which
 * position that is. A head without a pattern shows "-".
 */
export function formatHeadTable(figures: readonly HeadFigures[]): string {
  const first = figures[0];
  const headers = [
    'figure (%)',
    ...figures.map((_, h) => `head ${h + 1}`),
    'chance',
    'cases',
    'baseline',
    'at',
  ];
  const rows: string[][] = [headers];
  for (const p of POSITIONAL_PATTERNS) {
    rows.push([
      `${p} (mean weight)`,
      ...figures.map((f) => percent(f.positional[p])),
      first ? percent(first.positionalChance[p]) : '',
      '',
      '',
      '',
    ]);
  }
  for (const r of RELATIONS) {
    const relation = first?.relations[r];
    const measured = relation !== undefined && relation.cases > 0;
    rows.push([
      `${r} (argmax share)`,
      ...figures.map((f) => percent(f.relations[r].share)),
      measured ? percent(relation.chance) : '',
      String(relation?.cases ?? 0),
      measured ? percent(relation.baseline) : '',
      relation?.baselinePattern ?? '',
    ]);
  }
  rows.push(['pattern', ...figures.map((f) => f.pattern ?? '-'), '', '', '', '']);
  rows.push(['share', ...figures.map((f) => percent(f.share)), '', '', '', '']);
  const widths = headers.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) =>
          c === 0 || c === row.length - 1
            ? cell.padEnd(widths[c] as number)
            : cell.padStart(widths[c] as number),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
