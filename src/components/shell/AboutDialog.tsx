/**
 * The "About" button and its dialog: what the app is, how to use it, and the credits for
 * the word vectors. A native modal <dialog> traps focus, closes on Escape and returns
 * focus to the button by itself.
 */
import { useId, useRef } from 'react';
import { useMessages } from '../../messages';
import './AboutDialog.css';

/** Opens `dialog` as a modal, or just open where showModal is missing (older engines, jsdom). */
function openDialog(dialog: HTMLDialogElement): void {
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
}

/** Closes `dialog` the same way it was opened. */
function closeDialog(dialog: HTMLDialogElement): void {
  if (typeof dialog.close === 'function') dialog.close();
  else dialog.removeAttribute('open');
}

/** The About button and dialog. */
export function AboutDialog() {
  const m = useMessages().app;
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button
        type="button"
        className="about-button"
        aria-haspopup="dialog"
        onClick={() => ref.current && openDialog(ref.current)}
      >
        {m.about}
      </button>
      <dialog
        ref={ref}
        className="about-dialog"
        aria-labelledby={`${id}-title`}
        // A click on the backdrop lands on the dialog element itself: close, as people expect.
        onClick={(e) => e.target === ref.current && closeDialog(ref.current)}
      >
        <div className="about-dialog__body">
          <h2 id={`${id}-title`}>{m.aboutTitle}</h2>
          <p>{m.aboutBody}</p>
          <h3>{m.learnedTitle}</h3>
          <p>{m.learnedBody}</p>
          <h3>{m.howToTitle}</h3>
          <ul>
            {m.howTo.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <h3>{m.creditsTitle}</h3>
          <p>{m.credits}</p>
          <button type="button" onClick={() => ref.current && closeDialog(ref.current)}>
            {m.close}
          </button>
        </div>
      </dialog>
    </>
  );
}
