/**
 * Reading the training worker's progress (derived data, kept by `labClient`, not the store).
 * `select` must return a value the snapshot already holds, never a fresh object.
 */
import { useDeferredValue, useSyncExternalStore } from 'react';
import { labClient, type LabSnapshot } from '../../lab-worker/client';
import type { LabProgress } from '../../lab-worker/protocol';

/** A part of the Lab's latest progress snapshot. */
export function useLabProgress<T>(select: (snapshot: LabSnapshot) => T): T {
  return useSyncExternalStore(labClient.subscribe, () => select(labClient.getSnapshot()));
}

/** True while the worker trains on its own (the Train button reads "Pause"). */
export function useLabRunning(): boolean {
  return useLabProgress((s) => s.progress?.running ?? false);
}

/**
 * A part of the progress the pictures draw (`LabSnapshot.pictures`, renewed at most a
 * couple of times a second while training), as a deferred value: React draws it in a
 * background render that yields to the page, so a redraw of the pictures never holds the
 * main thread in one long task. `select` must return a value the snapshot already holds.
 */
export function useLabPictures<T>(select: (pictures: LabProgress | null) => T): T {
  const value = useSyncExternalStore(labClient.subscribe, () =>
    select(labClient.getSnapshot().pictures),
  );
  return useDeferredValue(value);
}
