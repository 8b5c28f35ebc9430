/**
 * The keys of "Follow one token": while its story is open, a keyboard's and a clicker's
 * keys (→ ← Space PageDown PageUp, Home, End) move through its frames and Escape closes it,
 * instead of moving the walkthrough's steps or leaving presentation mode.
 *
 * The listener is on the window in the capture phase and is added when this module is first
 * loaded (with the step explanation, at start), so it comes before every other key listener,
 * the presentation's own capture listener included (listeners on one target run in the order
 * they were added), and stops the keys it uses from reaching them. While no story is open it
 * does nothing.
 */
import { useEffect } from 'react';
import { walkKey } from '../common/walkKeys';

/** What a key does in the story. */
export type FollowKeyAction = 'next' | 'previous' | 'first' | 'last' | 'close';

/** The action of `event`'s key, or null for a key the story does not use. */
export function followKey(event: KeyboardEvent): FollowKeyAction | null {
  const move = walkKey(event, true);
  if (move) return move;
  const plain = !(event.altKey || event.ctrlKey || event.metaKey || event.shiftKey);
  return plain && event.key === 'Escape' ? 'close' : null;
}

// Input types whose keys do nothing of their own, so the story may have them.
const KEYLESS_INPUTS = new Set(['checkbox', 'button', 'submit', 'reset', 'image', 'file', 'color']);

/** True when `target` uses arrows and Space itself (the token picker). */
function ownsKeys(target: EventTarget | null): boolean {
  if (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !KEYLESS_INPUTS.has(target.type);
}

let active: ((action: FollowKeyAction) => void) | null = null;

function onKeyDown(event: KeyboardEvent): void {
  if (!active) return;
  const action = followKey(event);
  if (!action) return;
  // A clicker's Page keys and Escape are always the story's; a field keeps its arrows and Space.
  const always = event.key === 'PageDown' || event.key === 'PageUp' || event.key === 'Escape';
  if (!always && ownsKeys(event.target)) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  active(action);
}

if (typeof window !== 'undefined') window.addEventListener('keydown', onKeyDown, true);

/** Gives the window's story keys to `handler` while the calling component is mounted. */
export function useFollowKeys(handler: (action: FollowKeyAction) => void): void {
  useEffect(() => {
    active = handler;
    return () => {
      if (active === handler) active = null;
    };
  }, [handler]);
}
