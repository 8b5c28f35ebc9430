import { describe, expect, it } from 'vitest';
import {
  arcPath,
  ARROW_LENGTH,
  boundaryPoint,
  chordPath,
  selfLoopPath,
  type NodeBox,
} from '../../../src/viz/graph/paths';
import { graphGeometry } from '../../../src/viz/graph/graphGeometry';

const box = (x: number, y: number): NodeBox => ({ x, y, halfWidth: 20, halfHeight: 12 });

/** The numbers of a path's data, as [x, y] pairs. */
function points(d: string): [number, number][] {
  const nums = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const out: [number, number][] = [];
  for (let k = 0; k + 1 < nums.length; k += 2) out.push([nums[k] as number, nums[k + 1] as number]);
  return out;
}

describe('arcPath', () => {
  const a = box(100, 100);
  const b = box(300, 100);

  it('draws i -> j and j -> i on opposite sides of a horizontal line: later tokens above', () => {
    const forward = arcPath(a, b, { orientation: 'horizontal', maxBulge: 80 });
    const backward = arcPath(b, a, { orientation: 'horizontal', maxBulge: 80 });
    expect(forward.d).not.toBe(backward.d);
    expect(forward.label.y).toBeLessThan(100);
    expect(backward.label.y).toBeGreaterThan(100);
  });

  it('leaves from the source and stops one arrowhead before the target’s border', () => {
    const { d } = arcPath(a, b, { orientation: 'horizontal', maxBulge: 80 });
    const pts = points(d);
    const [sx, sy] = pts[0]!;
    const [ex, ey] = pts[pts.length - 1]!;
    expect(sy).toBe(88); // the top edge of the source node
    expect(sx).toBeGreaterThan(100); // right half: outgoing arrows do not meet incoming ones
    expect(ex).toBeLessThan(300); // left half of the target
    expect(ey).toBeCloseTo(88 - ARROW_LENGTH, 5);
  });

  it('grows with distance up to maxBulge', () => {
    const near = arcPath(a, box(160, 100), { orientation: 'horizontal', maxBulge: 80 });
    const far = arcPath(a, b, { orientation: 'horizontal', maxBulge: 80 });
    const farther = arcPath(a, box(900, 100), { orientation: 'horizontal', maxBulge: 80 });
    expect(far.label.y).toBeLessThan(near.label.y);
    // The peak sits maxBulge above the node's top edge (give or take the arrowhead's shortening).
    expect(Math.abs(farther.label.y - (88 - 80))).toBeLessThan(2);
  });

  it('bulges right for later tokens and left for earlier ones on a vertical line', () => {
    const top = box(150, 40);
    const bottom = box(150, 200);
    expect(arcPath(top, bottom, { orientation: 'vertical', maxBulge: 80 }).label.x).toBeGreaterThan(
      150,
    );
    expect(arcPath(bottom, top, { orientation: 'vertical', maxBulge: 80 }).label.x).toBeLessThan(
      150,
    );
  });
});

describe('chordPath', () => {
  it('bows i -> j and j -> i to opposite sides', () => {
    const a = box(100, 100);
    const b = box(300, 100);
    const ab = chordPath(a, b);
    const ba = chordPath(b, a);
    expect(ab.d).not.toBe(ba.d);
    expect(Math.sign(ab.label.y - 100)).toBe(-Math.sign(ba.label.y - 100));
  });
});

describe('selfLoopPath', () => {
  it('leaves and returns on the node’s border in the given direction', () => {
    const loop = selfLoopPath(box(100, 100), { x: 0, y: -1 });
    const pts = points(loop.d);
    expect(pts[0]![1]).toBe(88);
    expect(loop.label.y).toBeLessThan(88);
    const right = selfLoopPath(box(100, 100), { x: 1, y: 0 });
    expect(right.label.x).toBeGreaterThan(120);
  });
});

describe('boundaryPoint', () => {
  it('finds where a ray leaves the box', () => {
    expect(boundaryPoint(box(0, 0), { x: 100, y: 0 })).toEqual({ x: 20, y: 0 });
    expect(boundaryPoint(box(0, 0), { x: 0, y: -100 })).toEqual({ x: 0, y: -12 });
  });
});

describe('graphGeometry', () => {
  const words = ['The', 'cat', 'sat', 'on', 'the', 'mat', 'because', 'it', 'was', 'tired', '.'];

  it('lays a sentence across a wide drawing and down a narrow one', () => {
    expect(graphGeometry(words, 'line', 1200, null).orientation).toBe('horizontal');
    const narrow = graphGeometry(words, 'line', 340, null);
    expect(narrow.orientation).toBe('vertical');
    narrow.boxes.forEach((b, i) => {
      if (i > 0) expect(b.y).toBeGreaterThan(narrow.boxes[i - 1]!.y);
    });
  });

  it('keeps nodes apart and inside the drawing in every layout', () => {
    for (const layout of ['line', 'circle'] as const) {
      for (const width of [340, 700, 1400]) {
        const g = graphGeometry(words, layout, width, null);
        for (const b of g.boxes) {
          expect(b.x - b.halfWidth).toBeGreaterThanOrEqual(0);
          expect(b.x + b.halfWidth).toBeLessThanOrEqual(g.width);
          expect(b.y - b.halfHeight).toBeGreaterThanOrEqual(0);
          expect(b.y + b.halfHeight).toBeLessThanOrEqual(g.height);
        }
        if (layout === 'line' && g.orientation === 'horizontal') {
          g.boxes.forEach((b, i) => {
            const prev = g.boxes[i - 1];
            if (prev) expect(b.x - b.halfWidth).toBeGreaterThan(prev.x + prev.halfWidth);
          });
        }
      }
    }
  });

  it('gives a self-loop for i -> i and distinct paths for i -> j and j -> i', () => {
    const g = graphGeometry(words, 'line', 1200, null);
    expect(g.edgeShape(2, 2).d).not.toBe(g.edgeShape(2, 3).d);
    expect(g.edgeShape(2, 5).d).not.toBe(g.edgeShape(5, 2).d);
  });

  it('shortens long labels', () => {
    const g = graphGeometry(['supercalifragilistic'], 'line', 600, null);
    expect(g.labels[0]).toBe('supercalifr…');
  });
});

describe('graphGeometry with the causal mask', () => {
  const words = ['The', 'cat', 'sat', 'on', 'the', 'mat'];

  it('keeps no room above a horizontal line for arcs to later tokens', () => {
    const full = graphGeometry(words, 'line', 1000, null);
    const causal = graphGeometry(words, 'line', 1000, null, true);
    expect(causal.height).toBeLessThan(full.height);
    expect(causal.boxes[0]!.y).toBeLessThan(full.boxes[0]!.y);
    // Arcs to earlier tokens still fit below the line.
    for (let s = 1; s < words.length; s++) {
      const { label } = causal.edgeShape(s, 0);
      expect(label.y).toBeGreaterThan(causal.boxes[0]!.y);
      expect(label.y).toBeLessThan(causal.height);
    }
  });

  it('moves a vertical line right, leaving the width to arcs to earlier tokens', () => {
    const full = graphGeometry(words, 'line', 200, null);
    const causal = graphGeometry(words, 'line', 200, null, true);
    expect(full.orientation).toBe('vertical');
    expect(causal.boxes[0]!.x).toBeGreaterThan(full.boxes[0]!.x);
    for (const b of causal.boxes) expect(b.x + b.halfWidth).toBeLessThanOrEqual(200);
  });
});
