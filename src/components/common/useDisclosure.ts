/**
 * The behaviour of a small pop-up menu built on a native `<details>`: Enter and Space open
 * it (the browser's), Escape closes it and returns focus to its button, a click or a focus
 * outside closes it, and ↑ ↓ Home End move between its buttons. The list that opens is
 * moved sideways as far as needed to stay inside the window (a menu near the edge of a
 * 280-pixel phone would otherwise open past it).
 *
 * Whether the menu is open is read from the element itself (`details.open`), never from
 * the `toggle` event: the browser fires that event in a later task, so a key pressed in
 * the few milliseconds after opening would otherwise find the menu "closed".
 */
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';

/** What `useDisclosure` gives the menu to wire up. */
export interface Disclosure {
  readonly ref: RefObject<HTMLDetailsElement | null>;
  /** True once the `toggle` event has told React (for rendering only, never for decisions). */
  readonly open: boolean;
  /** Closes the menu and puts focus back on its button. */
  close(): void;
  /** The `<details>` element's props. */
  readonly props: {
    readonly ref: RefObject<HTMLDetailsElement | null>;
    readonly onToggle: (e: { currentTarget: HTMLDetailsElement }) => void;
    readonly onKeyDown: (e: KeyboardEvent<HTMLDetailsElement>) => void;
  };
}

const MOVES = ['ArrowDown', 'ArrowUp', 'Home', 'End'];

/** Space kept between an open list and the window's edges, in px. */
const EDGE = 8;

/** Moves the open list of `details` sideways until it is inside the window (or as near as it fits). */
export function keepInsideWindow(details: HTMLDetailsElement): void {
  const list = details.querySelector<HTMLElement>(':scope > :not(summary)');
  if (!list) return;
  list.style.transform = '';
  if (!details.open) return;
  const box = list.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  let shift = 0;
  if (box.right > width - EDGE) shift = width - EDGE - box.right;
  // The left edge wins when the list is wider than the window: its start stays readable.
  if (box.left + shift < EDGE) shift = EDGE - box.left;
  if (shift !== 0) list.style.transform = `translateX(${Math.round(shift)}px)`;
}

/** See the module comment. */
export function useDisclosure(): Disclosure {
  const ref = useRef<HTMLDetailsElement | null>(null);
  const [open, setOpen] = useState(false);

  // A click or a focus outside the open menu closes it, as menus do. The listeners stay
  // for the menu's lifetime (cheap), so they work from the first moment it is open.
  useEffect(() => {
    const onOutside = (e: Event) => {
      const details = ref.current;
      if (details?.open && e.target instanceof Node && !details.contains(e.target)) {
        details.open = false;
      }
    };
    document.addEventListener('pointerdown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('pointerdown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, []);

  const close = useCallback(() => {
    const details = ref.current;
    if (!details) return;
    details.open = false;
    details.querySelector('summary')?.focus();
  }, []);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDetailsElement>) => {
      const details = ref.current;
      if (!details?.open) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        close();
        return;
      }
      if (!MOVES.includes(e.key)) return;
      const items = Array.from(details.querySelectorAll<HTMLButtonElement>('li button'));
      if (items.length === 0) return;
      e.preventDefault();
      // Stop here: ← → and the other step keys belong to the page, not to an open menu.
      e.stopPropagation();
      const at = items.indexOf(document.activeElement as HTMLButtonElement);
      const last = items.length - 1;
      const to =
        e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? last
            : e.key === 'ArrowDown'
              ? at < 0 || at === last
                ? 0
                : at + 1
              : at <= 0
                ? last
                : at - 1;
      items[to]?.focus();
    },
    [close],
  );

  const onToggle = useCallback(
    (e: { currentTarget: HTMLDetailsElement }) => setOpen(e.currentTarget.open),
    [],
  );

  // Fitted when the `open` attribute changes: a mutation observer runs before the next
  // paint, where the toggle event may come a frame late.
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const observer = new MutationObserver(() => keepInsideWindow(details));
    observer.observe(details, { attributes: true, attributeFilter: ['open'] });
    return () => observer.disconnect();
  }, []);

  // The window may narrow while the menu is open (a phone turned, a window resized).
  useEffect(() => {
    if (!open) return;
    const refit = () => {
      if (ref.current) keepInsideWindow(ref.current);
    };
    window.addEventListener('resize', refit);
    return () => window.removeEventListener('resize', refit);
  }, [open]);

  return { ref, open, close, props: { ref, onToggle, onKeyDown } };
}
