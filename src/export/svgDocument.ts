/**
 * The frame every exported SVG shares: a standalone document (XML declaration, SVG
 * namespace, width, height and viewBox, the app's font stack) on a white background, with a
 * title and a subtitle above the drawing. Colours are written as presentation attributes,
 * not CSS: viewers that ignore <style> (slide software, some converters) still draw them,
 * and no Content-Security-Policy has a say over attributes inside an image.
 */
import { element, xmlText } from './xml';
import type { SceneColor } from '../viz/sceneColor';
import { estimateTextWidth, truncateLabel } from '../viz/text';

/** The app's light theme (src/styles.css, AttentionViews.css), as plain colours: one for each SceneColor. */
export const EXPORT_COLORS = {
  bg: '#ffffff',
  fg: '#1a1a2e',
  muted: '#55596b',
  border: '#c9ccd8',
  accent: '#3b4cca',
  accentFg: '#ffffff',
  unknown: '#a3320b',
  masked: '#8a8d99',
  hatchBg: '#eceef4',
  edge: '#3b4cca',
  outline: '#7c8094',
} as const satisfies Readonly<Record<SceneColor, string>>;

/** The app's font stack (src/styles.css); the PNG is drawn with whichever of them the machine has. */
export const EXPORT_FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', sans-serif";

/** Margin around the drawing, px. */
export const MARGIN = 16;
const TITLE_SIZE = 18;
const SUBTITLE_SIZE = 13;
/** Longest subtitle (the sentence), in characters: a 512-token text would run off the page. */
const MAX_SUBTITLE = 120;

/** Title lines above a drawing. */
export interface Heading {
  readonly title: string;
  /** A second, smaller line (the sentence, quoted), or empty. */
  readonly subtitle: string;
}

/** Height of the heading band for `heading`, px. */
export function headingHeight(heading: Heading): number {
  return MARGIN + TITLE_SIZE + 6 + (heading.subtitle ? SUBTITLE_SIZE + 8 : 0);
}

/** Width the heading needs, px (estimated, as the layouts do). */
export function headingWidth(heading: Heading): number {
  return (
    2 * MARGIN +
    Math.max(
      estimateTextWidth(heading.title, TITLE_SIZE) * 1.05,
      estimateTextWidth(subtitleText(heading.subtitle), SUBTITLE_SIZE),
    )
  );
}

function subtitleText(subtitle: string): string {
  return truncateLabel(subtitle.replace(/\s+/g, ' '), MAX_SUBTITLE);
}

/** The heading as SVG text elements at the top left. */
export function headingSvg(heading: Heading): string {
  const title = element(
    'text',
    {
      x: MARGIN,
      y: MARGIN + TITLE_SIZE * 0.8,
      'font-size': TITLE_SIZE,
      'font-weight': 700,
      fill: EXPORT_COLORS.fg,
    },
    xmlText(heading.title),
  );
  if (!heading.subtitle) return title;
  const subtitle = element(
    'text',
    {
      x: MARGIN,
      y: MARGIN + TITLE_SIZE + 6 + SUBTITLE_SIZE * 0.8,
      'font-size': SUBTITLE_SIZE,
      fill: EXPORT_COLORS.muted,
    },
    xmlText(subtitleText(heading.subtitle)),
  );
  return title + subtitle;
}

/** A drawn export: the SVG document and its size in px. */
export interface SvgExport {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** Parts of a standalone SVG document. */
export interface SvgDocumentParts {
  readonly width: number;
  readonly height: number;
  /** The document's <title> (what a viewer shows as its name) and accessible name. */
  readonly title: string;
  /** Text for the document's <desc>. */
  readonly description?: string;
  /** Markup for <defs>, or empty. */
  readonly defs?: string;
  /** The drawing. */
  readonly body: string;
}

/** A standalone SVG file: declaration, namespace, size, white background, then the body. */
export function svgDocument(parts: SvgDocumentParts): string {
  const width = Math.ceil(parts.width);
  const height = Math.ceil(parts.height);
  const head =
    element('title', {}, xmlText(parts.title)) +
    (parts.description ? element('desc', {}, xmlText(parts.description)) : '') +
    (parts.defs ? element('defs', {}, parts.defs) : '');
  const background = element('rect', { width, height, fill: EXPORT_COLORS.bg });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    element(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        version: '1.1',
        width,
        height,
        viewBox: `0 0 ${width} ${height}`,
        role: 'img',
        'font-family': EXPORT_FONT,
      },
      [head, background, parts.body],
    ) +
    '\n'
  );
}

/** The standalone SVG file of `parts` and its size in whole px, as every export returns it. */
export function svgExport(parts: SvgDocumentParts): SvgExport {
  return {
    svg: svgDocument(parts),
    width: Math.ceil(parts.width),
    height: Math.ceil(parts.height),
  };
}

/** `text` broken into lines no wider than `maxWidth` px at `fontSize` (estimated; a word longer than a line gets a line of its own). */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && estimateTextWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}
