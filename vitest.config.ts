import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import react from '@vitejs/plugin-react';

/**
 * Four projects, all run by `npm test` (`npm run test:unit` runs the first two,
 * `npm run test:e2e` the last two):
 * - `unit-node`: core, store, viz, worker and CLI tests in Node, in worker threads;
 * - `unit-dom`: every test file whose first line is `// @vitest-environment jsdom` (the
 *   components, the React hooks, the SVG exports), in `vmThreads`: each file gets a fresh
 *   VM context in a reused thread, so jsdom is loaded once per thread rather than once per
 *   file (that load was a quarter of the suite's time);
 * - `e2e`: the browser tests (Debian's Chromium against the built app: `npm run build`
 *   first). Each file serves the build on its own port and launches its own Chromium, so
 *   the files run side by side;
 * - `e2e-serial`: the browser tests that time something (long tasks while the worker
 *   computes, animations, a throttled download), run one at a time after everything else
 *   so that no other test competes with them for the CPU.
 */

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** Test files (outside test/e2e) whose first line asks for jsdom, relative to the root. */
function jsdomTestFiles(): string[] {
  return readdirSync(path.join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
    .map((file) => `test/${file.split(path.sep).join('/')}`)
    .filter((file) => /\.test\.tsx?$/.test(file) && !file.startsWith('test/e2e/'))
    .filter((file) =>
      readFileSync(path.join(ROOT, file), 'utf8').startsWith('// @vitest-environment jsdom'),
    )
    .sort();
}

const JSDOM_FILES = jsdomTestFiles();

/**
 * How long a browser test's `expect.poll` waits when it names no timeout: 10 s rather than
 * Vitest's 1 s. On a host twice as slow as usual, with two browser tests side by side, a
 * lesson link took over a second to reach the box (test/e2e/nothingLost.test.ts). A poll
 * that must succeed sooner says so with its own timeout (tokensAtOnce.test.ts: 1 s).
 */
const BROWSER_POLL = { timeout: 10_000 };

/** Browser tests that measure time: see `e2e-serial` above. */
const TIMED_E2E = [
  'test/e2e/worker.test.ts',
  'test/e2e/motion.test.ts',
  'test/e2e/loading.test.ts',
  'test/e2e/typing.test.ts',
];

/**
 * The longest files, started first. Vitest starts the files it has timed before longest
 * first, but a clean clone has no timings and starts the largest files first, which left
 * these two (about a third of the browser tests' time) to finish alone at the end.
 */
const LONGEST_FIRST = ['test/e2e/axe.test.ts', 'test/e2e/leaks.test.ts'];

class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const i = LONGEST_FIRST.indexOf(path.relative(ROOT, spec.moduleId).split(path.sep).join('/'));
      return i === -1 ? LONGEST_FIRST.length : i;
    };
    // Array.prototype.sort is stable: everything else keeps Vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  plugins: [react()],
  test: {
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine.
    // Three files at a time on the project's 2-core machine: a browser test spends much of
    // its time waiting on Chromium, so a third file fills those waits (`.ci/run` took
    // 618 s with two, on a quiet machine). The timed browser tests still run alone, last.
    maxWorkers: 3,
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit-node',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', ...JSDOM_FILES],
          environment: 'node',
          pool: 'threads',
          // No setup file: jest-dom's DOM matchers mean nothing here and cost 0.2 s per file.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-dom',
          include: JSDOM_FILES,
          environment: 'jsdom',
          pool: 'vmThreads',
          setupFiles: ['test/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: TIMED_E2E,
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          expect: { poll: BROWSER_POLL },
          // For the tests marked concurrent (axe's modes, each on a page of its own).
          maxConcurrency: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e-serial',
          include: TIMED_E2E,
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          expect: { poll: BROWSER_POLL },
          fileParallelism: false,
        },
      },
    ],
  },
});
