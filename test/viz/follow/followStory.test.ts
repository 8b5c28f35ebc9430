/**
 * The story of one token: its frames, and every number they show, which must be the
 * trace's own (a hand-computed two-token example, and properties over random traces).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, fromRows, row } from '../../../src/core/matrix';
import { traceFromEmbedded, type EmbeddedText } from '../../../src/core/trace';
import type { AttentionSettings, AttentionTrace, EmbeddedToken } from '../../../src/core/types';
import { defaultFollowToken } from '../../../src/viz/follow/defaultToken';
import { buildFollowStory, clampFrame, LABEL_CHARS } from '../../../src/viz/follow/followStory';
import { HAND_SETTINGS, HAND_WEIGHTS, handTraceOf } from '../../helpers/handTrace';
import { expectClose } from '../../helpers/expectClose';

function token(text: string, start: number, kind: EmbeddedToken['kind'] = 'word'): EmbeddedToken {
  return {
    text,
    start,
    end: start + text.length,
    kind,
    lookup: text,
    vocabIndex: null,
    known: false,
  };
}

/** Two tokens with x0 = (1, 0), x1 = (0, 1). */
const EMBEDDED: EmbeddedText = {
  text: 'a b',
  tokens: [token('a', 0), token('b', 2)],
  truncated: false,
  vectors: 'made-up',
  embeddings: fromRows([
    [1, 0],
    [0, 1],
  ]),
};

/** The hand-made trace (test/helpers/handTrace.ts) with some settings changed. */
function handTrace(patch: Partial<AttentionSettings> = {}): AttentionTrace {
  return handTraceOf(EMBEDDED, patch);
}

describe('the story of "b" in a two-token sentence, by hand', () => {
  // q_b = (0, 1); k_a = (1, 0), k_b = (0, 1): scores 0 and 1; ÷ √2: 0 and 0.70711.
  // Softmax: w_a = 1 / (1 + e^0.70711) = 0.33024, w_b = 0.66976.
  // New vector: w_a (1, 2) + w_b (3, 4) = (3 − 2 w_a, 4 − 2 w_a) = (2.33952, 3.33952).
  const story = buildFollowStory(handTrace(), 0, 1);

  it('has one meeting per key, then bars, softmax, the weighted sum and the arrows', () => {
    expect(story.frames).toEqual([
      { kind: 'meet', key: 0 },
      { kind: 'meet', key: 1 },
      { kind: 'bars' },
      { kind: 'softmax' },
      { kind: 'mix' },
      { kind: 'arrows' },
    ]);
    expect(story.tokens).toEqual(['a', 'b']);
    expect(story.q).toEqual([0, 1]);
  });

  it('multiplies the query and each key term by term, then divides by √d_k', () => {
    const [a, b] = story.meetings;
    expect(a?.products).toEqual([0, 0]);
    expect(b?.products).toEqual([0, 1]);
    expectClose(a!.score, 0, 1e-7);
    expectClose(b!.score, 1, 1e-7);
    expectClose(b!.sqrtDK, Math.SQRT2, 1e-12);
    expectClose(a!.scaled, 0, 1e-7);
    expectClose(b!.scaled, 0.7071068, 1e-6);
  });

  it('turns the scores into weights that sum to 1', () => {
    expectClose(story.softmax.weights[0]!, 0.3302385, 1e-6);
    expectClose(story.softmax.weights[1]!, 0.6697615, 1e-6);
    expectClose(story.softmax.weightSum, 1, 1e-6);
  });

  it('adds the weighted values into the new vector', () => {
    expectClose(story.mix.terms[0]![0]!, 0.3302385, 1e-6);
    expectClose(story.mix.terms[1]![1]!, 4 * 0.6697615, 1e-6);
    expectClose(story.mix.output[0]!, 2.339523, 1e-6);
    expectClose(story.mix.output[1]!, 3.339523, 1e-6);
  });

  it('lets the causal mask hide the later keys: no meeting frame, no bar', () => {
    const first = buildFollowStory(handTrace({ causal: true }), 0, 0);
    expect(first.visible).toEqual([0]);
    expect(first.frames.map((f) => f.kind)).toEqual(['meet', 'bars', 'softmax', 'mix', 'arrows']);
    expect(first.meetings[1]?.masked).toBe(true);
    expect(first.softmax.weights).toEqual([1, 0]);
    // Unscaled, the score is used as it is.
    const unscaled = buildFollowStory(handTrace({ scale: false }), 0, 1);
    expect(unscaled.meetings[1]?.scaled).toBe(1);
  });

  it('refuses a token outside the sentence', () => {
    expect(() => buildFollowStory(handTrace(), 0, 2)).toThrow(RangeError);
  });
});

