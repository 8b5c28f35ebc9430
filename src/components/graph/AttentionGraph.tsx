/**
 * The directed attention graph of the selected head: tokens as nodes, an arrow from each
 * token to every token it attends to, thicker and darker for more attention. React owns
 * every element; layouts and paths come memoized from src/viz, keyed on the sentence's
 * labels, the layout and the width (and the weights for the force layout only), so a hover
 * re-renders the overlay and the few nodes whose highlight changed, never the edge list or
 * the layout. Long inputs draw at most about a thousand edges (see maxEdgesFor), dots
 * instead of labelled boxes, and no transitions.
 */
import { useMemo, useRef, useState } from 'react';
import type { AttentionTrace } from '../../core/types';
import { useNumberFormat } from '../common/useNumberFormat';
import { isolate } from '../../bidi';
import { useMessages } from '../../messages';
import { hasReached } from '../../store/steps';
import { useAppStore, type Cell } from '../../store/store';
import {
  edgeKey,
  maxEdgesFor,
  selectEdgesDetailed,
  type EdgeSelection,
} from '../../viz/graph/edges';
import { effectiveLayout, graphGeometry } from '../../viz/graph/graphGeometry';
import { headAt } from '../../viz/heatmap/heatmapModel';
import { estimateTextWidth } from '../../viz/text';
import { useSvgId } from '../../viz/useSvgId';
import { GraphEdges, HighlightedEdges, type DrawnEdge } from './GraphEdges';
import { ArrowMarker } from './ArrowMarker';
import { GraphNodes, HighlightedLabels } from './GraphNodes';
import { useGraphHandlers } from './useGraphHandlers';
import './AttentionGraph.css';

/** Props of `AttentionGraph`. */
export interface AttentionGraphProps {
  readonly trace: AttentionTrace;
  /** Width of the drawing, px (the panel's width). */
  readonly width: number;
  /** The edges to draw (from `useEdgeSelection`, which the panel also reads for its status line). */
  readonly selection: EdgeSelection | null;
}

/** The edges to draw for the store's filters, or null before step Softmax. */
export function useEdgeSelection(trace: AttentionTrace): EdgeSelection | null {
  const step = useAppStore((s) => s.step);
  const headIndex = useAppStore((s) => s.head);
  const threshold = useAppStore((s) => s.graph.threshold);
  const topK = useAppStore((s) => s.graph.topK);
  const focus = useAppStore((s) => s.graph.focus);
  const direction = useAppStore((s) => s.graph.direction);
  const weights = headAt(trace, headIndex)?.weights ?? null;
  const reached = hasReached(step, 'softmax');
  return useMemo(
    () =>
      reached && weights
        ? selectEdgesDetailed(weights, {
            threshold,
            topK,
            focus,
            direction,
            maxEdges: maxEdgesFor(weights.rows, topK, focus !== null),
          })
        : null,
    [reached, weights, threshold, topK, focus, direction],
  );
}

const sameCell = (a: Cell | null, b: Cell | null) =>
  a !== null && b !== null && a.i === b.i && a.j === b.j;

/** With a focus, edges carry their weight as a label, up to this many (beyond, the labels would pile up). */
export const MAX_EDGE_LABELS = 40;
/** From this many drawn edges or nodes on, nothing glides: animating a thousand paths per keystroke stutters. */
const DENSE = 200;

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

