import { describe, expect, it } from 'vitest';
import { paramArrays } from '../../src/core/lab/model';
import { labTask } from '../../src/core/lab/tasks';
import { createTrainer } from '../../src/core/lab/trainer';
import { LabEngine } from '../../src/lab-worker/engine';
import { createLabHandler } from '../../src/lab-worker/handler';
import type { FromLab, LabProgress } from '../../src/lab-worker/protocol';

const RUN = { task: 'lookup' as const, config: labTask('lookup').defaults, seed: 3 };

describe('LabEngine', () => {
  it('gives the same weights as the trainer the CLI uses, for the same steps', () => {
    const engine = new LabEngine(RUN, null);
    engine.train(7);
    const cli = createTrainer(labTask('lookup'), RUN.config, RUN.seed);
    for (let i = 0; i < 7; i++) cli.step();
    expect(paramArrays(engine.trainer.params)).toEqual(paramArrays(cli.params));
  });

  it('reports attention per layer per head on its example, and the curve once per step', () => {
    const engine = new LabEngine(RUN, null);
    const first = engine.progress(1, false);
    expect(first.step).toBe(0);
    expect(first.attention).toHaveLength(1);
    expect(first.attention[0]?.[0]?.rows).toBe(labTask('lookup').seqLen);
    expect(first.points).toHaveLength(1);
    expect(engine.progress(1, false).points).toHaveLength(0);
    engine.train(2);
    expect(engine.progress(1, false).points.map((p) => p.step)).toEqual([2]);
  });

  it('looks back at a snapshot of the timeline, and training carries on from the latest', () => {
    const engine = new LabEngine(RUN, null);
    const start = engine.progress(1, false);
    engine.train(3);
    engine.progress(1, false);
    const latest = engine.progress(1, false);
    expect(latest.timeline).toEqual([0, 3]);
    engine.showStep(0);
    const back = engine.progress(1, false);
    expect(back.shownStep).toBe(0);
    expect(back.step).toBe(3);
    expect(back.attention[0]?.[0]?.data).toEqual(start.attention[0]?.[0]?.data);
    engine.showStep(null);
    expect(engine.progress(1, false).attention[0]?.[0]?.data).toEqual(
      latest.attention[0]?.[0]?.data,
    );
    expect(engine.step).toBe(3);
  });

  it('keeps a typed example only when it is one of the task', () => {
    const engine = new LabEngine(RUN, null);
    engine.setExample([0, 1]);
    expect(engine.progress(1, false).example).toEqual(engine.trainer.heldOut[0]?.tokens);
  });
});

describe('the training handler', () => {
  /** A host with a manual clock and queue. */
  function host() {
    const posted: FromLab[] = [];
    const queue: (() => void)[] = [];
    let now = 0;
    return {
      posted,
      run(n: number) {
        for (let i = 0; i < n && queue.length > 0; i++) queue.shift()?.();
      },
      host: {
        post: (m: FromLab) => posted.push(m),
        schedule: (task: () => void) => queue.push(task),
        now: () => (now += 30),
      },
    };
  }
  const last = (posted: FromLab[]) =>
    posted.filter((m): m is LabProgress => m.type === 'progress').at(-1);

  it('trains a link’s steps at once, then in chunks until paused', () => {
    const h = host();
    const handle = createLabHandler(h.host);
    handle({ type: 'configure', gen: 1, run: RUN, example: null, steps: 5 });
    expect(last(h.posted)?.step).toBe(5);
    handle({ type: 'train', speed: 4 });
    expect(last(h.posted)?.running).toBe(true);
    h.run(3);
    const trained = last(h.posted)?.step ?? 0;
    expect(trained).toBeGreaterThan(5);
    handle({ type: 'pause' });
    h.run(3);
    expect(last(h.posted)?.step).toBe(trained);
    expect(last(h.posted)?.running).toBe(false);
    handle({ type: 'step' });
    expect(last(h.posted)?.step).toBe(trained + 1);
  });

  it('answers a trace of the trained layer', () => {
    const h = host();
    const handle = createLabHandler(h.host);
    handle({ type: 'configure', gen: 1, run: RUN, example: null, steps: 2 });
    handle({ type: 'trace', id: 9, layer: 0 });
    const answer = h.posted.at(-1);
    expect(answer?.type).toBe('trace');
    if (answer?.type === 'trace') expect(answer.trace.lab.task).toBe('lookup');
  });
});
