/**
 * Colour scales shared by the heatmap, the matrix grids and the graph.
 * Both palettes are colour-blind safe: a purple-orange diverging scale centred on zero for
 * signed numbers (scores, Q, K, V), and viridis for weights in [0, 1]. PuOr's two arms
 * differ in hue along the blue-yellow axis, which protanopes and deuteranopes (the common
 * red-green deficiencies) keep, and in lightness towards the ends; a red-green scale would
 * fold both arms onto one for them. Viridis rises monotonically in lightness, so it reads
 * even in greyscale. Text on either is black or white, chosen by src/viz/contrast.ts.
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

// The contrast math lives in one place; re-exported for the modules that import it from here.
export { contrastRatio, luminance, textColorOn } from './contrast';

/** A colour scale sampled into a table of RGB bytes, for painting many cells fast. */
export interface ColorTable {
  /** Domain the table covers; values outside are clamped, as the scales themselves do. */
  readonly low: number;
  readonly high: number;
  /** `size` entries of r, g, b (0 to 255); entry k covers the k-th of `size` equal bins of [low, high]. */
  readonly rgb: Uint8Array;
  readonly size: number;
}

/**
 * `scale` sampled at the middles of `size` equal bins of [low, high]. Looking a value up in
 * it (`colorTableIndex`) costs an array read instead of an interpolation and a CSS colour
 * parse: 512² heatmap cells take a few milliseconds instead of 100 to 400. Bins, rather
 * than points, because d3's viridis is itself 256 discrete colours: with a multiple of 256
 * bins every value gets viridis's own colour, and the smooth diverging scale is off by at
 * most one 8-bit step (4,096 bins).
 */
export function colorTable(scale: ColorScale, low: number, high: number, size = 4096): ColorTable {
  const n = Math.max(1, Math.floor(size));
  const table = new Uint8Array(n * 3);
  for (let k = 0; k < n; k++) {
    const c = rgb(scale(low + ((high - low) * (k + 0.5)) / n));
    table[3 * k] = c.r;
    table[3 * k + 1] = c.g;
    table[3 * k + 2] = c.b;
  }
  return { low, high, rgb: table, size: n };
}

/** The entry of `table` whose bin holds `x` (clamped to the domain; a non-finite x reads as 0, as the scales do). */
export function colorTableIndex(table: ColorTable, x: number): number {
  const v = Number.isFinite(x) ? x : 0;
  const span = table.high - table.low;
  const t = span > 0 ? (v - table.low) / span : 0;
  return Math.max(0, Math.min(table.size - 1, Math.floor(t * table.size)));
}
