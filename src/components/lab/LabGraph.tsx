/**
 * The directed graph of a Lab attention matrix, drawn with the app's own pieces: the same
 * geometry (`graphGeometry`), edge selection, nodes (`GraphNodes`) and edges (`GraphEdges`)
 * as "Attention graph", so nodes carry `data-token-index` and edges `data-source`,
 * `data-target` and `data-weight`. A node's text is its token's symbol ("B7", "B?").
 */
import { useMemo, useRef } from 'react';
import type { Matrix } from '../../core/matrix';
import type { EmbeddedToken } from '../../core/types';
import { selectEdges } from '../../viz/edges';
import { graphGeometry } from '../../viz/graphGeometry';
import { useElementWidth } from '../../viz/useElementWidth';
import { useSvgId } from '../../viz/useSvgId';
import { ArrowMarker } from '../graph/ArrowMarker';
import { GraphEdges, type DrawnEdge } from '../graph/GraphEdges';
import { GraphNodes } from '../graph/GraphNodes';
import '../graph/AttentionGraph.css';

/** Edges lighter than this are left out: noise would hide the pattern. */
export const LAB_EDGE_THRESHOLD = 0.02;

/** Props of `LabGraph`. */
export interface LabGraphProps {
  readonly label: string;
  readonly tokens: readonly EmbeddedToken[];
  readonly weights: Matrix; // (T, T)
  readonly causal: boolean;
  readonly maxWidth?: number;
}

const NONE: ReadonlySet<number> = new Set();

/** The graph (see the module comment). */
export function LabGraph({ label, tokens, weights, causal, maxWidth = 520 }: LabGraphProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = Math.min(maxWidth, useElementWidth(box, maxWidth));
  const markerId = useSvgId('lab-arrow');
  const texts = useMemo(() => tokens.map((t) => t.text), [tokens]);
  const geometry = useMemo(
    () => graphGeometry(texts, 'line', width, null, causal),
    [texts, width, causal],
  );
  const drawn = useMemo<DrawnEdge[]>(
    () =>
      selectEdges(weights, {
        threshold: LAB_EDGE_THRESHOLD,
        topK: 0,
        focus: null,
        direction: 'out',
        maxEdges: 1000,
      })
        .sort((a, b) => a.weight - b.weight)
        .map((e) => ({ ...e, ...geometry.edgeShape(e.source, e.target) })),
    [weights, geometry],
  );
  return (
    <div ref={box} className="lab-graph">
      <svg
        className="attention-graph layout-line is-dense"
        aria-label={label}
        width={geometry.width}
        height={geometry.height}
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
      >
        <defs>
          <ArrowMarker id={markerId} />
        </defs>
        <g className="edges">
          <GraphEdges edges={drawn} tokens={texts} activeKey={null} markerId={markerId} />
        </g>
        <g className="nodes">
          <GraphNodes
            geometry={geometry}
            tokens={tokens}
            highlighted={NONE}
            focus={null}
            active={0}
          />
        </g>
      </svg>
    </div>
  );
}
