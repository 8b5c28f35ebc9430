/**
 * Whether a link's value holds percent-escapes that are not UTF-8 (`%C0%AF`, `%FF`,
 * `%ED%A0%80`): the browser decodes each such byte as U+FFFD, so the text the link
 * carried was damaged on the way, and the app says so.
 *
 * The check reads the bytes itself, with no exception involved. An earlier version asked
 * `decodeURIComponent` and caught its URIError, ignoring the decoded result; a minifier
 * may drop a call whose result is unused (it did: the built check became
 * `try { return false } catch { return true }` and never found anything). A check whose
 * answer is a side effect does not survive minification; one whose answer is a value does.
 */

/** The bytes of a run of escapes ("%E2%82%AC" → [0xe2, 0x82, 0xac]). */
function escapedBytes(run: string): number[] {
  const bytes: number[] = [];
  for (let at = 0; at < run.length; at += 3) {
    bytes.push(parseInt(run.slice(at + 1, at + 3), 16));
  }
  return bytes;
}

/**
 * True when `bytes` is well-formed UTF-8 as the Unicode standard defines it (table 3-7):
 * no overlong forms (C0, C1, E0 80–9F, F0 80–8F), no surrogates (ED A0–BF), nothing past
 * U+10FFFF (F4 90–BF, F5–FF), no lone continuation bytes, no sequence cut short.
 */
export function isUtf8(bytes: readonly number[]): boolean {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else {
      return false;
    }
    if (i + length > bytes.length) return false;
    // The second byte has the narrowed range; the others any continuation byte.
    const second = bytes[i + 1] as number;
    if (second < low || second > high) return false;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k] as number;
      if (next < 0x80 || next > 0xbf) return false;
    }
    i += length;
  }
  return true;
}

/**
 * True when `raw` (a value as it stands in the link, still escaped) holds an escape
 * sequence that is not valid UTF-8. A lone "%" (as in "100%") is no escape, and no damage.
 */
export function hasBrokenEscapes(raw: string): boolean {
  if (!raw.includes('%')) return false;
  const runs = raw.match(/(?:%[0-9A-Fa-f]{2})+/g) ?? [];
  return runs.some((run) => !isUtf8(escapedBytes(run)));
}
