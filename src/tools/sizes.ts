/**
 * `npm run size`: the size budget of the built app (run after `npm run build`).
 *
 * Reads dist/ and prints every file with its raw and gzip size (node:zlib, level 9), then:
 * - first-load JavaScript and CSS: what index.html itself loads (its module script, the
 *   modulepreloads and static imports of that script, its stylesheets), gzipped;
 * - the lazy chunks the first page loads too: the panels that src/App.tsx loads with
 *   `lazy(() => import(…))` (found in dist/.vite/manifest.json) with their own imports and
 *   CSS, and the web workers that the first page's code names;
 * - the service worker (dist/sw.js), the workbox runtime it loads and the code that
 *   registers it (the `virtual:pwa-register` chunk and workbox-window), and what the
 *   worker's install precaches besides (dist/sw.js lists it: the chunks loaded on a click,
 *   the web manifest and its icons);
 * - the bytes of a first visit: index.html, first-load JS and CSS, those lazy chunks, the
 *   word-vector table and the icon, the service worker and its precache, both as they lie
 *   in dist/ (what a server that does not compress sends) and as a server that gzips would.
 *
 * How the precache is counted. The worker installs on the first visit, after the page has
 * loaded the word-vector table (src/store/serviceWorker.ts), and workbox fetches each entry
 * of its list one by one. An entry without a revision (the hashed files under assets/, and
 * the table under its versioned URL `vectors/…bin?v=<hash>`, see vite.config.ts) is fetched
 * with the default cache mode, so a file the page has already loaded comes from the HTTP
 * cache (the page's copy is fresh, or revalidates with a body-less 304): it counts once.
 * An entry with a revision (index.html, the icons, the manifest) is fetched with
 * `cache: 'reload'`, past the HTTP cache: when the page loaded it too, it counts twice
 * ("fetched again"). test/e2e/offline.test.ts counts the bytes a first visit takes through
 * a proxy and checks the table crosses it once.
 * Exits with status 1 when the first-load JavaScript exceeds 150 kB gzipped or a first
 * visit exceeds 8 MB (1 kB = 1,000 bytes, 1 MB = 1,000,000 bytes, as Vite prints sizes).
 *
 * `--dist DIR` reads another build directory; `--json` prints the figures as JSON instead.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { kB, markdownTable } from './benchShared';
import { VECTOR_TABLE_PATH } from '../data/vectorTable';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Budget: first-load JavaScript, gzipped. */
export const FIRST_LOAD_JS_BUDGET = 150_000;
/** Budget: every byte of a first visit. */
export const FIRST_VISIT_BUDGET = 8_000_000;

/** What a file of the build is for. */
export type Role =
  | 'html'
  | 'first-load'
  | 'lazy, first page'
  | 'worker, first page'
  | 'lazy'
  | 'vectors'
  | 'icon'
  | 'service worker'
  | 'precached'
  | 'other';

/** One file of dist/. */
export interface Asset {
  /** Path inside dist/, with forward slashes. */
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
  readonly role: Role;
}

