/**
 * Exports of the Lab's training curve: a standalone SVG (the same scene as the screen's,
 * colours as attributes) and a CSV of every point.
 */
import type { LabPoint } from '../lab-worker/protocol';
import { CURVE_HEIGHT, CURVE_MARGIN, curveScene } from '../viz/labCurve';
import { CSV_BOM } from './csv';
import {
  EXPORT_COLORS,
  EXPORT_FONT,
  headingHeight,
  headingSvg,
  MARGIN,
  svgDocument,
} from './svgDocument';
import { element, xmlText } from './xml';

/** Width of the exported curve, px. */
export const CURVE_EXPORT_WIDTH = 720;
const LOSS_COLOR = '#b35806';
const ACCURACY_COLOR = '#542788';

/** The curve as an SVG file, titled `title` with `subtitle` (the task and step). */
export function curveSvg(
  points: readonly LabPoint[],
  title: string,
  subtitle: string,
): { svg: string; width: number; height: number } {
  const heading = { title, subtitle };
  const top = headingHeight(heading);
  const scene = curveScene(points, CURVE_EXPORT_WIDTH);
  const text = (
    x: number,
    y: number,
    value: string,
    anchor: string,
    color: string = EXPORT_COLORS.muted,
  ) =>
    element('text', { x, y, 'text-anchor': anchor, 'font-size': 12, fill: color }, xmlText(value));
  const plot =
    element('rect', {
      width: scene.innerW,
      height: scene.innerH,
      fill: 'none',
      stroke: EXPORT_COLORS.border,
    }) +
    scene.xTicks.map((t) => text(t.at, scene.innerH + 16, String(t.value), 'middle')).join('') +
    scene.lossTicks.map((t) => text(-6, t.at + 4, String(t.value), 'end', LOSS_COLOR)).join('') +
    scene.accTicks
      .map((t) => text(scene.innerW + 6, t.at + 4, String(t.value), 'start', ACCURACY_COLOR))
      .join('') +
    element('path', { d: scene.loss, fill: 'none', stroke: LOSS_COLOR, 'stroke-width': 2 }) +
    element('path', { d: scene.accuracy, fill: 'none', stroke: ACCURACY_COLOR, 'stroke-width': 2 });
  const body =
    headingSvg(heading) +
    element(
      'g',
      {
        transform: `translate(${MARGIN + CURVE_MARGIN.left - 16} ${top + CURVE_MARGIN.top})`,
        'font-family': EXPORT_FONT,
      },
      plot,
    );
  const width = CURVE_EXPORT_WIDTH + 2 * MARGIN;
  const height = top + CURVE_HEIGHT + MARGIN;
  return { svg: svgDocument({ width, height, title, body }), width, height };
}

/** The curve's points as CSV: step, loss, accuracy (float64, in full). */
export function curveCsv(points: readonly LabPoint[]): string {
  const lines = ['step,loss,accuracy', ...points.map((p) => `${p.step},${p.loss},${p.accuracy}`)];
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}
