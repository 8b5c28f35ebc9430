import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeTrace } from '../../src/core/trace';
import type { AttentionSettings, AttentionTrace } from '../../src/core/types';
import { tokenize } from '../../src/core/tokenizer';
import { createTraceHandler, type TraceHandler } from '../../src/worker/handler';
import { isFailure, type FromWorker, type TraceAnswer } from '../../src/worker/protocol';
import { reviveTrace, traceMatrices } from '../../src/worker/transfer';
import { expectClose } from '../helpers/expectClose';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { parseWordVectors } from '../../src/core/vectors/format';
import { madeUpWordVectors, type WordVectors } from '../../src/core/vectors/table';
import { VECTOR_TABLE_PATH } from '../../src/data/vectorTable';

const TABLE = path.resolve(__dirname, '../../public', VECTOR_TABLE_PATH);

/** The file's bytes in an ArrayBuffer of their own, as fetch gives them. */
async function tableBytes(): Promise<ArrayBuffer> {
  const file = await readFile(TABLE);
  return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
}

/** Every matrix of `actual` within 1e-6 of `expected`'s, and the same tokens. */
function expectSameTrace(actual: AttentionTrace, expected: AttentionTrace): void {
  expect(actual.tokens).toEqual(expected.tokens);
  expect(actual.settings).toEqual(expected.settings);
  expect(actual.vectors).toBe(expected.vectors);
  const got = traceMatrices(actual);
  const want = traceMatrices(expected);
  expect(got).toHaveLength(want.length);
  got.forEach((m, i) => {
    const w = want[i];
    if (!w) throw new Error(`matrix ${i} missing`);
    expect([m.rows, m.cols]).toEqual([w.rows, w.cols]);
    for (let j = 0; j < w.data.length; j++) {
      expectClose(m.data[j] as number, w.data[j] as number, 1e-6, `matrix ${i}[${j}]`);
    }
  });
}

/** Sends a request through `handle` and through structured clone with its transfer list. */
function ask(
  handle: TraceHandler,
  id: number,
  text: string,
  settings: AttentionSettings = DEFAULT_SETTINGS,
): FromWorker {
  const reply = handle({
    type: 'trace',
    id,
    text,
    tokens: structuredClone(tokenize(text)),
    settings: structuredClone(settings),
  });
  if (!reply) throw new Error('a trace request must be answered');
  return structuredClone(reply.message, { transfer: reply.transfer });
}

function expectTrace(message: FromWorker): TraceAnswer {
  if (isFailure(message)) throw new Error(`expected a trace, got the error ${message.error}`);
  return message;
}

describe('the trace worker’s message handler', () => {
  let glove: WordVectors;
  let handle: TraceHandler;

  beforeAll(async () => {
    const bytes = await tableBytes();
    glove = parseWordVectors(bytes.slice(0));
    handle = createTraceHandler();
    expect(handle({ type: 'vectors', source: 'glove', bytes })).toBeNull();
  });

  it.each<[string, string, Partial<AttentionSettings>]>([
    ['the default settings', 'The cat sat on the mat because it was tired.', {}],
    [
      '4 heads, causal',
      "I don't think they'll come, do you?",
      { width: 100, heads: 4, causal: true },
    ],
    [
      '120 tokens',
      'Attention is all you need. '.repeat(20),
      { width: 32, heads: 2, weights: 'random' },
    ],
    [
      'τ = 0.5, no scaling',
      'No positions here',
      { temperature: 0.5, scale: false, positions: false },
    ],
  ])('answers with computeTrace’s numbers within 1e-6 (%s)', (_name, text, patch) => {
    const settings = { ...DEFAULT_SETTINGS, ...patch };
    const answer = expectTrace(ask(handle, 7, text, settings));
    expect(answer.id).toBe(7);
    expect(answer.elapsedMs).toBeGreaterThanOrEqual(0);
    expectSameTrace(reviveTrace(answer.trace), computeTrace(text, settings, glove));
  });

  it('answers every request with its own id, in order', () => {
    const answers = [3, 4, 10].map((id) => ask(handle, id, `text number ${id}`));
    expect(answers.map((a) => a.id)).toEqual([3, 4, 10]);
    expect(answers.map((a) => expectTrace(a).trace.text)).toEqual([
      'text number 3',
      'text number 4',
      'text number 10',
    ]);
  });

  it('lists every buffer of the trace for transfer, so the worker keeps nothing', () => {
    const reply = handle({
      type: 'trace',
      id: 1,
      text: 'a b c',
      tokens: tokenize('a b c'),
      settings: DEFAULT_SETTINGS,
    });
    if (!reply || isFailure(reply.message)) throw new Error('expected a trace');
    const buffers = new Set(traceMatrices(reply.message.trace).map((m) => m.data.buffer));
    expect(new Set(reply.transfer)).toEqual(buffers);
  });

  it('answers {id, error} when the computation throws, and goes on working', () => {
    const bad = ask(handle, 5, 'hello', { ...DEFAULT_SETTINGS, heads: 99 });
    expect(bad).toEqual({ id: 5, error: expect.stringMatching(/heads must be a whole number/) });
    expect(isFailure(ask(handle, 6, 'hello'))).toBe(false);
  });
});

describe('the handler’s word vectors', () => {
  it('answers with an error before any table arrives', () => {
    const message = ask(createTraceHandler(), 1, 'hello');
    expect(message).toEqual({ id: 1, error: expect.stringMatching(/no word vectors/) });
  });

  it('uses madeUpWordVectors() when told to', () => {
    const handle = createTraceHandler();
    handle({ type: 'vectors', source: 'made-up' });
    const answer = expectTrace(ask(handle, 1, 'The cat sat.'));
    expect(answer.trace.vectors).toBe('made-up');
    expectSameTrace(
      answer.trace,
      computeTrace('The cat sat.', DEFAULT_SETTINGS, madeUpWordVectors()),
    );
  });

  it('reports a corrupt table on the requests that need it', () => {
    const handle = createTraceHandler();
    handle({ type: 'vectors', source: 'glove', bytes: new Uint8Array([1, 2, 3, 4]).buffer });
    expect(ask(handle, 2, 'hello')).toEqual({
      id: 2,
      error: expect.stringMatching(/could not read the word vectors: .*not a word-vector file/),
    });
  });

  it('switches tables when a new one arrives', async () => {
    const handle = createTraceHandler();
    handle({ type: 'vectors', source: 'made-up' });
    expect(expectTrace(ask(handle, 1, 'the cat')).trace.tokens[0]?.known).toBe(false);
    handle({ type: 'vectors', source: 'glove', bytes: await tableBytes() });
    const trace = expectTrace(ask(handle, 2, 'the cat')).trace;
    expect(trace.vectors).toBe('glove');
    expect(trace.tokens[0]?.known).toBe(true);
  });
});
