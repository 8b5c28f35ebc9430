import { describe, expect, it } from 'vitest';
import { fromRows, matrix, type Matrix } from '../../../src/core/matrix';
import { numberFormat } from '../../../src/format';
import { en } from '../../../src/messages';
import type { GraphView } from '../../../src/vocabulary/graph';
import { edgeOpacity } from '../../../src/viz/graph/edges';
import { graphGeometry } from '../../../src/viz/graph/graphGeometry';
import {
  FOCUSED_DOT_RADIUS,
  graphScene,
  layoutGraph,
  MAX_EDGE_LABELS,
  nodePaint,
  type GraphSceneInput,
} from '../../../src/viz/graph/graphScene';

// Rows of softmax weights, every one exact in float32 so the expectations can be written out.
const W = fromRows([
  [0.5, 0.375, 0.125],
  [0.125, 0.75, 0.125],
  [0.25, 0.25, 0.5],
]);
const CAT = ['The', 'cat', 'sat'];
const VIEW: GraphView = {
  layout: 'line',
  threshold: 0,
  topK: 0,
  focus: null,
  direction: 'out',
  everyEdge: true,
};

/** The scene of `texts` (every token known unless listed) 640 px wide, with `view`'s changes. */
function input(
  view: Partial<GraphView> = {},
  options: Partial<Omit<GraphSceneInput, 'view'>> & { texts?: readonly string[] } = {},
): GraphSceneInput {
  const texts = options.texts ?? CAT;
  return {
    tokens: texts.map((text) => ({ text, known: true })),
    width: 640,
    weights: W,
    edgesShown: true,
    causal: false,
    format: numberFormat('en'),
    strings: en.viz,
    ...options,
    view: { ...VIEW, ...view },
  };
}

/** A (T, T) matrix with every weight 1/T. */
const uniform = (T: number): Matrix => matrix(T, T, new Float32Array(T * T).fill(1 / T));

const pairs = (edges: readonly { source: number; target: number }[]) =>
  edges.map((e) => `${e.source}-${e.target}`);

