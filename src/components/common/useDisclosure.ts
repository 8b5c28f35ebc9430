/**
 * The behaviour of a small pop-up menu built on a native `<details>`: Enter and Space open
 * it (the browser's), Escape closes it and returns focus to its button, a click or a focus
 * outside closes it, and ↑ ↓ Home End move between its buttons.
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

  return { ref, open, close, props: { ref, onToggle, onKeyDown } };
}
