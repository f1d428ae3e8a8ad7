// Builds the Node-side entry points (CLI, web host) into out/node with esbuild. Dependencies stay
// in node_modules (better-sqlite3 is native), only our TypeScript is bundled.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

export const NODE_ENTRIES = {
  cli: 'main/cli/index.ts',
  web: 'main/web/index.ts',
  'import-worker': 'main/import/worker.ts',
  // the desktop backend for the Chromium e2e of the desktop screens (e2e/desktop-bridge.ts)
  'desktop-host': 'main/testing/desktop-host.ts',
};

export async function buildNode({ quiet = false } = {}) {
  await build({
    absWorkingDir: root,
    entryPoints: NODE_ENTRIES,
    outdir: 'out/node',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: quiet ? 'error' : 'info',
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildNode();
}
