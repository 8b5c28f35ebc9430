/**
 * A safety net around one panel: when the panel throws while rendering (or its code chunk
 * fails to load), only that panel is replaced by a message saying what failed, with a
 * "Reset" button that clears the panel's view state and mounts it again. The sentence, the
 * store and every other panel keep working.
 */
import { Component, useCallback, useState, type ErrorInfo, type ReactNode } from 'react';
import { useMessages } from '../../messages';
import type { PanelName } from '../../messages/reliability';
import { CodeDownloadError, NewVersionOffer, retryFailedImports } from './lazyPanel';
import { PANEL_RESETS } from './panelResets';
import './PanelBoundary.css';

interface CatcherProps {
  readonly fallback: (error: unknown) => ReactNode;
  readonly children: ReactNode;
}

interface CatcherState {
  readonly failed: boolean;
  readonly error: unknown;
}

/** React's error boundaries must be classes; this one only remembers the error. */
class Catcher extends Component<CatcherProps, CatcherState> {
  override state: CatcherState = { failed: false, error: null };

  static getDerivedStateFromError(error: unknown): CatcherState {
    return { failed: true, error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept in the console for whoever reports the bug; the page itself says it in words.
    console.warn('A panel failed:', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children;
  }
}

function reasonOf(error: unknown, unknown: string, notDownloaded: string): string {
  if (error instanceof CodeDownloadError) return notDownloaded;
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return unknown;
}

/** Guards `children`, the panel named `panel`; see the module comment. */
export function PanelBoundary({ panel, children }: { panel: PanelName; children: ReactNode }) {
  const m = useMessages().reliability;
  // A new key mounts the catcher and the panel afresh: the error and the panel's own state go.
  const [generation, setGeneration] = useState(0);
  const reset = useCallback(() => {
    PANEL_RESETS[panel]();
    retryFailedImports();
    setGeneration((g) => g + 1);
  }, [panel]);
  const what = m.panelFailed[panel];
  return (
    <Catcher
      key={generation}
      fallback={(error) => (
        <div className="panel panel-failed" role="alert" data-panel-failed={panel}>
          <p className="panel-failed__message">
            <span aria-hidden="true">⚠ </span>
            {m.failedWith(what, reasonOf(error, m.unknownReason, m.lazy.notDownloaded))}
          </p>
          <p className="panel-failed__note">{m.keptNote}</p>
          <NewVersionOffer error={error} />
          <button type="button" onClick={reset}>
            {m.reset}
          </button>
        </div>
      )}
    >
      {children}
    </Catcher>
  );
}
