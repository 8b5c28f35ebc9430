import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromRows, matrix, toRows, type Matrix } from '../../src/core/matrix';
import {
  computeTrace,
  embedText,
  float32ToJson,
  matrixToJson,
  traceFromEmbedded,
  traceToJson,
  type EmbeddedText,
  type JsonMatrix,
} from '../../src/core/trace';
import type { AttentionSettings, AttentionWeights, EmbeddedToken } from '../../src/core/types';
import { HEAD_MATRICES, HEAD_WEIGHT_NAMES, TRACE_MATRICES } from '../../src/core/traceParts';
import { expectClose, expectMatrixClose } from '../helpers/expectClose';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { madeUpWordVectors } from '../../src/core/vectors/table';

const I2 = fromRows([
  [1, 0],
  [0, 1],
]);

/** "I love tennis." tokenized and embedded by hand: the running example of attention.test.ts. */
function lovelyTennis(): EmbeddedText {
  const tokens: EmbeddedToken[] = [
    { text: 'I', start: 0, end: 1, kind: 'word', lookup: 'i', vocabIndex: null, known: false },
    { text: 'love', start: 2, end: 6, kind: 'word', lookup: 'love', vocabIndex: 835, known: true },
    {
      text: 'tennis',
      start: 7,
      end: 13,
      kind: 'word',
      lookup: 'tennis',
      vocabIndex: 2201,
      known: true,
    },
    { text: '.', start: 13, end: 14, kind: 'punctuation', lookup: '.', vocabIndex: 2, known: true },
  ];
  const embeddings = fromRows([
    [1, 0], // I
    [0, 2], // love
    [1, 2], // tennis
    [0, 0], // .
  ]);
  return { text: 'I love tennis.', tokens, truncated: false, vectors: 'glove', embeddings };
}

/** Width 2, one head, no positions: the settings of the hand-worked example. */
const handSettings: AttentionSettings = {
  width: 2,
  heads: 1,
  seed: 7,
  causal: false,
  scale: true,
  temperature: 1,
  weights: 'random',
  positions: false,
};

/** wq = wk = wv = wo = I, so the example's numbers can be worked on paper. */
const identityWeights: AttentionWeights = { heads: [{ wq: I2, wk: I2, wv: I2 }], wo: I2 };

const sigma = (x: number) => Math.exp(x) / (1 + Math.exp(x));

/** Every number of a JSON matrix, with nulls as they are. */
const cells = (m: JsonMatrix) => m.flat();

