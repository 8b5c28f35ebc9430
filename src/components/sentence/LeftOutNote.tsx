/**
 * A note under the token chips when the text holds invisible characters that are not
 * tokens (controls, format characters, lone surrogates): they are left out, and the note
 * says how many, so that they never vanish without a word.
 */
import { useMemo } from 'react';
import { countLeftOut } from '../../core/leftOut';
import type { AttentionTrace } from '../../core/types';
import { useMessages } from '../../messages';

/** The "N invisible characters were left out" note, or nothing when there are none. */
export function LeftOutNote({ trace }: { trace: AttentionTrace }) {
  const m = useMessages().reliability;
  const count = useMemo(
    () => countLeftOut(trace.text, trace.tokens, trace.truncated),
    [trace.text, trace.tokens, trace.truncated],
  );
  if (count === 0) return null;
  return (
    <p className="tokens__note" data-left-out={count}>
      {m.leftOut(count)}
    </p>
  );
}
