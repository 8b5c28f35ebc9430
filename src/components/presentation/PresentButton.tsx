/**
 * The header's "Present" button, and the P key that does the same from anywhere but a text
 * field. While presenting, the button is hidden with the rest of the header; when
 * presenting ends, focus comes back to it, where the teacher left it.
 */
import { useEffect, useRef } from 'react';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { enterPresentation, leavePresentation } from './presentationMode';
import { ownsArrowKeys } from '../steps/useStepKeys';
import './Presentation.css';
import { usePresenting } from '../../store/selectors';

/** The Present button and its key. */
export function PresentButton() {
  const m = useMessages().present;
  const presenting = usePresenting();
  const ref = useRef<HTMLButtonElement>(null);
  const wasPresenting = useRef(presenting);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'p' && event.key !== 'P') return;
      // Ctrl+P prints, Alt and Meta combinations belong to the browser.
      if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
      // A "p" typed into the sentence (or a select's type-ahead) is the user's, not ours.
      if (event.defaultPrevented || ownsArrowKeys(event.target)) return;
      event.preventDefault();
      if (useAppStore.getState().presenting) leavePresentation();
      else enterPresentation();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    if (wasPresenting.current && !presenting) ref.current?.focus();
    wasPresenting.current = presenting;
  }, [presenting]);

  return (
    <button
      ref={ref}
      type="button"
      className="present-button"
      aria-keyshortcuts="P"
      title={m.presentHint}
      onClick={enterPresentation}
    >
      {m.present}
    </button>
  );
}
