/**
 * The example the Lab's pictures show, as the worker last reported it: its token ids, its
 * tokens (symbols), and the task's known patterns for it. The same objects while the
 * example stays the same, however many progress messages arrive.
 */
import { useMemo } from 'react';
import { labTask } from '../../core/lab/tasks';
import type { KnownPattern, LabTask } from '../../core/lab/tasks/types';
import { labTokens } from '../../core/lab/toTrace';
import type { EmbeddedToken } from '../../core/types';
import { useAppStore } from '../../store/store';
import { useLabPictures } from './useLabProgress';

/** The example and what is drawn of it. */
export interface LabExampleView {
  readonly task: LabTask;
  readonly ids: readonly number[];
  readonly tokens: readonly EmbeddedToken[];
  readonly symbols: readonly string[];
  readonly patterns: readonly KnownPattern[];
}

/** The example shown, or null before the worker's first progress. */
export function useLabExample(): LabExampleView | null {
  const taskId = useAppStore((s) => s.lab.task);
  const example = useLabPictures((p) => p?.example ?? null);
  const key = example ? example.join(',') : '';
  return useMemo(() => {
    if (!example) return null;
    const task = labTask(taskId);
    if (!example.every((id) => id < task.vocab.length)) return null;
    const { tokens } = labTokens(task, example);
    return {
      task,
      ids: example,
      tokens,
      symbols: tokens.map((t) => t.text),
      patterns: task.knownPatterns(example),
    };
    // The key stands for the example's contents: a new message with the same ids changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [taskId, key]);
}
