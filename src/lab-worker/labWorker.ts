/**
 * The Lab's training worker: connects `handler.ts` to the worker's port. Training runs here
 * so that the page stays responsive while it trains.
 */
import { createLabHandler } from './handler';
import type { ToLab } from './protocol';

// `self` is typed for a window (the project's lib list has DOM first); here it is the
// dedicated worker's scope.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createLabHandler({
  post: (message) => scope.postMessage(message),
  schedule: (task, delayMs) => void setTimeout(task, delayMs),
  now: () => performance.now(),
});

scope.addEventListener('message', (event: MessageEvent<ToLab>) => handle(event.data));
