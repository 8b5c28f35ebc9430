import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'coverage', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The compute core must run unchanged in Node, in a Web Worker and in tests:
    // no React, no DOM, no d3 selections, no randomness outside the seeded generator.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*'], message: 'src/core is pure: no React or store.' },
            { group: ['d3-selection', 'd3-transition', 'd3'], message: 'src/core is pure: no DOM.' },
            { group: ['**/components/*', '**/store/*', '**/viz/*', '**/worker/*', '**/data/*', 'node:*', 'fs', 'path'], message: 'src/core depends on nothing outside itself.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded generator in core/random.ts.' }],
    },
  },
  {
    // Below the store: scenes, exports, formatting and the shared vocabulary are functions of
    // a trace and view options, so the export builders, tests and tools can call them
    // without an app around them. They read the vocabulary, never the store.
    files: ['src/viz/**/*.{ts,tsx}', 'src/export/**/*.ts', 'src/format.ts', 'src/vocabulary/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/store/*', '**/store', 'zustand', 'zustand/*'], message: 'Nothing below the store imports it: take the value as an argument, or import its type from src/vocabulary.' },
            { group: ['**/components/*'], message: 'Components import these modules, not the other way round.' },
          ],
        },
      ],
    },
  },
  {
    // Browser tests hold no React: `useBrowserSuite` and `page.use…` are not hooks.
    files: ['test/e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
);
