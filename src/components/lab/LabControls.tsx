/**
 * The Lab's main controls: the task, Train / Pause, Step, Reset, and the speed.
 */
import { LAB_TASK_IDS, type LabTaskId } from '../../core/lab/tasks/types';
import { labClient } from '../../lab-worker/client';
import { LAB_SPEEDS } from '../../lab-worker/protocol';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { SelectField } from '../common/SelectField';
import { resetLab, trainLab } from './labDriver';
import { useLabRunning } from './useLabProgress';

/** The task picker. */
export function TaskPicker() {
  const m = useMessages().lab;
  const task = useAppStore((s) => s.lab.task);
  const setTask = useAppStore((s) => s.setLabTask);
  return (
    <SelectField<LabTaskId>
      label={m.task}
      value={task}
      options={LAB_TASK_IDS.map((id) => ({ value: id, label: m.taskNames[id] }))}
      onChange={setTask}
    />
  );
}

/** Train (Pause while training), Step, Reset and Speed. */
export function LabControls() {
  const m = useMessages().lab;
  const running = useLabRunning();
  const speed = useAppStore((s) => s.lab.speed);
  const setSpeed = useAppStore((s) => s.setLabSpeed);
  return (
    <div className="lab-controls">
      <button
        type="button"
        className="lab-controls__train"
        onClick={() => (running ? labClient.pause() : trainLab())}
      >
        {running ? m.pause : m.train}
      </button>
      <button type="button" onClick={() => labClient.step()}>
        {m.step}
      </button>
      <button type="button" onClick={resetLab}>
        {m.reset}
      </button>
      <SelectField<number>
        label={m.speed}
        value={speed}
        options={LAB_SPEEDS.map((_, i) => ({ value: i, label: m.speedNames[i] ?? String(i) }))}
        onChange={setSpeed}
      />
    </div>
  );
}
