// `npm run bench [-- --sizes S,M,L --runs 3]`: builds the Node side and the bench, then runs it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAndRun } from './build-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The results-screen figure needs the built renderer.
if (!existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.web.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await buildAndRun({ name: 'run', entry: 'bench/run.ts', dir: 'bench', nodeArgs: ['--expose-gc'] });