describe('traceFromEmbedded', () => {
  it('runs the hand-worked "I love tennis." example end to end', () => {
    const trace = traceFromEmbedded(lovelyTennis(), handSettings, identityWeights);
    // Positions off: positions are zeros and input equals the embeddings.
    expect(toRows(trace.positions)).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(toRows(trace.input)).toEqual([
      [1, 0],
      [0, 2],
      [1, 2],
      [0, 0],
    ]);
    expect(trace.dK).toBe(2);
    expect(trace.heads).toHaveLength(1);
    // Worked out in attention.test.ts: a = 1/√2, b = 2√2, outputs [σ(a), 1], [1/2, 2σ(b)] ...
    const sa = sigma(1 / Math.SQRT2);
    const sb = sigma(2 * Math.SQRT2);
    const expectedOutput = [
      [sa, 1],
      [0.5, 2 * sb],
      [sa, 2 * sb],
      [0.5, 1],
    ];
    expectMatrixClose(trace.heads[0]!.output, expectedOutput, 1e-6);
    // One head and wo = I: concat and the final output are the head's output.
    expectMatrixClose(trace.concat, expectedOutput, 1e-6);
    expectMatrixClose(trace.output, expectedOutput, 1e-6);
    expect(trace.text).toBe('I love tennis.');
    expect(trace.tokens.map((t) => t.text)).toEqual(['I', 'love', 'tennis', '.']);
    expect(trace.vectors).toBe('glove');
    expect(trace.settings).toEqual(handSettings);
  });

  it('adds the sinusoidal positions to the embeddings when positions are on', () => {
    const trace = traceFromEmbedded(
      lovelyTennis(),
      { ...handSettings, positions: true },
      identityWeights,
    );
    // d = 2: PE(p) = [sin p, cos p].
    const pe = [0, 1, 2, 3].map((p) => [Math.sin(p), Math.cos(p)]);
    expectMatrixClose(trace.positions, pe, 1e-7);
    expectMatrixClose(
      trace.input,
      [
        [1 + pe[0]![0]!, 0 + pe[0]![1]!],
        [0 + pe[1]![0]!, 2 + pe[1]![1]!],
        [1 + pe[2]![0]!, 2 + pe[2]![1]!],
        [0 + pe[3]![0]!, 0 + pe[3]![1]!],
      ],
      1e-6,
    );
    // Identity weights: Q = input, so the scores are the dot products of the input rows.
    const x = toRows(trace.input);
    const dots = x.map((xi) => x.map((xj) => xi[0]! * xj[0]! + xi[1]! * xj[1]!));
    expectMatrixClose(trace.heads[0]!.scores, dots, 1e-6);
  });

  it('masks later tokens when causal: the first token attends only to itself', () => {
    const trace = traceFromEmbedded(
      lovelyTennis(),
      { ...handSettings, causal: true },
      identityWeights,
    );
    const w = toRows(trace.heads[0]!.weights);
    expect(w[0]).toEqual([1, 0, 0, 0]);
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) expect(w[i]![j]).toBe(0);
    expectMatrixClose(
      trace.output,
      [
        [1, 0],
        [1 - sigma(2 * Math.SQRT2), 2 * sigma(2 * Math.SQRT2)],
        [0.68234, 1.92384],
        [0.5, 1],
      ],
      1e-5,
    );
  });

  it('makes seeded weights from the settings when none are given', () => {
    const settings = { ...handSettings, width: 2, heads: 2, seed: 3 };
    const a = traceFromEmbedded(lovelyTennis(), settings);
    const b = traceFromEmbedded(lovelyTennis(), settings);
    const c = traceFromEmbedded(lovelyTennis(), { ...settings, seed: 4 });
    expect(a.heads).toHaveLength(2);
    expect(a.dK).toBe(1);
    expect([a.wo.rows, a.wo.cols]).toEqual([2, 2]);
    expect(toRows(b.output)).toEqual(toRows(a.output));
    expect(toRows(c.heads[0]!.wq)).not.toEqual(toRows(a.heads[0]!.wq));
  });

  it('throws a RangeError listing every problem with the settings', () => {
    // Without weights given, the weights would be made from these settings: the settings
    // must still be checked first, so that every problem is listed.
    const bad = { ...handSettings, width: 0, heads: 9, temperature: 0 };
    expect(() => traceFromEmbedded(lovelyTennis(), bad)).toThrow(RangeError);
    expect(() => traceFromEmbedded(lovelyTennis(), bad)).toThrow(
      /^invalid settings: width .* got 0; heads .* got 9; temperature .* got 0$/,
    );
    expect(() => traceFromEmbedded(lovelyTennis(), bad, identityWeights)).toThrow(
      /width.*heads.*temperature/,
    );
  });

  it('throws with both shapes when the embeddings are not as wide as the settings say', () => {
    expect(() => traceFromEmbedded(lovelyTennis(), { ...handSettings, width: 3 })).toThrow(
      /\(4, 2\).*\(4, 3\)/,
    );
  });

  it('handles an empty text', () => {
    const empty: EmbeddedText = {
      text: '',
      tokens: [],
      truncated: false,
      vectors: 'glove',
      embeddings: matrix(0, 2),
    };
    const trace = traceFromEmbedded(empty, handSettings, identityWeights);
    expect(trace.output.rows).toBe(0);
    expect(trace.heads[0]!.weights.rows).toBe(0);
  });
});

