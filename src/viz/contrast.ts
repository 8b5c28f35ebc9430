/**
 * WCAG 2.x contrast, as pure functions: relative luminance, the contrast ratio, and the
 * one text-colour chooser every coloured cell uses (the SVG heatmap, the canvas heatmap
 * and the matrix grids). WCAG asks 4.5:1 for text (1.4.3) and 3:1 for the parts of a
 * graphic needed to understand it (1.4.11).
 */
import { rgb } from 'd3-color';

/** Contrast text needs against its background (WCAG 1.4.3, level AA). */
export const TEXT_CONTRAST = 4.5;
/** Contrast the parts of a chart need against what they sit on (WCAG 1.4.11). */
export const GRAPHIC_CONTRAST = 3;

/** An sRGB colour as 8-bit channels. */
export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

// The linear value of each 8-bit sRGB channel, computed once: a canvas heatmap asks for
// the luminance of up to 262,144 cells.
const LINEAR = Float64Array.from({ length: 256 }, (_, v) => {
  const s = v / 255;
  // WCAG 2.x writes 0.03928; sRGB's own 0.04045 gives the same result for every 8-bit value.
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
});

const channel = (v: number) => LINEAR[Math.max(0, Math.min(255, Math.round(v)))] as number;

/** WCAG relative luminance (0 black to 1 white) of 8-bit sRGB channels. */
export function luminanceRgb(r: number, g: number, b: number): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The channels of a CSS colour (any form d3-color reads); throws on an unreadable one. */
export function parseColor(color: string): Rgb {
  const c = rgb(color);
  if (Number.isNaN(c.r)) throw new Error(`not a colour: ${color}`);
  return { r: c.r, g: c.g, b: c.b };
}

/** WCAG relative luminance of a CSS colour. */
export function luminance(color: string): number {
  const { r, g, b } = parseColor(color);
  return luminanceRgb(r, g, b);
}

/** The WCAG contrast ratio (1 to 21) of two relative luminances. */
export function contrastOfLuminances(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** WCAG contrast ratio between two CSS colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  return contrastOfLuminances(luminance(a), luminance(b));
}

/**
 * `color` drawn at `opacity` over `background`, as browsers composite it (in sRGB, per
 * channel, rounded to 8 bits): what the eye sees of a translucent edge.
 */
export function composite(color: string, opacity: number, background: string): Rgb {
  const fg = parseColor(color);
  const bg = parseColor(background);
  const a = Math.max(0, Math.min(1, opacity));
  const mix = (f: number, k: number) => Math.round(a * f + (1 - a) * k);
  return { r: mix(fg.r, bg.r), g: mix(fg.g, bg.g), b: mix(fg.b, bg.b) };
}

/** Black or white text: the one with more contrast on a background of this luminance. */
export function textColorForLuminance(background: number): '#000000' | '#ffffff' {
  // Equal contrast where (L + 0.05) / 0.05 = 1.05 / (L + 0.05), L ≈ 0.179; the better of
  // the two is then at least 4.58:1, so every background gets readable text.
  return contrastOfLuminances(0, background) >= contrastOfLuminances(1, background)
    ? '#000000'
    : '#ffffff';
}

/** Black or white, whichever reads better on 8-bit sRGB channels (no parsing: canvas cells). */
export function textColorOnRgb(r: number, g: number, b: number): '#000000' | '#ffffff' {
  return textColorForLuminance(luminanceRgb(r, g, b));
}

// The scales produce a bounded set of colour strings (viridis has 256, the diverging scale
// a few thousand at 8 bits): remember each answer rather than parse a colour per cell per
// render. Bounded, so a stream of one-off colours cannot grow it without end.
const textColorCache = new Map<string, '#000000' | '#ffffff'>();
const TEXT_COLOR_CACHE_MAX = 8192;

/**
 * Black or white, whichever reads better on `background` (a CSS colour): at least 4.58:1
 * on any colour. The chooser of every cell that prints a number on a colour.
 */
export function textColorOn(background: string): '#000000' | '#ffffff' {
  let color = textColorCache.get(background);
  if (color === undefined) {
    color = textColorForLuminance(luminance(background));
    if (textColorCache.size >= TEXT_COLOR_CACHE_MAX) textColorCache.clear();
    textColorCache.set(background, color);
  }
  return color;
}
