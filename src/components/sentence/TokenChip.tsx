/**
 * One token chip. Its visible text is exactly the token's text (the automation contract
 * matches list items by text); how the word found its vector is told by the chip's style,
 * its tooltip and the legend it points to with aria-describedby.
 */
import { memo } from 'react';
import { useAppStore } from '../../store/store';

/** Props of a chip: the token and how it was looked up. */
export interface TokenChipProps {
  readonly index: number;
  readonly text: string;
  /** Whether the table has the word; 'pending' while the table loads (no marking yet). */
  readonly known: boolean | 'pending';
  /** The word whose vector a clitic borrowed ("not" for "n't"), or null. */
  readonly borrowed: string | null;
  /** Tooltip: the lookup in words. */
  readonly tooltip: string;
  /** Id of the legend entry that explains the chip's marking, if any. */
  readonly describedBy: string | undefined;
  /** Roving tab stop: only one chip of the list is in the tab order. */
  readonly tabStop: boolean;
}

type Mark = 'token' | 'query' | 'key' | null;

/** A token chip that highlights with the linked token or cell, and sets the hovered token. */
export const TokenChip = memo(function TokenChip(props: TokenChipProps) {
  const { index, text, known, borrowed, tooltip, describedBy, tabStop } = props;
  // Primitive selectors: a hover elsewhere re-renders only the chips whose mark changes.
  const mark = useAppStore((s): Mark => {
    if (s.hoverToken === index) return 'token';
    if (s.hoverCell?.i === index) return 'query';
    if (s.hoverCell?.j === index) return 'key';
    return null;
  });
  const focused = useAppStore((s) => s.graph.focus === index);
  const setHoverToken = useAppStore((s) => s.setHoverToken);
  const setGraph = useAppStore((s) => s.setGraph);
  const enter = () => setHoverToken(index);
  const leave = () => {
    // Another panel may have taken the hover since; only clear what this chip set.
    if (useAppStore.getState().hoverToken === index) setHoverToken(null);
  };
  return (
    <li
      className="chip"
      data-token-index={index}
      data-known={known}
      data-lookup={borrowed ?? undefined}
      data-mark={mark ?? undefined}
    >
      <button
        type="button"
        className="chip__button"
        // A right-to-left token lays out right to left inside its chip, isolated from the others.
        dir="auto"
        // Repeated here because CSS attr() reads only the element's own attributes.
        data-lookup={borrowed ?? undefined}
        title={tooltip}
        aria-describedby={describedBy}
        aria-pressed={focused}
        tabIndex={tabStop ? 0 : -1}
        onMouseEnter={enter}
        onMouseLeave={leave}
        onFocus={enter}
        onBlur={leave}
        onClick={() => setGraph({ focus: focused ? null : index })}
      >
        {text}
      </button>
    </li>
  );
});
