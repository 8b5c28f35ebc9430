/**
 * The main thread's share of the pipeline: stages cached on what each depends on, tokens
 * made once per text, and the source handing out a finished trace.
 */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { tokenize } from '../../src/core/tokenizer';
import { computeTrace } from '../../src/core/trace';
import { madeUpWordVectors } from '../../src/core/vectors/table';
import { createTraceStages } from '../../src/worker/stages';
import { tokenCache } from '../../src/worker/tokenCache';
import { TraceSource } from '../../src/worker/traceSource';
import { expectClose } from '../helpers/expectClose';

const table = madeUpWordVectors();

describe('tokenCache', () => {
  it('gives the same tokens for a recent text, and forgets the oldest beyond its size', () => {
    const tokens = tokenCache(2);
    const a = tokens('a b');
    expect(a).toEqual(tokenize('a b'));
    expect(tokens('a b')).toBe(a);
    tokens('c d');
    tokens('e f');
    expect(tokens('a b')).not.toBe(a);
  });
});

describe('createTraceStages', () => {
  it('computes the same numbers as computeTrace, and reuses each stage it can', () => {
    const tokenize = vi.fn(tokenCache());
    const derive = createTraceStages(tokenize);
    const text = 'The cat sat on the mat.';
    const trace = derive(text, DEFAULT_SETTINGS, table);
    const expected = computeTrace(text, DEFAULT_SETTINGS, table);
    expect(trace.tokens).toEqual(expected.tokens);
    const got = trace.heads[0]?.weights.data ?? new Float32Array();
    const want = expected.heads[0]?.weights.data ?? new Float32Array();
    want.forEach((x, i) => expectClose(got[i] as number, x, 1e-6));

    // The same inputs give the same object; new settings reuse the embedding.
    expect(derive(text, DEFAULT_SETTINGS, table)).toBe(trace);
    const hotter = derive(text, { ...DEFAULT_SETTINGS, temperature: 2 }, table);
    expect(hotter.embeddings).toBe(trace.embeddings);
    const wider = derive(text, { ...DEFAULT_SETTINGS, width: 16 }, table);
    expect(wider.embeddings.cols).toBe(16);
    // Tokens come from the cache every time: one tokenization for the text in all.
    expect(new Set(tokenize.mock.results.map((r) => r.value)).size).toBe(1);
  });
});

describe('TraceSource.trace', () => {
  it('hands out a finished trace, derived here for small inputs, the same object each time', () => {
    const source = new TraceSource({ createWorker: null });
    expect(source.trace(source.getSnapshot().shown)).toBeNull();
    source.update({ text: 'I love tennis.', settings: DEFAULT_SETTINGS, table });
    const shown = source.getSnapshot().shown;
    const trace = source.trace(shown);
    expect(trace?.text).toBe('I love tennis.');
    expect(source.trace(shown)).toBe(trace);
    expect(source.derive({ text: 'I love tennis.', settings: DEFAULT_SETTINGS, table })).toBe(
      trace,
    );
  });
});
