/**
 * Prose that names a subscripted symbol. The messages write "d_k" or "W_Q" (plain text,
 * so they still read well in a tooltip or an aria-label); on screen the part after the
 * underscore becomes a real subscript: d<sub>k</sub>.
 */

/** Letters or digits after an underscore: the subscript. */
const SUBSCRIPT = /_([\p{L}\p{N}]+)/u;

/** True when `text` has a subscript marker, so its visible form differs from the plain text. */
export function hasSubscript(text: string): boolean {
  return SUBSCRIPT.test(text);
}

/** `text` with every "_x" drawn as a subscript x. */
export function MathText({ text }: { text: string }) {
  // split with a capture group alternates plain text (even indices) and subscripts (odd).
  const parts = text.split(new RegExp(SUBSCRIPT.source, 'gu'));
  if (parts.length === 1) return <>{text}</>;
  return <>{parts.map((part, i) => (i % 2 === 1 ? <sub key={i}>{part}</sub> : part))}</>;
}
