/**
 * The graph's drawn edges: one <g> per edge carrying data-source, data-target and
 * data-weight (the automation contract), with a wide invisible hit path so thin edges are
 * easy to point at, and the visible path ending in an arrowhead at the attended token.
 * Memoized: hover and highlight live in an overlay, so pointing at things redraws a few
 * paths, not a thousand.
 */
import { memo, type CSSProperties } from 'react';
import { useNumberFormat } from '../common/useNumberFormat';
import { useMessages } from '../../messages';
import { edgeKey, edgeOpacity, edgeWidth, type Edge } from '../../viz/graph/edges';
import type { EdgeShape } from '../../viz/graph/paths';

/** An edge with its path. */
export type DrawnEdge = Edge & EdgeShape;

/** Props of `GraphEdges`. */
export interface GraphEdgesProps {
  /** Edges in drawing order (weakest first, so strong edges lie on top). */
  readonly edges: readonly DrawnEdge[];
  readonly tokens: readonly string[];
  /** Key (`edgeKey`) of the edge holding the one tab stop of the edge list. */
  readonly activeKey: string | null;
  /** id of the arrowhead marker. */
  readonly markerId: string;
}

/** Inline style setting the edge's weight-driven opacity through a custom property, so CSS can dim it. */
function edgeStyle(weight: number) {
  return { strokeWidth: edgeWidth(weight), '--edge-opacity': edgeOpacity(weight) } as CSSProperties;
}

/** The list of edges (see the module comment). */
export const GraphEdges = memo(function GraphEdges({
  edges,
  tokens,
  activeKey,
  markerId,
}: GraphEdgesProps) {
  const fmt = useNumberFormat();
  const m = useMessages().viz;
  return (
    <>
      {edges.map((e) => {
        const key = edgeKey(e.source, e.target);
        const title = m.edgeTitle(
          tokens[e.source] ?? '',
          tokens[e.target] ?? '',
          fmt.full(e.weight),
        );
        return (
          <g
            key={key}
            className="edge"
            data-source={e.source}
            data-target={e.target}
            data-weight={String(e.weight)}
            // A button: clicking it, or Enter, opens the pair's arithmetic.
            role="button"
            tabIndex={key === activeKey ? 0 : -1}
            aria-label={title}
          >
            <title>{title}</title>
            <path className="edge-hit" d={e.d} />
            <path
              className="edge-line"
              d={e.d}
              style={edgeStyle(e.weight)}
              markerEnd={`url(#${markerId})`}
            />
          </g>
        );
      })}
    </>
  );
});

/** Props of `HighlightedEdges`. */
export interface HighlightedEdgesProps {
  readonly edges: readonly DrawnEdge[];
  readonly markerId: string;
  /** Print each edge's weight beside it (used when few edges are drawn). */
  readonly labels: readonly { key: string; x: number; y: number; text: string }[];
}

/** Highlighted edges redrawn on top in the highlight colour, and weight labels; not interactive. */
export function HighlightedEdges({ edges, markerId, labels }: HighlightedEdgesProps) {
  return (
    <g className="edge-overlay" aria-hidden="true">
      {edges.map((e) => (
        <path
          key={edgeKey(e.source, e.target)}
          className="edge-line edge-line--hl"
          d={e.d}
          style={{ strokeWidth: edgeWidth(e.weight) + 1 }}
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
