/**
 * Shown above the walkthrough while it steps through a trained Lab head: says so, and
 * offers the way back to the Lab.
 */
import { useSyncExternalStore } from 'react';
import { useMessages } from '../../messages';
import { closeLabWalk, getLabWalkTrace, subscribeLabWalk } from '../../store/labWalk';
import { useAppStore } from '../../store/store';
import { useLabProgress } from './useLabProgress';
import { useHead } from '../../store/selectors';

/** The banner, or nothing outside a Lab model's walkthrough. */
export function LabWalkBanner() {
  const m = useMessages().lab;
  const on = useAppStore((s) => s.labWalk);
  const head = useHead();
  const trace = useSyncExternalStore(subscribeLabWalk, getLabWalkTrace);
  const step = useLabProgress((s) => s.progress?.step ?? 0);
  if (!on || !trace) return null;
  return (
    <div className="lab-walk-banner" role="note">
      <p>{m.labModel(m.taskNames[trace.lab.task], trace.lab.layer + 1, head + 1, String(step))}</p>
      <button type="button" onClick={closeLabWalk}>
        {m.backToLab}
      </button>
    </div>
  );
}