/** The graph (see the module comment). */
export function AttentionGraph({ trace, width, selection }: AttentionGraphProps) {
  const fmt = useNumberFormat();
  const m = useMessages().viz;
  const headIndex = useAppStore((s) => s.head);
  const chosenLayout = useAppStore((s) => s.graph.layout);
  const focus = useAppStore((s) => s.graph.focus);
  const direction = useAppStore((s) => s.graph.direction);
  const hoverToken = useAppStore((s) => s.hoverToken);
  const hoverCell = useAppStore((s) => s.hoverCell);
  const selected = useAppStore((s) => s.selection);
  const svgRef = useRef<SVGSVGElement>(null);
  const markerId = useSvgId('arrow');
  const markerHlId = useSvgId('arrow-hl');
  const [activeNode, setActiveNode] = useState(0);
  const [activeEdge, setActiveEdge] = useState<string | null>(null);

  const texts = useTokenTexts(trace);
  const n = texts.length;
  const layout = effectiveLayout(chosenLayout, n);
  // Only the force layout depends on the weights; the others stay put when a setting changes.
  const forceWeights = layout === 'force' ? (headAt(trace, headIndex)?.weights ?? null) : null;
  const causal = trace.settings.causal;
  const geometry = useMemo(
    () => graphGeometry(texts, layout, width, forceWeights, causal),
    [texts, layout, width, forceWeights, causal],
  );

  const ordered = selection?.edges;
  const drawn = useMemo<DrawnEdge[]>(
    () =>
      (ordered ?? [])
        .map((e) => ({ ...e, ...geometry.edgeShape(e.source, e.target) }))
        .sort((a, b) => a.weight - b.weight),
    [ordered, geometry],
  );
  const rovingEdge = ordered?.some((e) => edgeKey(e.source, e.target) === activeEdge)
    ? activeEdge
    : ordered?.[0]
      ? edgeKey(ordered[0].source, ordered[0].target)
      : null;

  const highlighted = useMemo(() => {
    const set = new Set<number>();
    if (hoverToken !== null) set.add(hoverToken);
    for (const c of [hoverCell, selected]) if (c) set.add(c.i).add(c.j);
    return set;
  }, [hoverToken, hoverCell, selected]);
  const hlEdges = useMemo(
    () =>
      drawn.filter(
        (e) =>
          e.source === hoverToken ||
          e.target === hoverToken ||
          sameCell(hoverCell, { i: e.source, j: e.target }) ||
          sameCell(selected, { i: e.source, j: e.target }),
      ),
    [drawn, hoverToken, hoverCell, selected],
  );
  // With a focused token there are at most T edges: print their weights. They fan out from
  // the focused token, so each label goes near the edge's other end, where the fan is widest.
  const labels = useMemo(
    () =>
      focus === null || drawn.length > MAX_EDGE_LABELS
        ? []
        : drawn.map((e) => {
            const p =
              e.source === e.target ? e.label : direction === 'out' ? e.nearTarget : e.nearSource;
            return {
              key: edgeKey(e.source, e.target),
              x: p.x,
              y: p.y,
              text: fmt.number(e.weight, 2),
            };
          }),
    [drawn, focus, direction, fmt],
  );
  const tooltipEdge = hoverCell
    ? drawn.find((e) => e.source === hoverCell.i && e.target === hoverCell.j)
    : undefined;

  const { nodeHandlers, edgeHandlers } = useGraphHandlers(
    svgRef,
    n,
    ordered,
    setActiveNode,
    setActiveEdge,
  );

  const hasHighlight = hlEdges.length > 0;
  const dense = drawn.length >= DENSE || n >= DENSE;
  return (
    <svg
      ref={svgRef}
      className={`attention-graph layout-${layout}${hasHighlight ? ' has-highlight' : ''}${focus !== null ? ' has-focus' : ''}${geometry.compact ? ' is-compact' : ''}${dense ? ' is-dense' : ''}`}
      // No role="img": an image's children are presentational, which would hide the nodes and
      // edges (buttons) from screen readers. The SVG's own role, a graphics document, keeps
      // them; Playwright still reports it as an img named "Attention graph".
      aria-label={m.graphLabel}
      width={geometry.width}
      height={geometry.height}
      viewBox={`0 0 ${geometry.width} ${geometry.height}`}
    >
      <defs>
        <ArrowMarker id={markerId} />
        <ArrowMarker id={markerHlId} highlighted />
      </defs>
      {geometry.orientation === 'horizontal' && layout === 'line' && n > 0 && (
        <line
          className="graph-baseline"
          x1={0}
          x2={geometry.width}
          y1={geometry.boxes[0]?.y ?? 0}
          y2={geometry.boxes[0]?.y ?? 0}
        />
      )}
      <g className="edges" {...edgeHandlers}>
        <GraphEdges edges={drawn} tokens={texts} activeKey={rovingEdge} markerId={markerId} />
      </g>
      <HighlightedEdges edges={hlEdges} markerId={markerHlId} labels={labels} />
      <g className="nodes" {...nodeHandlers}>
        <GraphNodes
          geometry={geometry}
          tokens={trace.tokens}
          highlighted={highlighted}
          focus={focus}
          active={Math.min(activeNode, n - 1)}
        />
      </g>
      {geometry.compact && (
        <HighlightedLabels
          geometry={geometry}
          texts={texts}
          highlighted={highlighted}
          focus={focus}
        />
      )}
      {tooltipEdge && (
        <EdgeTooltip
          edge={tooltipEdge}
          texts={texts}
          width={geometry.width}
          height={geometry.height}
        />
      )}
    </svg>
  );
}

/** The weight of the hovered or focused edge, in a box beside the middle of its curve. */
function EdgeTooltip({
  edge,
  texts,
  width,
  height,
}: {
  edge: DrawnEdge;
  texts: readonly string[];
  width: number;
  height: number;
}) {
  const fmt = useNumberFormat();
  const m = useMessages().viz;
  const text = m.edgeTooltip(
    texts[edge.source] ?? '',
    texts[edge.target] ?? '',
    fmt.number(edge.weight, 3),
  );
  const w = estimateTextWidth(text, 13) + 16;
  const h = 24;
  // Keep the box inside the drawing, above the curve's middle where there is room.
  const x = Math.max(2, Math.min(width - w - 2, edge.label.x - w / 2));
  const y = Math.max(2, Math.min(height - h - 2, edge.label.y - h - 8));
  return (
    <g className="graph-tooltip" role="tooltip" transform={`translate(${x} ${y})`}>
      <rect width={w} height={h} rx={4} />
      <text x={w / 2} y={h / 2} textAnchor="middle" dominantBaseline="central">
        {text}
      </text>
    </g>
  );
}
