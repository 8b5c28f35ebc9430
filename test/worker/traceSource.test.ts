import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { computeTrace } from '../../src/core/trace';
import type { AttentionSettings } from '../../src/core/types';
import { TraceSource, type TraceInputs } from '../../src/worker/traceSource';
import { expectClose } from '../helpers/expectClose';
import { FakeWorker } from './fakeWorker';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { parseWordVectors } from '../../src/core/vectors/format';
import { madeUpWordVectors, type WordVectors } from '../../src/core/vectors/table';
import { VECTOR_TABLE_PATH } from '../../src/data/vectorTable';

/** A text of `n` word tokens. */
function words(n: number, word = 'word'): string {
  return Array.from({ length: n }, (_, i) => `${word}${i % 10}`).join(' ');
}

const SMALL = 'I love tennis.';
const LARGE = words(400); // above the threshold at the default settings (298 tokens)

function inputs(
  text: string,
  table: WordVectors | null,
  settings?: AttentionSettings,
): TraceInputs {
  return { text, settings: settings ?? DEFAULT_SETTINGS, table };
}

/** A source over fake workers, with its failures recorded instead of logged. */
function makeSource() {
  const failures: unknown[] = [];
  const source = new TraceSource({
    createWorker: () => new FakeWorker(),
    onFailure: (error) => failures.push(error),
  });
  const notified = vi.fn();
  source.subscribe(notified);
  return { source, failures, notified };
}

/**
 * Lets the fake worker answer everything it was asked, then checks that the source is
 * current. The worker's replies run on fake timers, so the outcome does not depend on how
 * long a trace takes to compute (a polling wait with a deadline failed on a busy machine
 * when the table's parsing and the first trace outlasted it).
 */
async function untilCurrent(source: TraceSource): Promise<void> {
  await settle();
  expect(source.getSnapshot().status).toBe('current');
}

/** Runs the fake worker's pending replies, and those they lead to, until none is left. */
async function settle(): Promise<void> {
  await vi.runAllTimersAsync();
}

function shownTrace(source: TraceSource) {
  const { shown } = source.getSnapshot();
  if (shown.kind !== 'worker') throw new Error(`expected a worker trace, got ${shown.kind}`);
  return shown.trace;
}

