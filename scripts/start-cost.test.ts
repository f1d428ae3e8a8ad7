import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// What a process loads before it does anything: the Node bundles (built by the global setup) must
// not load the heavy packages every start would pay for, and must keep esbuild's tree-shaking.
const bundle = (name: string): string => readFileSync(path.resolve('out', 'node', `${name}.mjs`), 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const DECLARED = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
const packageName = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
/** packages imported at the top of a bundle (loaded when the process starts) */
const topLevelImports = (code: string): string[] => [...code.matchAll(/^import\s(?:[^;]*?from\s)?"([^"]+)";?$/gm)].map((m) => m[1] ?? '');

describe('start-up cost of the Node bundles', () => {
  it.each(['cli', 'web', 'desktop-host'])('%s: mathjs is bundled and shaken, ExcelJS and Fastify load when used', (name) => {
    const code = bundle(name);
    const imports = topLevelImports(code);
    expect(imports).toContain('better-sqlite3'); // the pattern does find the bundle's imports
    // mathjs's entry builds every function on load (≈ 0.8 s); bundled, only the formula language's factories stay
    expect(imports.filter((p) => p === 'mathjs' || p.startsWith('mathjs/'))).toEqual([]);
    expect(code).not.toContain('pureFunctionsAny');
    // a dynamic import of our own code makes esbuild wrap modules in lazy initialisers, which keeps all of mathjs
    expect(code).not.toMatch(/^var init_/m);
    for (const heavy of ['exceljs', 'fastify', 'selfsigned']) expect(imports).not.toContain(heavy);
    // what a bundle leaves to node_modules is a package of ours by name, not one npm merely hoisted
    // there for a bundled package (mathjs's complex.js, typed-function…: bundled with it)
    const undeclared = imports.filter((p) => !p.startsWith('node:') && !DECLARED.has(packageName(p)));
    expect(undeclared).toEqual([]);
  });
});
