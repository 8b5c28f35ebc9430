/**
 * Painting the heatmap's cells on a canvas: the one-pixel-per-cell image (heatmapImage.ts)
 * scaled up without smoothing to the canvas's device pixels, the causal mask's hatch, thin
 * gaps between big cells and, when cells are big enough, their numbers. Only the base
 * image lives here; hover and selection are drawn by the renderer's SVG overlay, so this
 * runs when the matrix, the scale or the size changes, never on hover.
 */
import type { Language } from '../../vocabulary/language';
import type { HeatmapGeometry } from './heatmapGeometry';
import { isMaskedCell, type HeatmapView } from './heatmapModel';
import type { MaskedRun } from './heatmapImage';
import { cellNumber, gridOutline, HATCH } from './heatmapScene';
import { textColorOnRgb } from '../contrast';

/** Colours the canvas needs, read from the page's CSS custom properties. */
export interface CanvasColors {
  /** Page background (the panel the drawing sits on). */
  readonly bg: string;
  /** The empty grid before step Score, and its lines. */
  readonly panelBg: string;
  readonly border: string;
  /** Lines between cells and around the grid: 3:1 on the panel (WCAG 1.4.11). */
  readonly outline: string;
  /** Hatch lines of masked cells, and their "−∞". */
  readonly masked: string;
  /** Under the hatch lines of masked cells. */
  readonly maskedBg: string;
  readonly muted: string;
  readonly fontFamily: string;
}

const FALLBACK: CanvasColors = {
  bg: '#ffffff',
  panelBg: '#f6f7fb',
  border: '#c9ccd8',
  outline: '#7c8094',
  masked: '#8a8d99',
  maskedBg: '#eceef4',
  muted: '#55596b',
  fontFamily: 'sans-serif',
};

/** The colours of `element`'s CSS custom properties (--bg, --panel-bg, ...), with fallbacks. */
export function readCanvasColors(element: Element): CanvasColors {
  if (typeof getComputedStyle !== 'function') return FALLBACK;
  const style = getComputedStyle(element);
  const value = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    bg: value('--bg', FALLBACK.bg),
    panelBg: value('--panel-bg', FALLBACK.panelBg),
    border: value('--border', FALLBACK.border),
    outline: value('--border-strong', FALLBACK.outline),
    masked: value('--masked', FALLBACK.masked),
    maskedBg: value('--masked-bg', FALLBACK.maskedBg),
    muted: value('--muted', FALLBACK.muted),
    fontFamily: style.fontFamily || FALLBACK.fontFamily,
  };
}

/**
 * Sizes `canvas` to `width` x `height` CSS px with a backing store of device pixels (times
 * `dpr`, so it is sharp on a retina screen or a zoomed projector) and returns its 2D
 * context, or null where there is none (jsdom): callers then skip drawing and keep the
 * element, its name and its handlers.
 */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
  dpr: number,
): CanvasRenderingContext2D | null {
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  let ctx: CanvasRenderingContext2D | null;
  try {
    ctx = canvas.getContext('2d');
  } catch {
    ctx = null; // jsdom without the canvas package throws "not implemented" in some versions
  }
  if (!ctx) return null;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  return ctx;
}

/**
 * Draws the n x n RGBA `pixels` over the whole canvas, each pixel a crisp square: put into
 * an n x n scratch canvas, then scaled with smoothing off (nearest neighbour), which keeps
 * neighbouring cells from blurring into each other.
 */
