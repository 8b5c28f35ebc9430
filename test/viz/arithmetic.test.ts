import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { at, fromRows, row } from '../../src/core/matrix';
import { traceFromEmbedded, type EmbeddedText } from '../../src/core/trace';
import type { AttentionSettings, AttentionTrace, EmbeddedToken } from '../../src/core/types';
import { makeWeights } from '../../src/core/weights';
import {
  projectionWork,
  scoreWork,
  softmaxWork,
  sum,
  weightedSumWork,
} from '../../src/viz/arithmetic';
import { HAND_SETTINGS, handTraceOf } from '../helpers/handTrace';
import { expectClose } from '../helpers/expectClose';

/** A hand-made token: the tests below need only its text. */
function token(text: string, start: number): EmbeddedToken {
  return {
    text,
    start,
    end: start + text.length,
    kind: 'word',
    lookup: text,
    vocabIndex: null,
    known: false,
  };
}

/** Three tokens with embeddings x0 = (1, 0), x1 = (0, 1), x2 = (1, 1). */
const EMBEDDED: EmbeddedText = {
  text: 'a b c',
  tokens: [token('a', 0), token('b', 2), token('c', 4)],
  truncated: false,
  vectors: 'made-up',
  embeddings: fromRows([
    [1, 0],
    [0, 1],
    [1, 1],
  ]),
};

/** The hand-made trace (test/helpers/handTrace.ts) with some settings changed. */
function handTrace(patch: Partial<AttentionSettings> = {}): AttentionTrace {
  return handTraceOf(EMBEDDED, patch);
}

const R = Math.SQRT1_2; // 1/√2: scores of 1 after scaling by √dK = √2

describe('scoreWork', () => {
  it('spells out q_i · k_j, the division by √dK and the result (worked by hand)', () => {
    const work = scoreWork(handTrace(), 0, 2, 2);
    expect(work.q).toEqual([1, 1]);
    expect(work.k).toEqual([1, 1]);
    expect(work.products).toEqual([1, 1]);
    expect(work.score).toBe(2);
    expect(work.scaleOn).toBe(true);
    expectClose(work.sqrtDK, Math.SQRT2, 1e-12);
    expectClose(work.scaled, Math.SQRT2, 1e-6);
    expect(work.masked).toBe(false);
  });

  it('gives products whose sum is the score, with scaling off the scaled score equals it', () => {
    const work = scoreWork(handTrace({ scale: false }), 0, 0, 2);
    expect(work.products).toEqual([1, 0]);
    expect(work.score).toBe(1);
    expect(work.scaled).toBe(1);
    expect(work.scaleOn).toBe(false);
  });

  it('marks a later key as masked under the causal mask, and an earlier one as not', () => {
    const trace = handTrace({ causal: true });
    expect(scoreWork(trace, 0, 0, 2).masked).toBe(true);
    expect(scoreWork(trace, 0, 2, 0).masked).toBe(false);
    // The raw and scaled scores stay finite: only the masked matrix holds −∞.
    expect(scoreWork(trace, 0, 0, 2).score).toBe(1);
  });

  it('rejects a cell or head outside the trace', () => {
    expect(() => scoreWork(handTrace(), 0, 3, 0)).toThrow(/\(3, 0\) outside \(3, 3\)/);
    expect(() => scoreWork(handTrace(), 1, 0, 0)).toThrow(/head 1/);
  });
});

describe('softmaxWork', () => {
  it('subtracts the row maximum, exponentiates, sums and divides (worked by hand)', () => {
    // Row 0 of the scaled scores: (1, 0, 1) / √2.
    const work = softmaxWork(handTrace(), 0, 0, 1);
    expectClose(work.max, R, 1e-6);
    expect(work.argmax).toBe(0);
    expect(work.differences[0]).toBe(0);
    expectClose(work.differences[1] as number, -R, 1e-6);
    expect(work.exps[0]).toBe(1);
    expectClose(work.exps[1] as number, Math.exp(-R), 1e-6);
    const total = 2 + Math.exp(-R);
    expectClose(work.sum, total, 1e-6);
    expectClose(work.weights[0] as number, 1 / total, 1e-6);
    expectClose(work.weights[1] as number, Math.exp(-R) / total, 1e-6);
    expectClose(work.weightSum, 1, 1e-6);
  });

  it('turns masked scores into exp(−∞) = 0', () => {
    const work = softmaxWork(handTrace({ causal: true }), 0, 0, 0);
    expect(work.scores.slice(1)).toEqual([-Infinity, -Infinity]);
    expect(work.exps).toEqual([1, 0, 0]);
    expect(work.sum).toBe(1);
    expect(work.weights).toEqual([1, 0, 0]);
  });

  it('divides the differences by the temperature', () => {
    const work = softmaxWork(handTrace({ temperature: 2 }), 0, 1, 0);
    expect(work.temperature).toBe(2);
    // Row 1: (0, 1, 1) / √2, maximum at token 1.
    expect(work.argmax).toBe(1);
    expectClose(work.exponents[0] as number, -R / 2, 1e-6);
    expectClose(work.exps[0] as number, Math.exp(-R / 2), 1e-6);
    expectClose(work.weights[0] as number, Math.exp(-R / 2) / (2 + Math.exp(-R / 2)), 1e-6);
  });
});

