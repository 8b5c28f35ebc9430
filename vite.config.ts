import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** A year: what a file whose URL changes with its content can be cached for. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Versions the word-vector table's URL by its content. The table keeps its stable file
 * name (the trace CLI and the tests read it from public/), and the app asks for
 * `vectors/glove-30k-100d.bin?v=<12 hex digits of the SHA-256 of public/vectors/>`, so a
 * browser may keep it for good and still fetches a rebuilt table at once. The version
 * reaches the app as `import.meta.env.VITE_VECTORS_VERSION` (undefined in unit tests).
 */
function vectorsVersion(): Plugin {
  const dir = path.join(ROOT, 'public', 'vectors');
  const hash = createHash('sha256');
  const files = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((f) => f.isFile())
    : [];
  for (const name of files.map((f) => f.name).sort()) {
    hash.update(name).update(readFileSync(path.join(dir, name)));
  }
  const version = files.length ? hash.digest('hex').slice(0, 12) : '';
  return {
    name: 'attention-graph:vectors-version',
    config: () => ({
      define: { 'import.meta.env.VITE_VECTORS_VERSION': JSON.stringify(version) },
    }),
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
  plugins: [react(), vectorsVersion(), previewCaching()],
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
