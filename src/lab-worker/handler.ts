/**
 * The training worker's logic, apart from the Worker itself so that Node tests can drive
 * it with a fake clock: it keeps one LabEngine and trains it in chunks scheduled with
 * `schedule`, posting progress at most about ten times a second (always after a chunk at
 * "watch" speeds, where a chunk is one step).
 */
import { LabEngine } from './engine';
import { LAB_SPEEDS, type FromLab, type ToLab } from './protocol';

/** What the handler needs from its surroundings. */
export interface LabHost {
  post(message: FromLab): void;
  /** Runs `task` later (setTimeout in the worker). */
  schedule(task: () => void, delayMs: number): void;
  /** Milliseconds, monotonic. */
  now(): number;
}

/** At full speed, train for this long before posting progress (about six updates a second, above the four the status promises). */
const CHUNK_MS = 150;
/** Steps per second of a speed index (out-of-range indices are full speed). */
function stepsPerSecond(speed: number): number {
  return LAB_SPEEDS[speed] ?? Infinity;
}

/** Makes the message handler (see the module comment). */
export function createLabHandler(host: LabHost): (message: ToLab) => void {
  let engine: LabEngine | null = null;
  let gen = 0;
  let running = false;
  let speed = LAB_SPEEDS.length - 1;
  // Every scheduled chunk carries the ticket it was made with: a pause or a new run
  // invalidates chunks already queued.
  let ticket = 0;

  const post = () => {
    if (engine) host.post(engine.progress(gen, running));
  };
  const fail = (error: unknown) => {
    running = false;
    host.post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  };

  const chunk = (mine: number) => {
    if (mine !== ticket || !running || !engine) return;
    try {
      const rate = stepsPerSecond(speed);
      if (Number.isFinite(rate)) {
        engine.train(1);
        post();
        host.schedule(() => chunk(mine), 1000 / rate);
        return;
      }
      const start = host.now();
      do engine.train(1);
      while (host.now() - start < CHUNK_MS);
      post();
      host.schedule(() => chunk(mine), 0);
    } catch (error) {
      fail(error);
    }
  };

  const start = () => {
    running = true;
    ticket++;
    const mine = ticket;
    host.schedule(() => chunk(mine), 0);
  };

  return (message) => {
    try {
      switch (message.type) {
        case 'configure':
          ticket++;
          running = false;
          gen = message.gen;
          engine = new LabEngine(message.run, message.example);
          engine.train(message.steps);
          post();
          return;
        case 'train':
          speed = message.speed;
          engine?.showStep(null);
          if (engine) start();
          post();
          return;
        case 'pause':
          running = false;
          ticket++;
          post();
          return;
        case 'speed':
          speed = message.speed;
          if (running) start();
          return;
        case 'step':
          running = false;
          ticket++;
          engine?.showStep(null);
          engine?.train(1);
          post();
          return;
        case 'show':
          engine?.showStep(message.step);
          post();
          return;
        case 'example':
          engine?.setExample(message.example);
          post();
          return;
        case 'trace':
          if (engine)
            host.post({ type: 'trace', id: message.id, trace: engine.trace(message.layer) });
          return;
        case 'document':
          if (engine) host.post({ type: 'document', id: message.id, document: engine.document() });
          return;
      }
    } catch (error) {
      fail(error);
    }
  };
}
