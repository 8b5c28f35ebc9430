/**
 * Measures every head of a model the app can draw on tagged sentences, through the app's own
 * pipeline: `embedText` (the app's tokenizer, the word-vector table, the width's projection)
 * and `traceFromEmbedded` (positions, the heads, the settings), so the figures describe
 * exactly the weights a user would see on screen.
 */
import { tokenize } from '../tokenizer';
import { traceFromEmbedded, embedText } from '../trace';
import type { AttentionSettings, AttentionWeights } from '../types';
import type { WordVectors } from '../vectors';
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
  const heads = weights.heads.map(() => createHeadAccumulator());
  for (const sentence of sentences) {
    const embedded = embedText(sentence.text, settings.width, vectors, Infinity);
    const tokens = patternTokens(embedded.tokens, sentence.tags);
    const cases = relationCases(tokens);
    const trace = traceFromEmbedded(embedded, settings, weights);
    trace.heads.forEach((head, h) => heads[h]?.add(tokens, head.weights, cases));
  }
  return heads.map((head) => head.figures());
}

/**
 * The figures of a head that spreads its attention evenly over every token it may see (all of
 * them, or under a causal mask the token itself and those before it): the level of chance
 * that a measured head's figures should be read against.
 */
export function measureUniform(sentences: readonly TaggedSentence[], causal: boolean): HeadFigures {
  const head = createHeadAccumulator();
  for (const sentence of sentences) {
    const tokens = patternTokens(
      tokenize(sentence.text, { maxTokens: Infinity }).tokens,
      sentence.tags,
    );
    const T = tokens.length;
    const data = new Float64Array(T * T); // (T, T)
    for (let i = 0; i < T; i++) {
      const seen = causal ? i + 1 : T;
      for (let j = 0; j < seen; j++) data[i * T + j] = 1 / seen;
    }
    head.add(tokens, { rows: T, cols: T, data });
  }
  return head.figures();
}

const percent = (x: number): string => `${(100 * x).toFixed(1)}`;

/**
 * A plain-text table of the heads' figures: one row per figure, one column per head (numbered
 * from 1 as in the app), percentages; then, when given, the `uniform` head's figures (chance);
 * relation rows also give their case count and their positional baseline (the best a head
 * fixed on one position would score) and which position that is.
 */
export function formatHeadTable(figures: readonly HeadFigures[], uniform?: HeadFigures): string {
  const all = uniform ? [...figures, uniform] : figures;
  const headers = [
    'figure (%)',
    ...figures.map((_, h) => `head ${h + 1}`),
    ...(uniform ? ['uniform'] : []),
    'cases',
    'baseline',
    'at',
  ];
  const rows: string[][] = [headers];
  for (const p of POSITIONAL_PATTERNS) {
    rows.push([`${p} (mean weight)`, ...all.map((f) => percent(f.positional[p])), '', '', '']);
  }
  for (const r of RELATIONS) {
    const first = figures[0]?.relations[r];
    rows.push([
      `${r} (argmax share)`,
      ...all.map((f) => percent(f.relations[r].share)),
      String(first?.cases ?? 0),
      first && first.cases > 0 ? percent(first.baseline) : '',
      first?.baselinePattern ?? '',
    ]);
  }
  rows.push(['pattern', ...all.map((f) => f.pattern), '', '', '']);
  rows.push(['share', ...all.map((f) => percent(f.share)), '', '', '']);
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
