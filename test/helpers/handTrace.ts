/**
 * A head small enough to work by hand, shared by the tests that check worked arithmetic
 * against hand-computed numbers: width 2, one head, wq = wk = I (so q = k = x) and
 * wv = [[1, 2], [3, 4]], scaled by √d_k, no positions, temperature 1.
 */
import { fromRows } from '../../src/core/matrix';
import { traceFromEmbedded, type EmbeddedText } from '../../src/core/trace';
import type { AttentionSettings, AttentionTrace, AttentionWeights } from '../../src/core/types';

/** The 2 × 2 identity. */
export const I2 = fromRows([
  [1, 0],
  [0, 1],
]);

/** wq = wk = wo = I, wv = [[1, 2], [3, 4]]. */
export const HAND_WEIGHTS: AttentionWeights = {
  heads: [
    {
      wq: I2,
      wk: I2,
      wv: fromRows([
        [1, 2],
        [3, 4],
      ]),
    },
  ],
  wo: I2,
};

/** Width 2, one head, scaled, no mask, no positions, temperature 1. */
export const HAND_SETTINGS: AttentionSettings = {
  width: 2,
  heads: 1,
  seed: 1,
  causal: false,
  scale: true,
  temperature: 1,
  weights: 'random',
  positions: false,
};

/** The trace of `embedded` under the hand-made head, with some settings changed. */
export function handTraceOf(
  embedded: EmbeddedText,
  patch: Partial<AttentionSettings> = {},
): AttentionTrace {
  return traceFromEmbedded(embedded, { ...HAND_SETTINGS, ...patch }, HAND_WEIGHTS);
}