/** The size report of a build. */
export interface SizeReport {
  readonly assets: readonly Asset[];
  readonly firstLoadJs: { raw: number; gzip: number };
  readonly firstLoadCss: { raw: number; gzip: number };
  readonly lazyFirstPage: { raw: number; gzip: number };
  /** The service worker, its workbox runtime and registration code, and the precache-only files. */
  readonly serviceWorker: { raw: number; gzip: number };
  /** Files the page loads that the precache fetches again (entries with a revision). */
  readonly fetchedAgain: { raw: number; gzip: number };
  /**
   * index.html + first-load + lazy chunks of the first page + vectors + icon + service
   * worker and precache + what the precache fetches again.
   */
  readonly firstVisit: { raw: number; gzip: number };
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
}

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === '.vite' ? [] : walk(full, base);
    return [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** One entry of the service worker's precache list. */
export interface PrecacheEntry {
  /** URL relative to the app, as the worker asks for it (the table's with its `?v=`). */
  readonly url: string;
  /** null: the URL is the version, fetched with the default cache mode. */
  readonly revision: string | null;
}

/**
 * The precache list that workbox's generateSW wrote into a service worker:
 * `precacheAndRoute([{url:"index.html",revision:"…"},{url:"assets/…",revision:null},…])`.
 * Throws when the list cannot be found, so that a change of workbox's output format fails
 * the size check instead of silently counting nothing.
 */
export function precacheEntries(serviceWorker: string): PrecacheEntry[] {
  const list = /precacheAndRoute\(\s*(\[[^\]]*\])/.exec(serviceWorker)?.[1];
  if (!list) throw new Error('sw.js has no precacheAndRoute([...]) list to measure');
  const entries: PrecacheEntry[] = [];
  for (const [, url, revision] of list.matchAll(
    /\{\s*"?url"?\s*:\s*"([^"]+)"\s*,\s*"?revision"?\s*:\s*(null|"[^"]*")\s*\}/g,
  )) {
    entries.push({
      url: url as string,
      revision: revision === 'null' ? null : (revision as string).slice(1, -1),
    });
  }
  if (entries.length === 0) throw new Error('sw.js lists no precache entries');
  return entries;
}

/** The files index.html asks for, by kind, as paths inside dist/. */
function htmlReferences(html: string): { scripts: string[]; styles: string[]; icons: string[] } {
  const clean = (href: string) => href.replace(/^\.?\//, '').replace(/[?#].*$/, '');
  const attr = (tag: string, name: string) =>
    new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
  const scripts: string[] = [];
  const styles: string[] = [];
  const icons: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src) scripts.push(clean(src));
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase();
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel === 'modulepreload') scripts.push(clean(href));
    else if (rel === 'stylesheet') styles.push(clean(href));
    else if (rel.split(/\s+/).includes('icon')) icons.push(clean(href));
  }
  return { scripts, styles, icons };
}

/**
 * The manifest keys ("src/components/shell/AttentionViews.tsx") of the panels that src/App.tsx
 * loads with `lazy(() => import('./components/<feature>/…'))` (or `lazyPanel`, its retrying form) and renders on every page, or null
 * when App.tsx is not there to read (then every dynamic import of the entry counts).
 */