export function drawPixels(
  ctx: CanvasRenderingContext2D,
  pixels: Uint8ClampedArray<ArrayBuffer>,
  n: number,
): void {
  if (n === 0) return;
  const scratch = document.createElement('canvas');
  scratch.width = n;
  scratch.height = n;
  const sctx = scratch.getContext('2d');
  if (!sctx) return;
  sctx.putImageData(new ImageData(pixels, n, n), 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(scratch, 0, 0, n, n, 0, 0, ctx.canvas.width, ctx.canvas.height);
}

/**
 * The masked cells: their background, then the scene's hatch (HATCH) drawn exactly where
 * the SVG heatmap's pattern puts it. That pattern is turned 45° about the drawing's origin,
 * so its stripes are the lines x + y = √2·(k·size + w/2) (drawing px) for whole k, `w`
 * px wide, where w is the half of the line the pattern's tile does not clip; the canvas
 * sits at (left, top) in the drawing, and everything is in device px here.
 */
function hatchRuns(
  ctx: CanvasRenderingContext2D,
  paint: HeatmapPaint,
  at: (k: number) => number,
): void {
  const { runs, dpr, colors, geometry } = paint;
  ctx.save();
  ctx.beginPath();
  for (const r of runs) ctx.rect(at(r.j0), at(r.i), at(r.j1) - at(r.j0), at(r.i + 1) - at(r.i));
  ctx.fillStyle = colors.maskedBg;
  ctx.fill();
  ctx.clip();
  const h = ctx.canvas.height;
  const visible = HATCH.lineWidth / 2;
  const period = HATCH.size * Math.SQRT2;
  const origin = geometry.left + geometry.top;
  // Stripes whose line x + y = c crosses the canvas: c from 0 to its width plus its height.
  const first = Math.floor(origin / period) - 1;
  const last = Math.ceil((origin + (ctx.canvas.width + h) / dpr) / period) + 1;
  ctx.strokeStyle = colors.masked;
  ctx.lineWidth = visible * dpr;
  ctx.beginPath();
  for (let k = first; k <= last; k++) {
    const c = (Math.SQRT2 * (k * HATCH.size + visible / 2) - origin) * dpr;
    ctx.moveTo(c, 0);
    ctx.lineTo(c - h, h);
  }
  ctx.stroke();
  ctx.restore();
}

/** What `paintHeatmap` draws. */
export interface HeatmapPaint {
  /** The view, or null before step Score (an empty grid). */
  readonly view: HeatmapView | null;
  /** `heatmapPixels(view)`, or null with no view. */
  readonly pixels: Uint8ClampedArray<ArrayBuffer> | null;
  /** `maskedRuns(view)`. */
  readonly runs: readonly MaskedRun[];
  readonly n: number;
  readonly dpr: number;
  /**
   * Where the grid lies in the drawing (the hatch lines up with the SVG's), the side of a
   * cell (CSS px), and whether cells carry numbers (from MIN_CELL_FOR_NUMBERS px) and at
   * what size.
   */
  readonly geometry: Pick<
    HeatmapGeometry,
    'left' | 'top' | 'cell' | 'numberFontSize' | 'showNumbers'
  >;
  readonly colors: CanvasColors;
  /** The language the numbers are written in (decimal point or comma); English by default. */
  readonly lang?: Language;
}

/** Paints the grid of cells on `ctx`, whose canvas is the n·cell square (see the module comment). */
export function paintHeatmap(ctx: CanvasRenderingContext2D, paint: HeatmapPaint): void {
  const { view, pixels, runs, n, dpr, colors } = paint;
  const { cell } = paint.geometry;
  const w = ctx.canvas.width;
  const h = ctx.canvas.height;
  const unit = (cell * w) / Math.max(1, n * cell); // device px per cell
  const at = (k: number) => Math.round(k * unit);

  if (!view || !pixels) {
    ctx.fillStyle = colors.panelBg;
    ctx.fillRect(0, 0, w, h);
    if (cell >= 4) gaps(ctx, n, at, Math.max(1, Math.round(dpr / 2)), colors.border);
    return;
  }
  drawPixels(ctx, pixels, n);
  if (runs.length > 0) hatchRuns(ctx, paint, at);
  // The palettes' light ends do not reach 3:1 on the panel (WCAG 1.4.11), so, as the SVG's
  // cells, big cells get an outline in --border-strong between them; smaller cells abut,
  // and a frame of the same colour marks where the grid ends.
  const line = Math.max(1, Math.round(dpr));
  if (gridOutline(cell) === 'cells') gaps(ctx, n, at, line, colors.outline);
  else frame(ctx, line, colors.outline);
  if (paint.geometry.showNumbers) numbersOn(ctx, paint, at);
}

/** Lines `width` device px wide at every cell boundary. */
function gaps(
  ctx: CanvasRenderingContext2D,
  n: number,
  at: (k: number) => number,
  width: number,
  color: string,
): void {
  ctx.fillStyle = color;
  const w = ctx.canvas.width;
  const h = ctx.canvas.height;
  for (let k = 0; k <= n; k++) {
    const p = at(k) - Math.floor(width / 2);
    ctx.fillRect(p, 0, width, h);
    ctx.fillRect(0, p, w, width);
  }
}

/** A line `width` device px wide along the canvas's edges. */
function frame(ctx: CanvasRenderingContext2D, width: number, color: string): void {
  const w = ctx.canvas.width;
  const h = ctx.canvas.height;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, w, width);
  ctx.fillRect(0, h - width, w, width);
  ctx.fillRect(0, 0, width, h);
  ctx.fillRect(w - width, 0, width, h);
}

/**
 * Each cell's number (the scene's `cellNumber`), centred, muted on the hatch, else black or
 * white for contrast with the colour painted (the image's, sampled from a table).
 */
function numbersOn(
  ctx: CanvasRenderingContext2D,
  paint: HeatmapPaint,
  at: (k: number) => number,
): void {
  const { view, pixels, n, dpr, colors, geometry } = paint;
  if (!view || !pixels) return;
  ctx.font = `${Math.round(geometry.numberFontSize * dpr)}px ${colors.fontFamily}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const text = cellNumber(view, i, j, geometry, paint.lang ?? 'en');
      if (!text) continue;
      const p = 4 * (i * n + j);
      ctx.fillStyle = isMaskedCell(view, i, j)
        ? colors.muted
        : textColorOnRgb(pixels[p] as number, pixels[p + 1] as number, pixels[p + 2] as number);
      ctx.fillText(text, (at(j) + at(j + 1)) / 2, (at(i) + at(i + 1)) / 2);
    }
  }
}
