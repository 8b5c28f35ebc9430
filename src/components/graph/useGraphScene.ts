/**
 * The graph's scene for the store's view (src/viz/graph/graphScene.ts), built once per
 * render of the panel and handed to the drawing, the legend, the status line and the
 * export menu alike. Memoized in two layers: the nodes' placement keys on the sentence's
 * texts, the layout, the width and the causal mask (and the weights for the force layout
 * only), so a new threshold or focus re-chooses the edges without moving a node; and no
 * hover touches either.
 */
import { useMemo } from 'react';
import { isolate } from '../../bidi';
import type { AttentionTrace } from '../../core/types';
import { useMessages } from '../../messages';
import { hasReached } from '../../vocabulary/steps';
import { useAppStore } from '../../store/store';
import { effectiveLayout } from '../../viz/graph/graphGeometry';
import { graphScene, layoutGraph, type GraphScene } from '../../viz/graph/graphScene';
import { headAt } from '../../viz/heatmap/heatmapModel';
import { useNumberFormat } from '../common/useNumberFormat';
import { useHead, useStep } from '../../store/selectors';

/**
 * The tokens' texts as an array that keeps its identity while the texts stay the same, so
 * that a new trace of the same sentence (another head, seed or temperature) keeps its layout.
 */
export function useTokenTexts(trace: AttentionTrace): readonly string[] {
  // Isolated (see `isolate`): labels, titles and tooltips keep a right-to-left token's order.
  const key = useMemo(
    () => JSON.stringify(trace.tokens.map((t) => isolate(t.text))),
    [trace.tokens],
  );
  return useMemo(() => JSON.parse(key) as string[], [key]);
}

/** The scene of `trace`'s graph, `width` px wide, for the store's head, step and graph view. */
export function useGraphScene(trace: AttentionTrace, width: number): GraphScene {
  const format = useNumberFormat();
  const strings = useMessages().viz;
  const step = useStep();
  const headIndex = useHead();
  const view = useAppStore((s) => s.graph);
  const texts = useTokenTexts(trace);
  const weights = headAt(trace, headIndex)?.weights ?? null;
  const layout = effectiveLayout(view.layout, texts.length);
  // Only the force layout depends on the weights; the others stay put when a setting changes.
  const forceWeights = layout === 'force' ? weights : null;
  const causal = trace.settings.causal;
  const geometry = useMemo(
    () => layoutGraph({ texts, layout, width, weights: forceWeights, causal }),
    [texts, layout, width, forceWeights, causal],
  );
  const edgesShown = hasReached(step, 'softmax');
  const tokens = trace.tokens;
  return useMemo(
    () =>
      graphScene({ tokens, width, weights, edgesShown, causal, view, format, strings }, geometry),
    [tokens, width, weights, edgesShown, causal, view, format, strings, geometry],
  );
}
