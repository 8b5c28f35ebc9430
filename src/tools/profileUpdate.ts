/**
 * `npm run profile:update -- --tokens 128`: where the time of one update goes, in
 * headless Chromium, for the panel-by-panel figures the README gives for missed targets.
 *
 * Builds an unminified copy of the app (so React components keep their names) into
 * node_modules/.cache/attention-graph-profile (or serves `--dist DIR`), opens it, makes two
 * untimed changes, then records one change between two texts of `--tokens` tokens with the
 * Chromium trace (devtools.timeline) and the V8 sampling profiler, and prints:
 * - the update as `npm run bench:browser` measures it (input → painted, longest task);
 * - main-thread time by kind of work (script, style, layout, paint, garbage collection);
 * - script time by React component (inclusive: the component and everything it calls
 *   while rendering) and by function (self time), from the V8 profile;
 * - the browser's layout cost of each panel (a forced relayout after invalidating it alone).
 * Unminified code runs at about the speed of the minified build; absolute figures come
 * from `npm run bench:browser`, this tool says which part costs what.
 *
 * Options: --tokens T (default 128), --dist DIR (serve this build instead), --save DIR
 * (also write the trace and the CPU profile there, for Chromium's DevTools), --hide CSS
 * (the same update with the elements that match the selector hidden: what they cost),
 * --css RULES (the same update with these style rules added: to try a fix).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession } from 'playwright-core';
import { closePage, openApp, ROOT } from '../../test/e2e/harness';
import { addStyleRules, withPreviewBrowser } from './benchHarness';
import { installUpdateProbe, measureUpdate, updateTexts } from './benchUpdates';
import { flagValue, markdownTable } from './benchShared';
import { readFileBytes } from './nodeBytes';
import { loadWordVectors, VECTOR_TABLE_PATH } from '../data/vectorTable';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Trace event names, grouped by the kind of work the README talks about. */
const KINDS: Record<string, readonly string[]> = {
  'script (all JavaScript)': ['FunctionCall', 'EvaluateScript', 'v8.evaluateModule'],
  'style recalculation': ['UpdateLayoutTree'],
  layout: ['Layout'],
  'pre-paint and paint': ['PrePaint', 'Paint', 'PaintImage', 'Layerize'],
  'compositor commit': ['Commit'],
  'garbage collection': ['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR'],
};