describe('computeTrace with the made-up vector table', () => {
  it('runs the whole pipeline from text, every word unknown, every number finite', () => {
    const settings = { ...DEFAULT_SETTINGS, causal: true, heads: 2 };
    const trace = computeTrace('I love tennis.', settings, madeUpWordVectors());
    expect(trace.tokens.map((t) => t.text)).toEqual(['I', 'love', 'tennis', '.']);
    expect(trace.tokens.every((t) => !t.known && t.vocabIndex === null)).toBe(true);
    expect(trace.vectors).toBe('made-up');
    expect([trace.embeddings.rows, trace.embeddings.cols]).toEqual([4, 8]);
    expect(trace.dK).toBe(4);
    // JSON export refuses NaN and Infinity, so exporting checks every number at once.
    const json = traceToJson(trace);
    expect(json.output).toHaveLength(4);
    // Same text and settings, same numbers.
    const again = computeTrace('I love tennis.', settings, madeUpWordVectors());
    expect(toRows(again.output)).toEqual(toRows(trace.output));
  });

  it('embedText keeps the token offsets into the original text', () => {
    const embedded = embedText('I love tennis.', 4, madeUpWordVectors());
    const text = embedded.text;
    expect(embedded.tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      'I',
      'love',
      'tennis',
      '.',
    ]);
    expect([embedded.embeddings.rows, embedded.embeddings.cols]).toEqual([4, 4]);
  });
});

