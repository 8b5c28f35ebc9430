/**
 * The directed graph of a Lab attention matrix, drawn with the app's own pieces: the same
 * scene (`graphScene`), nodes (`GraphNodes`) and edges (`GraphEdges`)
 * as "Attention graph", so nodes carry `data-token-index` and edges `data-source`,
 * `data-target` and `data-weight`. A node's text is its token's symbol ("B7", "B?").
 */
import { useMemo, useRef } from 'react';
import type { Matrix } from '../../core/matrix';
import type { EmbeddedToken } from '../../core/types';
import { useMessages } from '../../messages';
import { DEFAULT_GRAPH } from '../../vocabulary/graph';
import { graphScene } from '../../viz/graph/graphScene';
import { useNumberFormat } from '../common/useNumberFormat';
import { useElementWidth } from '../../viz/useElementWidth';
import { useSvgId } from '../../viz/useSvgId';
import { ArrowMarker } from '../graph/ArrowMarker';
import { GraphEdges } from '../graph/GraphEdges';
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
  const fmt = useNumberFormat();
  const m = useMessages().viz;
  const scene = useMemo(
    () =>
      graphScene({
        tokens,
        width,
        weights,
        edgesShown: true,
        causal,
        // The Lab's own rule (every edge above its threshold), not the walkthrough's covering edges.
        view: { ...DEFAULT_GRAPH, threshold: LAB_EDGE_THRESHOLD, everyEdge: true },
        format: fmt,
        strings: m,
      }),
    [tokens, width, weights, causal, fmt, m],
  );
  return (
    <div ref={box} className="lab-graph">
      <svg
        className="attention-graph layout-line is-dense"
        aria-label={label}
        width={scene.width}
        height={scene.height}
        viewBox={`0 0 ${scene.width} ${scene.height}`}
      >
        <defs>
          <ArrowMarker id={markerId} />
        </defs>
        <g className="edges">
          <GraphEdges edges={scene.edges} activeKey={null} markerId={markerId} />
        </g>
        <g className="nodes">
          <GraphNodes scene={scene} highlighted={NONE} active={0} />
        </g>
      </svg>
    </div>
  );
}
