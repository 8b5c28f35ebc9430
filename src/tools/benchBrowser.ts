/**
 * `npm run bench:browser`: the built app in headless Chromium (Debian's, through
 * playwright-core and the browser tests' harness), served by `vite preview`, measured by
 * two benchmarks that share `benchHarness.ts`:
 *
 * 1. Loading (`benchLoading.ts`). First visit, fresh cache: the bytes that cross the network (the sum of CDP
 *    `Network.loadingFinished` encodedDataLength over every request), and when the first
 *    paint, the sentence box, the tokens, the word vectors and the panels arrive. Then a
 *    second visit in the same browser profile, to show what the HTTP cache saves.
 * 2. The same first visit on a slow link (CDP `Network.emulateNetworkConditions`): the
 *    page paints before the 6 MB vector table arrives and shows its progress; a screenshot
 *    of the progress bar goes to test-results/perf/.
 * 3. Updates (`benchUpdates.ts`): for texts of 12, 64, 128, 256 and 512 tokens, the time from the input event
 *    (Playwright's `fill`, one real `input` event; measured from the event's own timestamp
 *    in the page) until every panel shows the new text (the "Tokens" list holds the new
 *    tokens, the "Attention heatmap" has data-token-count = T when it carries that
 *    attribute, the "Attention graph" has T nodes labelled with the new tokens), plus two
 *    animation frames so that the frame is painted. Also the longest main-thread task
 *    (PerformanceObserver 'longtask', which reports tasks of 50 ms or more) between the
 *    input and the paint, and until a second after the paint (work left for later). Two
 *    different texts of each length alternate, so every run is a real change; the table
 *    gives medians (and the worst run) over the runs.
 *
 *    Then the measure's floor (`measureFloor`): the same timing of a bare textarea that
 *    copies its value into one text node, on a blank page.
 *
 * 4. Typing into long texts (`benchTyping.ts`): a 512-token text typed into at 20 ms a
 *    key, and one key in a 5 MB text against a bare textarea. --skip-typing leaves it out.
 *
 * Options: --runs N (default 7), --sizes 12,64 (default 12,64,128,256,512),
 * --json FILE (also write the figures as JSON), --skip-load (only the updates),
 * --dist DIR (serve another build), --css RULES (add these style rules before the updates:
 * what a proposed CSS fix would change). Builds the app first when dist/index.html is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_PATH, ROOT } from '../../test/e2e/harness';
import { OUT_DIR, withPreviewBrowser } from './benchHarness';
import { loadTable, measureLoading, type LoadReport } from './benchLoading';
import { flagValue, kB, machineLine } from './benchShared';
import { measureTyping, typingTables, type TypingReport } from './benchTyping';
import { measureFloor, measureUpdates, updateTable } from './benchUpdates';
import { measure } from './sizes';

/** The command's options (see the module comment). */
interface Options {
  runs: number;
  sizes: number[];
  json: string | null;
  skipLoad: boolean;
  dist: string;
  css: string | null;
  skipTyping: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string) => flagValue(argv, flag);
  const runs = Number(value('--runs') ?? 7);
  const sizes = (value('--sizes') ?? '12,64,128,256,512').split(',').map(Number);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs needs a positive integer`);
  if (sizes.some((T) => !Number.isInteger(T) || T < 1 || T > 512)) {
    throw new Error(`--sizes needs token counts from 1 to 512, comma-separated`);
  }
  return {
    runs,
    sizes,
    json: value('--json') ?? null,
    skipLoad: argv.includes('--skip-load'),
    dist: path.resolve(ROOT, value('--dist') ?? 'dist'),
    css: value('--css') ?? null,
    skipTyping: argv.includes('--skip-typing'),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(path.join(options.dist, 'index.html'))) {
    console.error('dist/ is missing: building the app first');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  mkdirSync(OUT_DIR, { recursive: true });
  await withPreviewBrowser(options.dist, async (browser, url) => {
    const chromium = browser.version();
    const sizes = measure(options.dist);
    console.log(`${machineLine()}, Chromium ${chromium} (${CHROMIUM_PATH}, headless)`);
    console.log(
      `build: first-load JS ${kB(sizes.firstLoadJs.gzip)} kB gzip, first-load CSS ` +
        `${kB(sizes.firstLoadCss.gzip)} kB gzip, lazy chunks of the first page ` +
        `${kB(sizes.lazyFirstPage.gzip)} kB gzip (npm run size)`,
    );

    let load: LoadReport | null = null;
    if (!options.skipLoad) {
      console.error('measuring page loads…');
      load = await measureLoading(browser, url);
      console.log(
        `\nPage load (vite preview on loopback; bytes = CDP encodedDataLength; times in ms from navigation)\n`,
      );
      console.log(loadTable(load));
      const kinds = Object.entries(load.first.bytes.byKind)
        .map(([kind, bytes]) => `${kind} ${kB(bytes)} kB`)
        .join(', ');
      console.log(`\nfirst visit by kind: ${kinds}`);
      console.log(
        `slow link: progress values shown ${load.slow.progress.length} times ` +
          `(${load.slow.progress.slice(0, 3).join(', ')} … ${load.slow.progress.slice(-2).join(', ')}); ` +
          `screenshot ${path.relative(ROOT, load.slow.screenshot)}`,
      );
    }

    console.error('measuring updates…');
    const updates = await measureUpdates(browser, url, options);
    console.log(
      `\nInput → all panels painted, viewport 1366×768, ${options.runs} runs per length ` +
        `(two texts alternating), ms; longest task from PerformanceObserver 'longtask' ` +
        `("< 50": no task of 50 ms or more)\n`,
    );
    console.log(updateTable(updates));
    const floor = await measureFloor(browser, options.runs);
    console.log(
      `\nThe measure's floor: a bare textarea that copies its value into one text node, ` +
        `measured the same way: input → painted ${floor.painted.median.toFixed(1)} ms ` +
        `(min ${floor.painted.min.toFixed(1)}, max ${floor.painted.max.toFixed(1)}), ` +
        `input → shown ${floor.shown.toFixed(1)} ms, ${floor.runs} runs`,
    );

    let typing: TypingReport | null = null;
    if (!options.skipTyping) {
      typing = await measureTyping(browser, url);
      console.log(
        `\nTyping into long texts (keys are real CDP key events; longest task from 'longtask'; ` +
          `"key → idle": until no task of 50 ms or more for 3 s)\n`,
      );
      console.log(typingTables(typing));
    }

    if (options.json) {
      const file = path.resolve(options.json);
      writeFileSync(
        file,
        JSON.stringify(
          {
            machine: machineLine(),
            chromium,
            sizes: {
              firstLoadJs: sizes.firstLoadJs,
              firstLoadCss: sizes.firstLoadCss,
              lazyFirstPage: sizes.lazyFirstPage,
              firstVisit: sizes.firstVisit,
            },
            load,
            updates,
            floor,
            typing,
          },
          null,
          2,
        ),
      );
      console.log(`\nwrote ${path.relative(ROOT, file)}`);
    }
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
