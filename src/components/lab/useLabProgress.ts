/**
 * Reading the training worker's progress (derived data, kept by `labClient`, not the store).
 * `select` must return a value the snapshot already holds, never a fresh object.
 */
import { useSyncExternalStore } from 'react';
import { labClient, type LabSnapshot } from '../../lab-worker/client';

/** A part of the Lab's latest progress snapshot. */
export function useLabProgress<T>(select: (snapshot: LabSnapshot) => T): T {
  return useSyncExternalStore(labClient.subscribe, () => select(labClient.getSnapshot()));
}

/** True while the worker trains on its own (the Train button reads "Pause"). */
export function useLabRunning(): boolean {
  return useLabProgress((s) => s.progress?.running ?? false);
}
