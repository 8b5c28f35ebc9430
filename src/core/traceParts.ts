/**
 * The names of a trace's matrices, written once: the JSON document, the worker's transfer
 * and the tests all list a trace's parts from here (DESIGN.md, "The trace as JSON").
 */
import type { AttentionTrace, HeadTrace, HeadWeights } from './types';

/** Each head's weights, in the order of `HeadWeights`. */
export const HEAD_WEIGHT_NAMES = [
  'wq',
  'wk',
  'wv',
] as const satisfies readonly (keyof HeadWeights)[];

/** Each head's intermediates, step by step, in the order of `HeadTrace`. */
export const HEAD_STEP_NAMES = [
  'q',
  'k',
  'v',
  'scores',
  'scaled',
  'masked',
  'weights',
  'output',
] as const satisfies readonly (keyof HeadTrace)[];

/** Every matrix of a head: its weights, then its intermediates. */
export const HEAD_MATRICES = [...HEAD_WEIGHT_NAMES, ...HEAD_STEP_NAMES] as const;

/** The name of one of a head's matrices. */
export type HeadMatrixName = (typeof HEAD_MATRICES)[number];

/** The matrices of a trace's top level, in the order of `AttentionTrace`. */
export const TRACE_MATRICES = [
  'embeddings',
  'positions',
  'input',
  'concat',
  'wo',
  'output',
] as const satisfies readonly (keyof AttentionTrace)[];
