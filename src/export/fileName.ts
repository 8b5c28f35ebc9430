/**
 * Names of exported files: `attention-`, the sentence's first words as a slug, what the file
 * holds, then the extension: `attention-i-love-tennis-heatmap-weights-head1.svg`. Letters
 * and digits of any script are kept (lower-cased, European accents dropped); everything else,
 * including every character a file system or a shell treats specially, becomes a hyphen.
 */

/** Longest slug taken from the sentence, in characters. */
export const MAX_SLUG = 40;

/**
 * `text` as a slug: letters and digits in lower case, runs of anything else as one hyphen,
 * no hyphen at either end, at most `max` characters (cut at a hyphen when one is near).
 */
export function slug(text: string, max = MAX_SLUG): string {
  // The start is enough for `max` characters of slug (a 5 MB text is slugged on every render).
  const words = text
    .slice(0, 50 * max)
    .normalize('NFKD')
    // Accents of European scripts go ("café" becomes "cafe"); marks that are part of a
    // letter elsewhere stay (the dakuten of が, Devanagari vowel signs).
    .replace(/([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const chars = Array.from(words);
  if (chars.length <= max) return words;
  const cut = chars.slice(0, max).join('');
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen >= max / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/**
 * The file name for an export of `text`: `attention-<slug>-<part>-<part>.<extension>`.
 * Parts are slugged too; empty ones (and an empty sentence) are left out.
 */
export function exportFileName(text: string, parts: readonly string[], extension: string): string {
  const pieces = ['attention', slug(text), ...parts.map((p) => slug(p))].filter(Boolean);
  return `${pieces.join('-')}.${extension}`;
}
