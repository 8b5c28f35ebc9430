/**
 * `npm run size:d3`: why the app depends on d3's modules rather than the `d3` bundle.
 *
 * Measures, gzipped (node:zlib, level 9, as `npm run size`), what the first page would
 * carry for the d3 functions the app calls (the list below, kept in step with `src/`):
 * 1. the four modules the app depends on (d3-scale, d3-scale-chromatic, d3-color,
 *    d3-force), bundled and minified by Vite as the app build does;
 * 2. the same named imports taken from the `d3` package instead (Vite tree-shakes it);
 * 3. the prebuilt `d3.min.js`, what a `<script>` tag, a CDN copy or an
 *    `import * as d3` that defeats tree shaking would load.
 * Also the size of what `npm install` puts in node_modules for each choice.
 *
 * The `d3` package is installed by this script into a scratch folder (it is not a
 * dependency of the app), so the script needs npm's registry; nothing of it ships.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { kB, markdownTable } from './benchShared';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The d3 functions the app imports, by module (grep "from 'd3" src). */
const USED: Record<string, string[]> = {
  'd3-scale': ['scaleLinear', 'scaleLog', 'scaleDiverging', 'scaleSequential'],
  'd3-scale-chromatic': ['interpolatePuOr', 'interpolateViridis'],
  'd3-color': ['rgb'],
  'd3-force': ['forceCollide', 'forceLink', 'forceManyBody', 'forceSimulation', 'forceX', 'forceY'],
};

const gzip = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).length;

/** Minified ES bundle of `entrySource`, resolved from `dir`'s node_modules; its byte size raw and gzipped. */
async function bundle(dir: string, entrySource: string): Promise<{ raw: number; gz: number }> {
  const entry = path.join(dir, 'd3-sizes-entry.js');
  writeFileSync(entry, entrySource);
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    root: dir,
    build: {
      write: false,
      minify: true,
      lib: { entry, formats: ['es'], fileName: 'd3' },
    },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
  const outputs = Array.isArray(out) ? out : [out];
  const code = outputs
    .flatMap((o) => o.output)
    .map((chunk) => (chunk.type === 'chunk' ? chunk.code : ''))
    .join('');
  rmSync(entry);
  return { raw: Buffer.byteLength(code), gz: gzip(code) };
}

/** Bytes of the files under `dir`. */
function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}

/** The installed bytes of `names` and every d3 module they pull in, under `modules`. */
function installedBytes(modules: string, names: string[]): number {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const pkg = JSON.parse(
      execFileSync('cat', [path.join(modules, name, 'package.json')]).toString(),
    ) as { dependencies?: Record<string, string> };
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep);
  };
  names.forEach(visit);
  return [...seen].reduce((sum, name) => sum + folderBytes(path.join(modules, name)), 0);
}

async function main(): Promise<void> {
  const namedExports = (from: (module: string) => string) =>
    Object.entries(USED)
      .map(([module, names]) => `export { ${names.join(', ')} } from '${from(module)}';`)
      .join('\n');

  // 1. The modules, resolved from the app's own node_modules.
  const local = path.join(ROOT, 'node_modules', '.d3-sizes');
  mkdirSync(local, { recursive: true });
  const modules = await bundle(
    local,
    namedExports((module) => module),
  );
  rmSync(local, { recursive: true, force: true });

  // 2 and 3. The d3 package, installed into a scratch folder.
  const work = mkdtempSync(path.join(tmpdir(), 'd3-sizes-'));
  try {
    writeFileSync(path.join(work, 'package.json'), '{"private":true}');
    console.log('installing d3@7 into a scratch folder with npm…');
    execFileSync('npm', ['install', 'd3@7', '--no-audit', '--no-fund', '--silent'], {
      cwd: work,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const fromBundle = await bundle(
      work,
      namedExports(() => 'd3'),
    );
    const prebuilt = execFileSync('cat', [path.join(work, 'node_modules/d3/dist/d3.min.js')]);
    const version = (
      JSON.parse(
        execFileSync('cat', [path.join(work, 'node_modules/d3/package.json')]).toString(),
      ) as { version: string }
    ).version;
    const workModules = path.join(work, 'node_modules');
    const rows = [
      [
        `the four modules (${Object.keys(USED).join(', ')}), tree-shaken`,
        kB(modules.raw),
        kB(modules.gz),
        kB(installedBytes(workModules, Object.keys(USED))),
      ],
      [
        `the same functions imported from d3@${version}, tree-shaken`,
        kB(fromBundle.raw),
        kB(fromBundle.gz),
        kB(installedBytes(workModules, ['d3'])),
      ],
      [
        `d3@${version}'s prebuilt d3.min.js (script tag, or import * as d3)`,
        kB(prebuilt.length),
        kB(gzip(prebuilt)),
        kB(installedBytes(workModules, ['d3'])),
      ],
    ];
    console.log(
      markdownTable(
        ['d3 on the first page (kB)', 'minified', 'gzip', 'installed in node_modules'],
        rows,
        ['l', 'r', 'r', 'r'],
      ),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