/** Sums the durations of the main thread's top-level tasks and of each kind of work. */
function summarizeTrace(events: readonly TraceEvent[]): string[][] {
  const mains = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const byThread = mains.map((m) => {
    const own = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X');
    const tasks = own.filter(
      (e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask',
    );
    const busy = tasks.reduce((t, e) => t + (e.dur ?? 0), 0);
    return { own, tasks, busy };
  });
  const main = byThread.sort((a, b) => b.busy - a.busy)[0];
  if (!main) return [['no renderer main thread in the trace', '']];
  const rows: string[][] = [
    ['main-thread tasks, total', (main.busy / 1000).toFixed(1)],
    ['longest task', (Math.max(0, ...main.tasks.map((e) => e.dur ?? 0)) / 1000).toFixed(1)],
  ];
  for (const [kind, names] of Object.entries(KINDS)) {
    // Count only the outermost event of a kind: a FunctionCall inside a FunctionCall once.
    const spans = main.own.filter((e) => names.includes(e.name)).sort((a, b) => a.ts - b.ts);
    let total = 0;
    let end = -Infinity;
    for (const e of spans) {
      const stop = e.ts + (e.dur ?? 0);
      if (e.ts >= end) {
        total += e.dur ?? 0;
        end = stop;
      } else if (stop > end) {
        total += stop - end;
        end = stop;
      }
    }
    rows.push([kind, (total / 1000).toFixed(1)]);
  }
  return rows;
}

/** Inclusive time per React component and self time per function, in ms. */
function summarizeProfile(profile: CpuProfile): { components: string[][]; functions: string[][] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) => {
    const file = n.callFrame.url.split('/').pop() ?? '';
    return `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
  };
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(id);
    if (!leaf) return;
    self.set(key(leaf), (self.get(key(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
      // A React component: a capitalised function of the app's own chunks.
      if (!/^[A-Z]/.test(n.callFrame.functionName) || !n.callFrame.url.includes('/assets/'))
        continue;
      const k = key(n);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .filter(([, t]) => t >= 0.5)
      .map(([k, t]) => [k, t.toFixed(1)]);
  return { components: top(inclusive, 25), functions: top(self, 25) };
}

/** The page's panels, by the class names their components give them. */
const PANELS: readonly (readonly [string, string])[] = [
  ['sentence and token chips', '.app-main__input'],
  ['steps', '.app-main__steps'],
  ['explanation', '.app-main__explain'],
  ['heatmap', '.heatmap-panel'],
  ['graph', '.graph-panel'],
  ['show the work', '.work'],
  ['matrices', '.matrices'],
  ['settings', '.app-main__settings'],
  ['accessible tables', '.data-tables'],
];

/**
 * Runs in the page: for each panel, invalidates its layout alone (a font-size nudge) and
 * times the forced relayout that follows. What a panel costs the browser on every update
 * that touches it, independent of React.
 */
function relayoutCosts(
  panels: readonly (readonly [string, string])[],
): { name: string; selector: string; elements: number; ms: number | null }[] {
  return panels.map(([name, selector]) => {
    const el = document.querySelector<HTMLElement>(selector);
    if (!el) return { name, selector, elements: 0, ms: null };
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      void document.body.offsetHeight;
      el.style.setProperty('font-size', i % 2 ? '100.1%' : '99.9%');
      const t0 = performance.now();
      void document.body.offsetHeight;
      times.push(performance.now() - t0);
    }
    el.style.removeProperty('font-size');
    times.sort((a, b) => a - b);
    return { name, selector, elements: el.querySelectorAll('*').length, ms: times[2] ?? null };
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const value = (flag: string) => flagValue(argv, flag);
  const T = Number(value('--tokens') ?? 128);
  let dist = value('--dist');
  if (!dist) {
    dist = path.join(ROOT, 'node_modules', '.cache', 'attention-graph-profile');
    console.error(`building an unminified copy into ${path.relative(ROOT, dist)}…`);
    const build = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--minify',
        'false',
        '--outDir',
        dist,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const vectors = await loadWordVectors(
    path.join(ROOT, 'public', VECTOR_TABLE_PATH),
    readFileBytes,
  );
  const { texts, expected } = updateTexts(T, vectors);

  await withPreviewBrowser(dist, async (browser, url) => {
    const page = await openApp(browser, url);
    const hide = value('--hide');
    // What a panel costs: the same update with that panel out of the layout.
    if (hide) await addStyleRules(page, `${hide} { display: none !important; }`);
    const css = value('--css');
    if (css) await addStyleRules(page, css);
    await installUpdateProbe(page);
    for (let i = 0; i < 2; i++)
      await measureUpdate(page, texts[i] as string, expected[i] as string[]);
    await page.waitForTimeout(500);

    const cdp: CDPSession = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    // The profiler first: starting it is a long task of its own, which the trace must not see.
    await cdp.send('Profiler.start');
    await page.waitForTimeout(300);
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8',
        'blink.user_timing',
      ],
    });
    const sample = await measureUpdate(page, texts[0] as string, expected[0] as string[]);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
      traceEvents: TraceEvent[];
    };
    await page.waitForTimeout(1000);
    const relayout = await page.evaluate(relayoutCosts, PANELS);
    await closePage(page);
    const save = value('--save');
    if (save) {
      // Both open in Chromium's DevTools (Performance panel: "Load profile").
      mkdirSync(save, { recursive: true });
      writeFileSync(path.join(save, `update-${T}.trace.json`), JSON.stringify(trace));
      writeFileSync(path.join(save, `update-${T}.cpuprofile`), JSON.stringify(profile));
      console.error(`saved the trace and the CPU profile in ${save}`);
    }

    console.log(
      `one change between two texts of ${T} tokens (unminified build, profiler and trace on):\n` +
        `input → painted ${sample.painted.toFixed(1)} ms, input → shown ${sample.shown.toFixed(1)} ms, ` +
        `longest task ${sample.longestTask.toFixed(1)} ms\n`,
    );
    console.log(
      markdownTable(['main thread, from the trace', 'ms'], summarizeTrace(trace.traceEvents), [
        'l',
      ]),
    );
    const { components, functions } = summarizeProfile(profile);
    console.log('\nReact components, inclusive script time (V8 samples)\n');
    console.log(markdownTable(['component (chunk:line)', 'ms'], components, ['l']));
    console.log('\nFunctions, self time (V8 samples)\n');
    console.log(markdownTable(['function (chunk:line)', 'ms'], functions, ['l']));
    console.log(
      '\nLayout per panel: the time of a forced relayout of the whole page after that panel ' +
        'alone was invalidated (its font size nudged), median of 5\n',
    );
    console.log(
      markdownTable(
        ['panel', 'selector', 'elements', 'relayout ms'],
        relayout.map((r) => [
          r.name,
          r.selector,
          String(r.elements),
          r.ms === null ? '—' : r.ms.toFixed(1),
        ]),
        ['l', 'l'],
      ),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
