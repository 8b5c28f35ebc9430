/**
 * The order of the stage's parts in the document, which is also the order of the keyboard
 * and of screen readers: it follows what the eye sees first, so that Tab never jumps back up
 * the screen. Pure, for Stage.tsx.
 */
import type { StepId } from '../../vocabulary/steps';

/** The picture panels of the stage. */
export type PicturePanel = 'matrices' | 'views' | 'work';

/** Steps whose picture is the matrices panel (the embeddings, Q K V, the weighted sum, the output). */
const MATRICES_FIRST: ReadonlySet<StepId> = new Set<StepId>([
  'tokens',
  'qkv',
  'weighted',
  'output',
]);

/**
 * The picture panels in the order `step` shows them: its own picture first (the matrices,
 * or the heatmap and the graph), then the worked arithmetic beside the attention views.
 */
export function pictureOrder(step: StepId): readonly PicturePanel[] {
  return MATRICES_FIRST.has(step) ? ['matrices', 'views', 'work'] : ['views', 'work', 'matrices'];
}

/** The two attention views. */
export type AttentionView = 'heatmap' | 'graph';

/**
 * The attention views in the order `step` shows them: at Weighted sum the graph stands
 * beside the matrices in the first row and the heatmap below, elsewhere the heatmap comes first.
 */
export function viewOrder(step: StepId): readonly AttentionView[] {
  return step === 'weighted' ? ['graph', 'heatmap'] : ['heatmap', 'graph'];
}

/**
 * Media query of the one-column layout (phones, tablets held upright, short windows); App.css
 * uses the same bounds. There the picture comes before the words, on the stage after them.
 */
export const ONE_COLUMN = '(max-width: 899px), (max-height: 499px)';
