/**
 * The "In your sentence" line of each step: one token's numbers from the trace, in words.
 * Pure functions of the trace, so the line always agrees with every other panel.
 */
import { isolate } from '../../bidi';
import { truncateLabel } from '../../viz/text';
import type { Matrix } from '../../core/matrix';
import type { AttentionTrace } from '../../core/types';
import type { Messages } from '../../messages';
import { numberFormat, type NumberFormat } from '../common/useNumberFormat';
import type { StepId } from '../../vocabulary/steps';

/**
 * The longest a token is quoted in the line, in characters: a token may be 64 KB of pasted
 * base64, and the line must stay a line. Cut with an ellipsis, as the graph's and the
 * heatmap's labels are (longer here, where there is room for a whole long word).
 */
export const MAX_TOKEN_IN_LINE = 24;

/** A token as the line quotes it: shortened, then isolated (its ellipsis stays at its own end). */
function quoted(text: string): string {
  return isolate(truncateLabel(text, MAX_TOKEN_IN_LINE));
}

/**
 * The query token whose strongest attention to another token is largest: the row where
 * attention is most visibly "about" something. Only rows where `eligible(i)` holds are
 * considered (words make better examples than full stops) unless none is. 0 for a single token.
 */
export function exampleQuery(
  weights: Matrix,
  eligible: (i: number) => boolean = () => true,
): number {
  let rows = Array.from({ length: weights.rows }, (_, i) => i).filter(eligible);
  if (rows.length === 0) rows = Array.from({ length: weights.rows }, (_, i) => i);
  let best = rows[0] ?? 0;
  let bestWeight = -1;
  for (const i of rows) {
    for (let j = 0; j < weights.cols; j++) {
      const w = weights.data[i * weights.cols + j] as number;
      if (j !== i && w > bestWeight) {
        best = i;
        bestWeight = w;
      }
    }
  }
  return best;
}

/** The columns of row `i` in decreasing order of value, -∞ (masked) entries left out; at most `n`. */
export function strongestKeys(m: Matrix, i: number, n: number): number[] {
  const row = Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols), (value, j) => ({
    value,
    j,
  }));
  return row
    .filter((entry) => Number.isFinite(entry.value))
    .sort((a, b) => b.value - a.value || a.j - b.j)
    .slice(0, n)
    .map((entry) => entry.j);
}

/** The example sentence for `step`, about query token `query` of head `head`, or null when there is nothing to say. */
export function describeExample(
  m: Messages['shell']['example'],
  step: StepId,
  trace: AttentionTrace,
  head: number,
  query: number,
  fmt: NumberFormat = numberFormat('en'),
): string | null {
  const T = trace.tokens.length;
  const h = trace.heads[head];
  const found = trace.tokens[query];
  if (T === 0 || !h || !found) return null;
  const token = { text: quoted(found.text) };
  const name = (j: number) => quoted(trace.tokens[j]?.text ?? '');
  const percent = (w: number) => fmt.number(w * 100, 0);
  switch (step) {
    case 'tokens':
      return m.tokens(T, trace.tokens.filter((t) => !t.known).length);
    case 'qkv':
      return m.qkv(T, trace.dK);
    case 'score': {
      const [best] = strongestKeys(h.masked, query, 1);
      if (best === undefined) return null;
      const score = fmt.number(h.masked.data[query * T + best] as number);
      return best === query
        ? m.scoreSelf(token.text, score)
        : m.score(token.text, name(best), score);
    }
    case 'softmax': {
      const [best] = strongestKeys(h.weights, query, 1);
      if (best === undefined) return null;
      const top = percent(h.weights.data[query * T + best] as number);
      if (best === query) return m.softmaxSelf(token.text, top);
      return m.softmax(
        token.text,
        name(best),
        top,
        percent(h.weights.data[query * T + query] as number),
      );
    }
    case 'weighted': {
      // With the causal mask a token sees fewer than three keys: list only those it sees.
      const top = strongestKeys(h.weights, query, 3).filter((j) =>
        Number.isFinite(h.masked.data[query * T + j] as number),
      );
      const parts = top.map((j) =>
        m.weightedPart(fmt.number(h.weights.data[query * T + j] as number), name(j)),
      );
      // Masked weights are exactly 0: they are not "the rest" of the sum.
      const nonzero = h.weights.data
        .subarray(query * T, (query + 1) * T)
        .filter((w) => w > 0).length;
      return m.weighted(token.text, parts, nonzero > top.length);
    }
    case 'output':
      return m.output(token.text, trace.settings.heads, trace.dK, trace.settings.width);
  }
}
