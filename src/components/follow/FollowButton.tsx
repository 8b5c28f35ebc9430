/**
 * The "Follow one token" button, and the story's dialog while it is open. The dialog is a
 * separate chunk, loaded when first opened (or when a lesson link opens it).
 */
import { lazy, Suspense } from 'react';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { useTrace } from '../../store/useTrace';
import { defaultFollowToken } from '../../viz/follow/followStory';
// Loaded with the button, at start: its key listener must come before every other.
import './followKeys';

const FollowDialog = lazy(() => import('./FollowDialog'));

/** Opens the story of the selected cell's query token, or of the sentence's last word. */
export function FollowButton() {
  const m = useMessages().follow;
  const trace = useTrace();
  const open = useAppStore((s) => s.follow !== null);
  const openFollow = useAppStore((s) => s.openFollow);
  const empty = !trace || trace.tokens.length === 0;
  return (
    <>
      <button
        type="button"
        className="follow-button"
        aria-haspopup="dialog"
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
