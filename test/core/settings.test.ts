/**
 * The settings' ranges: `settingsProblems` names each setting the core cannot use, and the
 * options the controls offer stay inside what the core accepts.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  HEAD_COUNTS,
  MAX_HEADS,
  MAX_SEED,
  MAX_TEMPERATURE,
  MIN_TEMPERATURE,
  MODEL_WIDTHS,
  settingsProblems,
  snapToStep,
  TEMPERATURE_SLIDER,
  VECTOR_DIMS,
  WEIGHTS_PRESETS,
} from '../../src/core/settings';
import type { AttentionSettings, WeightsPreset } from '../../src/core/types';

/** Width 2, one head, no positions: the settings of the hand-worked example. */
const handSettings: AttentionSettings = {
  ...DEFAULT_SETTINGS,
  width: 2,
  weights: 'random',
  positions: false,
};

describe('settingsProblems', () => {
  it('accepts the defaults and the hand settings', () => {
    expect(settingsProblems(DEFAULT_SETTINGS)).toEqual([]);
    expect(settingsProblems(handSettings)).toEqual([]);
    expect(settingsProblems({ ...handSettings, width: 100, heads: 8, seed: 0xffffffff })).toEqual(
      [],
    );
    expect(settingsProblems({ ...handSettings, temperature: MIN_TEMPERATURE })).toEqual([]);
    expect(settingsProblems({ ...handSettings, temperature: MAX_TEMPERATURE })).toEqual([]);
  });

  it('names the setting and the bad value in one sentence each', () => {
    const cases: [Partial<AttentionSettings>, RegExp][] = [
      [{ width: 0 }, /^width must be a whole number from 1 to 100, got 0$/],
      [{ width: 101 }, /^width .* got 101$/],
      [{ width: 2.5 }, /^width .* got 2\.5$/],
      [{ heads: 0 }, new RegExp(`^heads must be a whole number from 1 to ${MAX_HEADS}, got 0$`)],
      [{ heads: 9 }, /^heads .* got 9$/],
      [{ seed: -1 }, /^seed must be a whole number from 0 to 4294967295, got -1$/],
      [{ seed: 2 ** 32 }, /^seed .* got 4294967296$/],
      [{ temperature: 0.001 }, /^temperature must be from 0\.01 to 100, got 0\.001$/],
      [{ temperature: 101 }, /^temperature .* got 101$/],
      [{ temperature: Number.NaN }, /^temperature .* got NaN$/],
      [
        { weights: 'foo' as WeightsPreset },
        /^weights must be one of random, similarity, learned, got foo$/,
      ],
    ];
    for (const [change, pattern] of cases) {
      const problems = settingsProblems({ ...handSettings, ...change });
      expect(problems, JSON.stringify(change)).toHaveLength(1);
      expect(problems[0]).toMatch(pattern);
    }
  });

  it('lists several problems at once', () => {
    const problems = settingsProblems({ ...handSettings, width: 0, heads: 0, seed: -1 });
    expect(problems).toHaveLength(3);
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['width', 'heads', 'seed']);
  });

  it('checks the width against the table width it is given', () => {
    expect(settingsProblems({ ...handSettings, width: 50 }, 40)[0]).toMatch(/from 1 to 40, got 50/);
    expect(settingsProblems({ ...handSettings, width: 40 }, 40)).toEqual([]);
  });

  it('knows both weight presets', () => {
    expect([...WEIGHTS_PRESETS].sort()).toEqual(['learned', 'random', 'similarity']);
  });
});

describe('the controls’ options', () => {
  it('offer only settings the core accepts', () => {
    for (const width of MODEL_WIDTHS) {
      for (const heads of HEAD_COUNTS) {
        expect(settingsProblems({ ...DEFAULT_SETTINGS, width, heads })).toEqual([]);
      }
    }
    expect(Math.max(...MODEL_WIDTHS)).toBe(VECTOR_DIMS);
    for (const temperature of [TEMPERATURE_SLIDER.min, TEMPERATURE_SLIDER.max]) {
      expect(settingsProblems({ ...DEFAULT_SETTINGS, temperature })).toEqual([]);
    }
    expect(settingsProblems({ ...DEFAULT_SETTINGS, seed: MAX_SEED })).toEqual([]);
    expect(settingsProblems({ ...DEFAULT_SETTINGS, seed: MAX_SEED + 1 })).toHaveLength(1);
  });
});

describe('snapToStep', () => {
  it('gives the same double as the decimal literal a slider step stands for', () => {
    expect(snapToStep(0.30000000000000004, 0.1)).toBe(0.3);
    expect(snapToStep(0.25, 0.1)).toBe(0.3);
    expect(snapToStep(0.333, 0.01)).toBe(0.33);
    for (let k = 1; k <= 30; k++) expect(snapToStep(k * 0.1, 0.1)).toBe(Number(`${k / 10}`));
  });
});
