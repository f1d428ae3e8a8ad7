// `npm run web [-- --db FILE] [--port N]`: builds what it needs, then serves the UI on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNode } from './build-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir, exts) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) latest = Math.max(latest, newest(full, exts));
    else if (exts.some((x) => e.name.endsWith(x))) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

const rendererOut = path.join(root, 'out', 'renderer', 'index.html');
const rendererSrc = Math.max(...['renderer', 'contract', 'formulas'].map((d) => newest(path.join(root, d), ['.ts', '.tsx', '.css', '.html'])));
if (!existsSync(rendererOut) || rendererSrc > statSync(rendererOut).mtimeMs) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.web.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await buildNode({ quiet: true });

const child = spawn(process.execPath, [path.join(root, 'out', 'node', 'web.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
