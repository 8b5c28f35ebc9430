/**
 * A square matrix of the Lab (attention weights, a known pattern, a match table) drawn as
 * the app's heatmap: the same geometry and the same cells (`HeatmapCells`) as "Attention
 * heatmap", with the tokens' symbols on both axes. Not linked to the walkthrough's hover.
 */
import { useMemo, useRef } from 'react';
import type { Matrix } from '../../core/matrix';
import { useMessages } from '../../messages';
import { heatmapGeometry } from '../../viz/heatmapGeometry';
import type { HeatmapView } from '../../viz/heatmapModel';
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
  const { cell, left, top } = geometry;
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
        <text className="hm-axis-title" x={left} y={13}>
          {m.keyAxis}
        </text>
        <text
          className="hm-axis-title"
          transform={`translate(13 ${top + (tokens.length * cell) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {m.queryAxis}
        </text>
        {geometry.labels.map((text, i) => (
          <text
            key={`r${i}`}
            className="hm-label"
            x={left - 6}
            y={top + i * cell + cell / 2}
            textAnchor="end"
            dominantBaseline="central"
            fontSize={geometry.labelFontSize}
          >
            {text}
          </text>
        ))}
        {geometry.labels.map((text, j) => {
          const x = left + j * cell + cell / 2;
          const turned = geometry.rotateColumnLabels;
          return (
            <text
              key={`c${j}`}
              className="hm-label"
              transform={
                turned
                  ? `translate(${x} ${top - 6}) rotate(${-geometry.columnLabelAngle})`
                  : undefined
              }
              x={turned ? 0 : x}
              y={turned ? 0 : top - 8}
              textAnchor={turned ? 'start' : 'middle'}
              dominantBaseline={turned ? 'central' : undefined}
              fontSize={geometry.labelFontSize}
            >
              {text}
            </text>
          );
        })}
        <g className="hm-grid" role="grid">
          <HeatmapCells
            geometry={geometry}
            tokens={tokens}
            view={view}
            activeI={0}
            activeJ={0}
            hatchId={hatchId}
            m={m}
          />
        </g>
      </svg>
    </div>
  );
}