describe('graphScene', () => {
  it('by default draws each token’s covering edges (80 % of its row); everyEdge draws all', () => {
    const scene = graphScene(input({ everyEdge: false }));
    // Row 0: 0.5 + 0.375 covers 80 %; row 1: 0.75 falls short, the earlier 0.125 joins;
    // row 2: 0.5 + 0.25 + 0.25 (75 % is short of 80 %).
    expect(pairs(scene.selection?.edges ?? [])).toEqual([
      '0-0',
      '0-1',
      '1-0',
      '1-1',
      '2-0',
      '2-1',
      '2-2',
    ]);
    expect(graphScene(input({ everyEdge: true })).edges).toHaveLength(9);
  });

  it('draws a long input as a faint overview, and a focused token’s edges at full strength', () => {
    const T = 30;
    const texts = Array.from({ length: T }, (_, k) => `w${k}`);
    const w = matrix(T, T, new Float32Array(T * T));
    // Each token gives 0.6 to itself and 0.4 to the next one.
    for (let i = 0; i < T; i++) {
      w.data[i * T + i] = 0.6;
      w.data[i * T + ((i + 1) % T)] = 0.4;
    }
    const overview = graphScene(input({ everyEdge: false }, { texts, weights: w }));
    expect(overview.edges).toHaveLength(2 * T);
    for (const e of overview.edges) expect(e.opacity).toBeCloseTo(0.35 * edgeOpacity(e.weight), 12);
    const focused = graphScene(input({ everyEdge: false, focus: 4 }, { texts, weights: w }));
    expect(pairs(focused.selection?.edges ?? [])).toEqual(['4-4', '4-5']);
    for (const e of focused.edges) expect(e.opacity).toBe(edgeOpacity(e.weight));
    // A short sentence is never faded.
    for (const e of graphScene(input()).edges) expect(e.opacity).toBe(edgeOpacity(e.weight));
  });

  it('shows the edges at or above the threshold, weakest first, each stroked by its weight', () => {
    const scene = graphScene(input({ threshold: 0.25 }));
    // 0.125 is below the threshold; ties keep reading order (by source, then target).
    expect(pairs(scene.edges)).toEqual(['2-0', '2-1', '0-1', '0-0', '2-2', '1-1']);
    expect(scene.selection?.candidates).toBe(6);
    const strongest = scene.edges[5]!;
    expect(strongest.weight).toBe(0.75);
    // Width proportional to the weight (8 px at 1); opacity from 0.65 at 0.05 up to 1 at 1.
    expect(strongest.strokeWidth).toBeCloseTo(8 * 0.75, 12);
    expect(strongest.opacity).toBeCloseTo(0.65 + (0.35 * (0.75 - 0.05)) / 0.95, 12);
    expect(strongest.title).toBe('cat attends to cat: 0.75');
    expect(strongest.key).toBe('1-1');
    // Paths are the geometry's, for the same sentence and width.
    const geometry = graphGeometry(CAT, 'line', 640, null, false);
    expect(strongest.d).toBe(geometry.edgeShape(1, 1).d);
    // No focus: no weight is printed.
    expect(scene.edgeLabels).toEqual([]);
  });

  it('prints the focused token’s weights near the far end of each edge (its own loop beyond it)', () => {
    const out = graphScene(input({ focus: 0 }));
    expect(pairs(out.edges)).toEqual(['0-2', '0-1', '0-0']);
    const byKey = new Map(out.edgeLabels.map((l) => [l.key, l]));
    expect(byKey.get('0-2')?.text).toBe('0.13');
    expect(byKey.get('0-1')?.text).toBe('0.38');
    expect(byKey.get('0-0')?.text).toBe('0.50');
    const edge = (key: string) => out.edges.find((e) => e.key === key)!;
    expect(byKey.get('0-1')).toMatchObject(edge('0-1').nearTarget);
    expect(byKey.get('0-0')).toMatchObject(edge('0-0').label);

    // Incoming: the edges into the focused token, each label near its source.
    const into = graphScene(input({ focus: 1, direction: 'in' }));
    expect(pairs(into.edges).sort()).toEqual(['0-1', '1-1', '2-1']);
    const label = into.edgeLabels.find((l) => l.key === '2-1')!;
    expect(label).toMatchObject(into.edges.find((e) => e.key === '2-1')!.nearSource);
    expect(label.text).toBe('0.25');
    expect(into.nodes.map((n) => n.focused)).toEqual([false, true, false]);
    expect(into.focus).toBe(1);
  });

  it(`labels at most ${MAX_EDGE_LABELS} edges: 40 tokens get theirs, 41 none`, () => {
    for (const T of [MAX_EDGE_LABELS, MAX_EDGE_LABELS + 1]) {
      const texts = Array.from({ length: T }, (_, k) => `w${k}`);
      const scene = graphScene(input({ focus: 0 }, { texts, weights: uniform(T) }));
      expect(scene.edges).toHaveLength(T);
      expect(scene.edgeLabels).toHaveLength(T <= MAX_EDGE_LABELS ? T : 0);
    }
  });

  it('writes weights in the interface’s language', () => {
    const scene = graphScene(input({ focus: 0 }, { format: numberFormat('es') }));
    expect(scene.edgeLabels.map((l) => l.text).sort()).toEqual(['0,13', '0,38', '0,50']);
  });

  it('draws the tokens only before step Softmax, and ignores a focus beyond the sentence', () => {
    const before = graphScene(input({}, { edgesShown: false }));
    expect(before.edges).toEqual([]);
    expect(before.selection).toBeNull();
    expect(before.nodes).toHaveLength(3);

    const beyond = graphScene(input({ focus: 7 }));
    expect(beyond.focus).toBeNull();
    expect(beyond.edgeLabels).toEqual([]);
    expect(beyond.nodes.some((n) => n.focused)).toBe(false);
  });

  it('says which legend applies and draws the reading-order line only across', () => {
    const across = graphScene(input());
    expect(across.orientation).toBe('horizontal');
    expect(across.legend).toBe('legendLineHorizontal');
    expect(across.baselineY).toBe(across.nodes[0]!.box.y);
    // Too narrow for the line across: it runs down, with no baseline.
    const down = graphScene(input({}, { width: 120 }));
    expect(down.orientation).toBe('vertical');
    expect(down.legend).toBe('legendLineVertical');
    expect(down.baselineY).toBeNull();
    const circle = graphScene(input({ layout: 'circle' }));
    expect(circle.legend).toBe('legendOther');
    expect(circle.baselineY).toBeNull();
  });

  it('turns a long line into a circle, and places nodes once for the same sentence', () => {
    const texts = Array.from({ length: 41 }, (_, k) => `w${k}`);
    const scene = graphScene(input({}, { texts, weights: uniform(41) }));
    expect(scene.layout).toBe('circle');
    // The geometry handed in is the one drawn: its node boxes keep their identity.
    const geometry = layoutGraph({
      texts: CAT,
      layout: 'line',
      width: 640,
      weights: W,
      causal: false,
    });
    const again = graphScene(input({ threshold: 0.3 }), geometry);
    expect(again.nodes.map((n) => n.box)).toEqual(geometry.boxes);
    expect(again.nodes[2]!.box).toBe(geometry.boxes[2]);
  });

  it('paints nodes as the stylesheet does: dashed unknown words, the focused token filled', () => {
    const tokens = [
      { text: 'I', known: false },
      { text: 'love', known: true },
    ];
    const scene = graphScene(input({ focus: 1 }, { tokens, weights: uniform(2) }));
    expect(scene.nodes.map((n) => n.shape)).toEqual(['box', 'box']);
    expect(scene.nodes[0]!.paint).toMatchObject({ fill: 'bg', stroke: 'unknown', dashed: true });
    expect(scene.nodes[1]!.paint).toMatchObject({
      fill: 'accent',
      stroke: 'accent',
      text: 'accentFg',
      bold: true,
    });
    // Dots a few px apart: filled, unoutlined, except an unknown word's (its mark) and the
    // focused one, which grows to be seen.
    expect(nodePaint('smallDot', 2, false, true)).toMatchObject({ fill: 'muted', stroke: null });
    expect(nodePaint('smallDot', 2, false, false)).toMatchObject({ stroke: 'unknown', radius: 2 });
    expect(nodePaint('smallDot', 2, true, true)).toMatchObject({
      fill: 'accent',
      radius: FOCUSED_DOT_RADIUS,
    });
    expect(nodePaint('dot', 4, false, true)).toMatchObject({ fill: 'bg', stroke: 'fg', radius: 4 });
  });

  it('gives a compact drawing’s nodes their label spots and the focused one’s label in full', () => {
    const texts = Array.from({ length: 60 }, (_, k) => `token${k}`);
    const scene = graphScene(
      input({ layout: 'circle', focus: 5 }, { texts, weights: uniform(60) }),
    );
    expect(scene.compact).toBe(true);
    const node = scene.nodes[5]!;
    expect(node.shape === 'dot' || node.shape === 'smallDot').toBe(true);
    expect(node.labelAt).toEqual({ x: node.box.x + node.spot.dx, y: node.box.y + node.spot.dy });
    expect(node.display).toBe('token5');
    expect(scene.haloFontSize).toBe(scene.fontSize + 1);
  });
});
