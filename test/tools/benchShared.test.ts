import { describe, expect, it } from 'vitest';
import { flagValue, median } from '../../src/tools/benchShared';

describe('flagValue', () => {
  it('gives the word after the flag, or undefined when the flag or its word is missing', () => {
    const argv = ['--runs', '7', '--skip-load', '--sizes', '12,128'];
    expect(flagValue(argv, '--runs')).toBe('7');
    expect(flagValue(argv, '--sizes')).toBe('12,128');
    expect(flagValue(argv, '--dist')).toBeUndefined();
    expect(flagValue(['--runs'], '--runs')).toBeUndefined();
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
