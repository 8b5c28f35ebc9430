/**
 * What a Lab task is: a vocabulary of symbols, a sequence length, a mask, a generator of
 * seeded examples whose answers are right by construction, and the attention pattern a
 * head must learn to solve it.
 */
import type { Random } from '../../random';
import type { LabExample } from '../model';

/** The tasks' ids, in the order a menu lists them. */
export const LAB_TASK_IDS = ['lookup', 'previous', 'reverse', 'induction'] as const;

/** A task's id. */
export type LabTaskId = (typeof LAB_TASK_IDS)[number];

/** The settings of a training run that a user may change (the seed comes separately). */
export interface LabConfig {
  /** Width d of the residual stream. */
  readonly width: number;
  readonly layers: number;
  /** Heads per layer; each has dK = floor(width / heads), at least 1. */
  readonly heads: number;
  /** Adam's learning rate. */
  readonly lr: number;
  /** Sequences per training step. */
  readonly batch: number;
  /** Steps a full training run takes (the task's defaults reach 0.99 within them). */
  readonly steps: number;
  /** Learn and add position embeddings. */
  readonly positions: boolean;
}

/**
 * Where a head should put its weight to solve the task, for one sequence: in layer `layer`
 * (0-based), row i of `weights` (T, T) is the distribution the query at position i should
 * have (one 1 on the key it must find); a row of zeros asks nothing of that query.
 */
export interface KnownPattern {
  readonly layer: number;
  readonly weights: number[][]; // (T, T)
}

/** A task of the Lab. */
export interface LabTask {
  readonly id: LabTaskId;
  /** The symbol of each token id, as the screen shows it ("B7", "B?", "7", "A"). */
  readonly vocab: readonly string[];
  /** Tokens per sequence T. */
  readonly seqLen: number;
  /** Whether a query may only see itself and earlier tokens. */
  readonly causal: boolean;
  /** Settings with which every seed reaches held-out accuracy ≥ 0.99 within `steps`. */
  readonly defaults: LabConfig;
  /** A fresh example from `random`: T tokens and their answers (−1 where none). */
  sample(random: Random): LabExample;
  /**
   * The answers (−1 where none) of any sequence of T token ids, as the task defines them,
   * or null when the sequence is not one the task can answer (say, a shelf with two books
   * of the same key). Used to check a sequence the user typed.
   */
  answers(tokens: readonly number[]): number[] | null;
  /** The patterns that solve the task on `tokens`, one per layer that needs one. */
  knownPatterns(tokens: readonly number[]): KnownPattern[];
}

/** A (T, T) matrix of zeros, as nested arrays. */
export function zeroPattern(T: number): number[][] {
  return Array.from({ length: T }, () => new Array<number>(T).fill(0));
}

/** A uniformly random integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}

/** `count` distinct integers from [0, n) in random order (a partial Fisher–Yates shuffle). */
export function distinctInts(random: Random, n: number, count: number): number[] {
  if (count > n) throw new RangeError(`distinctInts: ${count} distinct values from ${n}`);
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + randomInt(random, n - i);
    const swap = pool[i] as number;
    pool[i] = pool[j] as number;
    pool[j] = swap;
  }
  return pool.slice(0, count);
}

/** True when `tokens` holds `T` whole numbers in [0, V). */
export function isSequence(tokens: readonly number[], T: number, V: number): boolean {
  return tokens.length === T && tokens.every((t) => Number.isInteger(t) && t >= 0 && t < V);
}

/** The first `n` letters of the alphabet, as symbols. */
export function letters(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i));
}
