/**
 * An in-process stand-in for the trace worker, for Node and jsdom tests (which have no
 * Worker): it runs the real message handler on a later task and copies messages with
 * structuredClone and the same transfer lists as postMessage, so transferred buffers are
 * detached on the sending side exactly as in a browser.
 */
import { createTraceHandler } from '../../src/worker/handler';
import type { WorkerLike } from '../../src/worker/client';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

/** A fake worker; every instance is recorded in `FakeWorker.instances`. */
export class FakeWorker implements WorkerLike {
  /** Every worker created since the last `reset`. */
  static instances: FakeWorker[] = [];
  /** Delay, in ms, before the fake worker handles a message. */
  static delayMs = 0;

  /** Forgets the instances and restores the delay. */
  static reset(): void {
    FakeWorker.instances = [];
    FakeWorker.delayMs = 0;
  }

  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  /** Every message received, in order, as the worker saw it. */
  readonly received: ToWorker[] = [];
  /** Every message sent back, in order. */
  readonly sent: FromWorker[] = [];
  terminated = false;
  private readonly handle = createTraceHandler();

  /** Accepts (and ignores) Worker's constructor arguments, so it can stand in for the global. */
  constructor(..._args: unknown[]) {
    FakeWorker.instances.push(this);
  }

  postMessage(message: unknown, transfer: Transferable[]): void {
    const copy = structuredClone(message, { transfer }) as ToWorker;
    this.received.push(copy);
    setTimeout(() => {
      if (this.terminated) return;
      const reply = this.handle(copy);
      if (!reply) return;
      const back = structuredClone(reply.message, { transfer: reply.transfer });
      this.sent.push(back);
      this.onmessage?.({ data: back } as MessageEvent);
    }, FakeWorker.delayMs);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Simulates the worker failing (a script that did not load, an uncaught exception). */
  crash(message = 'the fake worker crashed'): void {
    this.onerror?.({ message, preventDefault: () => {} } as unknown as ErrorEvent);
  }

  /** The trace requests received, in order. */
  get traceRequests(): Extract<ToWorker, { type: 'trace' }>[] {
    return this.received.filter(
      (m): m is Extract<ToWorker, { type: 'trace' }> => m.type === 'trace',
    );
  }
}
