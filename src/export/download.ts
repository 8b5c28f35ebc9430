/**
 * The app's one way to save a file: a Blob, an object URL, and a click on a temporary
 * <a download>, which every browser supports without a library. Every export (trace JSON,
 * CSV, SVG, PNG) goes through `downloadBlob`.
 */

/** Saves `blob` as `fileName` (the browser may ask where, or save to its downloads folder). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers: let the click be handled first.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Saves `text` as `fileName` with the media type `type` (UTF-8). */
export function downloadText(text: string, type: string, fileName: string): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}

/** Media types of the exports. */
export const MEDIA_TYPES = {
  csv: 'text/csv',
  svg: 'image/svg+xml',
  json: 'application/json',
  png: 'image/png',
} as const;
