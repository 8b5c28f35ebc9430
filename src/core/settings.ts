/**
 * The settings of the model, their defaults, their ranges and the options the controls
 * offer, in one place: the settings panel, lesson links, the command line and the tests
 * all read them here, so a range can never differ between the control that sets a value
 * and the link or flag that carries it.
 *
 * Two kinds of range live here on purpose. What the core accepts (`MAX_HEADS`,
 * `MIN_TEMPERATURE` … `MAX_TEMPERATURE`, any width up to the table's) is wider than what
 * the app's controls offer (`MODEL_WIDTHS`, `HEAD_COUNTS`, `TEMPERATURE_SLIDER`): the
 * command line may ask for 8 heads or a temperature of 50, a lesson link only for what a
 * student could have set by hand.
 */
import type { AttentionSettings, WeightsPreset } from './types';

/** The settings a first visit starts with. */
export const DEFAULT_SETTINGS: AttentionSettings = {
  width: 8,
  heads: 1,
  seed: 7,
  causal: false,
  scale: true,
  temperature: 1,
  weights: 'similarity',
  positions: true,
};

/** Components of a word vector in the app's table (GloVe 6B 100d): the widest model. */
export const VECTOR_DIMS = 100;

/** Heads the core supports. */
export const MAX_HEADS = 8;

/** The smallest softmax temperature the core accepts; lower would only overflow nothing but saturate. */
export const MIN_TEMPERATURE = 0.01;

/** The largest temperature the core accepts. */
export const MAX_TEMPERATURE = 100;

/** The largest seed: the weight generator takes a 32-bit unsigned seed. */
export const MAX_SEED = 0xffffffff;

/** Weight presets, in the order menus list them. */
export const WEIGHTS_PRESETS: readonly WeightsPreset[] = ['random', 'similarity', 'learned'];

/** The presets a seed makes on its own; `learned` needs the weights file (see learnedWeights.ts). */
export const SEEDED_WEIGHTS_PRESETS: readonly WeightsPreset[] = ['random', 'similarity'];

/** The model widths the Settings panel offers (and so the only ones a lesson link carries). */
export const MODEL_WIDTHS: readonly number[] = [4, 8, 16, 32, 64, 100];

/** The head counts the Settings panel offers. */
export const HEAD_COUNTS: readonly number[] = [1, 2, 4];

/** The temperature slider's range and step. */
export const TEMPERATURE_SLIDER = { min: 0.1, max: 3, step: 0.1 } as const;

/**
 * `x` rounded to a multiple of `step` (a power of ten below 1), as a slider would store it.
 * A slider steps in binary fractions, so 0.30000000000000004 must become 0.3 before it
 * reaches the core or a link.
 */
export function snapToStep(x: number, step: number): number {
  const per = Math.round(1 / step);
  // Divide, not multiply: k / 10 is the same double as the literal "0.k" the slider gives.
  return Math.round(x * per) / per;
}

/**
 * Returns the problems with `settings` for a table of `dims`-wide vectors, one readable
 * sentence each; an empty list means the settings are valid.
 */
export function settingsProblems(settings: AttentionSettings, dims = VECTOR_DIMS): string[] {
  const problems: string[] = [];
  const { width, heads, seed, temperature, weights } = settings;
  if (!Number.isInteger(width) || width < 1 || width > dims) {
    problems.push(`width must be a whole number from 1 to ${dims}, got ${width}`);
  }
  if (!Number.isInteger(heads) || heads < 1 || heads > MAX_HEADS) {
    problems.push(`heads must be a whole number from 1 to ${MAX_HEADS}, got ${heads}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    problems.push(`seed must be a whole number from 0 to ${MAX_SEED}, got ${seed}`);
  }
  if (
    !Number.isFinite(temperature) ||
    temperature < MIN_TEMPERATURE ||
    temperature > MAX_TEMPERATURE
  ) {
    problems.push(
      `temperature must be from ${MIN_TEMPERATURE} to ${MAX_TEMPERATURE}, got ${temperature}`,
    );
  }
  if (!WEIGHTS_PRESETS.includes(weights)) {
    problems.push(`weights must be one of ${WEIGHTS_PRESETS.join(', ')}, got ${String(weights)}`);
  }
  return problems;
}
