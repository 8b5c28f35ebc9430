/**
 * `previous`: with the causal mask, the answer at each position is the token just before
 * it (the first position answers nothing). A head must attend from position t to t − 1,
 * which it can only find through the position embeddings: without them every earlier
 * token looks the same wherever it stands.
 */
import type { Random } from '../../random';
import type { LabExample } from '../model';
import { isSequence, letters, randomInt, zeroPattern, type LabConfig, type LabTask } from './types';

/** The sizes of a `previous` task: `symbols` letters, sequences of `length`. */
export interface PreviousSizes {
  readonly symbols: number;
  readonly length: number;
}

/** The sizes of the Lab's `previous` task. */
export const PREVIOUS_SIZES: PreviousSizes = { symbols: 8, length: 8 };

/** The defaults of the Lab's `previous` task. */
export const PREVIOUS_DEFAULTS: LabConfig = {
  width: 16,
  layers: 1,
  heads: 1,
  lr: 0.02,
  batch: 16,
  steps: 150,
  positions: true,
};

/** The answers: −1, then each token's predecessor. */
function previousTargets(tokens: readonly number[]): number[] {
  return tokens.map((_, t) => (t === 0 ? -1 : (tokens[t - 1] as number)));
}

/** A `previous` task of the given sizes (the Lab's: `PREVIOUS_SIZES`). */
export function makePreviousTask(
  sizes: PreviousSizes = PREVIOUS_SIZES,
  defaults = PREVIOUS_DEFAULTS,
): LabTask {
  const { symbols: V, length: T } = sizes;
  return {
    id: 'previous',
    vocab: letters(V),
    seqLen: T,
    causal: true,
    defaults,
    sample(random: Random): LabExample {
      const tokens = Array.from({ length: T }, () => randomInt(random, V));
      return { tokens, targets: previousTargets(tokens) };
    },
    answers: (tokens) => (isSequence(tokens, T, V) ? previousTargets(tokens) : null),
    knownPatterns() {
      const weights = zeroPattern(T);
      for (let t = 1; t < T; t++) (weights[t] as number[])[t - 1] = 1;
      return [{ layer: 0, weights }];
    },
  };
}

/** The Lab's `previous` task. */
export const previousTask: LabTask = makePreviousTask();
