import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OVERSCAN_ROWS, rowWindow, UNMEASURED_ROWS } from '../../src/viz/rowWindow';

describe('rowWindow', () => {
  it('renders the first rows before the box is measured', () => {
    expect(UNMEASURED_ROWS).toBe(40);
    expect(rowWindow(100, null)).toEqual({ start: 0, end: 40 });
    expect(rowWindow(10, null)).toEqual({ start: 0, end: 10 });
    // A box with no height (not laid out) counts as unmeasured.
    expect(rowWindow(100, { scrollTop: 0, height: 0, rowHeight: 20 })).toEqual({
      start: 0,
      end: 40,
    });
  });

  it('renders the rows in view and a few more, worked by hand', () => {
    // Rows of 20 px under a 20 px label row; a 200 px box at the top shows rows 0–8.
    expect(rowWindow(100, { scrollTop: 0, height: 200, rowHeight: 20 }, null, 6)).toEqual({
      start: 0,
      end: 15,
    });
    // Scrolled to 1000 px: row r spans (r + 1)·20 to (r + 2)·20, so rows 49–58 are in view.
    expect(rowWindow(100, { scrollTop: 1000, height: 200, rowHeight: 20 }, null, 6)).toEqual({
      start: 43,
      end: 65,
    });
    // At the bottom the window stops at the last row.
    expect(rowWindow(100, { scrollTop: 1820, height: 200, rowHeight: 20 }, null, 6)).toEqual({
      start: 84,
      end: 100,
    });
  });

  it('stretches to the keyboard row, and ignores a row the grid does not have', () => {
    const view = { scrollTop: 1000, height: 200, rowHeight: 20 };
    expect(rowWindow(100, view, 90, 6)).toEqual({ start: 43, end: 91 });
    expect(rowWindow(100, view, 3, 6)).toEqual({ start: 3, end: 65 });
    expect(rowWindow(100, view, 100, 6)).toEqual({ start: 43, end: 65 });
    expect(rowWindow(100, null, 75)).toEqual({ start: 0, end: 76 });
  });

  it('always holds every row in view, the kept row, and no more than a screenful and the margins', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 1, max: 1200 }),
        fc.integer({ min: 1, max: 60 }),
        fc.option(fc.integer({ min: -5, max: 2100 })),
        (rows, scrollTop, height, rowHeight, keep) => {
          const { start, end } = rowWindow(rows, { scrollTop, height, rowHeight }, keep);
          expect(0 <= start && start <= end && end <= rows).toBe(true);
          for (let r = 0; r < rows; r++) {
            const top = (r + 1) * rowHeight;
            const inView = top < scrollTop + height && top + rowHeight > scrollTop;
            if (inView) expect(r >= start && r < end).toBe(true);
          }
          const hasKeep = keep !== null && keep >= 0 && keep < rows;
          if (hasKeep) expect(keep >= start && keep < end).toBe(true);
          else
            expect(end - start).toBeLessThanOrEqual(
              Math.ceil(height / rowHeight) + 2 * OVERSCAN_ROWS + 2,
            );
        },
      ),
      { numRuns: 300 },
    );
  });
});
