import { describe, expect, it } from 'vitest';
import { computeTrace } from '../../src/core/trace';
import type { AttentionTrace } from '../../src/core/types';
import { collectTransferables, reviveTrace, traceMatrices } from '../../src/worker/transfer';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { madeUpWordVectors } from '../../src/core/vectors/table';

const TEXT = 'The cat sat on the mat because it was tired.';

function traceOf(settings = {}): AttentionTrace {
  return computeTrace(TEXT, { ...DEFAULT_SETTINGS, ...settings }, madeUpWordVectors());
}

/** Posts `trace` through structuredClone with its transfer list, as postMessage would. */
function transferred(trace: AttentionTrace): AttentionTrace {
  return reviveTrace(structuredClone(trace, { transfer: collectTransferables(trace) }));
}

describe('collectTransferables', () => {
  it('lists the buffer of every matrix, each once', () => {
    const trace = traceOf({ heads: 2, weights: 'random' });
    const buffers = collectTransferables(trace);
    expect(new Set(buffers).size).toBe(buffers.length);
    for (const m of traceMatrices(trace)) expect(buffers).toContain(m.data.buffer);
  });

  it('lists a buffer shared by two matrices once (listing it twice would make postMessage throw)', () => {
    const trace = traceOf();
    const shared = { ...trace, positions: trace.embeddings };
    const buffers = collectTransferables(shared);
    expect(buffers.filter((b) => b === trace.embeddings.data.buffer)).toHaveLength(1);
    expect(() => structuredClone(shared, { transfer: buffers })).not.toThrow();
  });

  it('counts 6 top-level matrices and 11 per head', () => {
    for (const heads of [1, 4]) {
      expect(traceMatrices(traceOf({ heads, weights: 'random' }))).toHaveLength(6 + 11 * heads);
    }
  });
});

describe('a trace round trip through structured clone with transfer', () => {
  for (const settings of [{}, { heads: 4, causal: true, weights: 'random' as const }]) {
    it(`gives back every matrix and field unchanged (${JSON.stringify(settings)})`, () => {
      const expected = traceOf(settings);
      const back = transferred(traceOf(settings));
      const want = traceMatrices(expected);
      const got = traceMatrices(back);
      expect(got).toHaveLength(want.length);
      got.forEach((m, i) => {
        const w = want[i];
        expect(m.rows).toBe(w?.rows);
        expect(m.cols).toBe(w?.cols);
        expect(m.data).toBeInstanceOf(Float32Array);
        // Bit for bit: a transfer moves the numbers, it does not convert them (−∞ included).
        expect(Array.from(m.data)).toEqual(Array.from(w?.data ?? []));
      });
      expect(back.tokens).toEqual(expected.tokens);
      expect(back.settings).toEqual(expected.settings);
      expect(back.text).toBe(expected.text);
      expect(back.dK).toBe(expected.dK);
      expect(back.vectors).toBe(expected.vectors);
      expect(back.truncated).toBe(expected.truncated);
    });
  }

  it('moves the buffers: the sender is left with detached (empty) matrices', () => {
    const trace = traceOf();
    transferred(trace);
    for (const m of traceMatrices(trace)) {
      expect(m.data.buffer.byteLength).toBe(0);
      expect(m.data.length).toBe(0);
    }
  });
});

describe('reviveTrace', () => {
  it('rejects what is not a trace, naming the field', () => {
    const good = structuredClone(traceOf());
    expect(() => reviveTrace(null)).toThrow(/not an object/);
    expect(() => reviveTrace({ ...good, text: 3 })).toThrow(/text/);
    expect(() => reviveTrace({ ...good, output: { rows: 1, cols: 1, data: [0] } })).toThrow(
      /output\.data is not a Float32Array/,
    );
    expect(() =>
      reviveTrace({ ...good, input: { rows: 2, cols: 2, data: new Float32Array(3) } }),
    ).toThrow(/input has shape \(2, 2\) but 3 values/);
    const heads = [{ ...good.heads[0], weights: undefined }];
    expect(() => reviveTrace({ ...good, heads })).toThrow(/heads\[0\]\.weights is not a matrix/);
    expect(() => reviveTrace({ ...good, tokens: good.tokens.slice(1) })).toThrow(/tokens/);
  });

  it('accepts a cloned trace and returns it as is', () => {
    const clone = structuredClone(traceOf());
    expect(reviveTrace(clone)).toBe(clone);
  });
});
