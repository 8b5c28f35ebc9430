import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is fully static: every asset, including the word-vector table, comes from
// the app's own origin, so the build can be served from any plain file server.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
