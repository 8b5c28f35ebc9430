/**
 * Whether a new version of the app has been published since this page was loaded. A code
 * chunk that cannot be downloaded while the server still answers usually means exactly
 * that: the build the page came from has been replaced (its hashed chunk names are gone),
 * and only a reload gets code that exists. The page's entry script names its build, so
 * the question is whether the server's index.html names another one.
 */

/** The entry script (`assets/index-<hash>.js`) a page of the app names, or null. */
export function entryScriptOf(html: string): string | null {
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    if (!/\btype\s*=\s*["']?module/i.test(tag)) continue;
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (src) return src.replace(/^\.\//, '').replace(/[?#].*$/, '');
  }
  return null;
}

/** The entry script of this page, as index.html names it (relative to the app's base). */
function currentEntry(): string | null {
  const base = new URL(import.meta.env.BASE_URL, document.baseURI).href;
  for (const script of document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')) {
    if (script.src.startsWith(base)) return script.src.slice(base.length).replace(/[?#].*$/, '');
  }
  return null;
}

let asked: Promise<boolean> | null = null;

/**
 * True when the server's index.html names another entry script than this page's: a new
 * version is out. False when it names the same one, when it cannot be fetched (offline:
 * a reload would not help) and under the development server. Asked once per failure
 * wave: later callers share the answer until `forgetNewVersionCheck`.
 */
export function newVersionPublished(): Promise<boolean> {
  asked ??= (async () => {
    if (!import.meta.env.PROD) return false;
    const mine = currentEntry();
    if (!mine) return false;
    try {
      const response = await fetch(`${import.meta.env.BASE_URL}index.html`, { cache: 'no-store' });
      if (!response.ok) return false;
      const theirs = entryScriptOf(await response.text());
      return theirs !== null && theirs !== mine;
    } catch {
      return false;
    }
  })();
  return asked;
}

/** Lets the next `newVersionPublished` ask the server again (after "Try again"). */
export function forgetNewVersionCheck(): void {
  asked = null;
}
