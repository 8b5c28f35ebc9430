/**
 * The heatmap as an image with one pixel per cell: a (T, T) matrix in, T·T RGBA bytes out,
 * coloured by the view's own scale (through a sampled table, so 512² cells take a few
 * milliseconds). Pure and DOM-free: the canvas renderer scales it up, tests read it back.
 */
import { isMaskedCell, type HeatmapView } from './heatmapModel';
import { colorTable, colorTableIndex, type ColorTable } from '../scales';

/**
 * RGB of a masked cell's background: the SVG heatmap's hatch background (.hm-hatch-bg),
 * a pale grey-blue that neither palette contains, with hatch lines drawn over it.
 */
export const MASKED_RGB: readonly [number, number, number] = [0xec, 0xee, 0xf4];

/** The [low, high] range the view's colour scale spans (what its legend shows). */
export function viewDomain(view: Pick<HeatmapView, 'kind' | 'limit'>): [number, number] {
  return view.kind === 'diverging' ? [-view.limit, view.limit] : [0, 1];
}

/** The view's colour scale as a table (see `colorTable`). */
export function viewColorTable(view: HeatmapView): ColorTable {
  const [low, high] = viewDomain(view);
  return colorTable(view.color, low, high);
}

/**
 * The T x T image of `view`: pixel (row i, column j) is cell (i, j), RGBA row-major, ready
 * for `new ImageData(pixels, T, T)`. Masked cells get MASKED_RGB; every pixel is opaque.
 */
export function heatmapPixels(view: HeatmapView): Uint8ClampedArray<ArrayBuffer> {
  const n = view.values.rows;
  const data = view.values.data;
  const table = viewColorTable(view);
  const pixels = new Uint8ClampedArray(new ArrayBuffer(n * n * 4));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const p = 4 * (i * n + j);
      if (isMaskedCell(view, i, j)) {
        pixels[p] = MASKED_RGB[0];
        pixels[p + 1] = MASKED_RGB[1];
        pixels[p + 2] = MASKED_RGB[2];
      } else {
        const k = 3 * colorTableIndex(table, data[i * n + j] as number);
        pixels[p] = table.rgb[k] as number;
        pixels[p + 1] = table.rgb[k + 1] as number;
        pixels[p + 2] = table.rgb[k + 2] as number;
      }
      pixels[p + 3] = 255;
    }
  }
  return pixels;
}

/** A run of masked cells in one row: columns from `j0` up to (not including) `j1`. */
export interface MaskedRun {
  readonly i: number;
  readonly j0: number;
  readonly j1: number;
}

/**
 * The masked cells of `view` as one run per row (the causal mask hides a row's tail), so
 * the hatch is drawn as T rectangles rather than T²/2 cells.
 */
export function maskedRuns(view: HeatmapView): MaskedRun[] {
  const n = view.values.rows;
  const runs: MaskedRun[] = [];
  if (!view.causal) return runs;
  for (let i = 0; i < n; i++) {
    let j = 0;
    while (j < n) {
      if (!isMaskedCell(view, i, j)) {
        j++;
        continue;
      }
      const j0 = j;
      while (j < n && isMaskedCell(view, i, j)) j++;
      runs.push({ i, j0, j1: j });
    }
  }
  return runs;
}
