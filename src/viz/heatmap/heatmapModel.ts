/**
 * What the heatmap shows at each step of the walkthrough: which matrices of a head may be
 * seen (raw, scaled and masked scores from step Score, weights from Softmax), their colour
 * scale and which cells are masked. Pure, shared by every heatmap renderer.
 */
import type { Matrix } from '../../core/matrix';
import type { AttentionSettings, AttentionTrace, HeadTrace } from '../../core/types';
import { hasReached, type StepId } from '../../vocabulary/steps';
import { rowSums } from './heatmapGeometry';
import { divergingScale, maxAbs, weightScale, type ColorScale } from '../scales';

/** Which matrix of the head the heatmap shows. */
export type HeatmapMode = 'scores' | 'scaled' | 'masked' | 'weights';

/**
 * The matrices the walkthrough at `step` has computed, in pipeline order. Scaling and masking
 * appear only when the settings do them (otherwise they would repeat the matrix before).
 */
export function availableModes(
  step: StepId,
  settings: Pick<AttentionSettings, 'scale' | 'causal'>,
): HeatmapMode[] {
  if (!hasReached(step, 'score')) return [];
  const modes: HeatmapMode[] = ['scores'];
  if (settings.scale) modes.push('scaled');
  if (settings.causal) modes.push('masked');
  if (hasReached(step, 'softmax')) modes.push('weights');
  return modes;
}

/** The user's choice when still available, else the latest matrix (what the current step made). */
export function resolveMode(
  requested: HeatmapMode | null,
  available: readonly HeatmapMode[],
): HeatmapMode | null {
  if (requested !== null && available.includes(requested)) return requested;
  return available[available.length - 1] ?? null;
}

/** One matrix ready to draw. */
export interface HeatmapView {
  readonly mode: HeatmapMode;
  readonly values: Matrix; // (T, T)
  readonly kind: 'diverging' | 'sequential';
  readonly color: ColorScale;
  /** Largest |score| the diverging scale shows (1 for weights). */
  readonly limit: number;
  /** True where the causal mask has hidden the key (j > i) in this matrix. */
  readonly causal: boolean;
  /** Row sums once softmax has been applied, else null. */
  readonly sums: readonly number[] | null;
}

/**
 * The view of `head` in `mode`. Each score matrix gets its own symmetric colour range, so
 * the scaled scores are as readable as the raw ones; the legend's range (and the numbers)
 * show how much dividing by √d_k shrank them.
 */
export function heatmapView(head: HeadTrace, mode: HeatmapMode, causal: boolean): HeatmapView {
  if (mode === 'weights') {
    return {
      mode,
      values: head.weights,
      kind: 'sequential',
      color: weightScale(),
      limit: 1,
      causal,
      sums: rowSums(head.weights),
    };
  }
  const values = mode === 'scores' ? head.scores : mode === 'scaled' ? head.scaled : head.masked;
  // maxAbs skips the mask's −∞, so masking never stretches the range.
  const limit = maxAbs(values.data);
  return {
    mode,
    values,
    kind: 'diverging',
    color: divergingScale(limit),
    limit: limit > 0 ? limit : 1,
    causal: causal && mode === 'masked',
    sums: null,
  };
}

/** True when cell (i, j) is hidden by the causal mask in `view`. */
export function isMaskedCell(view: Pick<HeatmapView, 'causal'>, i: number, j: number): boolean {
  return view.causal && j > i;
}

/** The head the panels show, clamped to the trace (the store's head may briefly outrun a deferred trace). */
export function headAt(trace: AttentionTrace, head: number): HeadTrace | undefined {
  return trace.heads[Math.max(0, Math.min(head, trace.heads.length - 1))];
}
