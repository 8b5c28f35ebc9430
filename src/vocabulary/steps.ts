/**
 * The walkthrough's steps, in order. "Output" (concatenation and the output projection)
 * exists only with more than one head.
 */

/** Identifier of a step of the walkthrough. */
export type StepId = 'tokens' | 'qkv' | 'score' | 'softmax' | 'weighted' | 'output';

/** Every step, in order, as with more than one head. */
export const STEP_IDS: readonly StepId[] = [
  'tokens',
  'qkv',
  'score',
  'softmax',
  'weighted',
  'output',
];

/** The steps shown for a model with `heads` heads. */
export function stepsFor(heads: number): readonly StepId[] {
  return heads > 1 ? STEP_IDS : STEP_IDS.slice(0, -1);
}

/** True once the walkthrough at `current` has reached (or passed) `target`: its results may be shown. */
export function hasReached(current: StepId, target: StepId): boolean {
  return STEP_IDS.indexOf(current) >= STEP_IDS.indexOf(target);
}

/** `step` if it exists with `heads` heads, or the last step that does. */
export function clampStep(step: StepId, heads: number): StepId {
  const steps = stepsFor(heads);
  return steps.includes(step) ? step : (steps[steps.length - 1] as StepId);
}

/** The step `delta` places from `step` (clamped to the ends). */
export function moveStep(step: StepId, delta: number, heads: number): StepId {
  const steps = stepsFor(heads);
  const index = Math.min(
    steps.length - 1,
    Math.max(0, steps.indexOf(clampStep(step, heads)) + delta),
  );
  return steps[index] as StepId;
}

/**
 * The step's number, the one numbering every place shows (the step bar, the explanation's
 * "Step 3 of 5", presentation, the hints that send the learner to a step): its place in
 * the walkthrough, from 1. "Output" comes last, so no number depends on the head count;
 * only the total does (`stepsFor(heads).length`).
 */
export function stepNumber(step: StepId): number {
  return STEP_IDS.indexOf(step) + 1;
}
