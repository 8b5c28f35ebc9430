/**
 * Colour scales shared by the heatmap, the matrix grids and the graph.
 * Both palettes are colour-blind safe: a purple-orange diverging scale centred on zero for
 * signed numbers (scores, Q, K, V), and viridis for weights in [0, 1].
 */
import { scaleDiverging, scaleSequential } from 'd3-scale';
import { interpolatePuOr, interpolateViridis } from 'd3-scale-chromatic';
import { rgb } from 'd3-color';

/** A function from a number to a CSS colour. */
export type ColorScale = (x: number) => string;

/**
 * A diverging scale for signed numbers, symmetric around 0 so that 0 is always the neutral
 * middle colour: -limit is orange, +limit purple. `limit` is the largest |x| to show.
 */
export function divergingScale(limit: number): ColorScale {
  const l = limit > 0 && Number.isFinite(limit) ? limit : 1;
  // PuOr runs from orange (0) to purple (1); reversed domain puts negatives on orange.
  const scale = scaleDiverging(interpolatePuOr).domain([l, 0, -l]).clamp(true);
  return (x) => scale(Number.isFinite(x) ? x : 0);
}

/** A sequential scale for weights in [0, 1]: dark (0) to bright yellow (1). */
export function weightScale(): ColorScale {
  const scale = scaleSequential(interpolateViridis).domain([0, 1]).clamp(true);
  return (x) => scale(Number.isFinite(x) ? x : 0);
}

/** The largest |x| among the finite values, for a symmetric diverging domain. */
export function maxAbs(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (Number.isFinite(x)) max = Math.max(max, Math.abs(x));
  }
  return max;
}

/** WCAG relative luminance of a CSS colour. */
export function luminance(color: string): number {
  const c = rgb(color);
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/** WCAG contrast ratio between two CSS colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on `background` (always at least 4.5:1 on these palettes). */
export function textColorOn(background: string): string {
  return contrastRatio('#000000', background) >= contrastRatio('#ffffff', background)
    ? '#000000'
    : '#ffffff';
}
