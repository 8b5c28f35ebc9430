/**
 * Which token "Follow one token" starts on. Apart from the story's builder so that the
 * button, in the first page's bundle, does not bring the builder and its arithmetic along.
 */
import type { AttentionTrace } from '../../core/types';
import type { Cell } from '../../vocabulary/cell';

/**
 * The token a teacher most likely wants to follow: the query of the selected cell, else the
 * last word (a sentence's last content word is where its references resolve), else the
 * last token.
 */
export function defaultFollowToken(trace: AttentionTrace, selection: Cell | null): number {
  const T = trace.tokens.length;
  if (selection && selection.i < T) return selection.i;
  for (let i = T - 1; i >= 0; i--) if (trace.tokens[i]?.kind === 'word') return i;
  return Math.max(0, T - 1);
}
