/**
 * The one way the app loads code on demand. Every dynamic `import()` of the app goes
 * through `lazyImport`, which does two things a bare `import()` does not:
 *
 * - A failure becomes a `CodeDownloadError` and is remembered with a retry: `React.lazy`
 *   and a cached promise remember a failed import for good, so without it "Try again"
 *   (or a panel's Reset) would fail again on every press. `retryFailedImports` gives every
 *   failed import a fresh attempt, and only then: retrying on every render would fetch in
 *   a loop while the network is down.
 * - Whatever shows the failure (`LoadFailed`) asks whether a new version of the app has
 *   been published since the page was opened (the usual reason a chunk is missing while
 *   the server answers) and then offers a reload; the lesson link in the address bar (and
 *   the tab's copy of the text) bring the same view back after it.
 *
 * `lazyPanel` is the form for the page's panels (their `PanelBoundary` shows the failure
 * with Reset); `lazyComponent` is the form for everything else (the worksheet, the quiz's
 * question): the failure is shown in place, with "Try again", and nothing around it goes.
 */
import {
  Component,
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useState,
  type ComponentType,
  type ErrorInfo,
  type LazyExoticComponent,
  type ReactNode,
} from 'react';
import { useMessages } from '../../messages';
import { forgetNewVersionCheck, newVersionPublished } from './newVersion';

/** A chunk of the app's code that could not be downloaded. */
export class CodeDownloadError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'CodeDownloadError';
  }
}

/** Failed imports, each with the function that gives it a fresh attempt. */
const failedImports = new Set<() => void>();

/** Gives every import that failed a fresh attempt, made when it is next asked for. */
export function retryFailedImports(): void {
  forgetNewVersionCheck();
  for (const retry of [...failedImports]) retry();
}

/** An import made through `lazyImport`. */
export interface LazyImport<T> {
  /** The import's promise: the first attempt's, or a fresh one after a failure was retried. */
  (): Promise<T>;
  /** After a failure, lets the next call attempt the import again (this import only). */
  retry(): void;
}

/**
 * `load` (a function calling `import()`), attempted once and remembered; after a failure,
 * attempted again on the first call after `retry` or `retryFailedImports`. Rejects with a
 * `CodeDownloadError`.
 */
export function lazyImport<T>(load: () => Promise<T>): LazyImport<T> {
  let attempt: Promise<T> | null = null;
  const retry = () => {
    if (failedImports.delete(retry)) attempt = null;
  };
  const get = () => {
    attempt ??= load().catch((error: unknown) => {
      failedImports.add(retry);
      throw new CodeDownloadError(error instanceof Error ? error.message : String(error));
    });
    return attempt;
  };
  return Object.assign(get, { retry });
}

/** A `React.lazy` component over a `lazyImport`, remade after each retry. */
interface RetryingLazy<P extends object> {
  /** Call before reading `component`: makes a fresh lazy component after a retry. */
  refresh(): void;
  readonly component: LazyExoticComponent<ComponentType<P>>;
}

/** `React.lazy` over `lazyImport`: a fresh lazy component after each retry. */
function retryingLazy<P extends object>(load: () => Promise<ComponentType<P>>): RetryingLazy<P> {
  const get = lazyImport(load);
  let from: Promise<ComponentType<P>> | null = null;
  const state = {
    component: null as unknown as LazyExoticComponent<ComponentType<P>>,
    refresh() {
      const attempt = get();
      // A new attempt needs a new lazy component: React.lazy keeps its first outcome.
      if (attempt === from) return;
      from = attempt;
      state.component = lazy(() => attempt.then((component) => ({ default: component })));
    },
  };
  return state;
}

/** A lazily loaded panel with no props; its failure is shown by the panel's `PanelBoundary`. */
export function lazyPanel(load: () => Promise<ComponentType>): ComponentType {
  const current = retryingLazy(load);
  function LazyPanel() {
    current.refresh();
    const Loaded = current.component;
    return <Loaded />;
  }
  return LazyPanel;
}