describe('frames and the default token', () => {
  it('labels a very long token by its start', () => {
    const long = 'x'.repeat(70_000);
    const trace = traceFromEmbedded(
      { ...EMBEDDED, tokens: [token(long, 0), token('b', 70_001)] },
      HAND_SETTINGS,
      HAND_WEIGHTS,
    );
    const [label] = buildFollowStory(trace, 0, 1).tokens;
    expect(Array.from(label!)).toHaveLength(LABEL_CHARS);
    expect(label!.endsWith('…')).toBe(true);
  });

  it('keeps a frame within the story', () => {
    expect(clampFrame(-3, 6)).toBe(0);
    expect(clampFrame(2, 6)).toBe(2);
    expect(clampFrame(99, 6)).toBe(5);
    expect(clampFrame(Number.NaN, 6)).toBe(0);
  });

  it('follows the selected cell’s query, else the last word, else the last token', () => {
    const trace = traceFromEmbedded(
      {
        ...EMBEDDED,
        text: 'a b .',
        tokens: [token('a', 0), token('b', 2), token('.', 4, 'punctuation')],
        embeddings: fromRows([
          [1, 0],
          [0, 1],
          [1, 1],
        ]),
      },
      HAND_SETTINGS,
      HAND_WEIGHTS,
    );
    expect(defaultFollowToken(trace, null)).toBe(1);
    expect(defaultFollowToken(trace, { i: 0, j: 2 })).toBe(0);
    // A selection from a longer sentence is not followed.
    expect(defaultFollowToken(trace, { i: 7, j: 0 })).toBe(1);
    const marks = traceFromEmbedded(
      { ...EMBEDDED, tokens: [token('!', 0, 'punctuation'), token('?', 2, 'punctuation')] },
      HAND_SETTINGS,
      HAND_WEIGHTS,
    );
    expect(defaultFollowToken(marks, null)).toBe(1);
  });
});

describe('every number of every frame is the trace’s (property)', () => {
  const traces = fc
    .record({
      T: fc.integer({ min: 1, max: 7 }),
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
          { minLength: p.T, maxLength: p.T },
        ),
        pick: fc.nat(),
      }),
    )
    .map(({ p, x, pick }) => {
      const embedded: EmbeddedText = {
        ...EMBEDDED,
        tokens: x.map((_, t) => token(`t${t}`, 3 * t)),
        embeddings: fromRows(x),
      };
      const trace = traceFromEmbedded(embedded, { ...HAND_SETTINGS, ...p, weights: 'random' });
      return { trace, head: pick % p.heads, token: pick % p.T };
    });

  it('shows the trace’s scores, scaled scores, weights and output row', () => {
    fc.assert(
      fc.property(traces, ({ trace, head, token: i }) => {
        const story = buildFollowStory(trace, head, i);
        const h = trace.heads[head]!;
        expect(story.q).toEqual(Array.from(row(h.q, i)));
        story.meetings.forEach((m, j) => {
          expect(m.k).toEqual(Array.from(row(h.k, j)));
          expect(m.score).toBe(at(h.scores, i, j));
          expect(m.scaled).toBe(at(h.scaled, i, j));
          expect(m.masked).toBe(at(h.masked, i, j) === -Infinity);
        });
        expect(story.softmax.weights).toEqual(Array.from(row(h.weights, i)));
        expect(story.mix.output).toEqual(Array.from(row(h.output, i)));
        // One meeting frame per key the query may see, in order, then the four after them.
        const meets = story.frames.flatMap((f) => (f.kind === 'meet' ? [f.key] : []));
        expect(meets).toEqual(story.visible);
        expect(story.frames.length).toBe(story.visible.length + 4);
        expect(story.visible).toContain(i);
      }),
      { numRuns: 200 },
    );
  });

  it('has weights that sum to 1 and a new vector equal to Σ w·v', () => {
    fc.assert(
      fc.property(traces, ({ trace, head, token: i }) => {
        const story = buildFollowStory(trace, head, i);
        expectClose(story.softmax.weightSum, 1, 1e-5);
        const { weights, values, output } = story.mix;
        for (let d = 0; d < story.dK; d++) {
          const sum = weights.reduce((acc, w, j) => acc + w * values[j]![d]!, 0);
          expectClose(output[d]!, sum, 1e-5);
        }
      }),
      { numRuns: 200 },
    );
  });
});
