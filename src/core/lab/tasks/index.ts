/**
 * The Lab's tasks by id. `lookup` comes first: the Lab opens on it.
 */
import { inductionTask } from './induction';
import { lookupTask } from './lookup';
import { previousTask } from './previous';
import { reverseTask } from './reverse';
import { LAB_TASK_IDS, type LabTask, type LabTaskId } from './types';

export * from './types';

/** Every task, in menu order. */
export const LAB_TASKS: readonly LabTask[] = [lookupTask, previousTask, reverseTask, inductionTask];

/** The task the Lab opens on. */
export const DEFAULT_LAB_TASK: LabTaskId = 'lookup';

/** True when `id` names a task. */
export function isLabTaskId(id: string): id is LabTaskId {
  return (LAB_TASK_IDS as readonly string[]).includes(id);
}

/** The task with this id; throws on an unknown id, listing the known ones. */
export function labTask(id: string): LabTask {
  const task = LAB_TASKS.find((t) => t.id === id);
  if (!task)
    throw new RangeError(`labTask: unknown task "${id}" (tasks: ${LAB_TASK_IDS.join(', ')})`);
  return task;
}
