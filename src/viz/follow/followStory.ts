/**
 * "Follow one token": the story of one query token through one head, frame by frame, as a
 * teacher clicks through it. Pure: a trace, a head and a token in, every number the frames
 * show out.
 *
 * Every number is the trace's own (scores, scaled scores, weights, output), read through the
 * same helpers as "Show the work" (`../arithmetic.ts`), never recomputed another way; only
 * the intermediates the trace does not store (each q·k term, each w·v term) are made there,
 * from the trace's rows.
 */
import type { AttentionTrace } from '../../core/types';
import {
  scoreWork,
  softmaxWork,
  weightedSumWork,
  type ScoreWork,
  type SoftmaxWork,
  type WeightedSumWork,
} from '../arithmetic';
import { truncateLabel } from '../text';

/** The longest token label the frames show, in characters. */
export const LABEL_CHARS = 24;

/**
 * One frame of the story:
 * - `meet`: the query meets key `key` (the product term by term, the score, ÷√d_k);
 * - `bars`: every score as a bar;
 * - `softmax`: the bars become weights that sum to 1;
 * - `mix`: the value vectors scaled by their weights and added into the new vector;
 * - `arrows`: the token's arrows to the others, as thick as their weights.
 */
export type FollowFrame =
  | { readonly kind: 'meet'; readonly key: number }
  | { readonly kind: 'bars' }
  | { readonly kind: 'softmax' }
  | { readonly kind: 'mix' }
  | { readonly kind: 'arrows' };

/** The kinds of frame, in the order the story tells them. */
export type FollowFrameKind = FollowFrame['kind'];

/** Everything the frames of one token's story show. */
export interface FollowStory {
  /** The token followed (the query), and the head. */
  readonly token: number;
  readonly head: number;
  /** The tokens' texts as labels: cut to LABEL_CHARS characters (a token may be 64 KB). */
  readonly tokens: readonly string[]; // (T)
  /** Width of each query, key and value. */
  readonly dK: number;
  /** The query of `token`: row `token` of Q. */
  readonly q: readonly number[]; // (dK)
  /** The query meeting every key j, in order (masked keys flagged `masked`). */
  readonly meetings: readonly ScoreWork[]; // (T)
  /** The keys the query may see (all, or those up to `token` under the causal mask). */
  readonly visible: readonly number[];
  /** The softmax of the token's row: the masked scores, the weights and their sum. */
  readonly softmax: SoftmaxWork;
  /** The weighted sum: each value vector, each w·v term and the trace's output row. */
  readonly mix: WeightedSumWork;
  /** The frames, in order: one `meet` per visible key, then bars, softmax, mix, arrows. */
  readonly frames: readonly FollowFrame[];
}

/** The story of query `token` in head `head` of `trace`. Throws RangeError on a bad index. */
export function buildFollowStory(trace: AttentionTrace, head: number, token: number): FollowStory {
  const meetings = trace.tokens.map((_, j) => scoreWork(trace, head, token, j)); // (T)
  const visible = meetings.filter((m) => !m.masked).map((m) => m.j);
  const frames: FollowFrame[] = [
    ...visible.map((key) => ({ kind: 'meet', key }) as const),
    { kind: 'bars' },
    { kind: 'softmax' },
    { kind: 'mix' },
    { kind: 'arrows' },
  ];
  return {
    token,
    head,
    tokens: trace.tokens.map((t) => truncateLabel(t.text, LABEL_CHARS)),
    dK: trace.dK,
    q: meetings[0]?.q ?? [],
    meetings,
    visible,
    softmax: softmaxWork(trace, head, token, token),
    mix: weightedSumWork(trace, head, token, token),
    frames,
  };
}

/** `frame` kept within a story of `count` frames. */
export function clampFrame(frame: number, count: number): number {
  return Math.max(0, Math.min(Math.trunc(frame) || 0, count - 1));
}
