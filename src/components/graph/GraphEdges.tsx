/**
 * The graph's drawn edges: one <g> per edge carrying data-source, data-target and
 * data-weight (the automation contract), with a wide invisible hit path so thin edges are
 * easy to point at, and the visible path ending in an arrowhead at the attended token.
 * Memoized: hover and highlight live in an overlay, so pointing at things redraws a few
 * paths, not a thousand.
 */
import { memo, type CSSProperties } from 'react';
import type { EdgeLabel, GraphSceneEdge } from '../../viz/graph/graphScene';

/** Props of `GraphEdges`. */
export interface GraphEdgesProps {
  /** The scene's edges, in drawing order (weakest first, so strong edges lie on top). */
  readonly edges: readonly GraphSceneEdge[];
  /** Key (`edgeKey`) of the edge holding the one tab stop of the edge list. */
  readonly activeKey: string | null;
  /** id of the arrowhead marker. */
  readonly markerId: string;
}

/** Inline style setting the edge's weight-driven opacity through a custom property, so CSS can dim it. */
function edgeStyle(e: GraphSceneEdge) {
  return { strokeWidth: e.strokeWidth, '--edge-opacity': e.opacity } as CSSProperties;
}

/** The list of edges (see the module comment). */
export const GraphEdges = memo(function GraphEdges({
  edges,
  activeKey,
  markerId,
}: GraphEdgesProps) {
  return (
    <>
      {edges.map((e) => (
        <g
          key={e.key}
          className="edge"
          data-source={e.source}
          data-target={e.target}
          data-weight={String(e.weight)}
          // A button: clicking it, or Enter, opens the pair's arithmetic.
          role="button"
          tabIndex={e.key === activeKey ? 0 : -1}
          aria-label={e.title}
        >
          <title>{e.title}</title>
          <path className="edge-hit" d={e.d} />
          <path
            className="edge-line"
            d={e.d}
            style={edgeStyle(e)}
            markerEnd={`url(#${markerId})`}
          />
        </g>
      ))}
    </>
  );
});

/** Props of `HighlightedEdges`. */
export interface HighlightedEdgesProps {
  readonly edges: readonly GraphSceneEdge[];
  readonly markerId: string;
  /** The scene's weight labels (a focused token's edges). */
  readonly labels: readonly EdgeLabel[];
}

/** Highlighted edges redrawn on top in the highlight colour, and weight labels; not interactive. */
export function HighlightedEdges({ edges, markerId, labels }: HighlightedEdgesProps) {
  return (
    <g className="edge-overlay" aria-hidden="true">
      {edges.map((e) => (
        <path
          key={e.key}
          className="edge-line edge-line--hl"
          d={e.d}
          style={{ strokeWidth: e.strokeWidth + 1 }}
          markerEnd={`url(#${markerId})`}
        />
      ))}
      {labels.map((l) => (
        <text
          key={l.key}
          className="edge-label"
          x={l.x}
          y={l.y}
          textAnchor="middle"
          dominantBaseline="central"
        >
          {l.text}
        </text>
      ))}
    </g>
  );
}
