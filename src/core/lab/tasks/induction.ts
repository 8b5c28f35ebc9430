/**
 * `induction`: with the causal mask, a random segment appears twice, and in its second copy
 * each position answers the token that followed it in the first ("… D F B … D F" → after the
 * second D comes F, after F comes B). The first copy starts at a random place, so no fixed
 * position gives the answer away.
 *
 * The general rule, for any sequence: position t answers when its token occurred exactly
 * once before, at j < t, and then answers the token at j + 1. A sampled example holds
 * distinct tokens apart from the second copy, so its answers are exactly the second copy's.
 *
 * It takes two layers: in the first a previous-token head writes into each position which
 * token came before it; in the second an induction head lets the query at t look for the
 * key whose previous token equals its own token (j + 1) and copy it.
 */
import type { Random } from '../../random';
import type { LabExample } from '../model';
import {
  distinctInts,
  isSequence,
  letters,
  randomInt,
  zeroPattern,
  type LabConfig,
  type LabTask,
} from './types';

/** The sizes of an induction task. */
export interface InductionSizes {
  /** Different tokens (letters), at least length − segment. */
  readonly symbols: number;
  /** Tokens per sequence T. */
  readonly length: number;
  /** Tokens in the repeated segment L (the answers per example). */
  readonly segment: number;
}

/** The sizes of the Lab's induction task. */
export const INDUCTION_SIZES: InductionSizes = { symbols: 10, length: 10, segment: 3 };

/** The defaults of the Lab's induction task. */
export const INDUCTION_DEFAULTS: LabConfig = {
  width: 16,
  layers: 2,
  heads: 1,
  lr: 0.01,
  batch: 16,
  steps: 800,
  positions: true,
};

/** For each position, the earlier position holding the same token when there is exactly one, else −1. */
function earlierTwin(tokens: readonly number[]): number[] {
  return tokens.map((token, t) => {
    let found = -1;
    for (let j = 0; j < t; j++) {
      if (tokens[j] !== token) continue;
      if (found >= 0) return -1;
      found = j;
    }
    return found;
  });
}

/** The answers by the general rule: the token after the one earlier occurrence. */
function inductionTargets(tokens: readonly number[]): number[] {
  return earlierTwin(tokens).map((j) => (j < 0 ? -1 : (tokens[j + 1] as number)));
}

/** An induction task of the given sizes (the Lab's: `INDUCTION_SIZES`). */
export function makeInductionTask(
  sizes: InductionSizes = INDUCTION_SIZES,
  defaults = INDUCTION_DEFAULTS,
): LabTask {
  const { symbols: V, length: T, segment: L } = sizes;
  if (L < 1 || 2 * L > T || V < T - L) {
    throw new RangeError(`makeInductionTask: bad sizes ${JSON.stringify(sizes)}`);
  }
  return {
    id: 'induction',
    vocab: letters(V),
    seqLen: T,
    causal: true,
    defaults,
    sample(random: Random): LabExample {
      // T − L distinct tokens, then the second copy of the segment at the end.
      const head = distinctInts(random, V, T - L);
      const start = randomInt(random, T - 2 * L + 1);
      const tokens = [...head, ...head.slice(start, start + L)];
      const targets = tokens.map((_, t) =>
        t < T - L ? -1 : (tokens[start + (t - (T - L)) + 1] as number),
      );
      return { tokens, targets };
    },
    answers: (tokens) => (isSequence(tokens, T, V) ? inductionTargets(tokens) : null),
    knownPatterns(tokens) {
      const previous = zeroPattern(T);
      for (let t = 1; t < T; t++) (previous[t] as number[])[t - 1] = 1;
      const induction = zeroPattern(T);
      earlierTwin(tokens).forEach((j, t) => {
        if (j >= 0) (induction[t] as number[])[j + 1] = 1;
      });
      return [
        { layer: 0, weights: previous },
        { layer: 1, weights: induction },
      ];
    },
  };
}

/** The Lab's induction task. */
export const inductionTask: LabTask = makeInductionTask();
