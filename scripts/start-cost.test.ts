import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// What a process loads before it does anything: the Node bundles (built by the global setup) must
// not load the heavy packages every start would pay for, and must keep esbuild's tree-shaking.
const bundle = (name: string): string => readFileSync(path.resolve('out', 'node', `${name}.mjs`), 'utf8');
/** packages imported at the top of a bundle (loaded when the process starts) */
const topLevelImports = (code: string): string[] => [...code.matchAll(/^import\s[^;]*?from\s"([^"]+)";?$/gm)].map((m) => m[1] ?? '');

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
  });
});