describe('float32ToJson', () => {
  it('writes the float32 nearest 0.1 as 0.1, not 0.10000000149011612', () => {
    const f = Math.fround(0.1);
    expect(f).not.toBe(0.1);
    expect(float32ToJson(f)).toBe(0.1);
    expect(JSON.stringify(float32ToJson(f))).toBe('0.1');
  });

  it('writes short, exact decimals for values worked out by hand', () => {
    expect(float32ToJson(0)).toBe(0);
    expect(float32ToJson(-0)).toBe(0);
    expect(float32ToJson(1)).toBe(1);
    expect(float32ToJson(-2.5)).toBe(-2.5);
    expect(float32ToJson(Math.fround(0.7))).toBe(0.7);
    // float32(1/3) = 0.3333333432674408...; 0.3333333 reads back as a different float32
    // (0.33333331...), so eight digits are needed.
    expect(float32ToJson(1 / 3)).toBe(0.33333334);
    // 16777217 is not a float32; it rounds to 16777216, which prints in full.
    expect(float32ToJson(16777217)).toBe(16777216);
  });

  it('turns -Infinity (a masked score) into null', () => {
    expect(float32ToJson(-Infinity)).toBeNull();
  });

  it('throws for NaN and +Infinity: neither may reach an export', () => {
    expect(() => float32ToJson(Number.NaN)).toThrow(RangeError);
    expect(() => float32ToJson(Infinity)).toThrow(RangeError);
  });

  it('round-trips every finite float32 exactly, through JSON text too (fast-check)', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const y = float32ToJson(x);
        expect(y).not.toBeNull();
        expect(Math.fround(y as number)).toBe(x === 0 ? 0 : x);
        const parsed = JSON.parse(JSON.stringify(y)) as number;
        expect(Math.fround(parsed) === x).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the shortest decimal for normal float32 values (fast-check)', () => {
    // A decimal with one significant digit fewer, rounded to nearest, must not read back.
    const normal = fc
      .float({ noNaN: true, noDefaultInfinity: true })
      .filter((x) => Math.abs(x) >= 2 ** -126);
    fc.assert(
      fc.property(normal, (x) => {
        const y = float32ToJson(x) as number;
        const digits = y.toExponential().replace(/e.*$/, '').replace(/[-.]/g, '').length;
        if (digits > 1) {
          expect(Math.fround(Number(x.toPrecision(digits - 1))) === x).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('traceToJson', () => {
  const trace = traceFromEmbedded(
    lovelyTennis(),
    { ...handSettings, causal: true, positions: true },
    identityWeights,
  );
  const json = traceToJson(trace);
  const matrixNames = TRACE_MATRICES;
  const headNames = HEAD_MATRICES;

  it('names every part as DESIGN.md does', () => {
    expect(Object.keys(json).sort()).toEqual(
      [
        'format',
        'version',
        'text',
        'truncated',
        'vectors',
        'tokens',
        'settings',
        'dK',
        ...matrixNames,
        'heads',
      ].sort(),
    );
    expect(json.format).toBe('attention-graph-trace');
    expect(json.version).toBe(1);
    expect(json.heads).toHaveLength(1);
    expect(Object.keys(json.heads[0]!)).toEqual([...headNames]);
  });

  it('carries the text, settings and tokens with offsets, vocabulary index and known flag', () => {
    expect(json.text).toBe('I love tennis.');
    expect(json.truncated).toBe(false);
    expect(json.vectors).toBe('glove');
    expect(json.dK).toBe(2);
    expect(json.settings).toEqual({ ...handSettings, causal: true, positions: true });
    expect(json.tokens[0]).toEqual({
      text: 'I',
      start: 0,
      end: 1,
      kind: 'word',
      lookup: 'i',
      vocabIndex: null,
      known: false,
    });
    expect(json.tokens.map((t) => [t.start, t.end])).toEqual([
      [0, 1],
      [2, 6],
      [7, 13],
      [13, 14],
    ]);
    expect(json.tokens.map((t) => t.known)).toEqual([false, true, true, true]);
  });

  it('writes matrices as arrays of rows of the right shape', () => {
    expect(json.embeddings).toEqual([
      [1, 0],
      [0, 2],
      [1, 2],
      [0, 0],
    ]);
    expect(json.heads[0]!.wq).toEqual([
      [1, 0],
      [0, 1],
    ]);
    for (const name of headNames) {
      const m = json.heads[0]![name];
      const cols = ['scores', 'scaled', 'masked', 'weights'].includes(name) ? 4 : 2;
      const rows = (HEAD_WEIGHT_NAMES as readonly string[]).includes(name) ? 2 : 4;
      expect(m.length, name).toBe(rows);
      for (const r of m) expect(r.length, name).toBe(cols);
    }
  });

  it('writes masked cells as null exactly above the diagonal when causal, and nowhere else', () => {
    const masked = json.heads[0]!.masked;
    masked.forEach((r, i) =>
      r.forEach((x, j) => {
        if (j > i) expect(x, `(${i}, ${j})`).toBeNull();
        else expect(typeof x, `(${i}, ${j})`).toBe('number');
      }),
    );
    const open = traceToJson(traceFromEmbedded(lovelyTennis(), handSettings, identityWeights));
    expect(cells(open.heads[0]!.masked)).not.toContain(null);
  });

  it('every number is finite and nulls appear only in masked', () => {
    const all: JsonMatrix[] = [
      ...matrixNames.map((n) => json[n]),
      ...json.heads.flatMap((h) => headNames.filter((n) => n !== 'masked').map((n) => h[n])),
    ];
    for (const m of all) {
      for (const x of cells(m)) expect(typeof x === 'number' && Number.isFinite(x)).toBe(true);
    }
    for (const x of cells(json.heads[0]!.masked)) {
      expect(x === null || Number.isFinite(x)).toBe(true);
    }
  });

  it('numbers read back as the exact float32 values of the trace', () => {
    const pairs: [JsonMatrix, Matrix][] = [
      [json.input, trace.input],
      [json.positions, trace.positions],
      [json.heads[0]!.weights, trace.heads[0]!.weights],
      [json.heads[0]!.scaled, trace.heads[0]!.scaled],
      [json.output, trace.output],
    ];
    for (const [written, m] of pairs) {
      const back = JSON.parse(JSON.stringify(written)) as number[][];
      back.forEach((r, i) =>
        r.forEach((x, j) => expect(Math.fround(x)).toBe(m.data[i * m.cols + j])),
      );
    }
  });

  it('the weights in the JSON are the hand-computed causal weights', () => {
    // Positions are on here, so the scores are the dot products of the input rows (wq = wk
    // = I), scaled by 1/√2; row i sees tokens 0..i only.
    const x = json.input as number[][];
    const dot = (i: number, j: number) => x[i]![0]! * x[j]![0]! + x[i]![1]! * x[j]![1]!;
    const w = json.heads[0]!.weights as number[][];
    for (let i = 0; i < 4; i++) {
      const z = Array.from({ length: i + 1 }, (_, j) => Math.exp(dot(i, j) / Math.SQRT2));
      const sum = z.reduce((s, e) => s + e, 0);
      z.forEach((e, j) => expectClose(w[i]![j]!, e / sum, 1e-6, `(${i}, ${j})`));
    }
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) expect(w[i]![j]).toBe(0);
  });

  it('matrixToJson turns -Infinity into null', () => {
    expect(
      matrixToJson(
        fromRows([
          [1, -Infinity],
          [Math.fround(0.1), 2],
        ]),
      ),
    ).toEqual([
      [1, null],
      [0.1, 2],
    ]);
  });
});
