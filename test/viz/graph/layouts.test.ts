import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromRows, matrix } from '../../../src/core/matrix';
import { circleLayout, fitToBox, forceLayout, lineLayout } from '../../../src/viz/graph/layouts';

/** A softmax-like (T, T) matrix with a few strong pairs. */
function weightsFor(T: number, seed = 1) {
  const data = new Float32Array(T * T);
  let s = seed;
  for (let i = 0; i < T; i++) {
    let sum = 0;
    for (let j = 0; j < T; j++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const v = Math.exp(3 * (s / 2147483648));
      data[i * T + j] = v;
      sum += v;
    }
    for (let j = 0; j < T; j++) data[i * T + j] = (data[i * T + j] as number) / sum;
  }
  return matrix(T, T, data);
}

describe('lineLayout', () => {
  it('keeps reading order from left to right, evenly spaced, on the middle line, inside the width', () => {
    const points = lineLayout(5, 500, { height: 200 });
    expect(points.map((p) => p.x)).toEqual([50, 150, 250, 350, 450]);
    expect(points.every((p) => p.y === 100)).toBe(true);
  });

  it('respects padding and stays within bounds for any n and width', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 50, max: 3000 }),
        (n, width) => {
          const points = lineLayout(n, width, { height: 300, padding: 10 });
          points.forEach((p, i) => {
            expect(p.x).toBeGreaterThanOrEqual(10);
            expect(p.x).toBeLessThanOrEqual(width - 10);
            if (i > 0) expect(p.x).toBeGreaterThan((points[i - 1] as { x: number }).x);
          });
        },
      ),
    );
  });

  it('runs top to bottom in the vertical orientation', () => {
    const points = lineLayout(3, 300, { height: 120, orientation: 'vertical' });
    expect(points).toEqual([
      { x: 150, y: 20 },
      { x: 150, y: 60 },
      { x: 150, y: 100 },
    ]);
  });

  it('handles no tokens', () => {
    expect(lineLayout(0, 300)).toEqual([]);
  });
});

describe('circleLayout', () => {
  it('starts at 12 o’clock and goes clockwise in reading order, on the padded ellipse', () => {
    const [a, b, c, d] = circleLayout(4, 200, 200, { x: 20, y: 20 });
    expect(a?.x).toBeCloseTo(100);
    expect(a?.y).toBeCloseTo(20);
    expect(b?.x).toBeCloseTo(180); // right: clockwise on screen (y grows downwards)
    expect(c?.y).toBeCloseTo(180);
    expect(d?.x).toBeCloseTo(20);
  });

  it('puts a single token in the middle', () => {
    expect(circleLayout(1, 300, 200)).toEqual([{ x: 150, y: 100 }]);
  });
});

describe('forceLayout', () => {
  it('is deterministic: the same weights give the same positions', () => {
    const w = weightsFor(11);
    expect(forceLayout(w, 600, 400, { padding: { x: 40, y: 30 } })).toEqual(
      forceLayout(w, 600, 400, { padding: { x: 40, y: 30 } }),
    );
  });

  it('gives finite positions inside the padded box for any size of input', () => {
    for (const T of [1, 2, 3, 11, 40]) {
      const points = forceLayout(weightsFor(T, T), 500, 360, { padding: { x: 50, y: 30 } });
      expect(points).toHaveLength(T);
      for (const p of points) {
        expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
        expect(p.x).toBeGreaterThanOrEqual(50 - 1e-6);
        expect(p.x).toBeLessThanOrEqual(450 + 1e-6);
        expect(p.y).toBeGreaterThanOrEqual(30 - 1e-6);
        expect(p.y).toBeLessThanOrEqual(330 + 1e-6);
      }
    }
  });

  it('pulls strongly attending tokens closer than weakly attending ones', () => {
    // Tokens 0 and 1 attend to each other; 2 and 3 attend to each other; across, almost nothing.
    const w = fromRows([
      [0.1, 0.88, 0.01, 0.01],
      [0.88, 0.1, 0.01, 0.01],
      [0.01, 0.01, 0.1, 0.88],
      [0.01, 0.01, 0.88, 0.1],
    ]);
    const [a, b, c] = forceLayout(w, 400, 400) as { x: number; y: number }[];
    const dist = (p: { x: number; y: number }, q: { x: number; y: number }) =>
      Math.hypot(p.x - q.x, p.y - q.y);
    expect(dist(a!, b!)).toBeLessThan(dist(a!, c!));
  });

  it('rejects a non-square matrix', () => {
    expect(() => forceLayout(fromRows([[1, 0]]), 100, 100)).toThrow(/square/);
  });
});

describe('fitToBox', () => {
  it('scales uniformly and centres', () => {
    const out = fitToBox(
      [
        { x: 0, y: 0 },
        { x: 10, y: 5 },
      ],
      120,
      100,
      { x: 10, y: 10 },
    );
    expect(out).toEqual([
      { x: 10, y: 25 },
      { x: 110, y: 75 },
    ]);
  });

  it('centres coincident points', () => {
    expect(
      fitToBox(
        [
          { x: 3, y: 3 },
          { x: 3, y: 3 },
        ],
        100,
        50,
        { x: 0, y: 0 },
      ),
    ).toEqual([
      { x: 50, y: 25 },
      { x: 50, y: 25 },
    ]);
  });
});
