import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run test:electron` without an Electron binary (as on every Linux machine here) must stop with
// a clear message and a failing exit, never pass as if the suite had run.
describe('npm run test:electron without the Electron binary', () => {
  it('exits non-zero and says it needs the Electron binary', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'no-electron-'));
    try {
      // electron's own lookup honours ELECTRON_OVERRIDE_DIST_PATH: point it at a folder without one
      const r = spawnSync(process.execPath, ['scripts/test-electron.mjs'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty } });
      expect(r.status).toBe(3);
      expect(r.stderr).toContain('test:electron needs the Electron binary');
      expect(r.stderr).toContain('.github/workflows/windows.yml');
      expect(r.stdout).not.toContain('Running');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
