// `npm start` / `npm run dev`: the CLI and the tests use better-sqlite3 built for Node; Electron
// needs it built for its own ABI. Build a copy for Electron into .cache/electron-native (once per
// Electron version) and leave node_modules as it is. The app loads the copy via `nativeBinding`.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const sqliteVersion = JSON.parse(readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8')).version;
const cache = path.join(root, '.cache', 'electron-native');
const target = path.join(cache, 'better_sqlite3.node');
const stampFile = path.join(cache, 'stamp.json');
const stamp = JSON.stringify({ electronVersion, sqliteVersion, platform: process.platform, arch: process.arch });

if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) process.exit(0);

console.log(`Preparing better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once)…`);
const project = path.join(cache, 'project');
rmSync(project, { recursive: true, force: true });
mkdirSync(path.join(project, 'node_modules'), { recursive: true });
writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'electron-native', version: '1.0.0', dependencies: { 'better-sqlite3': sqliteVersion } }));
cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), path.join(project, 'node_modules', 'better-sqlite3'), { recursive: true });
for (const dep of ['bindings', 'file-uri-to-path']) {
  const dir = path.dirname(require.resolve(`${dep}/package.json`));
  cpSync(dir, path.join(project, 'node_modules', dep), { recursive: true });
}
const { rebuild } = await import('@electron/rebuild');
await rebuild({ buildPath: project, electronVersion, onlyModules: ['better-sqlite3'], force: true });
copyFileSync(path.join(project, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), target);
writeFileSync(stampFile, stamp);
console.log(`Ready: ${path.relative(root, target)}`);
