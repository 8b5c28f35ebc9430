/**
 * `React.lazy` for a panel, with a second chance: `lazy` remembers a failed import for
 * good, so a panel whose chunk could not be fetched (a dropped connection) would fail again
 * on every "Reset". `retryFailedPanels` (which Reset calls) gives every panel whose import
 * failed a fresh one. Only then: retrying on every render would fetch in a loop while the
 * network is down.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** Panels whose import failed, each with the function that gives it a fresh import. */
const failedPanels = new Set<() => void>();

/** Gives every lazy panel whose import failed a fresh import, tried when it next renders. */
export function retryFailedPanels(): void {
  const retries = [...failedPanels];
  failedPanels.clear();
  for (const retry of retries) retry();
}

/** A lazily loaded panel with no props, whose failed import `retryFailedPanels` starts again. */
export function lazyPanel(load: () => Promise<ComponentType>): ComponentType {
  const make = (): LazyExoticComponent<ComponentType> =>
    lazy(() =>
      load().then(
        (component) => ({ default: component }),
        (error: unknown) => {
          failedPanels.add(retry);
          throw error;
        },
      ),
    );
  let current = make();
  const retry = () => {
    current = make();
  };
  function LazyPanel() {
    const Loaded = current;
    return <Loaded />;
  }
  return LazyPanel;
}
