/**
 * The training curve: held-out loss (log scale, left axis) and accuracy (0 to 1, right
 * axis) against the step. d3-scale computes, React draws the SVG.
 */
import { useMemo, useRef } from 'react';
import { CURVE_HEIGHT as HEIGHT, CURVE_MARGIN, curveScene } from '../../viz/labCurve';
import { useMessages } from '../../messages';
import { useElementWidth } from '../../viz/useElementWidth';
import { useLabProgress } from './useLabProgress';

/** The curve (see the module comment). */
export function TrainingCurve() {
  const m = useMessages().lab;
  const points = useLabProgress((s) => s.curve);
  const step = useLabProgress((s) => s.progress?.step ?? 0);
  const box = useRef<HTMLDivElement>(null);
  const width = Math.min(720, useElementWidth(box, 560));
  const scene = useMemo(() => curveScene(points, width), [points, width]);
  return (
    <div ref={box} className="lab-curve">
      <svg
        role="img"
        aria-label={m.curve}
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        data-step={step}
        data-points={points.length}
      >
        <g transform={`translate(${CURVE_MARGIN.left} ${CURVE_MARGIN.top})`}>
          <rect className="lab-curve__frame" width={scene.innerW} height={scene.innerH} />
          {scene.xTicks.map((t) => (
            <text
              key={`x${t.value}`}
              className="lab-curve__tick"
              x={t.at}
              y={scene.innerH + 16}
              textAnchor="middle"
            >
              {t.value}
            </text>
          ))}
          {scene.lossTicks.map((t) => (
            <text
              key={`l${t.value}`}
              className="lab-curve__tick lab-curve__tick--loss"
              x={-6}
              y={t.at}
              textAnchor="end"
              dominantBaseline="central"
            >
              {t.value}
            </text>
          ))}
          {scene.accTicks.map((t) => (
            <text
              key={`a${t.value}`}
              className="lab-curve__tick lab-curve__tick--acc"
              x={scene.innerW + 6}
              y={t.at}
              dominantBaseline="central"
            >
              {t.value}
            </text>
          ))}
          <path className="lab-curve__loss" d={scene.loss} />
          <path className="lab-curve__accuracy" d={scene.accuracy} />
          <text
            className="lab-curve__axis"
            x={scene.innerW / 2}
            y={scene.innerH + 30}
            textAnchor="middle"
          >
            {m.curveStep} {step}
          </text>
        </g>
      </svg>
      <p className="lab-curve__legend">
        <span className="lab-curve__key lab-curve__key--loss">{m.curveLoss}</span>
        <span className="lab-curve__key lab-curve__key--acc">{m.curveAccuracy}</span>
      </p>
    </div>
  );
}
