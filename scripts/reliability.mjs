// `npm run test:reliability [-- --quick] [-- --scale N] [-- --only NAME]`: builds the Node side and the reliability
// runner, then runs it. Prints one table (test, tried, held, failed); exits 1 when anything failed.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNode } from './build-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await buildNode({ quiet: true });
await build({
  absWorkingDir: root,
  entryPoints: { run: 'reliability/run.ts' },
  outdir: 'out/reliability',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'error',
  define: { __APP_VERSION__: JSON.stringify('reliability') },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const child = spawn(process.execPath, [path.join(root, 'out', 'reliability', 'run.mjs'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
child.on('exit', (code) => process.exit(code ?? 1));
