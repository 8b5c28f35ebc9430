/**
 * The "Follow one token" button, and the F key that does the same from anywhere but a text
 * field (so a teacher reaches it without scrolling, in presentation too); and the story's
 * dialog while it is open. The dialog is a separate chunk, loaded when first opened (or
 * when a lesson link opens it).
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { useTrace } from '../../store/useTrace';
import { defaultFollowToken } from '../../viz/follow/defaultToken';
import { ownsArrowKeys } from '../steps/useStepKeys';
// Loaded with the button, at start: its key listener must come before every other.
import './followKeys';

const FollowDialog = lazy(() => import('./FollowDialog'));

/** Opens the story of the selected cell's query token, or of the sentence's last word. */
export function FollowButton() {
  const m = useMessages().follow;
  const trace = useTrace();
  const open = useAppStore((s) => s.follow !== null);
  const openFollow = useAppStore((s) => s.openFollow);
  const ref = useRef<HTMLButtonElement>(null);
  const empty = !trace || trace.tokens.length === 0;

  useEffect(() => {
    if (empty) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'f' && event.key !== 'F') return;
      // Ctrl+F finds, Alt and Meta combinations belong to the browser.
      if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
      // An "f" typed into the sentence is the user's; a hidden button (a quiz question open) opens nothing.
      if (event.defaultPrevented || ownsArrowKeys(event.target)) return;
      const button = ref.current;
      if (!button || button.closest('[hidden],[inert]') || useAppStore.getState().follow) return;
      event.preventDefault();
      button.click();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [empty]);

  return (
    <>
      <button
        ref={ref}
        type="button"
        className="follow-button"
        aria-haspopup="dialog"
        aria-keyshortcuts="F"
        title={m.buttonHint}
        disabled={empty}
        onClick={() =>
          trace && openFollow(defaultFollowToken(trace, useAppStore.getState().selection))
        }
      >
        {m.button}
      </button>
      {open && !empty && (
        <Suspense fallback={null}>
          <FollowDialog />
        </Suspense>
      )}
    </>
  );
}
