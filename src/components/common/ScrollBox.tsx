/**
 * A box whose content may scroll (a long vector's table in the work panel). Keyboard users
 * must be able to scroll it too (WCAG 2.1.1), so it is a tab stop, named after what it
 * holds so that a screen reader says where focus went.
 */
import type { ReactNode } from 'react';

/** Props of `ScrollBox`. */
export interface ScrollBoxProps {
  readonly className: string;
  /** The accessible name of the region (usually the title of what it holds). */
  readonly label: string;
  readonly children: ReactNode;
}

/** A focusable, named scrolling box (see the module comment). */
export function ScrollBox({ className, label, children }: ScrollBoxProps) {
  return (
    <div className={className} role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
