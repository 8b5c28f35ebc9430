/**
 * Where the word vectors stand: a live status line with a progress bar while the table
 * loads, and a visible warning when it failed and every word uses a made-up vector.
 * The status element is always in the page, so screen readers announce its changes.
 */
import { useMessages } from '../../messages';
import { loadVectorsIntoStore, VECTOR_STALL_MS, VECTORS_STALLED } from '../../store/loadVectors';
import { useAppStore } from '../../store/store';
import './VectorStatus.css';

/** The vector-loading status line. */
export function VectorStatus() {
  const m = useMessages().app;
  const status = useAppStore((s) => s.vectors.status);
  const progress = useAppStore((s) => s.vectors.progress);
  const error = useAppStore((s) => s.vectors.error);
  const percent = progress === null ? null : Math.round(progress * 100);
  return (
    <div role="status" className="vector-status" data-status={status}>
      {status === 'loading' && (
        <>
          <span>{percent === null ? m.loadingVectors : m.loadingVectorsProgress(percent)}</span>
          {/* Without a known size the bar is indeterminate rather than stuck at 0. */}
          <progress
            className="vector-status__bar"
            aria-label={m.vectorsProgressLabel}
            max={1}
            value={progress ?? undefined}
          />
        </>
      )}
      {status === 'failed' && (
        <div className="banner vector-status__failed">
          <p>
            <span aria-hidden="true">⚠ </span>
            {m.vectorsFailed(
              error === VECTORS_STALLED
                ? m.vectorsStalled(String(VECTOR_STALL_MS / 1000))
                : (error ?? m.unknownError),
            )}
          </p>
          {/* A dropped connection in a classroom should not need a reload that loses nothing but time. */}
          <button type="button" onClick={() => void loadVectorsIntoStore()}>
            {m.retryVectors}
          </button>
        </div>
      )}
    </div>
  );
}
