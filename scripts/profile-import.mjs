// `node scripts/profile-import.mjs --size M [--dir D] [--cpu-prof]`: builds the Node side and bench/profile-import.ts, runs it (with --cpu-prof into out/prof when asked).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAndRun } from './build-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const prof = args.includes('--cpu-prof');
await buildAndRun({
  name: 'profile-import',
  entry: 'bench/profile-import.ts',
  dir: 'bench',
  nodeArgs: prof ? ['--cpu-prof', '--cpu-prof-dir', path.join(root, 'out', 'prof')] : [],
  args: args.filter((a) => a !== '--cpu-prof'),
});
