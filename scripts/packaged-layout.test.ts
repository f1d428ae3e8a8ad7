import yaml from 'js-yaml';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerScript } from '../main/import/run-worker';
import { packagedSqliteBinding, SQLITE_BINDING, unpackedPath } from '../main/util/packaged-paths';

// electron-builder cannot package here (no Electron binary, no Windows). What it would put where is
// computed with its own file matchers (app-builder-lib) from electron-builder.yml, against the
// freshly built out/ and node_modules; then the paths the code loads from are checked against that.
const require = createRequire(import.meta.url);
const root = path.resolve('.');
type Filter = (file: string, stat: Stats) => boolean;
interface Matcher {
  createFilter(): Filter;
}
const fileMatcher = require('app-builder-lib/out/fileMatcher') as {
  getMainFileMatchers(appDir: string, dest: string, expand: (s: string) => string, platform: object, packager: object, outDir: string, compile: boolean): Matcher[];
  getNodeModuleFileMatcher(appDir: string, dest: string, expand: (s: string) => string, platform: object, packager: object): Matcher;
  getFileMatchers(config: object, name: 'asarUnpack', dest: string, options: object): Matcher[] | null;
};

const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown> & { win: object; directories: { buildResources: string; output: string } };
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; dependencies: Record<string, string> };
const expand = (s: string): string => s.replace('${arch}', 'x64').replace('${os}', 'win');
const outDir = path.join(root, config.directories.output);
const packager = { info: { projectDir: root, buildResourcesDir: config.directories.buildResources, isPrepackedAppAsar: false, config, debugLogger: { isEnabled: false } }, config };

/** Every file under dir (relative, '/'-separated), skipping the given top-level names. */
function walk(dir: string, skip: Set<string> = new Set(), prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!prefix && skip.has(e.name)) continue;
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(path.join(dir, e.name), skip, rel));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

/** The production dependency closure electron-builder copies (package.json "dependencies", transitively). */
function productionPackages(): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (name: string, fromDir: string): void => {
    let dir = fromDir;
    for (;;) {
      const candidate = path.join(dir, 'node_modules', name);
      if (existsSync(path.join(candidate, 'package.json'))) {
        if (found.has(candidate)) return;
        found.set(candidate, name);
        const p = JSON.parse(readFileSync(path.join(candidate, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
        for (const d of Object.keys({ ...p.dependencies, ...p.optionalDependencies })) visit(d, candidate);
        return;
      }
      const parent = path.dirname(dir);
      if (parent === dir || !dir.startsWith(root)) return; // an optional dependency not installed
      dir = parent;
    }
  };
  for (const d of Object.keys(pkg.dependencies)) visit(d, root);
  return found;
}

let appFiles: string[];
let unpacked: Set<string>;
let isUnpacked: (rel: string) => boolean;
let included: (rel: string) => boolean;
let resources: string;

beforeAll(() => {
  // the desktop build (electron-vite + the self-contained worker), exactly as `npm run dist:win` makes it
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:electron'], { cwd: root, encoding: 'utf8', timeout: 240_000, shell: process.platform === 'win32' });
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);

  const [main] = fileMatcher.getMainFileMatchers(root, '/app', expand, config.win, packager, outDir, false);
  const appFilter = main!.createFilter();
  const moduleFilter = fileMatcher.getNodeModuleFileMatcher(root, '/app', expand, config.win, packager.info).createFilter();
  const unpackMatchers = fileMatcher.getFileMatchers(config, 'asarUnpack', '/app', { macroExpander: expand, customBuildOptions: config.win, globalOutDir: outDir, defaultSrc: root });
  const unpackFilter = unpackMatchers?.[0]?.createFilter() ?? (() => false);
  const statOf = (rel: string): Stats => statSync(path.join(root, rel));
  // a file is copied when the filter accepts it and every folder above it
  const accepts = (filter: Filter, rel: string): boolean => {
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const p = parts.slice(0, i).join('/');
      if (!filter(path.join(root, ...p.split('/')), statOf(p))) return false;
    }
    return true;
  };

  appFiles = walk(root, new Set(['node_modules', '.git', 'dist', '.cache', 'test-results', 'playwright-report'])).filter((f) => accepts(appFilter, f));
  const moduleFiles: string[] = [];
  for (const dir of productionPackages().keys()) {
    for (const f of walk(dir)) {
      const rel = path.relative(root, path.join(dir, f)).split(path.sep).join('/');
      if (moduleFilter(path.join(root, rel), statOf(rel))) moduleFiles.push(rel);
    }
  }
  const all = new Set([...appFiles, ...moduleFiles]);
  included = (rel) => all.has(rel);
  isUnpacked = (rel) => all.has(rel) && unpackFilter(path.join(root, ...rel.split('/')), statOf(rel));
  unpacked = new Set([...all].filter(isUnpacked));

  // an installed app's resources folder: only what is unpacked lies outside the archive
  resources = mkdtempSync(path.join(tmpdir(), 'resources-'));
  for (const rel of unpacked) {
    const to = path.join(resources, 'app.asar.unpacked', ...rel.split('/'));
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(path.join(root, rel), to);
  }
}, 300_000);

