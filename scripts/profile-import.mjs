// `node scripts/profile-import.mjs --size M [--dir D] [--cpu-prof]`: builds the Node side and bench/profile-import.ts, runs it (with --cpu-prof into out/prof when asked).
// `--entry profile-stall` runs bench/profile-stall.ts instead (the event loop's gaps during an import).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAndRun } from './build-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const e = args.indexOf('--entry');
const entry = e >= 0 ? (args.splice(e, 2)[1] ?? 'profile-import') : 'profile-import';
const prof = args.includes('--cpu-prof');
await buildAndRun({
  name: entry,
  entry: `bench/${entry}.ts`,
  dir: 'bench',
  nodeArgs: prof ? ['--cpu-prof', '--cpu-prof-dir', path.join(root, 'out', 'prof')] : [],
  args: args.filter((a) => a !== '--cpu-prof'),
});
