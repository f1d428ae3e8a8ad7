import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ERP_LAYOUTS, writeErpWorkbook } from '../demo/erp-layouts';
import { Harness } from '../testing/harness';
import { DISTRIBUTOR_HEADER, writeWorkbook } from '../testing/workbooks';
import { runCli } from './run';

let h: Harness;
afterEach(() => h?.close());

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await runCli([...args, '--db', h.store.path, '--user', 'admin', '--password', 'admin-pass-1'], { out: (s) => out.push(s), err: () => undefined, env: {} });
  return { code, out: out.join('\n') };
}

describe('import on the command line (cli.md)', () => {
  it('gives each file its total (absent for distributors) and what was inferred, in JSON and text', async () => {
    h = new Harness();
    await h.admin();
    h.store.close();
    const master = await writeWorkbook(h.dir, 'distributors.xlsx', [{ name: '档案', header: DISTRIBUTOR_HEADER, rows: [['JX01', '南京华光商贸', '华东', '江苏', '南京', 'A', '启用']] }]);
    const d = await cli(['import', 'distributors', master, '--json']);
    expect(d.code).toBe(0);
    const dj = JSON.parse(d.out) as { files: Record<string, unknown>[] };
    expect(dj.files[0]).not.toHaveProperty('total');
    expect(dj.files[0]).toMatchObject({ file: 'distributors.xlsx', rows: 1 });

    // 华夏ERP: the customer by name only, all values text, two sheets (单据列表 is skipped).
    const file = path.join(h.dir, 'purchases-jsh.xlsx');
    const lines = [
      { doc: 'XSCK0001', line: 1, date: '2026-03-05', code: 'JX01', name: '南京华光商贸', sku: 'SP1', skuName: '生抽', qty: 2, cents: 2260 },
      { doc: 'XSCK0001', line: 2, date: '2026-03-05', code: 'JX01', name: '南京华光商贸', sku: 'SP2', skuName: '老抽', qty: 1, cents: 1130 },
    ];
    await writeErpWorkbook(file, ERP_LAYOUTS['jsh-customer-detail'].sheets(lines, '2026-03'));
    const p = await cli(['import', 'purchases', file, '--period', '2026-03', '--json']);
    expect(p.code).toBe(0);
    const pj = JSON.parse(p.out) as { status: string; files: { total: string; rows: number; inferred: { sheet: string; column: string | null; message: string }[] }[] };
    expect(pj.status).toBe('imported');
    expect(pj.files[0]).toMatchObject({ rows: 2, total: '33.90' });
    expect(pj.files[0]?.inferred.map((n) => n.message)).toEqual([
      expect.stringContaining('使用第 Y 列“价税合计”：含税金额优先'),
      '文件没有经销商编码列：2 行按经销商名称在档案中匹配（1 个名称）。',
    ]);
    const text = await cli(['import', 'purchases', file, '--period', '2026-03', '--replace', '--lang', 'en']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('total 33.90');
    expect(text.out).toContain('inferred: The file has no distributor code column: 2 rows were matched to distributors by name (distinct names: 1).');
  });
});
