/**
 * The quiz's answers: hand-worked rows, then properties over arbitrary rows and real
 * traces (the right token is always a maximum of the row, never a masked token; ties are
 * all accepted), and the number parser (formatted numbers read back, garbage refused).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, fromRows } from '../../src/core/matrix';
import {
  contributions,
  defaultKeyToken,
  defaultQueryToken,
  isRight,
  MIN_OUTPUT_TOLERANCE,
  nextQueryToken,
  outputTolerance,
  parseAnswerNumber,
  solveQuestion,
  tokenChoices,
  visibleKeys,
  WEIGHT_TOLERANCE,
  type QuizHead,
} from '../../src/core/quiz';
import { computeTrace } from '../../src/core/trace';
import type { TokenKind } from '../../src/core/types';
import { formatNumber } from '../../src/format';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { madeUpWordVectors } from '../../src/core/vectors/table';

const M = -Infinity;

/**
 * Three tokens, causal mask. Row 1: weights 0.3 and 0.7, but v0 = (3, 4) is five times as
 * long as v1 = (1, 0), so token 0 contributes more (0.3 × 5 = 1.5 against 0.7 × 1 = 0.7).
 */
const causal: QuizHead = {
  masked: fromRows([
    [1, M, M],
    [2, 3, M],
    [1, 1, 2],
  ]),
  weights: fromRows([
    [1, 0, 0],
    [0.3, 0.7, 0],
    [0.25, 0.25, 0.5],
  ]),
  v: fromRows([
    [3, 4],
    [1, 0],
    [0, 2],
  ]),
  // Row i = Σ_j w_ij v_j.
  output: fromRows([
    [3, 4],
    [1.6, 1.2],
    [1, 2],
  ]),
};

describe('solveQuestion, worked by hand', () => {
  it('softmax: the token with the largest weight, masked tokens left out', () => {
    expect(solveQuestion(causal, { step: 'softmax', kind: 'most', query: 1 })).toEqual({
      type: 'token',
      best: [1],
      value: expect.closeTo(0.7, 6),
    });
    // The first token sees only itself under the causal mask.
    expect(solveQuestion(causal, { step: 'softmax', kind: 'most', query: 0 })).toMatchObject({
      best: [0],
    });
  });

  it('softmax: ties are all right answers', () => {
    const tied: QuizHead = {
      ...causal,
      weights: fromRows([
        [1, 0, 0],
        [0.3, 0.7, 0],
        [0.4, 0.4, 0.2],
      ]),
    };
    const solution = solveQuestion(tied, { step: 'softmax', kind: 'most', query: 2 });
    expect(solution).toMatchObject({ best: [0, 1] });
    expect(isRight(solution, 0)).toBe(true);
    expect(isRight(solution, 1)).toBe(true);
    expect(isRight(solution, 2)).toBe(false);
  });

  it('softmax: one weight, right within ±0.05', () => {
    const solution = solveQuestion(causal, { step: 'softmax', kind: 'weight', query: 1, key: 0 });
    expect(solution).toEqual({ type: 'number', value: expect.closeTo(0.3, 6), tolerance: 0.05 });
    expect(WEIGHT_TOLERANCE).toBe(0.05);
    expect(isRight(solution, 0.25)).toBe(true);
    expect(isRight(solution, 0.35)).toBe(true);
    expect(isRight(solution, 0.36)).toBe(false);
    expect(isRight(solution, 0.24)).toBe(false);
  });

  it('weighted sum: the longest weighted value vector, not the largest weight', () => {
    expect(contributions(causal, 1)).toEqual([
      { token: 0, weight: expect.closeTo(0.3, 6), norm: 5, contribution: expect.closeTo(1.5, 6) },
      { token: 1, weight: expect.closeTo(0.7, 6), norm: 1, contribution: expect.closeTo(0.7, 6) },
    ]);
    expect(solveQuestion(causal, { step: 'weighted', kind: 'most', query: 1 })).toMatchObject({
      best: [0],
      value: expect.closeTo(1.5, 6),
    });
    // Row 2: 0.25 × 5 = 1.25, 0.25 × 1, 0.5 × 2 = 1.
    expect(solveQuestion(causal, { step: 'weighted', kind: 'most', query: 2 })).toMatchObject({
      best: [0],
    });
  });

  it('weighted sum: one output component, within 5 % of the span of the values it averages', () => {
    // Row 1 averages v0 and v1: component 0 spans 1..3 (±0.1), component 1 spans 0..4 (±0.2).
    const d0 = solveQuestion(causal, { step: 'weighted', kind: 'cell', query: 1, dim: 0 });
    expect(d0).toEqual({
      type: 'number',
      value: expect.closeTo(1.6, 6),
      tolerance: expect.closeTo(0.1, 9),
    });
    expect(isRight(d0, 1.7)).toBe(true);
    expect(isRight(d0, 1.71)).toBe(false);
    expect(outputTolerance(causal, 1, 1)).toBeCloseTo(0.2, 9);
    // Token 0 averages v0 alone: no span, so the least tolerance.
    expect(outputTolerance(causal, 0, 0)).toBe(MIN_OUTPUT_TOLERANCE);
  });

  it('refuses a token outside the trace', () => {
    expect(() => solveQuestion(causal, { step: 'softmax', kind: 'most', query: 3 })).toThrow(
      RangeError,
    );
  });
});

