/**
 * `npm run bench:pages`: what opening the app costs the machine, the unit of work of the
 * browser tests (each test opens the app in a fresh browser context, a few hundred times
 * per `.ci/run`). For a blank page, the app as the tests open it (`openApp`: no service
 * worker) and the app with its service worker (a first visit: the worker installs and
 * precaches the build and the 6.4 MB table), it opens a fresh context `--runs` times and
 * prints the median wall time until the app is ready and the CPU time the whole machine
 * spent from the context's creation until `--idle` ms after that (the work a page does
 * right after it is ready counts too).
 *
 * CPU time is read from Linux's /proc/stat (every process: Chromium's browser, renderer
 * and GPU processes, the preview server, this script), so run it on an otherwise quiet
 * machine. Options: --runs N (default 5), --idle MS (default 1500), --dist DIR.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { openApp, ROOT } from '../../test/e2e/harness';
import { withPreviewBrowser } from './benchHarness';
import { flagValue, machineLine, markdownTable, median } from './benchShared';

/** CPU time all processes have used since boot (user, nice and system), in ms. */
function machineCpuMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/) ?? [];
  // "cpu user nice system idle …", in clock ticks of 10 ms (USER_HZ = 100 on Linux).
  return (Number(fields[1]) + Number(fields[2]) + Number(fields[3])) * 10;
}

/** One way of opening a page: what it opens, and how long until it is ready. */
interface Opening {
  readonly name: string;
  /** Opens a page in a fresh context, waits until it is ready, and returns the context. */
  open(browser: Browser, url: string): Promise<BrowserContext>;
}

const OPENINGS: readonly Opening[] = [
  {
    name: 'blank page',
    async open(browser) {
      const context = await browser.newContext();
      await (await context.newPage()).setContent('<p>blank</p>');
      return context;
    },
  },
  {
    name: 'the app as the tests open it (openApp: no service worker)',
    async open(browser, url) {
      return (await openApp(browser, url)).context();
    },
  },
  {
    name: 'the app with its service worker (a first visit)',
    async open(browser, url) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(
        () => document.querySelector('.vector-status')?.getAttribute('data-status') === 'ready',
      );
      await page.waitForFunction(() => !document.querySelector('[data-lazy-pending]'));
      return context;
    },
  },
];

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const value = (flag: string) => flagValue(argv, flag);
  const runs = Number(value('--runs') ?? 5);
  const idle = Number(value('--idle') ?? 1500);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a positive integer');
  if (!Number.isFinite(idle) || idle < 0) throw new Error('--idle needs a number of ms');
  const dist = path.resolve(ROOT, value('--dist') ?? 'dist');
  console.log(machineLine());
  const rows = await withPreviewBrowser(dist, async (browser, url) => {
    const out: string[][] = [];
    for (const opening of OPENINGS) {
      const walls: number[] = [];
      const cpus: number[] = [];
      for (let r = 0; r < runs; r++) {
        const cpuBefore = machineCpuMs();
        const started = performance.now();
        const context = await opening.open(browser, url);
        walls.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, idle));
        cpus.push(machineCpuMs() - cpuBefore);
        await context.close();
      }
      out.push([opening.name, median(walls).toFixed(0), median(cpus).toFixed(0)]);
    }
    return out;
  });
  console.log(
    `\nOpening a page in a fresh context, median of ${runs}; CPU of the whole machine until ${idle} ms after ready\n`,
  );
  console.log(markdownTable(['page', 'ready after (ms)', 'CPU (ms)'], rows, ['l']));
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