/** What a `LoadFailed` names: the parts of the app loaded on demand outside the panels. */
export type LazyPart = 'worksheet' | 'quiz';

interface CatcherProps {
  readonly fallback: (error: unknown) => ReactNode;
  readonly children: ReactNode;
}

/** An error boundary that shows `fallback` with its error. */
class Catcher extends Component<CatcherProps, { error: unknown; failed: boolean }> {
  override state = { error: null as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.warn('Code loaded on demand failed:', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/** Props a `lazyComponent` takes besides its component's own. */
export interface LazyExtras {
  /** Shown while the code downloads (nothing by default). */
  readonly placeholder?: ReactNode;
  /** Offered as "Close" beside "Try again" when the code cannot be had. */
  readonly onGiveUp?: () => void;
}

/**
 * A component loaded on demand, shown in its own safety net: while its code downloads,
 * `placeholder`; when it cannot be had (or throws), a message in its place with "Try
 * again", and "Close" when `onGiveUp` is given.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  part: LazyPart,
): ComponentType<P & LazyExtras> {
  const current = retryingLazy(load);
  function Lazy(props: P & LazyExtras) {
    const { placeholder = null, onGiveUp, ...rest } = props;
    // A new key mounts the safety net afresh, and this render made a fresh lazy component.
    const [attempt, setAttempt] = useState(0);
    const retry = useCallback(() => {
      retryFailedImports();
      setAttempt((n) => n + 1);
    }, []);
    current.refresh();
    const Loaded = current.component;
    return (
      <Catcher
        key={attempt}
        fallback={(error) => (
          <LoadFailed part={part} error={error} onRetry={retry} onClose={onGiveUp} />
        )}
      >
        <Suspense fallback={placeholder}>
          <Loaded {...(rest as P)} />
        </Suspense>
      </Catcher>
    );
  }
  return Lazy;
}

/**
 * The offer to reload into the version the server now has, shown under a failure to
 * download code when a new version has been published; nothing otherwise. The reload
 * keeps the text and the view: the lesson link in the address bar carries them.
 */
export function NewVersionOffer({ error }: { readonly error: unknown }) {
  const m = useMessages().reliability.lazy;
  const [published, setPublished] = useState(false);
  useEffect(() => {
    if (!(error instanceof CodeDownloadError)) return;
    let live = true;
    void newVersionPublished().then((yes) => {
      if (live) setPublished(yes);
    });
    return () => {
      live = false;
    };
  }, [error]);
  const reload = useCallback(() => window.location.reload(), []);
  if (!published) return null;
  return (
    <p className="load-failed__new-version">
      {m.newVersion}{' '}
      <button type="button" onClick={reload}>
        {m.reload}
      </button>
    </p>
  );
}

/** Props of `LoadFailed`. */
export interface LoadFailedProps {
  readonly part: LazyPart;
  readonly error: unknown;
  readonly onRetry: () => void;
  readonly onClose?: () => void;
}

/** "The worksheet could not be opened: …" with Try again (and Reload after a new version). */
export function LoadFailed({ part, error, onRetry, onClose }: LoadFailedProps) {
  const m = useMessages().reliability;
  const what = m.lazy.parts[part];
  const reason =
    error instanceof CodeDownloadError
      ? m.lazy.notDownloaded
      : error instanceof Error && error.message
        ? error.message
        : m.unknownReason;
  return (
    <div className="panel panel-failed load-failed" role="alert" data-load-failed={part}>
      <p className="panel-failed__message">
        <span aria-hidden="true">⚠ </span>
        {m.failedWith(what, reason)}
      </p>
      <p className="panel-failed__note">{m.keptNote}</p>
      <NewVersionOffer error={error} />
      <div className="load-failed__actions">
        <button type="button" onClick={onRetry}>
          {m.lazy.tryAgain}
        </button>
        {onClose && (
          <button type="button" onClick={onClose}>
            {m.lazy.close}
          </button>
        )}
      </div>
    </div>
  );
}
