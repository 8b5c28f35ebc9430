/**
 * `React.lazy` for a panel, with a second chance: `lazy` remembers a failed import for
 * good, so a panel whose chunk could not be fetched (a dropped connection) would fail again
 * on every "Reset". A panel made here starts a fresh import when it is mounted again after
 * a failure.
 */
import { lazy, useState, type ComponentType, type LazyExoticComponent } from 'react';

/** A lazily loaded panel with no props, whose import is retried on the next mount after a failure. */
export function lazyPanel(load: () => Promise<ComponentType>): ComponentType {
  let failed = false;
  const make = (): LazyExoticComponent<ComponentType> =>
    lazy(() =>
      load().then(
        (component) => ({ default: component }),
        (error: unknown) => {
          failed = true;
          throw error;
        },
      ),
    );
  let current = make();
  function LazyPanel() {
    // Chosen once per mount, so that a render does not start a new import.
    const [Loaded] = useState(() => {
      if (failed) {
        failed = false;
        current = make();
      }
      return current;
    });
    return <Loaded />;
  }
  return LazyPanel;
}
