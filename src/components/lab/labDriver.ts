/**
 * Keeps the training worker in step with the store's Lab inputs: a new task, setting or
 * seed starts a new run (trained at once to a lesson link's steps); a new example or speed
 * is passed on. Called once, by the Lab's screen.
 */
import { useEffect } from 'react';
import { labClient } from '../../lab-worker/client';
import type { LabRun } from '../../lab-worker/protocol';
import { useAppStore } from '../../store/store';

/** The key of a run: the client is only reconfigured when it changes. */
let lastKey = '';

/** Starts the run the store describes, unless the worker already has it. */
function ensureRun(force = false): void {
  const { task, config, seed, example, steps } = useAppStore.getState().lab;
  const run: LabRun = { task, config, seed };
  const key = JSON.stringify([run, steps]);
  if (!force && key === lastKey) return;
  lastKey = key;
  labClient.configure(run, example, steps);
}

/** Back to step 0 of the same run. */
export function resetLab(): void {
  const s = useAppStore.getState();
  if (s.lab.steps !== 0) s.applyLab({ ...s.lab, steps: 0 }, 'lab');
  else ensureRun(true);
}

/** Trains on at the store's speed. */
export function trainLab(): void {
  labClient.train(useAppStore.getState().lab.speed);
}

/** Connects the store's Lab inputs to the worker while the Lab is shown. */
export function useLabDriver(): void {
  const task = useAppStore((s) => s.lab.task);
  const config = useAppStore((s) => s.lab.config);
  const seed = useAppStore((s) => s.lab.seed);
  const steps = useAppStore((s) => s.lab.steps);
  const example = useAppStore((s) => s.lab.example);
  const speed = useAppStore((s) => s.lab.speed);
  useEffect(() => ensureRun(), [task, config, seed, steps]);
  useEffect(() => labClient.setExample(example), [example]);
  useEffect(() => labClient.setSpeed(speed), [speed]);
}
