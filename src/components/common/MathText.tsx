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

/** Unicode subscript letters and digits, for text that cannot hold markup (a tooltip). */
const UNICODE_SUBSCRIPTS: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...'0123456789'].map((d, i) => [d, String.fromCodePoint(0x2080 + i)])),
  a: 'ₐ',
  e: 'ₑ',
  h: 'ₕ',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
  o: 'ₒ',
  p: 'ₚ',
  r: 'ᵣ',
  s: 'ₛ',
  t: 'ₜ',
  u: 'ᵤ',
  v: 'ᵥ',
  x: 'ₓ',
};

/**
 * `text` with each "_x" written in Unicode subscripts ("d_k" → "dₖ") where every character
 * has one, so a tooltip shows no underscore; other subscripts keep their marker.
 */
export function plainSubscripts(text: string): string {
  return text.replace(new RegExp(SUBSCRIPT.source, 'gu'), (marked: string, sub: string) => {
    const lowered = [...sub].map((c) => UNICODE_SUBSCRIPTS[c]);
    return lowered.every(Boolean) ? lowered.join('') : marked;
  });
}

/** `text` with every "_x" drawn as a subscript x. */
export function MathText({ text }: { text: string }) {
  // split with a capture group alternates plain text (even indices) and subscripts (odd).
  const parts = text.split(new RegExp(SUBSCRIPT.source, 'gu'));
  if (parts.length === 1) return <>{text}</>;
  return <>{parts.map((part, i) => (i % 2 === 1 ? <sub key={i}>{part}</sub> : part))}</>;
}
