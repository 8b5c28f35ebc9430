import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LatestOnlyScheduler } from '../../src/worker/scheduler';

/** A job a fake worker has started and the test settles by hand. */
interface FakeJob {
  readonly request: string;
  readonly id: number;
  resolve(result: string): void;
  reject(error: unknown): void;
}

/** Flushes pending promise callbacks. */
async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** A scheduler over a fake worker whose jobs the test settles; records every call. */
function setup() {
  const started: FakeJob[] = [];
  const results: { result: string; request: string; id: number }[] = [];
  const errors: { error: unknown; request: string; id: number }[] = [];
  // Ids of answers delivered for a request that was not the latest at that moment: must stay empty.
  const staleDeliveries: number[] = [];
  const scheduler: LatestOnlyScheduler<string, string> = new LatestOnlyScheduler(
    (request, id) =>
      new Promise<string>((resolve, reject) => started.push({ request, id, resolve, reject })),
    {
      onResult: (result, request, id) => {
        if (id !== scheduler.latestId) staleDeliveries.push(id);
        results.push({ result, request, id });
      },
      onError: (error, request, id) => {
        if (id !== scheduler.latestId) staleDeliveries.push(id);
        errors.push({ error, request, id });
      },
    },
  );
  return { scheduler, started, results, errors, staleDeliveries };
}

describe('LatestOnlyScheduler', () => {
  it('runs a request at once when idle and delivers its answer', async () => {
    const { scheduler, started, results } = setup();
    expect(scheduler.request('a')).toBe(1);
    expect(started.map((j) => j.request)).toEqual(['a']);
    expect(scheduler.pending).toBe(true);
    started[0]?.resolve('A');
    await flush();
    expect(results).toEqual([{ result: 'A', request: 'a', id: 1 }]);
    expect(scheduler.pending).toBe(false);
    expect(scheduler.busy).toBe(false);
  });

  it('while busy keeps only the newest request: intermediate ones are skipped, never run', async () => {
    const { scheduler, started, results } = setup();
    scheduler.request('a');
    scheduler.request('ab');
    scheduler.request('abc');
    scheduler.request('abcd');
    expect(started.map((j) => j.request)).toEqual(['a']);
    started[0]?.resolve('A');
    await flush();
    // 'a' is stale (newer requests exist): dropped; the worker goes straight to 'abcd'.
    expect(results).toEqual([]);
    expect(started.map((j) => j.request)).toEqual(['a', 'abcd']);
    expect(started[1]?.id).toBe(4);
    started[1]?.resolve('ABCD');
    await flush();
    expect(results).toEqual([{ result: 'ABCD', request: 'abcd', id: 4 }]);
  });

  it('drops the answer to a cancelled request, and the waiting one with it', async () => {
    const { scheduler, started, results, errors } = setup();
    scheduler.request('a');
    scheduler.request('b');
    scheduler.cancel();
    expect(scheduler.pending).toBe(false);
    expect(scheduler.busy).toBe(true);
    started[0]?.resolve('A');
    await flush();
    expect(started).toHaveLength(1);
    expect(results).toEqual([]);
    expect(errors).toEqual([]);
    scheduler.request('c');
    started[1]?.resolve('C');
    await flush();
    expect(results.map((r) => r.result)).toEqual(['C']);
  });

  it('reports the latest request’s error and drops a stale one', async () => {
    const { scheduler, started, errors } = setup();
    scheduler.request('a');
    scheduler.request('b');
    started[0]?.reject(new Error('stale'));
    await flush();
    expect(errors).toEqual([]);
    started[1]?.reject(new Error('latest'));
    await flush();
    expect(errors.map((e) => [(e.error as Error).message, e.request, e.id])).toEqual([
      ['latest', 'b', 2],
    ]);
  });

  it('turns a synchronous throw of the runner into onError', async () => {
    const errors: unknown[] = [];
    const scheduler = new LatestOnlyScheduler<string, string>(
      () => {
        throw new Error('no worker');
      },
      { onResult: () => {}, onError: (error) => errors.push(error) },
    );
    scheduler.request('a');
    await flush();
    expect(errors).toHaveLength(1);
    expect(scheduler.busy).toBe(false);
  });

  it('lets a handler ask again from inside onResult', async () => {
    const started: string[] = [];
    const results: string[] = [];
    const scheduler: LatestOnlyScheduler<string, string> = new LatestOnlyScheduler(
      async (request) => {
        started.push(request);
        return request.toUpperCase();
      },
      {
        onResult: (result) => {
          results.push(result);
          if (result === 'A') scheduler.request('b');
        },
        onError: () => {},
      },
    );
    scheduler.request('a');
    await flush();
    await flush();
    expect(started).toEqual(['a', 'b']);
    expect(results).toEqual(['A', 'B']);
  });

  it('for any interleaving: one job at a time, ids increase, answers only for the latest, and the last request is answered', async () => {
    // A step either makes a new request, settles the running job (answer or error), or cancels.
    const step = fc.oneof(
      { weight: 4, arbitrary: fc.constant<'request'>('request') },
      { weight: 3, arbitrary: fc.constant<'settle'>('settle') },
      { weight: 1, arbitrary: fc.constant<'fail'>('fail') },
      { weight: 1, arbitrary: fc.constant<'cancel'>('cancel') },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const { scheduler, started, results, errors, staleDeliveries } = setup();
        let requests = 0;
        let lastAsked: { id: number; request: string } | null = null;
        let settled = 0;
        for (const s of steps) {
          if (s === 'request') {
            const request = `r${++requests}`;
            lastAsked = { id: scheduler.request(request), request };
          } else if (s === 'cancel') {
            scheduler.cancel();
            lastAsked = null;
          } else if (settled < started.length) {
            const job = started[settled++] as FakeJob;
            if (s === 'settle') job.resolve(job.request.toUpperCase());
            else job.reject(new Error(job.request));
            await flush();
          }
          // At most one job runs: every started job but the last has settled.
          expect(started.length - settled).toBeLessThanOrEqual(1);
        }
        // Let the fake worker finish whatever is left, as a real one would.
        while (settled < started.length) {
          const job = started[settled++] as FakeJob;
          job.resolve(job.request.toUpperCase());
          await flush();
        }
        const ids = started.map((j) => j.id);
        expect([...ids].sort((a, b) => a - b)).toEqual(ids);
        expect(new Set(ids).size).toBe(ids.length);
        const delivered = [...results.map((r) => r.id), ...errors.map((e) => e.id)].sort(
          (a, b) => a - b,
        );
        // Every answer was delivered while its request was the latest, and each at most once.
        expect(staleDeliveries).toEqual([]);
        expect(new Set(delivered).size).toBe(delivered.length);
        if (lastAsked) {
          // The final state corresponds to the last request: it was answered (result or error).
          expect(delivered.at(-1)).toBe(lastAsked.id);
          const final = results.find((r) => r.id === lastAsked?.id);
          if (final) expect(final.result).toBe(lastAsked.request.toUpperCase());
        } else {
          expect(delivered.every((id) => id < scheduler.latestId)).toBe(true);
        }
        expect(scheduler.pending).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
