import yaml from 'js-yaml';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The Windows release workflow cannot run here; what can be checked is: GitHub's schema accepts it
// (action-validator, the devDependency's own CLI) and every npm command it runs exists.
const WORKFLOW = '.github/workflows/windows.yml';
const validatorBin = path.resolve('node_modules', '@action-validator', 'cli', 'cli.mjs');

function validate(file: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [validatorBin, file], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { push: { branches: string[]; tags: string[] } };
  jobs: Record<string, { 'runs-on': string; steps: Step[]; env?: Record<string, string> }>;
}

const workflow = yaml.load(readFileSync(WORKFLOW, 'utf8')) as Workflow;
const job = Object.values(workflow.jobs)[0];
const steps = job?.steps ?? [];
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

/** `npm run X`, `npm test`, `npm start` in a step's shell text: the scripts they name. */
function npmScripts(run: string): string[] {
  const names: string[] = [];
  for (const m of run.matchAll(/\bnpm\s+(?:run(?:-script)?\s+([\w:.-]+)|(test|start|stop|restart)\b)/g)) names.push(m[1] ?? m[2] ?? '');
  return names;
}

describe('.github/workflows/windows.yml', () => {
  it('is accepted by action-validator', () => {
    const r = validate(WORKFLOW);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  });

  it('the validator is real: a misspelt key or a step with both uses and run is refused', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'workflow-'));
    try {
      const bad = path.join(dir, 'bad.yml');
      writeFileSync(bad, readFileSync(WORKFLOW, 'utf8').replace('runs-on:', 'runs_on:'));
      expect(validate(bad).status).not.toBe(0);
      writeFileSync(bad, 'name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        run: echo both\n');
      expect(validate(bad).status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs on Windows for pushes to main and v* tags', () => {
    expect(job?.['runs-on']).toBe('windows-latest');
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on.push.tags).toEqual(['v*']);
  });

  it('every npm script a step runs exists in package.json', () => {
    const named = steps.flatMap((s) => npmScripts(s.run ?? ''));
    expect(named).toEqual(expect.arrayContaining(['test', 'test:electron', 'dist:win']));
    for (const name of named) expect(Object.keys(scripts), `npm run ${name}`).toContain(name);
    // the extraction itself: it sees a script that does not exist
    expect(npmScripts('npm ci && npm run no-such-script')).toEqual(['no-such-script']);
  });

  it('installs with npm ci, tests, runs the Electron suite, then builds the installer, in that order', () => {
    const runs = steps.map((s) => s.run ?? '');
    const at = (cmd: string) => runs.findIndex((r) => r.includes(cmd));
    expect(at('npm ci')).toBeGreaterThanOrEqual(0);
    expect(at('npm ci')).toBeLessThan(at('npm test'));
    expect(at('npm test')).toBeLessThan(at('npm run test:electron'));
    expect(at('npm run test:electron')).toBeLessThan(at('npm run dist:win'));
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(20);
    expect(job?.env?.['CHROMIUM_PATH']).toMatch(/chrome\.exe$/);
  });

  it('signs from the CSC_LINK/CSC_KEY_PASSWORD secrets when present, warns and builds unsigned otherwise', () => {
    const dist = steps.filter((s) => s.run?.includes('npm run dist:win'));
    expect(dist).toHaveLength(2);
    const signed = dist.find((s) => s.env?.['CSC_LINK']);
    expect(signed?.env).toEqual({ CSC_LINK: '${{ secrets.CSC_LINK }}', CSC_KEY_PASSWORD: '${{ secrets.CSC_KEY_PASSWORD }}' });
    const unsigned = dist.find((s) => !s.env?.['CSC_LINK']);
    expect(unsigned?.env?.['CSC_IDENTITY_AUTO_DISCOVERY']).toBe('false');
    expect(steps.some((s) => s.run?.includes('::warning') && s.run.includes('CSC_LINK'))).toBe(true);
  });

  it('uploads the installer and latest.yml, and attaches them to a release on v* tags', () => {
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact') && String(s.with?.['path']).includes('latest.yml'));
    expect(String(upload?.with?.['path'])).toContain('dist/*.exe');
    const release = steps.find((s) => s.uses?.startsWith('softprops/action-gh-release'));
    expect(release?.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(String(release?.with?.['files'])).toContain('dist/latest.yml');
  });
});
