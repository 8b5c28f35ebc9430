/**
 * The Attention Lab: a task with a known answer, trained live in a worker, its example's
 * attention beside the known pattern, the training curve, and what the weights learned.
 * The screen only places panels; each reads the store or the worker's progress itself.
 */
import { useEffect } from 'react';
import { labClient } from '../../lab-worker/client';
import { useMessages } from '../../messages';
import { ExampleEditor } from './ExampleEditor';
import { HeadPicker } from './HeadPicker';
import { LabControls, TaskPicker } from './LabControls';
import { LabExports } from './LabExports';
import { LabPictures } from './LabPictures';
import { LabSettings } from './LabSettings';
import { LabStatus } from './LabStatus';
import { MatchTables } from './MatchTables';
import { StepThroughButton } from './StepThroughButton';
import { TaskCard } from './TaskCard';
import { Timeline } from './Timeline';
import { TrainingCurve } from './TrainingCurve';
import { useLabDriver } from './labDriver';
import './Lab.css';

/** The Lab's screen (see the module comment). */
export function LabScreen() {
  const m = useMessages().lab;
  useLabDriver();
  // Leaving the Lab pauses training: nothing should train unseen.
  useEffect(() => () => labClient.pause(), []);
  return (
    <div className="lab" aria-labelledby="lab-title">
      <h2 id="lab-title" className="lab__title">
        {m.title}
      </h2>
      <div className="lab__side">
        <TaskPicker />
        <TaskCard />
        <LabControls />
        <LabStatus />
        <LabSettings />
      </div>
      <div className="lab__main">
        <div className="lab__view-bar">
          <HeadPicker />
          <ExampleEditor />
          <StepThroughButton />
        </div>
        <LabPictures />
        <Timeline />
        <TrainingCurve />
        <LabExports />
        <MatchTables />
      </div>
    </div>
  );
}
