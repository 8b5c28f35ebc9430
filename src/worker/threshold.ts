/**
 * When a trace is "large", that is, computed in the worker rather than on the main thread.
 *
 * Below the threshold the synchronous computation is shorter than a frame and the worker's
 * round trip (posting, a task in the worker, the answer's task back) would only add
 * latency; above it the computation alone would take a noticeable part of the 50 ms a task
 * may take before typing feels sticky, and grows with T², to ~100–200 ms at 512 tokens.
 */
import { VECTOR_DIMS } from '../core/settings';
import { tokenize, MAX_TOKENS } from '../core/tokenizer';
import type { AttentionSettings } from '../core/types';
import { headDim } from '../core/weights';

/*
 * The cost model and its constants were measured with
 *
 *     npx tsx test/worker/measureThreshold.ts
 *
 * which times what the main thread does for a text change (tokenize, embed, attention with
 * cached weights: `embedText` + `traceFromEmbedded`) for T = 16…512 tokens, widths 4…100
 * and 1…8 heads, prints wall and CPU times next to `traceWork`'s prediction, and fits
 * ms = a·MACs + b·heads·T² + c·T to the median CPU times. CPU time rather than wall time,
 * because the machine (2 × AMD EPYC vCPU, Node 20) was shared with other builds at load
 * 5–8 and wall times varied up to 3× between runs; the CPU times agree with the quiet
 * machine's wall times of `npm run bench` (its "total" column: 12.4 ms for 128 tokens at
 * width 100, 121 ms for 512; CPU times here: 14.5 and 121.5).
 *
 * Two full runs fitted 0.70–0.77 G multiply-adds per second; each element of each head's
 * T×T matrices costing another 31–37 multiply-adds' worth (allocating, scaling, copying
 * for the mask, exp and normalising the score matrices: what dominates at small dK); and
 * each token 8,900–9,300 (tokenizing, lookup, dequantizing). With the constants below the
 * model predicts the measured CPU times within 16% (median over the 200-odd configurations).
 * Figures around the threshold (ms, CPU time, median of 7–31 runs):
 *
 *     tokens  width  heads  traceWork  measured  predicted
 *        96    100      1     7.9M       11.1      10.2
 *       128    100      1    11.4M       14.5      14.9
 *       128      8      8     6.4M        8.7       8.3
 *       192      8      4     8.0M        9.0      10.4
 *       192     32      1     6.9M       12.2       8.9
 *       256      8      1     6.1M        7.1       7.9
 *       384      8      1    11.7M       12.3      15.2
 *       512      8      1    19.0M       24.0      24.7
 *       512    100      1    92.3M      121.5     119.9
 *
 * The threshold is 10 ms of predicted work, the middle of the 8–16 ms band where a
 * synchronous update starts to cost a visible share of a frame and of the 50 ms task
 * budget. In tokens: 298 at the default settings (width 8, one head), 142 at width 8 with
 * 8 heads, 207 at width 32, 95 at width 100 with one head, 80 with 8 heads.
 */

/** Work, in multiply-add equivalents, of each element of each head's T×T matrices beyond the products. */
export const ELEMENTWISE_WORK = 37;

/** Work, in multiply-add equivalents, of each token: tokenizing, looking up and dequantizing it. */
export const TOKEN_WORK = 9000;

/** Work units the main thread gets through per millisecond (0.77 G multiply-adds per second). */
export const WORK_PER_MS = 770_000;

/** Predicted time, in ms, above which a trace is computed in the worker. */
export const WORKER_THRESHOLD_MS = 10;

/** `traceWork` above which a trace is computed in the worker: 7.7 M units, 10 ms. */
export const WORKER_THRESHOLD = WORKER_THRESHOLD_MS * WORK_PER_MS;

/**
 * The estimated cost of a trace of `T` tokens at model width `width` with `heads` heads,
 * in multiply-add equivalents: per head T²·dK for the scores and again for the weighted
 * sum plus the element-wise passes over T×T, 3·T·width·dK for Q, K and V, T·width·dK for
 * its share of the output projection, and per token the projection of its 100-component
 * vector to `width` and the tokenizing and lookup.
 */
export function traceWork(T: number, width: number, heads: number): number {
  const dK = headDim(width, heads);
  return (
    heads * T * T * (2 * dK + ELEMENTWISE_WORK) +
    4 * T * width * heads * dK +
    T * (VECTOR_DIMS * width + TOKEN_WORK)
  );
}

/** The time in ms the main thread is predicted to spend on `work` units (see the measurements above). */
export function predictedMs(work: number): number {
  return work / WORK_PER_MS;
}

/** True when a trace of `T` tokens with `settings` is large enough for the worker. */
export function isLargeTrace(
  T: number,
  settings: Pick<AttentionSettings, 'width' | 'heads'>,
): boolean {
  return traceWork(T, settings.width, settings.heads) > WORKER_THRESHOLD;
}

/**
 * From this many UTF-16 code units a text goes to the worker without its tokens being
 * counted: tokenizing 5 MB on the main thread on every keystroke took half a second.
 * (512 tokens of ordinary words are 3 to 4 thousand characters.)
 */
export const LONG_TEXT_CHARS = 32_768;

/** The exact token count of `text`, as the trace will have it (at most MAX_TOKENS). */
export function countTokens(text: string): number {
  return tokenize(text).tokens.length;
}

/**
 * True when the trace of `text` with `settings` should be computed in the worker. A text
 * has at most as many tokens as UTF-16 code units, so a short text is decided without
 * tokenizing; otherwise it is tokenized (cheap next to attention: ~4 ms at 512 tokens)
 * by `count`, which callers may memoize.
 */
export function isLargeText(
  text: string,
  settings: Pick<AttentionSettings, 'width' | 'heads'>,
  count: (text: string) => number = countTokens,
): boolean {
  if (!isLargeTrace(Math.min(text.length, MAX_TOKENS), settings)) return false;
  // Counting the tokens of a very long text costs more than the worker's round trip.
  if (text.length > LONG_TEXT_CHARS) return true;
  return isLargeTrace(count(text), settings);
}
