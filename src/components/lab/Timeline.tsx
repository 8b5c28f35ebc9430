/**
 * The timeline: a slider over the snapshots the worker kept while training; moving it shows
 * the example's attention and the match tables as they were at that step. Training again
 * (or a step) returns to the latest.
 */
import { useId } from 'react';
import { labClient } from '../../lab-worker/client';
import { useMessages } from '../../messages';
import { useLabProgress } from './useLabProgress';

const NONE: readonly number[] = [];

/** The slider (see the module comment); hidden until there are two snapshots. */
export function Timeline() {
  const m = useMessages().lab;
  const id = useId();
  const timeline = useLabProgress((s) => s.progress?.timeline ?? NONE);
  const shown = useLabProgress((s) => s.progress?.shownStep ?? 0);
  const running = useLabProgress((s) => s.progress?.running ?? false);
  if (timeline.length < 2) return null;
  const found = timeline.findIndex((step) => step >= shown);
  const index = found < 0 ? timeline.length - 1 : found;
  return (
    <div className="lab-timeline field">
      <label className="field__label" htmlFor={id}>
        {m.timeline}
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={timeline.length - 1}
        step={1}
        value={index}
        disabled={running}
        aria-valuetext={m.timelineValue(String(shown))}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          const k = Number(e.target.value);
          labClient.showStep(k >= timeline.length - 1 ? null : (timeline[k] ?? null));
        }}
      />
      <output htmlFor={id}>{m.timelineValue(String(shown))}</output>
      <p id={`${id}-help`} className="field__note">
        {m.timelineHelp}
      </p>
    </div>
  );
}
