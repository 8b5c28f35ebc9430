/**
 * The training status: step, held-out loss and accuracy, as text and as plain numbers in
 * data attributes (the automation contract). A polite live region: a screen reader hears
 * it when it changes, at most a few times a second.
 */
import { useMessages } from '../../messages';
import { useLabProgress } from './useLabProgress';

/** The status line (see the module comment). */
export function LabStatus() {
  const m = useMessages().lab;
  const step = useLabProgress((s) => s.progress?.step ?? 0);
  const loss = useLabProgress((s) => s.progress?.loss ?? null);
  const accuracy = useLabProgress((s) => s.progress?.accuracy ?? 0);
  const error = useLabProgress((s) => s.error);
  return (
    <div
      role="status"
      aria-label={m.status}
      className="lab-status"
      data-step={step}
      data-loss={loss ?? ''}
      data-accuracy={accuracy}
    >
      {error
        ? m.failed(error)
        : loss === null
          ? m.starting
          : m.statusText(String(step), loss.toFixed(3), `${(accuracy * 100).toFixed(1)}%`)}
    </div>
  );
}
