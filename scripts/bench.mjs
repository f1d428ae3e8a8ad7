// `npm run bench [-- --sizes S,M,L --runs 3]`: builds the Node side and the bench, then runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAndRun } from './build-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The newest modification time of the files under a folder. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
// The results-screen figure needs the built renderer, built from the sources as they are (a stale
// build would measure another screen).
const built = path.join(root, 'out', 'renderer', 'index.html');
const screen = !(process.argv.includes('--screen') && process.argv[process.argv.indexOf('--screen') + 1] === 'off');
if (screen && (!existsSync(built) || Math.max(...['renderer', 'contract', 'domain'].map((d) => newest(path.join(root, d)))) > statSync(built).mtimeMs)) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.web.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await buildAndRun({ name: 'run', entry: 'bench/run.ts', dir: 'bench', nodeArgs: ['--expose-gc'] });
