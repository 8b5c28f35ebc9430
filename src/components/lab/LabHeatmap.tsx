/**
 * A square matrix of the Lab (attention weights, a known pattern, a match table) drawn as
 * the app's heatmap: the same geometry and the same cells (`HeatmapCells`) as "Attention
 * heatmap", with the tokens' symbols on both axes. Not linked to the walkthrough's hover.
 */
import { useMemo, useRef } from 'react';
import type { Matrix } from '../../core/matrix';
import { useMessages } from '../../messages';
import { heatmapGeometry } from '../../viz/heatmap/heatmapGeometry';
import type { HeatmapView } from '../../viz/heatmap/heatmapModel';
import { heatmapScene, type SceneText } from '../../viz/heatmap/heatmapScene';
import { useNumberFormat } from '../common/useNumberFormat';
import { divergingScale, maxAbs, weightScale } from '../../viz/scales';
import { useElementWidth } from '../../viz/useElementWidth';
import { useSvgId } from '../../viz/useSvgId';
import { HeatmapCells } from '../heatmap/HeatmapCells';
import '../heatmap/Heatmap.css';

/** Props of `LabHeatmap`. */
export interface LabHeatmapProps {
  /** The accessible name of the drawing. */
  readonly label: string;
  /** The row and column labels (the tokens' symbols). */
  readonly tokens: readonly string[];
  /** The (n, n) matrix: weights in [0, 1], or signed scores with `signed`. */
  readonly values: Matrix;
  /** Hatch the cells above the diagonal (the causal mask). */
  readonly causal?: boolean;
  /** Signed numbers on the diverging scale (a match table). */
  readonly signed?: boolean;
  /** Widest the drawing may be, px. */
  readonly maxWidth?: number;
}

/** A line of text of the scene, as SVG. */
function SceneLabel({
  t,
  className,
  fontSize,
}: {
  t: SceneText;
  className: string;
  fontSize?: number;
}) {
  return (
    <text
      className={className}
      x={t.x}
      y={t.y}
      textAnchor={t.anchor}
      dominantBaseline={t.central ? 'central' : undefined}
      transform={t.rotate ? `rotate(${t.rotate} ${t.x} ${t.y})` : undefined}
      fontSize={fontSize}
    >
      {t.text}
    </text>
  );
}

/** The heatmap (see the module comment). */
export function LabHeatmap({
  label,
  tokens,
  values,
  causal = false,
  signed = false,
  maxWidth = 420,
}: LabHeatmapProps) {
  const m = useMessages().viz;
  const fmt = useNumberFormat();
  const box = useRef<HTMLDivElement>(null);
  const width = Math.min(maxWidth, useElementWidth(box, maxWidth));
  const hatchId = useSvgId('lab-hatch');
  const geometry = useMemo(() => heatmapGeometry(tokens, width), [tokens, width]);
  const view = useMemo<HeatmapView>(() => {
    const limit = signed ? maxAbs(values.data) || 1 : 1;
    return {
      mode: signed ? 'scores' : 'weights',
      values,
      kind: signed ? 'diverging' : 'sequential',
      color: signed ? divergingScale(limit) : weightScale(),
      limit,
      causal,
      sums: null,
    };
  }, [values, signed, causal]);
  const scene = useMemo(
    () => heatmapScene({ tokens, view, geometry, format: fmt, strings: m }),
    [tokens, view, geometry, fmt, m],
  );
  return (
    <div ref={box} className="lab-heatmap">
      <svg
        className="heatmap"
        aria-label={label}
        width={geometry.width}
        height={geometry.height}
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
        data-token-count={tokens.length}
      >
        <defs>
          <pattern
            id={hatchId}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect className="hm-hatch-bg" width="6" height="6" />
            <line className="hm-hatch-line" x1="0" y1="0" x2="0" y2="6" />
          </pattern>
        </defs>
        <SceneLabel t={scene.keyTitle} className="hm-axis-title" />
        <SceneLabel t={scene.queryTitle} className="hm-axis-title" />
        {[...scene.rowLabels, ...scene.columnLabels].map((t, k) => (
          <SceneLabel key={k} t={t} className="hm-label" fontSize={geometry.labelFontSize} />
        ))}
        <g className="hm-grid" role="grid">
          <HeatmapCells scene={scene} activeI={0} activeJ={0} hatchId={hatchId} />
        </g>
      </svg>
    </div>
  );
}