function appLazyPanels(): Set<string> | null {
  const app = path.join(ROOT, 'src', 'App.tsx');
  if (!existsSync(app)) return null;
  const source = readFileSync(app, 'utf8');
  const keys = new Set<string>();
  for (const [, spec] of source.matchAll(
    /lazy(?:Panel)?\(\s*\(\)\s*=>\s*import\(\s*['"]([^'"]+)['"]/g,
  )) {
    const base = path.posix.join('src', spec as string);
    for (const ext of ['', '.tsx', '.ts', '.jsx', '.js']) keys.add(base + ext);
  }
  return keys;
}

/** Measures the build in `dist`. Throws when it has no index.html. */
export function measure(dist: string = path.join(ROOT, 'dist')): SizeReport {
  const indexHtml = path.join(dist, 'index.html');
  if (!existsSync(indexHtml))
    throw new Error(`${indexHtml} is missing: run \`npm run build\` first`);
  const html = readFileSync(indexHtml, 'utf8');
  const refs = htmlReferences(html);

  const manifestPath = path.join(dist, '.vite', 'manifest.json');
  const manifest: Record<string, ManifestChunk> = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>)
    : {};
  const byFile = new Map(Object.values(manifest).map((c) => [c.file, c]));

  // First load: index.html's scripts and every static import under them (Vite lists them
  // as modulepreloads, but the manifest is the authority), with their CSS.
  const firstLoad = new Set<string>([...refs.scripts, ...refs.styles]);
  const staticClosure = (chunk: ManifestChunk | undefined, into: Set<string>) => {
    if (!chunk) return;
    for (const css of chunk.css ?? []) into.add(css);
    for (const key of chunk.imports ?? []) {
      const dep = manifest[key];
      if (dep && !into.has(dep.file)) {
        into.add(dep.file);
        staticClosure(dep, into);
      }
    }
  };
  for (const file of refs.scripts) staticClosure(byFile.get(file), firstLoad);

  // The lazy panels that App renders on the first page. Other dynamic imports of the entry
  // (a dialog's code, loaded on a click) stay 'lazy' and out of the first visit.
  const firstPageKeys = appLazyPanels();
  const lazyFirst = new Set<string>();
  for (const file of refs.scripts) {
    for (const key of byFile.get(file)?.dynamicImports ?? []) {
      const chunk = manifest[key];
      if (!chunk || firstLoad.has(chunk.file)) continue;
      if (firstPageKeys && !firstPageKeys.has(key)) continue;
      lazyFirst.add(chunk.file);
      staticClosure(chunk, lazyFirst);
    }
  }
  for (const file of firstLoad) lazyFirst.delete(file);

  // The service worker: sw.js, the workbox runtime it imports (workbox-<hash>.js beside it),
  // the chunk of `virtual:pwa-register` that registers it and what that chunk imports
  // (workbox-window), then every file of its precache list.
  const swPath = path.join(dist, 'sw.js');
  const serviceWorkerCode = existsSync(swPath) ? readFileSync(swPath, 'utf8') : null;
  const swFiles = new Set<string>();
  const precache = serviceWorkerCode === null ? [] : precacheEntries(serviceWorkerCode);
  if (serviceWorkerCode !== null) {
    swFiles.add('sw.js');
    for (const [, runtime] of serviceWorkerCode.matchAll(/["']\.\/(workbox-[\w-]+)["']/g)) {
      swFiles.add(`${runtime}.js`);
    }
    for (const [key, chunk] of Object.entries(manifest)) {
      if (!key.includes('virtual:pwa-register')) continue;
      swFiles.add(chunk.file);
      const closure = new Set<string>();
      staticClosure(chunk, closure);
      for (const dynamicKey of chunk.dynamicImports ?? []) {
        const dep = manifest[dynamicKey];
        if (dep) {
          closure.add(dep.file);
          staticClosure(dep, closure);
        }
      }
      for (const file of closure) if (!firstLoad.has(file)) swFiles.add(file);
    }
  }
  // A precache URL names a file of dist/, the table's with its version query.
  const precacheFile = (entry: PrecacheEntry) => entry.url.replace(/[?#].*$/, '');
  const precached = new Set(precache.map(precacheFile));
  const revisioned = new Set(precache.filter((e) => e.revision !== null).map(precacheFile));

  // Workers are not in the manifest: a script outside it that the first page's code names is one
  // (`new Worker(new URL(...))` leaves its file name in the chunk). Counted as loaded, an
  // upper bound, since the app may start it only when it needs it.
  const firstPageCode = [...firstLoad, ...lazyFirst]
    .filter((file) => /\.(js|mjs)$/.test(file) && existsSync(path.join(dist, file)))
    .map((file) => readFileSync(path.join(dist, file), 'utf8'))
    .join('\n');
  const icons = new Set(refs.icons);
  const roleOf = (file: string): Role => {
    if (file === 'index.html') return 'html';
    if (firstLoad.has(file)) return 'first-load';
    if (lazyFirst.has(file)) return 'lazy, first page';
    if (
      /\.(js|mjs)$/.test(file) &&
      !byFile.has(file) &&
      firstPageCode.includes(path.posix.basename(file))
    ) {
      return 'worker, first page';
    }
    if (file === VECTOR_TABLE_PATH) return 'vectors';
    if (icons.has(file)) return 'icon';
    if (swFiles.has(file)) return 'service worker';
    if (precached.has(file)) return 'precached';
    if (/\.(js|mjs|css)$/.test(file)) return 'lazy';
    return 'other';
  };
  const assets = walk(dist)
    .map((file) => {
      const bytes = readFileSync(path.join(dist, file));
      return {
        file,
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        role: roleOf(file),
      };
    })
    .sort((a, b) => a.role.localeCompare(b.role) || b.raw - a.raw);

  const sum = (pick: (a: Asset) => boolean) =>
    assets.filter(pick).reduce((t, a) => ({ raw: t.raw + a.raw, gzip: t.gzip + a.gzip }), {
      raw: 0,
      gzip: 0,
    });
  const isJs = (a: Asset) => /\.(js|mjs)$/.test(a.file);
  const isCss = (a: Asset) => a.file.endsWith('.css');
  const pageRoles: readonly Role[] = [
    'html',
    'first-load',
    'lazy, first page',
    'worker, first page',
    'vectors',
    'icon',
  ];
  const serviceWorker = sum((a) => a.role === 'service worker' || a.role === 'precached');
  const fetchedAgain = sum((a) => pageRoles.includes(a.role) && revisioned.has(a.file));
  const page = sum((a) => pageRoles.includes(a.role));
  return {
    assets,
    firstLoadJs: sum((a) => a.role === 'first-load' && isJs(a)),
    firstLoadCss: sum((a) => a.role === 'first-load' && isCss(a)),
    lazyFirstPage: sum((a) => a.role === 'lazy, first page' || a.role === 'worker, first page'),
    serviceWorker,
    fetchedAgain,
    firstVisit: {
      raw: page.raw + serviceWorker.raw + fetchedAgain.raw,
      gzip: page.gzip + serviceWorker.gzip + fetchedAgain.gzip,
    },
  };
}

/** The report as text: the table of files, then the totals and the budgets. */
export function formatReport(report: SizeReport): string {
  const table = markdownTable(
    ['file', 'role', 'raw kB', 'gzip kB'],
    report.assets.map((a) => [a.file, a.role, kB(a.raw), kB(a.gzip)]),
    ['l', 'l'],
  );
  const line = (label: string, s: { raw: number; gzip: number }) =>
    `${label.padEnd(50)} ${kB(s.raw).padStart(9)} kB raw ${kB(s.gzip).padStart(9)} kB gzip`;
  return [
    table,
    '',
    line('first-load JavaScript', report.firstLoadJs),
    line('first-load CSS', report.firstLoadCss),
    line('lazy chunks and workers of the first page', report.lazyFirstPage),
    line('service worker, workbox, precache-only files', report.serviceWorker),
    line('fetched again by the precache (revisioned)', report.fetchedAgain),
    line('first visit (page, vectors once, service worker)', report.firstVisit),
  ].join('\n');
}

/** The budgets that `report` breaks, as messages (empty when it keeps them all). */
export function budgetFailures(report: SizeReport): string[] {
  const failures: string[] = [];
  if (report.firstLoadJs.gzip > FIRST_LOAD_JS_BUDGET) {
    failures.push(
      `first-load JavaScript is ${kB(report.firstLoadJs.gzip)} kB gzipped, over the ${kB(FIRST_LOAD_JS_BUDGET)} kB budget`,
    );
  }
  // A server that does not compress sends the raw bytes: that is the figure to hold.
  if (report.firstVisit.raw > FIRST_VISIT_BUDGET) {
    failures.push(
      `a first visit is ${kB(report.firstVisit.raw)} kB, over the ${kB(FIRST_VISIT_BUDGET)} kB budget`,
    );
  }
  return failures;
}

function main(): void {
  const args = process.argv.slice(2);
  const distArg = args.indexOf('--dist');
  const dist =
    distArg >= 0 && args[distArg + 1] ? path.resolve(args[distArg + 1] as string) : undefined;
  const report = measure(dist);
  const failures = budgetFailures(report);
  if (args.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(formatReport(report));
    console.log(
      `\nbudgets: first-load JavaScript ≤ ${kB(FIRST_LOAD_JS_BUDGET)} kB gzip, first visit ≤ ${kB(FIRST_VISIT_BUDGET)} kB`,
    );
  }
  for (const failure of failures) console.error(`size check failed: ${failure}`);
  if (failures.length === 0 && !args.includes('--json')) console.log('size check passed');
  process.exitCode = failures.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
