/**
 * `reverse`: without a mask, position t answers the token at T − 1 − t, so the answers read
 * the sequence backwards. A head must attend along the anti-diagonal, by position.
 */
import type { Random } from '../../random';
import type { LabExample } from '../model';
import { isSequence, letters, randomInt, zeroPattern, type LabConfig, type LabTask } from './types';

/** The sizes of a `reverse` task: `symbols` letters, sequences of `length`. */
export interface ReverseSizes {
  readonly symbols: number;
  readonly length: number;
}

/** The sizes of the Lab's `reverse` task. */
export const REVERSE_SIZES: ReverseSizes = { symbols: 8, length: 6 };

/** The defaults of the Lab's `reverse` task. */
export const REVERSE_DEFAULTS: LabConfig = {
  width: 16,
  layers: 1,
  heads: 1,
  lr: 0.02,
  batch: 16,
  steps: 150,
  positions: true,
};

/** A `reverse` task of the given sizes (the Lab's: `REVERSE_SIZES`). */
export function makeReverseTask(
  sizes: ReverseSizes = REVERSE_SIZES,
  defaults = REVERSE_DEFAULTS,
): LabTask {
  const { symbols: V, length: T } = sizes;
  const reversed = (tokens: readonly number[]) => tokens.map((_, t) => tokens[T - 1 - t] as number);
  return {
    id: 'reverse',
    vocab: letters(V),
    seqLen: T,
    causal: false,
    defaults,
    sample(random: Random): LabExample {
      const tokens = Array.from({ length: T }, () => randomInt(random, V));
      return { tokens, targets: reversed(tokens) };
    },
    answers: (tokens) => (isSequence(tokens, T, V) ? reversed(tokens) : null),
    knownPatterns() {
      const weights = zeroPattern(T);
      for (let t = 0; t < T; t++) (weights[t] as number[])[T - 1 - t] = 1;
      return [{ layer: 0, weights }];
    },
  };
}

/** The Lab's `reverse` task. */
export const reverseTask: LabTask = makeReverseTask();