describe('TraceSource', () => {
  let table: WordVectors;

  beforeEach(() => {
    vi.useFakeTimers();
    FakeWorker.reset();
    table = madeUpWordVectors();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps small inputs on the main thread and starts no worker', () => {
    const { source, notified } = makeSource();
    source.update(inputs(SMALL, table));
    expect(source.locate(inputs(SMALL, table))).toBe('main');
    expect(source.getSnapshot()).toEqual({
      shown: { kind: 'main', inputs: inputs(SMALL, table) },
      status: 'current',
    });
    expect(FakeWorker.instances).toHaveLength(0);
    expect(notified).toHaveBeenCalledTimes(1);
    // The same inputs again change nothing and tell no one.
    source.update(inputs(SMALL, table));
    expect(notified).toHaveBeenCalledTimes(1);
  });

  it('has no trace while the vectors load', () => {
    const { source } = makeSource();
    source.update(inputs(SMALL, table));
    expect(source.locate(inputs(LARGE, null))).toBe('none');
    source.update(inputs(LARGE, null));
    expect(source.getSnapshot().shown).toEqual({ kind: 'none' });
    expect(FakeWorker.instances).toHaveLength(0);
  });

  it('shows nothing until the worker answers when the text is large from the start', async () => {
    const { source } = makeSource();
    source.update(inputs(LARGE, null));
    source.update(inputs(LARGE, table));
    expect(source.getSnapshot()).toEqual({ shown: { kind: 'none' }, status: 'updating' });
    await untilCurrent(source);
    expect(shownTrace(source).text).toBe(LARGE);
  });

  it('computes large inputs in one worker, which receives the table once', async () => {
    const { source } = makeSource();
    source.update(inputs(SMALL, table));
    source.update(inputs(LARGE, table));
    expect(source.locate(inputs(LARGE, table))).toBe('worker');
    expect(source.getSnapshot().status).toBe('updating');
    // Until the worker answers, the panels keep the last small trace.
    expect(source.getSnapshot().shown).toEqual({ kind: 'main', inputs: inputs(SMALL, table) });
    await untilCurrent(source);
    const trace = shownTrace(source);
    expect(trace.text).toBe(LARGE);
    expect(trace.tokens).toHaveLength(400);

    const other = words(350, 'other');
    source.update(inputs(other, table));
    // The previous large trace stays on screen while the next one is computed.
    expect(shownTrace(source)).toBe(trace);
    await untilCurrent(source);
    expect(shownTrace(source).text).toBe(other);

    expect(FakeWorker.instances).toHaveLength(1);
    const worker = FakeWorker.instances[0] as FakeWorker;
    expect(worker.received.filter((m) => m.type === 'vectors')).toEqual([
      { type: 'vectors', source: 'made-up' },
    ]);
    expect(worker.traceRequests.map((r) => r.id)).toEqual([1, 2]);
  });

  it('skips the texts typed while the worker computes, and ends on the last one', async () => {
    const { source } = makeSource();
    FakeWorker.delayMs = 5;
    const texts = Array.from({ length: 12 }, (_, i) => `${LARGE} ${words(i + 1, 'more')}`);
    for (const text of texts) source.update(inputs(text, table));
    await untilCurrent(source);
    const worker = FakeWorker.instances[0] as FakeWorker;
    // The first text started at once; of the other eleven only the last was ever sent.
    expect(worker.traceRequests.map((r) => r.text)).toEqual([texts[0], texts[11]]);
    expect(shownTrace(source).text).toBe(texts[11]);
  });

  it('drops a large answer that arrives after the text became small again', async () => {
    const { source } = makeSource();
    source.update(inputs(LARGE, table));
    source.update(inputs(SMALL, table));
    expect(source.getSnapshot().status).toBe('current');
    const worker = FakeWorker.instances[0] as FakeWorker;
    await settle();
    expect(worker.sent).toHaveLength(1);
    expect(source.getSnapshot().shown).toEqual({ kind: 'main', inputs: inputs(SMALL, table) });
    expect(source.getSnapshot().status).toBe('current');
  });

  it('shows the last small trace again, not an old large one, when the text grows large again', async () => {
    const { source } = makeSource();
    source.update(inputs(LARGE, table));
    await untilCurrent(source);
    source.update(inputs(SMALL, table));
    source.update(inputs(words(380, 'again'), table));
    expect(source.getSnapshot().shown).toEqual({ kind: 'main', inputs: inputs(SMALL, table) });
  });

  it('answers a settings change that makes the same text large', async () => {
    const { source } = makeSource();
    const text = words(150);
    source.update(inputs(text, table));
    expect(FakeWorker.instances).toHaveLength(0);
    const wide = { ...DEFAULT_SETTINGS, width: 100, heads: 4 };
    source.update(inputs(text, table, wide));
    await untilCurrent(source);
    const trace = shownTrace(source);
    const expected = computeTrace(text, wide, table);
    expect(trace.settings).toEqual(wide);
    const got = trace.heads[3]?.weights.data ?? new Float32Array();
    const want = expected.heads[3]?.weights.data ?? new Float32Array();
    expect(got.length).toBe(want.length);
    for (let i = 0; i < want.length; i++) expectClose(got[i] as number, want[i] as number, 1e-6);
  });

  it('keeps the previous trace when the worker answers with an error', async () => {
    const { source, failures } = makeSource();
    source.update(inputs(LARGE, table));
    await untilCurrent(source);
    const before = shownTrace(source);
    source.update(inputs(words(390), table, { ...DEFAULT_SETTINGS, temperature: 0 }));
    await untilCurrent(source);
    expect(shownTrace(source)).toBe(before);
    expect(failures).toHaveLength(1);
    expect(String(failures[0])).toMatch(/temperature/);
  });

  it('moves to the main thread for good when the worker crashes', async () => {
    const { source, failures, notified } = makeSource();
    source.update(inputs(LARGE, table));
    const worker = FakeWorker.instances[0] as FakeWorker;
    worker.crash();
    expect(failures).toHaveLength(1);
    // The latest inputs are now shown from the main thread.
    expect(source.getSnapshot()).toEqual({
      shown: { kind: 'main', inputs: inputs(LARGE, table) },
      status: 'current',
    });
    expect(source.locate(inputs(LARGE, table))).toBe('main');
    expect(notified).toHaveBeenCalled();
    source.update(inputs(words(450), table));
    expect(FakeWorker.instances).toHaveLength(1);
    await settle();
    expect(source.getSnapshot().status).toBe('current');
  });

  it('stays on the main thread when the worker cannot be created', () => {
    const failures: unknown[] = [];
    const source = new TraceSource({
      createWorker: () => {
        throw new Error('blocked by policy');
      },
      onFailure: (error) => failures.push(error),
    });
    source.update(inputs(LARGE, table));
    expect(source.getSnapshot()).toEqual({
      shown: { kind: 'main', inputs: inputs(LARGE, table) },
      status: 'current',
    });
    expect(source.locate(inputs(LARGE, table))).toBe('main');
    expect(String(failures[0])).toMatch(/blocked by policy/);
  });

  it('stops its worker on dispose without reporting a failure, and stays on the main thread', () => {
    const { source, failures } = makeSource();
    source.update(inputs(LARGE, table));
    source.dispose();
    expect(FakeWorker.instances[0]?.terminated).toBe(true);
    expect(failures).toEqual([]);
    expect(source.locate(inputs(LARGE, table))).toBe('main');
  });

  it('never offloads where there is no Worker', () => {
    const source = new TraceSource({ createWorker: null });
    expect(source.locate(inputs(LARGE, table))).toBe('main');
  });

  describe('with the GloVe table', () => {
    let bytes: ArrayBuffer;

    beforeAll(async () => {
      const file = await readFile(path.resolve(__dirname, '../../public', VECTOR_TABLE_PATH));
      bytes = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    });

    afterEach(() => FakeWorker.reset());

    it('transfers the file’s bytes to the worker once, and the worker computes the same trace', async () => {
      const own = bytes.slice(0);
      const glove = parseWordVectors(own);
      const { source } = makeSource();
      // The bytes come with the inputs, as the store holds them beside the table.
      source.update({ ...inputs(LARGE, glove), bytes: own });
      // Transferred, not copied: this side's buffer is detached.
      expect(own.byteLength).toBe(0);
      source.update({ ...inputs(`${LARGE} and more`, glove), bytes: own });
      await untilCurrent(source);
      const worker = FakeWorker.instances[0] as FakeWorker;
      expect(worker.received.filter((m) => m.type === 'vectors')).toHaveLength(1);
      const trace = shownTrace(source);
      expect(trace.vectors).toBe('glove');
      expect(trace.tokens.map((t) => t.vocabIndex)).toEqual(
        computeTrace(`${LARGE} and more`, DEFAULT_SETTINGS, glove).tokens.map((t) => t.vocabIndex),
      );
    });

    it('keeps a table whose bytes were not shared on the main thread', () => {
      const glove = parseWordVectors(bytes.slice(0));
      const { source } = makeSource();
      expect(source.locate(inputs(LARGE, glove))).toBe('main');
      source.update(inputs(LARGE, glove));
      expect(FakeWorker.instances).toHaveLength(0);
    });
  });
});
