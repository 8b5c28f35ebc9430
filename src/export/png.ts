/**
 * PNG from an exported SVG: the SVG file is loaded as an image (from a blob: URL, so a
 * Content-Security-Policy needs `img-src blob:`), drawn on a white canvas at twice its size
 * (crisp on a projector or a slide), and encoded by the browser. The SVG holds no external
 * resources and no <foreignObject>, so the canvas stays readable (not tainted).
 */
import { EXPORT_COLORS } from './svgDocument';

/** The PNG's pixels per SVG px. */
export const PNG_SCALE = 2;
/**
 * Most pixels a PNG may have. Browsers refuse canvases much beyond 16,384 px a side or
 * about 268 million pixels, and a canvas costs 4 bytes a pixel: a 512-token heatmap at twice
 * its size would need 600 MB. Larger drawings are scaled down to this.
 */
export const MAX_PNG_PIXELS = 40_000_000;
/** Most pixels along either side of a PNG. */
export const MAX_PNG_SIDE = 16_000;

/** The scale at which a `width` × `height` drawing is rendered: PNG_SCALE unless the limits need less. */
export function pngScale(width: number, height: number): number {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  return Math.min(
    PNG_SCALE,
    Math.sqrt(MAX_PNG_PIXELS / (w * h)),
    MAX_PNG_SIDE / w,
    MAX_PNG_SIDE / h,
  );
}

/** Renders the standalone SVG document `svg`, `width` × `height` px, as a PNG Blob. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const scale = pngScale(width, height);
  const pixelsWide = Math.max(1, Math.round(width * scale));
  const pixelsHigh = Math.max(1, Math.round(height * scale));
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = pixelsWide;
    canvas.height = pixelsHigh;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.fillStyle = EXPORT_COLORS.bg;
    context.fillRect(0, 0, pixelsWide, pixelsHigh);
    context.drawImage(image, 0, 0, pixelsWide, pixelsHigh);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
