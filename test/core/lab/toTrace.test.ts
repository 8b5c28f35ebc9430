import { describe, expect, it } from 'vitest';
import { settingsProblems } from '../../../src/core/settings';
import { traceToJson } from '../../../src/core/trace';
import { matchPattern, matchTables } from '../../../src/core/lab/inspect';
import { fromRows } from '../../../src/core/matrix';
import { inductionTask } from '../../../src/core/lab/tasks/induction';
import { lookupTask } from '../../../src/core/lab/tasks/lookup';
import { labTokens, labTrace } from '../../../src/core/lab/toTrace';
import { createTrainer } from '../../../src/core/lab/trainer';
import { expectArrayClose } from './labHelpers';

describe('labTrace', () => {
  // A lookup model trained to its defaults (every seed reaches 0.99 there; see convergence.test.ts).
  const trainer = createTrainer(lookupTask, lookupTask.defaults, 2);
  for (let i = 0; i < lookupTask.defaults.steps; i++) trainer.step();
  const { tokens } = trainer.heldOut[0]!;

  it('is a valid trace whose tokens are the task’s symbols', () => {
    const trace = labTrace(lookupTask, trainer.shape, trainer.params, tokens, 0, 2);
    expect(trace.tokens.map((t) => t.text)).toEqual(tokens.map((id) => lookupTask.vocab[id]));
    expect(trace.text).toBe(trace.tokens.map((t) => t.text).join(' '));
    for (const t of trace.tokens) expect(trace.text.slice(t.start, t.end)).toBe(t.text);
    expect(trace.tokens.map((t) => t.vocabIndex)).toEqual(tokens);
    expect(trace.tokens.every((t) => t.known && t.kind === 'word')).toBe(true);
    expect(trace.vectors).toBe('lab');
    expect(settingsProblems(trace.settings)).toEqual([]);
    expect(trace.settings).toMatchObject({
      width: 16,
      heads: 1,
      seed: 2,
      causal: false,
      scale: true,
    });
    expect(trace.lab).toEqual({ task: 'lookup', layer: 0, layers: 1, tokenIds: tokens });
    expect(() => traceToJson(trace)).not.toThrow();
  });

  it('shows the trained weights: the same attention as the trainer, within float32', () => {
    const trace = labTrace(lookupTask, trainer.shape, trainer.params, tokens, 0);
    expectArrayClose(
      trace.heads[0]!.weights.data,
      trainer.attention(tokens)[0]![0]!.data,
      1e-5,
      'weights',
      1,
    );
    // The first layer reads the embeddings plus the learned positions.
    const T = tokens.length;
    tokens.forEach((id, t) => {
      expectArrayClose(
        trace.embeddings.data.subarray(t * 16, (t + 1) * 16),
        trainer.params.embed.data.subarray(id * 16, (id + 1) * 16),
        1e-6,
        `embedding ${t}`,
        1,
      );
    });
    expectArrayClose(
      trace.positions.data,
      trainer.params.pos.data.subarray(0, T * 16),
      1e-6,
      'positions',
      1,
    );
    for (let i = 0; i < trace.input.data.length; i++) {
      expect(trace.input.data[i]).toBe(
        Math.fround((trace.embeddings.data[i] as number) + (trace.positions.data[i] as number)),
      );
    }
  });

  it('shows the known pattern once trained: the query’s largest weight on the matching book', () => {
    for (const example of trainer.heldOut.slice(0, 20)) {
      const trace = labTrace(lookupTask, trainer.shape, trainer.params, example.tokens, 0);
      const [pattern] = lookupTask.knownPatterns(example.tokens);
      expect(matchPattern(trace.heads[0]!.weights, pattern!).hits).toBe(1);
    }
  });

  it('reads a later layer from the residual stream there: embeddings plus what earlier layers added', () => {
    const config = { ...inductionTask.defaults, batch: 2 };
    const two = createTrainer(inductionTask, config, 1);
    two.step();
    const example = two.heldOut[0]!.tokens;
    const first = labTrace(inductionTask, two.shape, two.params, example, 0);
    const second = labTrace(inductionTask, two.shape, two.params, example, 1);
    expect(second.lab.layer).toBe(1);
    expect(Array.from(second.positions.data)).toEqual(Array.from(first.positions.data));
    // embeddings of layer 1 = layer 0's embeddings + layer 0's output.
    for (let i = 0; i < first.output.data.length; i++) {
      const want = (first.embeddings.data[i] as number) + (first.output.data[i] as number);
      expect(Math.abs((second.embeddings.data[i] as number) - want)).toBeLessThan(1e-5);
    }
    expectArrayClose(
      second.heads[0]!.weights.data,
      two.attention(example)[1]![0]!.data,
      1e-5,
      'layer 1',
      1,
    );
    expect(() => labTrace(inductionTask, two.shape, two.params, example, 2)).toThrow(/layer 2/);
  });

  it('names a token id outside the vocabulary', () => {
    expect(() => labTokens(lookupTask, [0, 999])).toThrow(/999/);
  });
});

describe('matchPattern and matchTables', () => {
  it('scores only the rows the pattern asks about', () => {
    const weights = fromRows([
      [1, 0, 0],
      [0.7, 0.3, 0],
      [0.2, 0.5, 0.3],
    ]);
    const pattern = {
      layer: 0,
      weights: [
        [0, 0, 0],
        [1, 0, 0],
        [0, 0, 1],
      ],
    };
    const match = matchPattern(weights, pattern);
    expect(match.hits).toBe(0.5);
    expect(match.weight).toBeCloseTo(0.5, 6);
    expect(
      matchPattern(weights, {
        layer: 0,
        weights: [
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
        ],
      }),
    ).toEqual({ hits: 0, weight: 0 });
    expect(() => matchPattern(weights, { layer: 0, weights: [[1]] })).toThrow(/\(3, 3\).*\(1, 1\)/);
  });

  it('computes E·wq·wkᵀ·Eᵀ / √dK for tokens and the same for positions', () => {
    const trainer = createTrainer(lookupTask, { ...lookupTask.defaults, width: 4, heads: 2 }, 3);
    const { params, shape } = trainer;
    const tables = matchTables(params, shape, 0, 1);
    expect([tables.tokens.rows, tables.tokens.cols]).toEqual([
      lookupTask.vocab.length,
      lookupTask.vocab.length,
    ]);
    expect([tables.positions.rows, tables.positions.cols]).toEqual([5, 5]);
    const { wq, wk } = params.layers[0]!.heads[1]!;
    const a = 7;
    const b = 30;
    let want = 0;
    for (let c = 0; c < 2; c++) {
      let q = 0;
      let k = 0;
      for (let r = 0; r < 4; r++) {
        q += (params.embed.data[a * 4 + r] as number) * (wq.data[r * 2 + c] as number);
        k += (params.embed.data[b * 4 + r] as number) * (wk.data[r * 2 + c] as number);
      }
      want += (q * k) / Math.SQRT2;
    }
    expect(tables.tokens.data[a * tables.tokens.cols + b]).toBeCloseTo(want, 5);
    expect(() => matchTables(params, shape, 1, 0)).toThrow(/no head 0 in layer 1/);
  });
});
