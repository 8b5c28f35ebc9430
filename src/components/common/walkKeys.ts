/**
 * The keys that walk through a sequence (the presentation's steps, the frames of "Follow
 * one token"), as a keyboard and a presentation clicker send them. One rule, so both
 * sequences answer the same keys the same way.
 */

/** A move through a sequence. */
export type WalkMove = 'next' | 'previous' | 'first' | 'last';

/**
 * The move of `event`'s key, or null. Space goes on (Shift+Space back), ↓ PageDown on,
 * ↑ PageUp back, Home and End to the ends; with `arrowsAcross`, → and ← too. A key held
 * with Alt, Ctrl or Meta, or another key with Shift, is not a move.
 */
export function walkKey(event: KeyboardEvent, arrowsAcross = false): WalkMove | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.key === ' ' || event.key === 'Spacebar') return event.shiftKey ? 'previous' : 'next';
  if (event.shiftKey) return null;
  switch (event.key) {
    case 'ArrowRight':
      return arrowsAcross ? 'next' : null;
    case 'ArrowLeft':
      return arrowsAcross ? 'previous' : null;
    case 'ArrowDown':
    case 'PageDown':
      return 'next';
    case 'ArrowUp':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}
