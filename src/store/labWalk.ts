/**
 * The trained Lab head the walkthrough shows when the store's `labWalk` is on: its trace
 * (derived data, made by the training worker, so it lives here rather than in the store)
 * and the walkthrough settings to restore when the user goes back to the Lab.
 */
import type { LabTrace } from '../core/lab/toTrace';
import type { AttentionSettings } from '../core/types';
import { useAppStore } from './store';

let trace: LabTrace | null = null;
let saved: AttentionSettings | null = null;
const listeners = new Set<() => void>();

/** The Lab trace shown, or null. */
export function getLabWalkTrace(): LabTrace | null {
  return trace;
}

/** Calls `listener` when the Lab trace changes. */
export function subscribeLabWalk(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Opens the walkthrough on a trained head: its trace, head `head`, at the Score step. The
 * walkthrough's own settings follow the model's (heads, mask, scaling, positions) so that
 * every explanation speaks of it, and come back when the user leaves.
 */
export function openLabWalk(next: LabTrace, head: number): void {
  trace = next;
  for (const listener of listeners) listener();
  const store = useAppStore.getState();
  saved ??= store.settings;
  store.setSettings({
    heads: next.settings.heads,
    causal: next.settings.causal,
    scale: next.settings.scale,
    positions: next.settings.positions,
    temperature: 1,
  });
  store.setLabWalk(true);
  store.setHead(head);
  store.setStep('score');
}

/** Leaves the trained head's walkthrough for the Lab, restoring the walkthrough's settings. */
export function closeLabWalk(): void {
  const store = useAppStore.getState();
  if (saved) store.setSettings(saved);
  saved = null;
  store.setScreen('lab');
}
