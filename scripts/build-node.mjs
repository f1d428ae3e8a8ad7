// Builds the Node-side entry points (CLI, web host) into out/node with esbuild. Dependencies stay
// in node_modules (better-sqlite3 is native), only our TypeScript is bundled.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

export const NODE_ENTRIES = {
  cli: 'main/cli/index.ts',
  web: 'main/web/index.ts',
  'import-worker': 'main/import/worker.ts',
  // the desktop backend for the Chromium e2e of the desktop screens (e2e/desktop-bridge.ts)
  'desktop-host': 'main/testing/desktop-host.ts',
};

/**
 * Packages bundled into our Node bundles instead of loaded from node_modules. mathjs: its entry
 * module builds every mathjs function when it is loaded (≈ 0.8 s at each start of the CLI, the web
 * host or a worker); bundled, esbuild keeps only the factories the formula language uses
 * (formulas/math-instance.ts), which load in under 0.1 s.
 */
export const BUNDLED = ['mathjs'];

/** Our own runtime dependencies (package.json): what a bundle may leave to node_modules by name. */
const DEPENDENCIES = new Set(Object.keys(pkg.dependencies ?? {}));

/**
 * esbuild's `packages: 'external'`, except for the packages named (and their subpaths) — and what
 * those import that is not a dependency of ours (mathjs's complex.js, fraction.js, typed-function…):
 * left external, the bundle would load them by name from our node_modules, where only npm's hoisting
 * puts them (a nested copy of another version, or a strict layout, would break it). A dependency of
 * ours (decimal.js) stays external: one copy, shared with the kernel.
 */
function externalPackagesBut(bundled) {
  return {
    name: 'external-packages-but',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:') || path.isAbsolute(args.path)) return undefined;
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        if (bundled.includes(name)) return undefined;
        // an importer inside a node_modules folder is part of a bundled package (our own sources may
        // lie in one too: a global install of the CLI, so only the path below the root counts)
        const own = args.importer.startsWith(root) ? args.importer.slice(root.length) : args.importer;
        const fromBundled = /[\\/]node_modules[\\/]/.test(own);
        return fromBundled && !DEPENDENCIES.has(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

/** One esbuild setup for every Node bundle of ours (the entries above, the bench, the reliability runner). */
export async function bundleNode(entryPoints, outdir, { quiet = true, sourcemap = false, version = pkg.version } = {}) {
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // every package stays in node_modules but the ones in BUNDLED (see there)
    plugins: [externalPackagesBut(BUNDLED)],
    sourcemap,
    logLevel: quiet ? 'error' : 'info',
    define: { __APP_VERSION__: JSON.stringify(version) },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}

export async function buildNode({ quiet = false } = {}) {
  await bundleNode(NODE_ENTRIES, 'out/node', { quiet, sourcemap: true });
}

/**
 * `npm run bench` and friends: builds the Node side, bundles `entry` (a TypeScript file) into
 * `out/<dir>/<name>.mjs` and runs it with this process's arguments; exits with its code.
 */
export async function buildAndRun({ name, entry, dir, nodeArgs = [], args = process.argv.slice(2), version, exitCode = 0 }) {
  await buildNode({ quiet: true });
  await bundleNode({ [name]: entry }, `out/${dir}`, { version });
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'out', dir, `${name}.mjs`), ...args], { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? exitCode));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildNode();
}
