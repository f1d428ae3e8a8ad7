// `npm run test:electron`: the Electron end-to-end suite (e2e-electron/) in the real window. It needs
// the Electron binary, which `npm ci` downloads on Windows (the release workflow); on Linux machines
// installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 it stops here and says so, with a non-zero exit.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The Electron executable `npm ci` installed, or why there is none. */
export function electronBinary() {
  try {
    const bin = require('electron');
    if (typeof bin === 'string' && existsSync(bin)) return { path: bin };
    return { missing: `the Electron executable ${bin} does not exist` };
  } catch (e) {
    return { missing: e instanceof Error ? e.message : String(e) };
  }
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const found = electronBinary();
  if (!found.path) {
    console.error(
      [
        'test:electron needs the Electron binary, and this machine has none',
        `(${found.missing}).`,
        'It was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 (Linux CI, this repository\'s .ci/run).',
        'The Electron suite runs in the Windows release workflow (.github/workflows/windows.yml);',
        'to run it elsewhere, install without ELECTRON_SKIP_BINARY_DOWNLOAD so that npm ci downloads Electron.',
      ].join('\n'),
    );
    process.exit(3);
  }
  process.env['REBATE_ELECTRON_BIN'] = found.path;
  run(process.execPath, [path.join('scripts', 'prepare-electron-native.mjs')]);
  run(process.execPath, [path.join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
  run(process.execPath, [path.join('node_modules', '@playwright', 'test', 'cli.js'), 'test', '--config', 'playwright.electron.config.ts', ...process.argv.slice(2)]);
}
