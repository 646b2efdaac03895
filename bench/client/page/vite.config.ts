/**
 * The renderer benchmark page (bench/client/browser.ts drives it in headless Chromium).
 * Built like the client (es2022, module workers) so the layout worker and sigma behave as
 * in the product; output under bench/out/ (git-ignored).
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../out/client-page', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
});
