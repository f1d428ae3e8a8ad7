import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

/** The desktop app: main (shell + services), the sandboxed preload (CommonJS), the renderer. */
export default defineConfig({
  main: {
    define,
    build: {
      outDir: 'out/main',
      // electron-store is ESM-only: bundle it into the CommonJS main bundle. mathjs too: its entry
      // builds every mathjs function on load (≈ 0.8 s at start); bundled, only the factories the
      // formula language uses are kept (as in scripts/build-node.mjs).
      externalizeDeps: { exclude: ['electron-store', 'conf', 'mathjs'] },
      // the import worker is built on its own, self-contained (scripts/build-electron-worker.mjs)
      rollupOptions: { input: { index: resolve('main/shell/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve('preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    define,
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      chunkSizeWarningLimit: 4096,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
