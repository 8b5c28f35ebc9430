import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { graphGeometry, LABEL_ROOM_STEP, labelRoom } from '../../../src/viz/graph/graphGeometry';
import { estimateTextWidth } from '../../../src/viz/text';

/** `n` tokens cycling through `words`. */
const tokens = (n: number, words: readonly string[]) =>
  Array.from({ length: n }, (_, k) => words[k % words.length] as string);

describe('labelRoom', () => {
  it('rounds a width up to a whole step', () => {
    expect(LABEL_ROOM_STEP).toBe(16);
    expect(labelRoom(0)).toBe(0);
    expect(labelRoom(1)).toBe(16);
    expect(labelRoom(16)).toBe(16);
    expect(labelRoom(16.5)).toBe(32);
    expect(labelRoom(47.9)).toBe(48);
  });

  it('is the least multiple of the step that holds the width', () => {
    fc.assert(
      // Widths in hundredths of a pixel, up to 2000 px (a subnormal width would underflow the division).
      fc.property(
        fc.integer({ min: 0, max: 200_000 }).map((h) => h / 100),
        (w) => {
          const room = labelRoom(w);
          expect(room).toBeGreaterThanOrEqual(w);
          expect(room - w).toBeLessThan(LABEL_ROOM_STEP);
          expect(room % LABEL_ROOM_STEP).toBe(0);
        },
      ),
    );
  });
});

describe('a ring of dots (long inputs)', () => {
  const words = ['the', 'cat', 'sat', 'on', 'mat', 'because', 'it', 'was', 'tired'];

  it('stays put while the widest label grows within its step, and moves when it outgrows it', () => {
    // "because" is the widest label (11 px type at 100 tokens); "becaus" is narrower
    // but needs the same room, "becausebecause" more.
    const width = (word: string) => labelRoom(estimateTextWidth(word, 11));
    expect(width('becaus')).toBe(width('because'));
    expect(width('becausebecause')).toBeGreaterThan(width('because'));
    const withWidest = (word: string) =>
      graphGeometry(
        tokens(100, [...words.slice(0, 5), word, ...words.slice(6)]),
        'circle',
        949,
        null,
      );
    const before = withWidest('because');
    const after = withWidest('becaus');
    expect(withWidest('becausebecause').boxes).not.toEqual(before.boxes);
    expect(before.compact).toBe(true);
    expect(after.boxes).toEqual(before.boxes);
    expect(after.hitRadius).toBe(before.hitRadius);
  });

  it('gives radii in twentieths of a pixel, all but equal for texts of the same length', () => {
    for (const n of [64, 200, 256, 512]) {
      const a = graphGeometry(tokens(n, words), 'circle', 949, null);
      const b = graphGeometry(
        tokens(n, ['a', 'longer', 'sentence', 'of', 'words']),
        'circle',
        949,
        null,
      );
      for (const g of [a, b]) {
        for (const box of g.boxes)
          expect(Math.abs(box.halfWidth * 20 - Math.round(box.halfWidth * 20))).toBeLessThan(1e-9);
        expect(Math.abs(g.hitRadius * 20 - Math.round(g.hitRadius * 20))).toBeLessThan(1e-9);
      }
      // The radius follows the spacing of the dots, which the longer labels barely change.
      expect(Math.abs(a.hitRadius - b.hitRadius)).toBeLessThanOrEqual(0.05);
    }
  });
});
