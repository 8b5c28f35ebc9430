/**
 * The scene of the Lab's training curve: held-out loss on a log scale (left axis) and
 * accuracy from 0 to 1 (right axis) against the step. Pure: the on-screen curve and its
 * SVG export draw the same scene.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import type { LabPoint } from '../lab-worker/protocol';

/** Height of the curve's drawing, px. */
export const CURVE_HEIGHT = 220;
const HEIGHT = CURVE_HEIGHT;
/** Room for the axes around the plot, px. */
export const CURVE_MARGIN = { top: 16, right: 48, bottom: 34, left: 52 };

/** The two lines' paths and the axes' ticks for `points` in a `width` px drawing. */
export function curveScene(points: readonly LabPoint[], width: number) {
  const innerW = Math.max(40, width - CURVE_MARGIN.left - CURVE_MARGIN.right);
  const innerH = HEIGHT - CURVE_MARGIN.top - CURVE_MARGIN.bottom;
  const lastStep = Math.max(1, points[points.length - 1]?.step ?? 1);
  const x = scaleLinear().domain([0, lastStep]).range([0, innerW]).nice();
  const losses = points.map((p) => Math.max(1e-4, p.loss));
  const low = Math.min(0.01, ...losses);
  const high = Math.max(1, ...losses);
  const yLoss = scaleLog().domain([low, high]).range([innerH, 0]).nice();
  const yAcc = scaleLinear().domain([0, 1]).range([innerH, 0]);
  const path = (y: (p: LabPoint) => number) =>
    points.map((p, i) => `${i ? 'L' : 'M'}${x(p.step).toFixed(1)},${y(p).toFixed(1)}`).join('');
  return {
    innerW,
    innerH,
    loss: path((p) => yLoss(Math.max(1e-4, p.loss))),
    accuracy: path((p) => yAcc(p.accuracy)),
    xTicks: x.ticks(5).map((t) => ({ value: t, at: x(t) })),
    lossTicks: yLoss
      .ticks(4)
      .filter((t) => Number.isInteger(Math.log10(t)))
      .map((t) => ({ value: t, at: yLoss(t) })),
    accTicks: [0, 0.5, 1].map((t) => ({ value: t, at: yAcc(t) })),
  };
}
