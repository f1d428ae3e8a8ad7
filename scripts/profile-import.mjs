// `node scripts/profile-import.mjs --size M [--dir D] [--cpu-prof]`: builds the Node side and bench/profile-import.ts, runs it (with --cpu-prof into out/prof when asked).
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNode } from './build-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await buildNode({ quiet: true });
await build({
  absWorkingDir: root,
  entryPoints: { 'profile-import': 'bench/profile-import.ts' },
  outdir: 'out/bench',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'error',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const args = process.argv.slice(2);
const prof = args.includes('--cpu-prof');
const node = prof ? ['--cpu-prof', '--cpu-prof-dir', path.join(root, 'out', 'prof')] : [];
const child = spawn(process.execPath, [...node, path.join(root, 'out', 'bench', 'profile-import.mjs'), ...args.filter((a) => a !== '--cpu-prof')], { stdio: 'inherit', cwd: root });
child.on('exit', (code) => process.exit(code ?? 0));
