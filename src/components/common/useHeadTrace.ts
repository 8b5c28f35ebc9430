/**
 * The trace and the head the numbers panels show, read once here so that the matrices, the
 * work panel and the data tables always agree on which head they describe.
 */
import { useMemo } from 'react';
import { isolate } from '../../bidi';
import type { AttentionTrace, HeadTrace } from '../../core/types';
import { useTrace } from '../../store/useTrace';
import { useHead } from '../../store/selectors';

/** The trace, the selected head's index and trace, and the token texts (row labels). */
export interface HeadView {
  readonly trace: AttentionTrace;
  /** Index of the head shown, clamped to the trace's heads. */
  readonly headIndex: number;
  readonly head: HeadTrace;
  /** The tokens' texts in order, each isolated (see `isolate`) so any script keeps its order. */
  readonly labels: readonly string[];
}

/** The current trace seen through the selected head, or null while the word vectors load. */
export function useHeadTrace(): HeadView | null {
  const trace = useTrace();
  const selected = useHead();
  // Labels depend on the tokens only, so switching heads keeps the same array (and memoized rows).
  const labels = useMemo(() => trace?.tokens.map((t) => isolate(t.text)) ?? [], [trace]);
  return useMemo(() => {
    if (!trace) return null;
    // The store clamps the head on a settings change; clamping again covers a trace that
    // lags one render behind the store.
    const headIndex = Math.max(0, Math.min(selected, trace.heads.length - 1));
    const head = trace.heads[headIndex] as HeadTrace;
    return { trace, headIndex, head, labels };
  }, [trace, selected, labels]);
}
