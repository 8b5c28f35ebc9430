import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Two projects: `unit` (core in Node, components in jsdom) runs everywhere;
 * `e2e` drives Debian's Chromium against the built app and needs `npm run build` first.
 */
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/core/**/*.test.ts', 'test/store/**/*.test.ts', 'test/vocabulary/**/*.test.ts', 'test/data/**/*.test.ts', 'test/*.test.tsx', 'test/components/**/*.test.tsx', 'test/cli/**/*.test.ts', 'test/viz/**/*.test.ts', 'test/worker/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
