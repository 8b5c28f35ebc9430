/**
 * The trace worker's entry point: runs the compute core off the main thread for large
 * inputs (see `client.ts` for when, and `protocol.ts` for the messages). All logic is in
 * `handler.ts`, which tests run in Node; this file only connects it to the worker's port.
 */
import type { ToWorker } from './protocol';
import { createTraceHandler } from './handler';

// `self` is typed for a window (the project's lib list has DOM first); in this file it is
// the dedicated worker's scope, whose postMessage takes a transfer list.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createTraceHandler();

scope.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const reply = handle(event.data);
  if (reply) scope.postMessage(reply.message, reply.transfer);
});
