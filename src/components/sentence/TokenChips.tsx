/**
 * The "Tokens" list under the sentence: one chip per token, in order, a count, and a
 * legend that explains the unknown and borrowed vectors present in this sentence.
 * One chip is in the tab order; ↑ ↓ Home End move between chips (← → belong to the steps).
 */
import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { isolate } from '../../bidi';
import { MAX_TOKENS } from '../../core/tokenizer';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { useTrace } from '../../store/useTrace';
import { TokenChip } from './TokenChip';
import { LeftOutNote } from './LeftOutNote';
import { TokenLegend } from './TokenLegend';
import { borrowedWord } from './tokenInfo';
import { truncateLabel } from '../../viz/text';
import './TokenChips.css';

/** The longest a chip's tooltip quotes its token, in characters. */
const MAX_TOOLTIP_TOKEN = 80;

const MOVES: Record<string, (i: number, last: number) => number> = {
  ArrowDown: (i, last) => Math.min(last, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_, last) => last,
};

/** The token chips of the current trace, or the empty and loading states. */
export function TokenChips() {
  const m = useMessages().shell.tokens;
  const noTokens = useMessages().reliability.noTokens;
  const trace = useTrace();
  // Stops at the first visible character: trimming a 5 MB text on every keystroke is not free.
  const blank = useAppStore((s) => !/\S/.test(s.text));
  // The chips come with the text, before the table: which words it has is told once it is here.
  const tableLoading = useAppStore((s) => s.vectors.status === 'loading');
  const id = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);

  if (blank) return <p className="tokens-empty">{m.empty}</p>;
  if (!trace) return <p className="hint tokens-loading">{m.loading}</p>;
  if (trace.tokens.length === 0) {
    return (
      <div className="tokens">
        <p className="tokens-empty">{noTokens}</p>
        <LeftOutNote trace={trace} />
      </div>
    );
  }

  const tokens = trace.tokens;
  const madeUp = trace.vectors === 'made-up';
  const pending = madeUp && tableLoading;
  const unknown = tokens.filter((t) => !t.known).length;
  const tabStop = active < tokens.length ? active : 0;
  const legendId = (kind: string) => `${id}-${kind}`;

  const onFocus = (event: FocusEvent<HTMLUListElement>) => {
    const index = Number((event.target as HTMLElement).closest('li')?.dataset.tokenIndex ?? NaN);
    if (!Number.isNaN(index)) setActive(index);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const move = MOVES[event.key];
    const from = Number((event.target as HTMLElement).closest('li')?.dataset.tokenIndex ?? NaN);
    if (!move || Number.isNaN(from)) return;
    event.preventDefault();
    const to = move(from, tokens.length - 1);
    setActive(to);
    listRef.current?.querySelectorAll('button')[to]?.focus();
  };

  return (
    <div className="tokens">
      <div className="tokens__header">
        <h3 className="tokens__heading">{m.heading}</h3>
        <p className="tokens__count">
          {pending ? m.countPending(tokens.length) : m.count(tokens.length, unknown)}
        </p>
      </div>
      {/* The chips start a new list for every text, so index keys are the tokens' identity. */}
      <ul
        className="tokens__list"
        aria-label={m.label}
        ref={listRef}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        {tokens.map((token, i) => {
          const borrowed = borrowedWord(token);
          // A tooltip quotes a token of 64 KB shortened, as the labels do.
          const quoted = isolate(truncateLabel(token.text, MAX_TOOLTIP_TOKEN));
          const tooltip = pending
            ? m.chipPending(quoted)
            : !token.known
              ? m.chipUnknown(quoted)
              : borrowed
                ? m.chipClitic(quoted, borrowed)
                : m.chipKnown(isolate(token.lookup), (token.vocabIndex ?? 0) + 1);
          return (
            <TokenChip
              key={i}
              index={i}
              text={token.text}
              known={pending ? 'pending' : token.known}
              borrowed={borrowed}
              tooltip={tooltip}
              describedBy={
                !token.known && !madeUp
                  ? legendId('unknown')
                  : borrowed
                    ? legendId(`clitic-${borrowed}`)
                    : undefined
              }
              tabStop={i === tabStop}
            />
          );
        })}
      </ul>
      {trace.truncated && <p className="tokens__note">{m.truncated(MAX_TOKENS)}</p>}
      <LeftOutNote trace={trace} />
      <TokenLegend tokens={tokens} madeUp={madeUp} idFor={legendId} />
    </div>
  );
}
