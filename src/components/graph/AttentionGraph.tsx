/**
 * The directed attention graph of the selected head: tokens as nodes, an arrow from each
 * token to the tokens that carry most of its attention (or to every token, when the reader
 * asks), thicker and darker for more attention, faint weights fading out. It draws the
 * panel's scene (src/viz/graph/graphScene.ts: node places, edge paths, labels), which the
 * export writes too; React owns every element. The scene does not change on hover, so a
 * hover re-renders the overlay and the few nodes whose highlight changed, never the edge
 * list or the layout. Long inputs draw at most about a thousand edges (see maxEdgesFor),
 * dots instead of labelled boxes, and no transitions. A new layout is drawn at once, nodes,
 * edges and labels in the same frame (see AttentionGraph.css).
 */
import { useMemo, useRef, useState } from 'react';
import { useNumberFormat } from '../common/useNumberFormat';
import { useMessages } from '../../messages';
import type { Cell } from '../../vocabulary/cell';
import { edgeKey } from '../../viz/graph/edges';
import type { GraphScene, GraphSceneEdge } from '../../viz/graph/graphScene';
import { estimateTextWidth } from '../../viz/text';
import { useSvgId } from '../../viz/useSvgId';
import { GraphEdges, HighlightedEdges } from './GraphEdges';
import { ArrowMarker } from './ArrowMarker';
import { GraphNodes, HighlightedLabels } from './GraphNodes';
import { useGraphHandlers } from './useGraphHandlers';
import './AttentionGraph.css';
import { useHoverCell, useHoverToken, useSelection } from '../../store/selectors';

/** Props of `AttentionGraph`. */
export interface AttentionGraphProps {
  /** What to draw (from `useGraphScene`, which the panel also reads for its status and legend). */
  readonly scene: GraphScene;
}

const sameCell = (a: Cell | null, b: Cell | null) =>
  a !== null && b !== null && a.i === b.i && a.j === b.j;

/** In a compact drawing, up to this many of the hovered token's edges name both their ends. */
const NAMED_ENDS = 12;

/** From this many drawn edges or nodes on, nothing fades: animating a thousand paths per keystroke stutters. */
const DENSE = 200;

/** The graph (see the module comment). */
export function AttentionGraph({ scene }: AttentionGraphProps) {
  const m = useMessages().viz;
  const hoverToken = useHoverToken();
  const hoverCell = useHoverCell();
  const selected = useSelection();
  const svgRef = useRef<SVGSVGElement>(null);
  const markerId = useSvgId('arrow');
  const markerHlId = useSvgId('arrow-hl');
  const [activeNode, setActiveNode] = useState(0);
  const [activeEdge, setActiveEdge] = useState<string | null>(null);

  const n = scene.nodes.length;
  const { edges: drawn, focus, edgeOf } = scene;
  // Reading order (by source, then target): the order the arrow keys walk.
  const ordered = scene.selection?.edges;
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
  const hlEdges = useMemo(() => {
    const hl = drawn.filter(
      (e) =>
        e.source === hoverToken ||
        e.target === hoverToken ||
        sameCell(hoverCell, { i: e.source, j: e.target }) ||
        sameCell(selected, { i: e.source, j: e.target }),
    );
    // A chosen pair (a heatmap cell hovered or selected) shows its arrow even when the
    // filters leave it out, as most pairs are by default.
    for (const c of [hoverCell, selected]) {
      if (!c || hl.some((e) => e.source === c.i && e.target === c.j)) continue;
      const extra = edgeOf(c.i, c.j);
      if (extra) hl.push(extra);
    }
    return hl;
  }, [drawn, edgeOf, hoverToken, hoverCell, selected]);
  // In a compact drawing (a long input) thinning has left most labels out: name the tokens
  // the hovered token's edges lead to, so the strong arrows over the faint overview say
  // "it → ran, on, the". With many incoming edges, only the outgoing ones' ends.
  const labelled = useMemo(() => {
    if (!scene.compact || hoverToken === null) return highlighted;
    const set = new Set(highlighted);
    const named =
      hlEdges.length <= NAMED_ENDS ? hlEdges : hlEdges.filter((e) => e.source === hoverToken);
    for (const e of named.slice(0, NAMED_ENDS)) set.add(e.source).add(e.target);
    return set;
  }, [scene.compact, hoverToken, highlighted, hlEdges]);
  // The highlighted edges hold the hovered pair's, drawn or made for the highlight.
  const tooltipEdge = hoverCell
    ? hlEdges.find((e) => e.source === hoverCell.i && e.target === hoverCell.j)
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
      className={`attention-graph layout-${scene.layout}${hasHighlight ? ' has-highlight' : ''}${focus !== null ? ' has-focus' : ''}${scene.compact ? ' is-compact' : ''}${dense ? ' is-dense' : ''}`}
      // No role="img": an image's children are presentational, which would hide the nodes and
      // edges (buttons) from screen readers. The SVG's own role, a graphics document, keeps
      // them; Playwright still reports it as an img named "Attention graph".
      aria-label={m.graphLabel}
      width={scene.width}
      height={scene.height}
      viewBox={`0 0 ${scene.width} ${scene.height}`}
    >
      <defs>
        <ArrowMarker id={markerId} />
        <ArrowMarker id={markerHlId} highlighted />
      </defs>
      {scene.baselineY !== null && (
        <line
          className="graph-baseline"
          x1={0}
          x2={scene.width}
          y1={scene.baselineY}
          y2={scene.baselineY}
        />
      )}
      <g className="edges" {...edgeHandlers}>
        <GraphEdges edges={drawn} activeKey={rovingEdge} markerId={markerId} />
      </g>
      <HighlightedEdges edges={hlEdges} markerId={markerHlId} labels={scene.edgeLabels} />
      <g className="nodes" {...nodeHandlers}>
        <GraphNodes scene={scene} highlighted={highlighted} active={Math.min(activeNode, n - 1)} />
      </g>
      {scene.compact && <HighlightedLabels scene={scene} highlighted={labelled} />}
      {tooltipEdge && <EdgeTooltip edge={tooltipEdge} scene={scene} />}
    </svg>
  );
}

/** The weight of the hovered or focused edge, in a box beside the middle of its curve. */
function EdgeTooltip({ edge, scene }: { edge: GraphSceneEdge; scene: GraphScene }) {
  const fmt = useNumberFormat();
  const m = useMessages().viz;
  const text = m.edgeTooltip(
    scene.nodes[edge.source]?.display ?? '',
    scene.nodes[edge.target]?.display ?? '',
    fmt.number(edge.weight, 3),
  );
  const w = estimateTextWidth(text, 13) + 16;
  const h = 24;
  // Keep the box inside the drawing, above the curve's middle where there is room.
  const x = Math.max(2, Math.min(scene.width - w - 2, edge.label.x - w / 2));
  const y = Math.max(2, Math.min(scene.height - h - 2, edge.label.y - h - 8));
  return (
    <g className="graph-tooltip" role="tooltip" transform={`translate(${x} ${y})`}>
      <rect width={w} height={h} rx={4} />
      <text x={w / 2} y={h / 2} textAnchor="middle" dominantBaseline="central">
        {text}
      </text>
    </g>
  );
}
