import { describe, expect, it, vi } from 'vitest';
import {
  countTokens,
  isLargeText,
  isLargeTrace,
  predictedMs,
  traceWork,
  WORKER_THRESHOLD,
  WORKER_THRESHOLD_MS,
} from '../../src/worker/threshold';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

/** The smallest token count that goes to the worker at `width` and `heads`, or null up to 512. */
function firstLarge(width: number, heads: number): number | null {
  for (let T = 1; T <= 512; T++) if (isLargeTrace(T, { width, heads })) return T;
  return null;
}

/** A text of `n` word tokens. */
function words(n: number): string {
  return Array.from({ length: n }, (_, i) => `word${i % 10}`).join(' ');
}

describe('traceWork', () => {
  it('grows with tokens, width and heads', () => {
    expect(traceWork(0, 8, 1)).toBe(0);
    expect(traceWork(64, 8, 1)).toBeLessThan(traceWork(128, 8, 1));
    expect(traceWork(128, 8, 1)).toBeLessThan(traceWork(128, 100, 1));
    expect(traceWork(128, 8, 1)).toBeLessThan(traceWork(128, 8, 4));
  });

  it('grows quadratically in the tokens once they dominate', () => {
    const ratio = traceWork(1024, 100, 1) / traceWork(512, 100, 1);
    expect(ratio).toBeGreaterThan(3);
    expect(ratio).toBeLessThan(4);
  });

  it('puts the threshold at 10 ms of predicted main-thread time', () => {
    expect(WORKER_THRESHOLD_MS).toBe(10);
    expect(predictedMs(WORKER_THRESHOLD)).toBeCloseTo(10, 10);
  });
});

describe('isLargeTrace', () => {
  it('keeps a classroom sentence on the main thread at every setting', () => {
    for (const width of [4, 8, 16, 32, 64, 100]) {
      for (const heads of [1, 2, 4, 8]) expect(isLargeTrace(24, { width, heads })).toBe(false);
    }
  });

  it('sends 512 tokens to the worker at every setting', () => {
    for (const width of [4, 8, 16, 32, 64, 100]) {
      for (const heads of [1, 2, 4, 8]) expect(isLargeTrace(512, { width, heads })).toBe(true);
    }
  });

  // The token counts documented next to the constants in src/worker/threshold.ts.
  it.each([
    [8, 1, 298],
    [8, 8, 142],
    [32, 1, 207],
    [100, 1, 95],
    [100, 8, 80],
  ])('at width %i with %i head(s) starts at %i tokens', (width, heads, T) => {
    expect(firstLarge(width, heads)).toBe(T);
  });
});

describe('isLargeText', () => {
  it('decides a short text without tokenizing it', () => {
    const count = vi.fn(countTokens);
    expect(isLargeText('I love tennis.', DEFAULT_SETTINGS, count)).toBe(false);
    // 200 characters cannot hold 298 tokens, so no count is needed at the default settings.
    expect(isLargeText('x'.repeat(200), DEFAULT_SETTINGS, count)).toBe(false);
    expect(count).not.toHaveBeenCalled();
  });

  it('counts the tokens of a long text and decides on them', () => {
    const count = vi.fn(countTokens);
    expect(isLargeText(words(400), DEFAULT_SETTINGS, count)).toBe(true);
    expect(isLargeText(words(200), DEFAULT_SETTINGS, count)).toBe(false);
    // Many characters, few tokens: long words stay small.
    expect(isLargeText('supercalifragilistic '.repeat(40), DEFAULT_SETTINGS, count)).toBe(false);
    expect(count).toHaveBeenCalledTimes(3);
  });

  it('depends on the settings: the same text is large at width 100 and small at width 8', () => {
    expect(isLargeText(words(150), { width: 8, heads: 1 })).toBe(false);
    expect(isLargeText(words(150), { width: 100, heads: 1 })).toBe(true);
  });

  it('caps the count at the tokenizer’s 512 tokens', () => {
    expect(countTokens(words(2000))).toBe(512);
  });
});
