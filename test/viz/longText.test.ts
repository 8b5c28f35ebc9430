/**
 * What runs on every update must not grow with the length of one token or of the text
 * (issue 14: a keystroke in a 5 MB text cost seconds): labels, file names, the choice of
 * where the trace is computed.
 */
import { describe, expect, it } from 'vitest';
import { truncateLabel } from '../../src/viz/text';
import { exportFileName, slug } from '../../src/export/fileName';
import { isLargeText } from '../../src/worker/threshold';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const huge = 'ACGT'.repeat(1_250_000); // 5,000,000 characters, no space

/** Milliseconds `run` takes, the best of three (a shared machine is noisy; the best is not). */
function bestOf(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('work that does not grow with a 5 MB text', () => {
  it('shortens a huge label from its start only, and as before', () => {
    expect(bestOf(() => truncateLabel(huge, 12))).toBeLessThan(2);
    expect(truncateLabel(huge, 12)).toBe('ACGTACGTACG…');
    expect(truncateLabel('short', 12)).toBe('short');
    expect(truncateLabel('exactly12chr', 12)).toBe('exactly12chr');
    expect(truncateLabel('😀'.repeat(12), 12)).toBe('😀'.repeat(12));
    expect(truncateLabel('😀'.repeat(13), 12)).toBe(`${'😀'.repeat(11)}…`);
    expect(truncateLabel('😀'.repeat(40), 12)).toBe(`${'😀'.repeat(11)}…`);
  });

  it('makes a file name from the start of the text', () => {
    expect(bestOf(() => exportFileName(huge, ['heatmap'], 'svg'))).toBeLessThan(5);
    expect(slug(huge)).toBe('acgt'.repeat(10));
    expect(slug('I love tennis.')).toBe('i-love-tennis');
  });

  it('sends a huge text to the worker without counting its tokens on the main thread', () => {
    expect(bestOf(() => isLargeText(huge, DEFAULT_SETTINGS))).toBeLessThan(2);
    expect(isLargeText(huge, DEFAULT_SETTINGS)).toBe(true);
    expect(isLargeText('I love tennis.', DEFAULT_SETTINGS)).toBe(false);
  });
});