describe('weightedSumWork', () => {
  it('multiplies each value vector by its weight and adds them up (worked by hand)', () => {
    const trace = handTrace({ causal: true });
    // Row 1 attends to tokens 0 and 1 only, with scaled scores 0 and 1/√2.
    const work = weightedSumWork(trace, 0, 1, 0);
    const w0 = 1 / (1 + Math.exp(R));
    const w1 = 1 - w0;
    expectClose(work.weights[0] as number, w0, 1e-6);
    expect(work.weights[2]).toBe(0);
    expect(work.values).toEqual([
      [1, 2],
      [3, 4],
      [4, 6],
    ]);
    expectClose(work.terms[0]?.[1] as number, 2 * w0, 1e-6);
    expectClose(work.terms[1]?.[0] as number, 3 * w1, 1e-6);
    expect(work.terms[2]).toEqual([0, 0]);
    expectClose(work.output[0] as number, w0 + 3 * w1, 1e-6);
    expectClose(work.output[1] as number, 2 * w0 + 4 * w1, 1e-6);
  });
});

describe('projectionWork', () => {
  it('writes a final output entry as concat row times a column of wo', () => {
    const wo = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const trace = traceFromEmbedded(
      EMBEDDED,
      { ...HAND_SETTINGS, heads: 2 },
      { ...makeWeights(2, 2, 3, 'random'), wo },
    );
    const work = projectionWork(trace, 2, 1);
    expect(work.concat).toEqual(Array.from(row(trace.concat, 2)));
    expect(work.wo).toEqual([2, 4]);
    expect(work.products).toEqual([(work.concat[0] as number) * 2, (work.concat[1] as number) * 4]);
    expect(work.value).toBe(at(trace.output, 2, 1));
    expect(Math.fround(sum(work.products))).toBe(work.value);
    expect(work.outputRow).toEqual(Array.from(row(trace.output, 2)));
    expect(() => projectionWork(trace, 0, 2)).toThrow(/column 2/);
  });
});

describe('every displayed intermediate adds up to the trace exactly (property)', () => {
  const traces = fc
    .record({
      T: fc.integer({ min: 1, max: 6 }),
      width: fc.constantFrom(2, 4, 8),
      heads: fc.constantFrom(1, 2),
      seed: fc.integer({ min: 0, max: 1000 }),
      causal: fc.boolean(),
      scale: fc.boolean(),
      temperature: fc.constantFrom(0.5, 1, 3),
    })
    .chain((p) =>
      fc.record({
        p: fc.constant(p),
        x: fc.array(
          fc.array(fc.double({ min: -3, max: 3, noNaN: true }), {
            minLength: p.width,
            maxLength: p.width,
          }),
          {
            minLength: p.T,
            maxLength: p.T,
          },
        ),
      }),
    )
    .map(({ p, x }) => {
      const embedded: EmbeddedText = {
        ...EMBEDDED,
        tokens: x.map((_, t) => token(`t${t}`, 3 * t)),
        embeddings: fromRows(x),
      };
      const settings = { ...HAND_SETTINGS, ...p, weights: 'random' as const };
      return traceFromEmbedded(embedded, settings);
    });

  it('products, exponentials and weighted terms reproduce the trace after rounding to float32', () => {
    fc.assert(
      fc.property(traces, (trace) => {
        const T = trace.tokens.length;
        for (let h = 0; h < trace.heads.length; h++) {
          for (let i = 0; i < T; i++) {
            for (let j = 0; j < T; j++) {
              const s = scoreWork(trace, h, i, j);
              expect(Math.fround(sum(s.products))).toBe(s.score);
            }
            const soft = softmaxWork(trace, h, i, 0);
            soft.exps.forEach((e, j) => expect(Math.fround(e / soft.sum)).toBe(soft.weights[j]));
            const ws = weightedSumWork(trace, h, i, 0);
            ws.output.forEach((o, d) =>
              expect(Math.fround(sum(ws.terms.map((t) => t[d] as number)))).toBe(o),
            );
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
