/** A page of the worksheet: its heading, and the name and date lines a student fills in. */
import { useId, type ReactNode } from 'react';
import { useMessages } from '../../messages';

/** Name and date lines to write on, on every page a student hands in. */
export function NameLine() {
  const m = useMessages().worksheet;
  return (
    <p className="ws-name">
      <span>{m.name}</span>
      <span className="ws-line" />
      <span>{m.date}</span>
      <span className="ws-line ws-line--short" />
    </p>
  );
}

/** A page of the sheet with a heading that names it (a landmark for screen readers). */
export function Page({
  className,
  title,
  nameLine = false,
  children,
}: {
  className: string;
  title: string;
  nameLine?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className={`ws-page ${className}`} aria-labelledby={id}>
      <header className="ws-header ws-header--small">
        <h2 id={id} className="ws-page__title">
          {title}
        </h2>
        {nameLine && <NameLine />}
      </header>
      {children}
    </section>
  );
}
