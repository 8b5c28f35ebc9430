import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchForStall } from '../../src/data/stallWatch';

describe('watchForStall', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once nothing has arrived for the whole wait, and never for a moving download', () => {
    const stalled = vi.fn();
    const watch = watchForStall(1000, stalled);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(900);
      watch.poke();
    }
    expect(stalled).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(stalled).toHaveBeenCalledTimes(1);
    // After it fired, later progress does not arm it again.
    watch.poke();
    vi.advanceTimersByTime(5000);
    expect(stalled).toHaveBeenCalledTimes(1);
  });

  it('says nothing once stopped', () => {
    const stalled = vi.fn();
    watchForStall(1000, stalled).stop();
    vi.advanceTimersByTime(5000);
    expect(stalled).not.toHaveBeenCalled();
  });
});
