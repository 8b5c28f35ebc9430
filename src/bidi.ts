/**
 * Tokens in any script inside a left-to-right interface. A right-to-left token (Hebrew,
 * Arabic) placed in a sentence, a label list or a tooltip takes part in the bidirectional
 * algorithm with its neighbours: "“שלום” → “.”: 0.25" can come out with the arrow, the
 * quotes and the number moved. Wrapping the token in U+2068 FIRST STRONG ISOLATE …
 * U+2069 POP DIRECTIONAL ISOLATE makes it one neutral unit to its neighbours while its
 * own letters keep their order; it works in plain strings (titles, aria labels, canvas,
 * SVG text), where markup such as <bdi> cannot go.
 *
 * Only tokens that could reorder anything are wrapped, so Latin, CJK and emoji text is
 * left exactly as typed (and as tests and screen readers read it).
 */

/** U+2068 FIRST STRONG ISOLATE: the isolate takes its direction from its first strong letter. */
export const FSI = '\u2068';
/** U+2069 POP DIRECTIONAL ISOLATE: ends the isolate. */
export const PDI = '\u2069';

// Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, their
// presentation forms and the RTL blocks of the supplementary planes) and explicit
// direction controls (ALM, LRM/RLM, embeddings, overrides, isolates), which would leak
// into the text around the token.
const NEEDS_ISOLATION =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** True when `text` holds a right-to-left letter or a direction control. */
export function needsIsolation(text: string): boolean {
  return NEEDS_ISOLATION.test(text);
}

/** True when `text` is already one isolate, as `isolate` makes it. */
export function isIsolated(text: string): boolean {
  return text.length >= 2 && text.startsWith(FSI) && text.endsWith(PDI);
}

/**
 * `text` wrapped in FSI … PDI when it could reorder its neighbours, else `text` itself.
 * Idempotent: an isolated text is returned as it is.
 */
export function isolate(text: string): string {
  if (isIsolated(text) || !needsIsolation(text)) return text;
  return `${FSI}${text}${PDI}`;
}

/** `text` without the isolate `isolate` put around it. */
export function unisolate(text: string): string {
  return isIsolated(text) ? text.slice(FSI.length, -PDI.length) : text;
}
