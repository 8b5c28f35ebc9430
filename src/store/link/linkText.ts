/**
 * How much of the text a lesson link carries, and a copy of the whole text for the tab.
 *
 * A link must stay far below the size a browser keeps. Chromium keeps an address of at
 * most 2 MB: a page may write a longer one with `replaceState` and read it back, but a
 * reload (or the update prompt's Reload) opens the last address it kept, with the older
 * sentence and no word of it, and a copied link that long opens nothing. A token may be
 * 64 KB (pasted base64, DNA), so 34 tokens make such a link. So the link carries the text
 * up to the end of the last whole token that fits in `MAX_LINK_TEXT` characters once
 * encoded (as it already carried only the tokens used, past 512), and the share bar says
 * when it carries less than the text.
 *
 * The text itself survives a reload whatever its length: when the page is hidden or left
 * (a reload, a closed or backgrounded tab) while the link carries less than the text, the
 * whole text is kept in the tab's session storage beside the link it belongs to, and a
 * reload of that same link takes the text from there.
 */
import { MAX_TOKENS, tokenize } from '../../core/tokenizer';
import { tokensOf } from '../tokens';

/**
 * The most characters the text takes in a link, encoded: 64 Ki. Every browser keeps far
 * longer addresses; chat apps and QR codes cut much shorter ones anyway.
 */
export const MAX_LINK_TEXT = 65_536;

/** Where the tab keeps its whole text (sessionStorage). */
export const SESSION_TEXT_KEY = 'attention-graph:text';

/** Characters `application/x-www-form-urlencoded` writes for code point `cp`. */
function encodedSize(cp: number): number {
  if (cp < 0x80) {
    // Letters, digits and * - . _ stay; a space becomes "+"; any other byte is %XX.
    return /[A-Za-z0-9*\-._ ]/.test(String.fromCharCode(cp)) ? 1 : 3;
  }
  if (cp < 0x800) return 6;
  // A lone surrogate is written as U+FFFD, three bytes like the rest of the BMP.
  if (cp < 0x10000) return 9;
  return 12;
}

/**
 * How many UTF-16 code units at the start of `text` fit in `budget` characters of a
 * link once encoded (never cutting a code point in two). Stops at the budget, so a
 * 5 MB text costs no more than a short one.
 */
export function fittingPrefix(text: string, budget: number = MAX_LINK_TEXT): number {
  let used = 0;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) as number;
    used += encodedSize(cp);
    if (used > budget) return i;
    i += cp > 0xffff ? 2 : 1;
  }
  return text.length;
}

/** The part of the text a link carries, and whether that is less than the view uses. */
export interface CarriedText {
  /** The text the link holds. */
  readonly text: string;
  /** True when it is shorter than the tokens the view uses (the link is cut for its size). */
  readonly cut: boolean;
}

/**
 * The part of `text` a link carries: all of it; or, past MAX_TOKENS tokens, the text up
 * to the end of the last token used (which gives the same view); or, when that is too
 * long for a link, the text up to the end of the last whole token that fits (`cut`), or
 * only the start of a first token that does not fit whole.
 */
export function carriedText(text: string): CarriedText {
  const fits = fittingPrefix(text);
  if (fits === text.length) {
    // The trace has tokenized this text already (the shared cache): no second pass.
    const { tokens, truncated } = tokensOf(text);
    const last = tokens[tokens.length - 1];
    return { text: truncated && last ? text.slice(0, last.end) : text, cut: false };
  }
  // Only the part that fits is tokenized: a 5 MB text is never tokenized here.
  const { tokens, truncated } = tokenize(text.slice(0, fits));
  if (truncated) {
    // The 512 tokens the view uses all fit: the link gives the same view.
    const last = tokens[MAX_TOKENS - 1] ?? tokens[tokens.length - 1];
    return { text: text.slice(0, last?.end ?? fits), cut: false };
  }
  // The last token may run on past the cut: keep whole tokens only.
  const whole = tokens.filter((token) => token.end < fits);
  const last = whole[whole.length - 1];
  return { text: text.slice(0, last ? last.end : fits), cut: true };
}

/** The tab's copy of its text, when the link in the address bar carries less. */
interface SessionCopy {
  /** The fragment (with "#") of the link the text belongs to. */
  readonly hash: string;
  readonly text: string;
}

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    // A sandboxed frame, or storage turned off: the text lives in the link alone.
    return null;
  }
}

/**
 * Keeps `text` in the tab when the link `url` carries less than it (`carried` is what it
 * carries), and forgets the copy when the link carries all of it. Quietly does nothing
 * where storage is refused or full.
 */
export function keepSessionText(text: string, carried: string, url: string): void {
  const store = storage();
  if (!store) return;
  try {
    if (carried === text) {
      store.removeItem(SESSION_TEXT_KEY);
      return;
    }
    const copy: SessionCopy = { hash: new URL(url).hash, text };
    store.setItem(SESSION_TEXT_KEY, JSON.stringify(copy));
  } catch {
    // Over the tab's quota (about 5 million characters): the link's part is what survives.
  }
}

/**
 * The whole text the tab kept for the link whose fragment is `hash` (a reload of that
 * same link), or null: another link, no copy, or a copy that does not start with what
 * the link carries.
 */
export function sessionTextFor(hash: string, linkText: string): string | null {
  const store = storage();
  if (!store) return null;
  try {
    const raw = store.getItem(SESSION_TEXT_KEY);
    if (!raw) return null;
    const copy = JSON.parse(raw) as Partial<SessionCopy>;
    if (typeof copy.text !== 'string' || copy.hash !== hash) return null;
    return copy.text.startsWith(linkText) ? copy.text : null;
  } catch {
    return null;
  }
}
