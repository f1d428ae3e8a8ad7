// The import worker of the desktop app: one CommonJS file, out/main/import-worker.js, with its
// dependencies bundled in. electron-builder unpacks it from app.asar (asarUnpack) and the app starts
// it from app.asar.unpacked, where no node_modules lie beside it (scripts/packaged-layout.test.ts).
// The one module loaded at run time — ExcelJS, through createRequire(import.meta.url), so that its
// SAX decoder can be replaced (main/import/readers/exceljs-reader.ts) — resolves from the archive:
// import.meta.url names the worker's place inside app.asar, whose node_modules Electron reads.
// The CLI and the web host use out/node/import-worker.mjs.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

export async function buildElectronWorker({ outfile = 'out/main/import-worker.js' } = {}) {
  await build({
    absWorkingDir: root,
    entryPoints: ['main/import/worker.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    // Electron 39's Node
    target: 'node22',
    format: 'cjs',
    minify: false,
    sourcemap: false,
    logLevel: 'error',
    define: { __APP_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__import_meta_url' },
    banner: {
      js: "const __import_meta_url = require('node:url').pathToFileURL(__filename.replace(/([\\\\/])app\\.asar\\.unpacked([\\\\/])/, '$1app.asar$2')).href;",
    },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildElectronWorker();
}