describe('choosing the tokens to ask about', () => {
  const open = fromRows([
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ]);
  const masked4 = fromRows([
    [0, M, M, M],
    [0, 0, M, M],
    [0, 0, 0, M],
    [0, 0, 0, 0],
  ]);
  const kinds: TokenKind[] = ['punctuation', 'word', 'word', 'punctuation'];

  it('starts with the first word, not punctuation', () => {
    expect(defaultQueryToken(kinds, open)).toBe(1);
    expect(
      defaultQueryToken(
        ['word', 'word'],
        fromRows([
          [0, 0],
          [0, 0],
        ]),
      ),
    ).toBe(0);
  });

  it('with the causal mask, skips a first word that sees only itself', () => {
    expect(defaultQueryToken(['word', 'word', 'word', 'word'], masked4)).toBe(1);
    // With no other choice, the first word all the same; with no word at all, token 0.
    expect(defaultQueryToken(['word'], fromRows([[0]]))).toBe(0);
    expect(
      defaultQueryToken(
        ['punctuation', 'symbol'],
        fromRows([
          [0, M],
          [0, 0],
        ]),
      ),
    ).toBe(0);
  });

  it('"Ask another" moves on to the next word, round the sentence', () => {
    expect(nextQueryToken(kinds, open, 1)).toBe(2);
    expect(nextQueryToken(kinds, open, 2)).toBe(1);
    expect(nextQueryToken(['word'], fromRows([[0]]), 0)).toBe(0);
    // Under the mask, token 0 (which sees only itself) is skipped when the round comes back.
    expect(nextQueryToken(['word', 'word', 'word', 'word'], masked4, 3)).toBe(1);
  });

  it('asks a weight towards another visible word', () => {
    expect(visibleKeys(masked4, 2)).toEqual([0, 1, 2]);
    expect(defaultKeyToken(['word', 'word', 'word', 'word'], masked4, 2)).toBe(0);
    expect(defaultKeyToken(['punctuation', 'word', 'word', 'word'], masked4, 2)).toBe(1);
    expect(defaultKeyToken(['word', 'word', 'word', 'word'], masked4, 0)).toBe(0);
  });

  it('tells apart the same word said twice by its position', () => {
    expect(tokenChoices(['the', 'cat', 'saw', 'the', 'The'])).toEqual([
      { token: 0, text: 'the', position: 1 },
      { token: 1, text: 'cat', position: null },
      { token: 2, text: 'saw', position: null },
      { token: 3, text: 'the', position: 4 },
      { token: 4, text: 'The', position: null },
    ]);
  });
});

/** A head of T tokens with arbitrary weights, masks (the diagonal always visible) and values. */
const arbHead = fc.integer({ min: 1, max: 7 }).chain((T) =>
  fc
    .record({
      weights: fc.array(
        fc.array(fc.constantFrom(0, 0.125, 0.25, 0.375, 0.5, 0.75, 1), {
          minLength: T,
          maxLength: T,
        }),
        { minLength: T, maxLength: T },
      ),
      hidden: fc.array(fc.array(fc.boolean(), { minLength: T, maxLength: T }), {
        minLength: T,
        maxLength: T,
      }),
      v: fc.array(fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 2, maxLength: 2 }), {
        minLength: T,
        maxLength: T,
      }),
      query: fc.integer({ min: 0, max: T - 1 }),
    })
    .map(({ weights, hidden, v, query }) => ({
      query,
      head: {
        masked: fromRows(hidden.map((r, i) => r.map((h, j) => (h && i !== j ? M : 0)))),
        weights: fromRows(weights),
        v: fromRows(v),
        output: fromRows(v),
      } satisfies QuizHead,
    })),
);

