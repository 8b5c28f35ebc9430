import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import type { ManifestTransform } from 'workbox-build';
import { reliability as englishReliability } from './src/messages/reliability';
import { reliability as spanishReliability } from './src/messages/es/reliability';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** A year: what a file whose URL changes with its content can be cached for. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Where the word-vector table sits inside public/ and dist/ (VECTOR_TABLE_PATH of src/core/vectors.ts). */
const VECTOR_TABLE = 'vectors/glove-30k-100d.bin';

/**
 * The version of the word-vector table: 12 hex digits of the SHA-256 of public/vectors/,
 * or '' when there is no table. The table keeps its stable file name (the trace CLI and
 * the tests read it from public/), and the app asks for `vectors/glove-30k-100d.bin?v=<version>`,
 * so a browser may keep it for good and still fetches a rebuilt table at once.
 */
function computeVectorsVersion(): string {
  const dir = path.join(ROOT, 'public', 'vectors');
  const hash = createHash('sha256');
  const files = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((f) => f.isFile())
    : [];
  for (const name of files.map((f) => f.name).sort()) {
    hash.update(name).update(readFileSync(path.join(dir, name)));
  }
  return files.length ? hash.digest('hex').slice(0, 12) : '';
}

const VECTORS_VERSION = computeVectorsVersion();

/** The table's size in bytes (0 without a table): the least an offline copy needs. */
const VECTORS_BYTES = existsSync(path.join(ROOT, 'public', VECTOR_TABLE))
  ? statSync(path.join(ROOT, 'public', VECTOR_TABLE)).size
  : 0;

/**
 * Hands the table's version to the app as `import.meta.env.VITE_VECTORS_VERSION`
 * (undefined in unit tests), which src/store/loadVectors.ts appends to the table's URL,
 * and its size as `VITE_VECTORS_BYTES` (src/store/offlineInstall.ts).
 */
function vectorsVersion(): Plugin {
  return {
    name: 'attention-graph:vectors-version',
    config: () => ({
      define: {
        'import.meta.env.VITE_VECTORS_VERSION': JSON.stringify(VECTORS_VERSION),
        'import.meta.env.VITE_VECTORS_BYTES': JSON.stringify(VECTORS_BYTES),
      },
    }),
  };
}

/**
 * Precaches the table under exactly the URL the app asks for (`…bin?v=<version>`), with no
 * workbox revision: the URL is the version. Two things follow. Offline, the page's request
 * matches the precache entry as it is (no URL parameter to ignore). And workbox fetches an
 * entry without a revision with the request's default cache mode (a revision would make it
 * `cache: 'reload'`), so when the service worker installs after the page has loaded the
 * table (src/pwa/registerServiceWorker.ts) its request is answered by the HTTP cache and
 * the 6.4 MB cross the network once.
 */
const versionTheVectorTable: ManifestTransform = (entries) => ({
  manifest: entries.map((entry) =>
    entry.url === VECTOR_TABLE && VECTORS_VERSION
      ? { ...entry, url: `${VECTOR_TABLE}?v=${VECTORS_VERSION}`, revision: null }
      : entry,
  ),
  warnings: [],
});

/** The messages of a page that cannot run the app, in every language of the interface. */
const BOOT_MESSAGES = [
  { lang: 'en', boot: englishReliability.boot },
  { lang: 'es', boot: spanishReliability.boot },
];

/** `text` safe inside an HTML element. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Writes the page's own messages into index.html (see the comment there): what to do
 * without JavaScript, inside `<noscript>`, and what to do when the app cannot start,
 * inside the root element, where React replaces it once the app runs. Every language at
 * once, each marked with its `lang`: no script runs to choose one. The text comes from
 * src/messages like every other string. styles.css keeps the root's message hidden for
 * the first seconds, so a normal start never flashes it.
 */
function startMessages(): Plugin {
  const paragraphs = (pick: (boot: (typeof BOOT_MESSAGES)[number]['boot']) => string) =>
    BOOT_MESSAGES.map(({ lang, boot }) => `<p lang="${lang}">${escapeHtml(pick(boot))}</p>`).join(
      '',
    );
  return {
    name: 'attention-graph:start-messages',
    transformIndexHtml: (html) =>
      html
        .replace(
          '<!--app:needs-javascript-->',
          `<div class="app-boot app-boot--no-script">${paragraphs((b) => b.needsJavaScript)}</div>`,
        )
        .replace(
          '<!--app:cannot-start-->',
          `<div class="app-boot app-boot--not-started">${paragraphs((b) => b.cannotStart)}</div>`,
        ),
  };
}

/**
 * The Content-Security-Policy of index.html holds for the build only. The development
 * server needs what it forbids: Vite injects each CSS file as a `<style>` element and
 * @vitejs/plugin-react adds an inline React Refresh preamble script. So `npm start` serves
 * index.html without its policy; `vite build` (and `vite preview`) keep it.
 */
function policyInBuildOnly(): Plugin {
  return {
    name: 'attention-graph:policy-in-build-only',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, ''),
  };
}

/**
 * `vite preview` answers every file with `Cache-Control: no-cache` (revalidate with the
 * ETag each time). Hashed assets and the versioned vector table never change under their
 * URL, so let the browser keep them without asking; index.html stays no-cache.
 */
function previewCaching(): Plugin {
  return {
    name: 'attention-graph:preview-caching',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '';
        if (/\/assets\//.test(url) || /\/vectors\/[^?]+\?v=[0-9a-f]+/.test(url)) {
          res.setHeader('Cache-Control', IMMUTABLE);
        }
        next();
      });
    },
  };
}

// The app is fully static: every asset, including the word-vector table, comes from
// the app's own origin, so the build can be served from any plain file server.
export default defineConfig({
  plugins: [
    react(),
    startMessages(),
    vectorsVersion(),
    previewCaching(),
    policyInBuildOnly(),
    // An installable app that works offline after one visit: a service worker (workbox
    // generateSW, dist/sw.js) precaches the whole build, the lazy chunks, the trace worker
    // and the word-vector table. It stays off under `npm start` (devOptions off).
    VitePWA({
      // A new version waits until the user reloads (src/components/shell/UpdatePrompt.tsx): a
      // reload of its own would drop a lesson in the middle of a sentence.
      registerType: 'prompt',
      // Registered from the app's own code (virtual:pwa-register), never an inline script.
      injectRegister: false,
      manifest: {
        name: 'Attention Graph',
        short_name: 'Attention',
        description:
          'Type a sentence and watch self-attention compute every number: Q, K, V, scores, softmax, weighted sum, and a directed attention graph.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#3b4cca',
        background_color: '#ffffff',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      workbox: {
        // The icons and the manifest join through includeAssets and the manifest's icons.
        // The learned weights and their head figures (public/weights), loaded when the preset is chosen.
        globPatterns: ['**/*.{js,css,html}', VECTOR_TABLE, 'weights/*.json'],
        // The table is 6.4 MB, over workbox's default limit of 2 MiB per file.
        maximumFileSizeToCacheInBytes: 8_000_000,
        manifestTransforms: [versionTheVectorTable],
        // Take charge of the page that installed the worker at once (nothing to replace
        // on a first visit); an update still waits for the prompt.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
      },
    }),
  ],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    // dist/.vite/manifest.json tells `npm run size` which chunks the page loads lazily.
    manifest: true,
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
