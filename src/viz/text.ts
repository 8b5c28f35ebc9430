/**
 * Text sizes without a DOM. Layouts must be computed before anything is rendered (and in
 * jsdom, which measures nothing), so widths are estimated from per-character classes of
 * a typical sans-serif font. The estimate errs wide, so labels get room rather than overlap.
 */

import { FSI, isIsolated, isolate, PDI, unisolate } from '../bidi';

const NARROW = /[ilIjtfr.,:;'!|()[\]{}"`’]/;
const WIDE = /[mwMW@%&]/;
const UPPER = /[A-Z]/;
// CJK, emoji and other wide glyphs take about a full em.
const FULL =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u;

/** Estimated width in px of `text` set at `fontSize` px in the app's sans-serif font. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (ch === FSI || ch === PDI) continue;
    if (FULL.test(ch)) em += 1;
    else if (NARROW.test(ch)) em += 0.32;
    else if (WIDE.test(ch)) em += 0.9;
    else if (UPPER.test(ch)) em += 0.7;
    else em += 0.58;
  }
  return em * fontSize;
}

/**
 * `text` cut to at most `max` characters (counting code points), with an ellipsis when cut.
 * An isolated token (see `isolate`) is cut inside its isolate, which stays whole.
 */
export function truncateLabel(text: string, max: number): string {
  if (isIsolated(text)) return isolate(truncateLabel(unisolate(text), max));
  // Only the start is split into characters: a token may be 64 KB, and a label 12 characters.
  const head = text.length > 2 * max ? text.slice(0, 2 * max) : text;
  const chars = Array.from(head);
  return head === text && chars.length <= max
    ? text
    : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}
