/**
 * `npx tsx src/tools/makeIcons.ts`: draws the app's PNG icons from public/favicon.svg in
 * headless Chromium, into public/icons/ (committed; run again after changing the SVG).
 *
 * - icon-192.png, icon-512.png: the SVG as it is (rounded square, transparent corners),
 *   the web manifest's "any" icons;
 * - icon-maskable-512.png: full-bleed background with the drawing at 80 %, so that the
 *   round, squircle or square mask a launcher cuts keeps all of it (the manifest's
 *   "maskable" icon: everything that matters inside the central circle of 40 % radius);
 * - apple-touch-icon.png (180 × 180): the same full-bleed square, since iOS fills
 *   transparent corners with black.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, ROOT } from '../../test/e2e/harness';

/** One PNG to draw. */
export interface IconSpec {
  /** File name under public/icons/. */
  readonly file: string;
  /** Width and height in pixels. */
  readonly size: number;
  /** True: fill the whole square with the icon's background colour and shrink the drawing. */
  readonly fullBleed: boolean;
}

/** Every icon the manifest and index.html name. */
export const ICONS: readonly IconSpec[] = [
  { file: 'icon-192.png', size: 192, fullBleed: false },
  { file: 'icon-512.png', size: 512, fullBleed: false },
  { file: 'icon-maskable-512.png', size: 512, fullBleed: true },
  { file: 'apple-touch-icon.png', size: 180, fullBleed: true },
];

/** Share of a full-bleed icon's side that the drawing takes (the rest is safe margin). */
const FULL_BLEED_SCALE = 0.8;

/** The fill of the SVG's background square: the colour full-bleed icons are filled with. */
export function backgroundOf(svg: string): string {
  const fill = /<rect\b[^>]*\bfill="(#[0-9a-fA-F]{3,8})"/.exec(svg)?.[1];
  if (!fill) throw new Error('favicon.svg has no <rect fill="#…"> background to fill icons with');
  return fill;
}

/** The HTML page that shows `svg` as icon `spec`. */
function pageFor(svg: string, spec: IconSpec): string {
  const inner = spec.fullBleed ? Math.round(spec.size * FULL_BLEED_SCALE) : spec.size;
  const background = spec.fullBleed ? backgroundOf(svg) : 'transparent';
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  return `<!doctype html><html><body style="margin:0">
<div id="icon" style="width:${spec.size}px;height:${spec.size}px;display:grid;place-items:center;background:${background}">
<img src="${src}" width="${inner}" height="${inner}" alt="">
</div></body></html>`;
}

async function main(): Promise<void> {
  const svg = readFileSync(path.join(ROOT, 'public', 'favicon.svg'), 'utf8');
  const outDir = path.join(ROOT, 'public', 'icons');
  mkdirSync(outDir, { recursive: true });
  const browser = await launchBrowser();
  try {
    for (const spec of ICONS) {
      const page = await browser.newPage({
        viewport: { width: spec.size, height: spec.size },
        deviceScaleFactor: 1,
      });
      await page.setContent(pageFor(svg, spec));
      await page.locator('#icon img').evaluate((img: HTMLImageElement) => img.decode());
      const file = path.join(outDir, spec.file);
      await page.locator('#icon').screenshot({ path: file, omitBackground: !spec.fullBleed });
      await page.close();
      console.log(`${path.relative(ROOT, file)} ${spec.size}×${spec.size}`);
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
