/**
 * The learned preset resolved for the current settings, memoised on the settings object and
 * the file, so the trace's inputs keep one settings object per change (its caches stay warm).
 */
import { chooseLearned, type LearnedChoice, type LearnedWeightsFile } from '../core/learnedWeights';
import type { AttentionSettings } from '../core/types';

let lastSettings: AttentionSettings | null = null;
let lastFile: LearnedWeightsFile | null = null;
let lastChoice: LearnedChoice | null = null;

/** `chooseLearned(file, settings)`, or null before the file has loaded. */
export function learnedChoice(
  settings: AttentionSettings,
  file: LearnedWeightsFile | null,
): LearnedChoice | null {
  if (!file) return null;
  if (settings !== lastSettings || file !== lastFile) {
    lastSettings = settings;
    lastFile = file;
    lastChoice = chooseLearned(file, settings);
  }
  return lastChoice;
}
