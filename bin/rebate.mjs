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
await import(pathToFileURL(target).href);
