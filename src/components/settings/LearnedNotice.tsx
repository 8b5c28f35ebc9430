/**
 * What the settings say about the learned preset: loading, a failure with "Try again", a
 * width and head count the weights do not cover with a button for the nearest covered one,
 * and the causal mask the heads were trained with.
 */
import { learnedCoverage } from '../../core/learnedWeights';
import { useMessages } from '../../messages';
import { loadLearnedIntoStore } from '../../store/loadLearned';
import { useSettings } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/** The notice, or nothing when the learned preset is not chosen. */
export function LearnedNotice() {
  const m = useMessages().shell.settings;
  const settings = useSettings();
  const learned = useAppStore((s) => s.learned);
  const setSettings = useAppStore((s) => s.setSettings);
  if (settings.weights !== 'learned') return null;
  if (learned.status === 'failed') {
    return (
      <div role="alert" className="settings-panel__learned">
        <p>{m.learnedFailed(learned.error ?? '')}</p>
        <button type="button" onClick={() => void loadLearnedIntoStore()}>
          {m.learnedRetry}
        </button>
      </div>
    );
  }
  if (!learned.file) {
    return (
      <p role="status" className="settings-panel__learned">
        {m.learnedLoading}
      </p>
    );
  }
  const coverage = learnedCoverage(learned.file, settings.width, settings.heads);
  if (!coverage.covered) {
    const { nearest } = coverage;
    return (
      <div role="status" className="settings-panel__learned">
        <p>{m.learnedNotCovered(settings.width, settings.heads, nearest.width, nearest.heads)}</p>
        <button
          type="button"
          onClick={() => setSettings({ width: nearest.width, heads: nearest.heads })}
        >
          {m.learnedUseNearest(nearest.width, nearest.heads)}
        </button>
      </div>
    );
  }
  return null;
}
