/**
 * The `<desc>` of an exported picture: the tokens it shows, in order, each shortened as
 * its label is drawn. It used to be the whole sentence, so a 1 MB text added a megabyte
 * to every SVG file, though the picture shows at most 512 tokens, with labels of a dozen
 * characters; a reader (or a screen reader) of the file gets what the picture holds.
 */

/** The description of a picture whose tokens are drawn with `labels` (already shortened). */
export function tokensDescription(labels: readonly string[]): string {
  return labels.join(' ');
}
