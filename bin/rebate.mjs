#!/usr/bin/env node
// The `rebate` command. Builds the Node side on first use (or when the sources are newer), so it
// works on a fresh clone right after `npm install`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'out', 'node', 'cli.mjs');

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

const sources = ['main', 'contract', 'formulas'].map((d) => path.join(root, d));
const stale = !existsSync(target) || (existsSync(path.join(root, 'main')) && Math.max(...sources.map(newest)) > statSync(target).mtimeMs);
if (stale) {
  const { buildNode } = await import(pathToFileURL(path.join(root, 'scripts', 'build-node.mjs')).href);
  await buildNode({ quiet: true });
}
// `rebate serve` serves the UI too: build it when it is missing (a fresh clone)
if (process.argv.slice(2).includes('serve') && existsSync(path.join(root, 'renderer')) && !existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.web.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import(pathToFileURL(target).href);
