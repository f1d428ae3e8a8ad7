import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_POLICY } from '../../formulas';
import { runCli } from './run';

let dir: string;
let db: string;
const env = { REBATE_PASSWORD: 'root-pass-1' };

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', db, '--user', 'root'], { out: (s) => out.push(s), err: (s) => err.push(s), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function file(name: string, value: unknown): string {
  const f = path.join(dir, name);
  writeFileSync(f, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return f;
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rebate-policy-cli-'));
  db = path.join(dir, 'db.sqlite');
  const r = await runCli(['init', '--admin', 'root', '--password', 'root-pass-1', '--db', db], { out: () => undefined, err: () => undefined, env: {} });
  expect(r).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('rebate policy', () => {
  it('import, list and export as cli.md shows; the exported file imports back unchanged', async () => {
    const imported = await cli(['policy', 'import', file('east.json', EXAMPLE_POLICY), '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ status: 'saved', code: 'EAST-2026', version: 1, name: EXAMPLE_POLICY.name });

    const text = await cli(['policy', 'import', file('east.json', EXAMPLE_POLICY)]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('未生成新版本');

    const list = await cli(['--json', 'policy', 'list']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out)).toEqual([
      expect.objectContaining({
        code: 'EAST-2026', version: 1, versions: 1, active: true, priority: 10, effective_from: '2026-01', effective_to: '2026-12',
        scope: { regions: ['华东'], grades: ['A', 'B', 'C'] }, saved_by: 'root', comment: '从文件 east.json 导入',
      }),
    ]);
    expect((await cli(['policy', 'list'])).out).toMatch(/^EAST-2026\s+v1\s+P10\s+2026-01…2026-12\s+华东\/A,B,C\s+华东区 2026 年经销商返利政策/);

    const stdout = await cli(['policy', 'export', 'EAST-2026']);
    expect(stdout.code).toBe(0);
    expect(JSON.parse(stdout.out)).toEqual(EXAMPLE_POLICY);

    const out = path.join(dir, 'exports', 'east-copy.json');
    const written = await cli(['policy', 'export', 'EAST-2026', '--out', out, '--json']);
    expect(written.code).toBe(0);
    expect(JSON.parse(written.out)).toMatchObject({ status: 'exported', file: out });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(EXAMPLE_POLICY);
    const folder = await cli(['policy', 'export', 'EAST-2026', '--out', path.join(dir, 'folder') + path.sep]);
    expect(folder.out).toContain('policy-EAST-2026-v1.json');
    expect(JSON.parse((await cli(['policy', 'import', out, '--json'])).out)).toMatchObject({ status: 'unchanged', version: 1 });
  });

  it('an invalid policy exits 2 and lists every problem, naming the formulas', async () => {
    const bad = { ...EXAMPLE_POLICY, formulas: [{ name: 'net', expr: '1' }, { name: 'rebate', expr: 'purchase *' }] };
    const r = await cli(['policy', 'import', file('bad.json', bad)]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未通过校验');
    expect(r.err).toContain('公式「net」');
    expect(r.err).toContain('公式「rebate」');
    const json = await cli(['policy', 'import', file('bad.json', bad), '--json', '--lang', 'en']);
    expect(json.code).toBe(2);
    const payload = JSON.parse(json.out) as { status: string; errors: { key: string; details: { path: string; message: string }[] }[] };
    expect(payload.status).toBe('rejected');
    expect(payload.errors[0]?.key).toBe('policy.invalid');
    expect(payload.errors[0]?.details.map((d) => d.message).join('\n')).toMatch(/Formula "net".*built-in variable/);
    expect(JSON.parse((await cli(['policy', 'list', '--json'])).out)).toEqual([]);
  });

  it('not JSON, a missing file, an unknown code: exit 2 with a clear message', async () => {
    const notJson = await cli(['policy', 'import', file('x.json', '{ "format": "rebate-policy/1", ')]);
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('不是有效的 JSON');
    expect((await cli(['policy', 'import', path.join(dir, 'nope.json')])).code).toBe(2);
    const unknown = await cli(['policy', 'export', 'NOPE', '--lang', 'en']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe('No policy "NOPE". Use policy list to see the policies.');
  });
});