describe('properties of the answers', () => {
  it('the right tokens are exactly the visible maxima of the row (ties included), never masked', () => {
    fc.assert(
      fc.property(arbHead, ({ head, query }) => {
        const visible = visibleKeys(head.masked, query);
        for (const step of ['softmax', 'weighted'] as const) {
          const solution = solveQuestion(head, { step, kind: 'most', query });
          if (solution.type !== 'token') throw new Error('a token question has a token answer');
          const score = (j: number) =>
            step === 'softmax'
              ? at(head.weights, query, j)
              : at(head.weights, query, j) * Math.hypot(at(head.v, j, 0), at(head.v, j, 1));
          const max = Math.max(...visible.map(score));
          expect(solution.best.length).toBeGreaterThan(0);
          for (const j of solution.best) expect(visible).toContain(j);
          // Exact inputs (dyadic weights, integer values): ties are exact, so compare closely.
          const expected = visible.filter(
            (j) => Math.abs(score(j) - max) <= 1e-9 * Math.max(1, max),
          );
          expect(solution.best).toEqual(expected);
          for (const j of expected) expect(isRight(solution, j)).toBe(true);
          for (let j = 0; j < head.masked.cols; j++) {
            if (!visible.includes(j)) expect(isRight(solution, j)).toBe(false);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('on real traces, the right token is an argmax of the weights row, with or without the mask', () => {
    const vectors = madeUpWordVectors();
    const words = fc.constantFrom(
      'the',
      'cat',
      'sat',
      'on',
      'mat',
      'it',
      'was',
      'tired',
      '.',
      ',',
      'a',
    );
    fc.assert(
      fc.property(
        fc.array(words, { minLength: 1, maxLength: 9 }),
        fc.boolean(),
        fc.constantFrom(0.1, 0.5, 1, 3),
        fc.constantFrom('random', 'similarity' as const),
        fc.boolean(),
        (tokens, causalMask, temperature, weights, positions) => {
          const trace = computeTrace(
            tokens.join(' '),
            { ...DEFAULT_SETTINGS, causal: causalMask, temperature, weights, positions },
            vectors,
          );
          const head = trace.heads[0]!;
          const T = trace.tokens.length;
          const kinds = trace.tokens.map((t) => t.kind);
          const query = defaultQueryToken(kinds, head.masked);
          for (let i = 0; i < T; i++) {
            const solution = solveQuestion(head, { step: 'softmax', kind: 'most', query: i });
            if (solution.type !== 'token') throw new Error('token answer expected');
            let max = -1;
            for (let j = 0; j < T; j++)
              if (at(head.masked, i, j) !== M) max = Math.max(max, at(head.weights, i, j));
            for (const j of solution.best) {
              expect(at(head.weights, i, j)).toBe(max);
              if (causalMask) expect(j).toBeLessThanOrEqual(i);
            }
          }
          expect(query).toBeLessThan(T);
          if (causalMask && T > 1 && kinds.slice(1).some((k) => k !== 'punctuation')) {
            expect(query).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a weight or an output component is right at the true value and wrong just past the tolerance', () => {
    fc.assert(
      fc.property(arbHead, ({ head, query }) => {
        for (const j of visibleKeys(head.masked, query)) {
          const s = solveQuestion(head, { step: 'softmax', kind: 'weight', query, key: j });
          if (s.type !== 'number') throw new Error('number answer expected');
          expect(isRight(s, s.value)).toBe(true);
          expect(isRight(s, s.value + s.tolerance * 0.999)).toBe(true);
          expect(isRight(s, s.value - s.tolerance * 1.01)).toBe(false);
        }
        const c = solveQuestion(head, { step: 'weighted', kind: 'cell', query, dim: 1 });
        if (c.type !== 'number') throw new Error('number answer expected');
        expect(c.tolerance).toBeGreaterThanOrEqual(MIN_OUTPUT_TOLERANCE);
        expect(isRight(c, c.value - c.tolerance * 0.999)).toBe(true);
        expect(isRight(c, c.value + c.tolerance * 1.01)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseAnswerNumber', () => {
  it('reads decimal points, decimal commas and the minus signs students type', () => {
    expect(parseAnswerNumber('0.25')).toBe(0.25);
    expect(parseAnswerNumber('0,25')).toBe(0.25);
    expect(parseAnswerNumber(' .5 ')).toBe(0.5);
    expect(parseAnswerNumber(',5')).toBe(0.5);
    expect(parseAnswerNumber('1')).toBe(1);
    expect(parseAnswerNumber('1.')).toBe(1);
    expect(parseAnswerNumber('-0.3')).toBe(-0.3);
    expect(parseAnswerNumber('−0.3')).toBe(-0.3);
    expect(parseAnswerNumber('+2,75')).toBe(2.75);
  });

  it('refuses what is not one plain number', () => {
    for (const bad of [
      '',
      ' ',
      'abc',
      '0.2.5',
      '0,2,5',
      '0.2,5',
      '1e3',
      '25%',
      '--1',
      '- 1',
      '0x10',
      'NaN',
      'Infinity',
      '1 2',
      '.',
      ',',
      '½',
    ]) {
      expect(parseAnswerNumber(bad), bad).toBeNull();
    }
  });

  it('reads back every number the app prints, with a point or a comma', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (x, digits) => {
          const shown = formatNumber(x, digits);
          const read = parseAnswerNumber(shown);
          expect(read).not.toBeNull();
          expect(Math.abs((read as number) - x)).toBeLessThanOrEqual(
            0.5 * 10 ** -digits * (1 + 1e-9) + Math.abs(x) * 1e-15,
          );
          expect(parseAnswerNumber(shown.replace('.', ','))).toBe(read);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses any text with a letter in it', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('a', 'e', 'x', 'Z', '%'),
        fc.string(),
        (before, letter, after) => {
          expect(parseAnswerNumber(`${before}${letter}${after}`)).toBeNull();
        },
      ),
    );
  });
});
