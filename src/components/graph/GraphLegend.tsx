/**
 * How to read the graph: which way arrows point (A -> B means A attends to B), that width
 * means weight, and, for the line layout, which side of the line each direction takes.
 */
import { useMessages } from '../../messages';
import type { GraphLegendKey } from '../../viz/graph/graphScene';
import { useSvgId } from '../../viz/useSvgId';
import { ArrowMarker } from './ArrowMarker';

/** Props of `GraphLegend`. */
export interface GraphLegendProps {
  /** Which sentence says where each direction goes (the scene's `legend`). */
  readonly sides: GraphLegendKey;
}

/** The legend (see the module comment). */
export function GraphLegend({ sides }: GraphLegendProps) {
  const m = useMessages().viz;
  const markerId = useSvgId('legend-arrow');
  return (
    <div className="graph-legend">
      <svg width="132" height="34" aria-hidden="true" className="graph-legend-sample">
        <defs>
          <ArrowMarker id={markerId} />
        </defs>
        <g className="node">
          <rect x="2" y="5" width="28" height="24" rx="8" />
          <text x="16" y="17" textAnchor="middle" dominantBaseline="central">
            A
          </text>
        </g>
        <line
          className="edge-line"
          x1="31"
          y1="17"
          x2="91"
          y2="17"
          style={{ strokeWidth: 3, opacity: 0.9 }}
          markerEnd={`url(#${markerId})`}
        />
        <g className="node">
          <rect x="101" y="5" width="28" height="24" rx="8" />
          <text x="115" y="17" textAnchor="middle" dominantBaseline="central">
            B
          </text>
        </g>
      </svg>
      <p>
        <strong>{m.legendArrow}</strong> {m[sides]}
      </p>
    </div>
  );
}
