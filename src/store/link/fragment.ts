/**
 * A lesson link's fragment as `key=value` pairs: decoded as leniently as the browser does
 * (a broken escape becomes U+FFFD, never an exception), keys lower-cased, values kept with
 * a note of whether they were damaged and a short form to quote in a notice.
 */
import { hasBrokenEscapes } from './percentEscapes';

/** One `key=value` pair of the fragment, decoded. */
export interface Pair {
  readonly key: string;
  readonly value: string;
  /** The pair as the problems show it: `key=value`, shortened. */
  readonly shown: string;
  /** True when the value held percent-escapes that are not UTF-8 (read as U+FFFD). */
  readonly damaged: boolean;
}

/** `application/x-www-form-urlencoded` decoding, as lenient as the browser's: never throws. */
function formDecode(raw: string): string {
  // URLSearchParams turns a broken escape into U+FFFD instead of throwing, as decodeURIComponent would.
  return new URLSearchParams(`x=${raw}`).get('x') ?? '';
}

/** A value short enough to quote in a notice: a damaged 1 MB parameter must not become a 1 MB notice. */
function shorten(text: string, max = 40): string {
  const chars = Array.from(text.slice(0, max * 2));
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/** The fragment's pairs, in order, keys lower-cased. Null when it is not a lesson link (an in-page anchor such as `#main`). */
export function readPairs(hash: string): Pair[] | null {
  const body = hash.replace(/^#/, '').replace(/^\?/, '');
  if (!body.includes('=')) return null;
  const pairs: Pair[] = [];
  for (const raw of body.split('&')) {
    // "&&" and a bare "=" carry nothing, and are what a careless hand edit leaves behind.
    if (raw === '' || raw === '=') continue;
    const eq = raw.indexOf('=');
    const rawKey = eq < 0 ? raw : raw.slice(0, eq);
    const rawValue = eq < 0 ? '' : raw.slice(eq + 1);
    const key = formDecode(rawKey).trim().toLowerCase();
    const value = formDecode(rawValue);
    pairs.push({
      key,
      value,
      shown: `${shorten(key)}=${shorten(value)}`,
      damaged: hasBrokenEscapes(rawValue),
    });
  }
  return pairs;
}
