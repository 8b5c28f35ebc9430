/**
 * The Attention Lab's trainer, in one import: an attention-only transformer in float64 with
 * a hand-derived backward pass, Adam, the four tasks, the trainer, the lab document, what
 * the weights learned, and the bridge to the walkthrough's `AttentionTrace`.
 */
export * from './adam';
export * from './config';
export * from './document';
export * from './inspect';
export * from './layer';
export * from './mat64';
export * from './model';
export * from './tasks/index';
export {
  inductionTask,
  INDUCTION_DEFAULTS,
  INDUCTION_SIZES,
  makeInductionTask,
} from './tasks/induction';
export { lookupTask, LOOKUP_DEFAULTS, LOOKUP_SIZES, makeLookupTask } from './tasks/lookup';
export {
  makePreviousTask,
  previousTask,
  PREVIOUS_DEFAULTS,
  PREVIOUS_SIZES,
} from './tasks/previous';
export { makeReverseTask, reverseTask, REVERSE_DEFAULTS, REVERSE_SIZES } from './tasks/reverse';
export * from './toTrace';
export * from './trainer';