afterAll(() => {
  if (resources) rmSync(resources, { recursive: true, force: true });
});

describe('the packaged app (electron-builder.yml against out/ and node_modules)', () => {
  it('carries the main bundle, the preload, the renderer and package.json — and no sources or source maps', () => {
    expect(appFiles).toContain(pkg.main);
    expect(appFiles).toContain('out/preload/index.cjs');
    expect(appFiles).toContain('out/renderer/index.html');
    expect(appFiles).toContain('package.json');
    // every script and stylesheet the renderer's page loads is in the archive
    const html = readFileSync('out/renderer/index.html', 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => `out/renderer/${m[1]}`);
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) expect(appFiles, a).toContain(a);
    expect(appFiles.filter((f) => f.endsWith('.map') || f.startsWith('main/') || f.startsWith('renderer/') || f.startsWith('e2e'))).toEqual([]);
    expect(appFiles.filter((f) => f.includes('electron-builder.yml') || f.startsWith('.github'))).toEqual([]);
  });

  it('leaves mathjs out: bundled into every part of the app, no bundle loads it from node_modules', () => {
    expect(included('node_modules/decimal.js/package.json')).toBe(true); // what the main bundle requires is there
    for (const f of ['package.json', 'lib/cjs/index.js', 'lib/esm/index.js']) expect(included(`node_modules/mathjs/${f}`), f).toBe(false);
    for (const file of ['out/main/index.js', 'out/main/import-worker.js', 'out/preload/index.cjs']) expect(readFileSync(file, 'utf8'), file).not.toMatch(/require\(\s*["']mathjs|import\(\s*["']mathjs|^import\s[^;]*from\s*["']mathjs/m);
    // and, as in the Node bundles (start-cost.test.ts), the app's start pays for neither all of mathjs nor ExcelJS
    const main = readFileSync(pkg.main, 'utf8');
    expect(main).not.toContain('pureFunctionsAny');
    const atStart = [...main.matchAll(/^(?:let|const|var) \w+ = require\("([^"]+)"\);$/gm)].map((m) => m[1]);
    expect(atStart).toContain('better-sqlite3'); // the pattern finds the bundle's requires
    expect(atStart).not.toContain('exceljs');
  });

  it('unpacks exactly the import worker and the native module; the renderer, preload and main stay in the archive', () => {
    expect([...unpacked].sort()).toEqual(['node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'out/main/import-worker.js']);
    for (const rel of [pkg.main, 'out/preload/index.cjs', 'out/renderer/index.html']) expect(isUnpacked(rel), rel).toBe(false);
    expect(included(SQLITE_BINDING.split(path.sep).join('/'))).toBe(true);
  });

  it('the code loads the worker from app.asar.unpacked: workerScript() from the main bundle inside the archive finds it there', () => {
    // process.env.REBATE_IMPORT_WORKER would override the lookup: not in an installed app
    const saved = process.env['REBATE_IMPORT_WORKER'];
    delete process.env['REBATE_IMPORT_WORKER'];
    try {
      const mainDir = path.join(resources, 'app.asar', ...path.posix.dirname(pkg.main).split('/'));
      expect(workerScript(mainDir)).toBe(path.join(resources, 'app.asar.unpacked', 'out', 'main', 'import-worker.js'));
    } finally {
      if (saved !== undefined) process.env['REBATE_IMPORT_WORKER'] = saved;
    }
    expect(unpackedPath(path.join('C:', 'Program Files', 'x', 'resources', 'app.asar', 'out', 'main', 'a.js'))).toBe(path.join('C:', 'Program Files', 'x', 'resources', 'app.asar.unpacked', 'out', 'main', 'a.js'));
    expect(unpackedPath(path.join(root, 'out', 'main', 'a.js'))).toBe(path.join(root, 'out', 'main', 'a.js'));
  });

  it('the unpacked worker runs with no node_modules beside it: bundled, ExcelJS resolved from the archive', async () => {
    const script = path.join(resources, 'app.asar.unpacked', 'out', 'main', 'import-worker.js');
    // the archive's node_modules (a folder standing in for app.asar, which Electron reads as one)
    mkdirSync(path.join(resources, 'app.asar'), { recursive: true });
    symlinkSync(path.join(root, 'node_modules'), path.join(resources, 'app.asar', 'node_modules'), 'junction');
    const messages: { type: string; problem?: string }[] = [];
    await new Promise<void>((resolve, reject) => {
      const w = new Worker(script);
      const timer = setTimeout(() => reject(new Error('worker did not finish')), 30_000);
      w.on('message', (m: { type: string; problem?: string }) => {
        messages.push(m);
        if (m.type === 'file-failed') {
          clearTimeout(timer);
          void w.terminate().then(() => resolve());
        }
      });
      w.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      // a pool member: it is given a file to parse (one that does not exist)
      w.postMessage({ type: 'parse', job: { file: 0, path: path.join(resources, '不存在 的文件.csv'), options: {}, masterNames: [] } });
    });
    expect(messages.map((m) => m.type)).toEqual(['file-failed']);
  });

  it('the code loads better-sqlite3 from app.asar.unpacked, where the configuration puts it', () => {
    const binding = packagedSqliteBinding(resources);
    expect(binding).toBe(path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
    expect(existsSync(binding)).toBe(true);
  });

  it('the check is real: without asarUnpack nothing would be unpacked', () => {
    const none = fileMatcher.getFileMatchers({ ...config, asarUnpack: undefined }, 'asarUnpack', '/app', { macroExpander: expand, customBuildOptions: config.win, globalOutDir: outDir, defaultSrc: root });
    expect(none).toBeNull();
    const onlyNode = fileMatcher.getFileMatchers({ ...config, asarUnpack: ['**/*.node'] }, 'asarUnpack', '/app', { macroExpander: expand, customBuildOptions: config.win, globalOutDir: outDir, defaultSrc: root });
    const filter = onlyNode![0]!.createFilter();
    expect(filter(path.join(root, 'out', 'main', 'import-worker.js'), statSync(path.join(root, 'out', 'main', 'import-worker.js')))).toBe(false);
  });
});

describe('the installer (electron-builder.yml nsis)', () => {
  const nsis = config['nsis'] as Record<string, unknown>;
  it('installs per user without admin rights, in Chinese and English, with 返利台 shortcuts, keeping user data on uninstall', () => {
    expect(nsis).toMatchObject({ oneClick: false, perMachine: false, createDesktopShortcut: true, createStartMenuShortcut: true, shortcutName: '返利台', deleteAppDataOnUninstall: false });
    expect(nsis['installerLanguages']).toEqual(['zh_CN', 'en_US']);
    expect((config['win'] as Record<string, unknown>)['requestedExecutionLevel']).toBe('asInvoker');
  });
});
