import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { approve, calculatedMonth } from '../testing/approved-month';
import { Harness } from '../testing/harness';
import { readWorkbook } from '../testing/xlsx-read';
import { runCli } from './run';

let h: Harness;
afterEach(() => h?.close());

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', h.store.path, '--user', 'prep', '--password', 'prep-pass-1'], { out: (s) => out.push(s), err: (s) => err.push(s), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('rebate export …', () => {
  it('writes the approval workbook, statements and the posting file as cli.md says; refuses posting a draft with exit 2', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);

    const book = path.join(h.dir, 'out', '审批表.xlsx');
    const a = await cli(['export', 'approval', '--period', '2026-01', '--out', book, '--json']);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.out)).toMatchObject({ status: 'ok', out: book, period: '2026-01', batch_status: 'draft', distributors: 6, total: '20279.14' });
    expect((await readWorkbook(book)).worksheets.map((s) => s.name)).toEqual(['汇总', '明细', '公式', '对账', '异常']);

    const refused = await cli(['export', 'posting', '--period', '2026-01', '--out', path.join(h.dir, 'p.csv')]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('只有审批通过的批次');
    expect(existsSync(path.join(h.dir, 'p.csv'))).toBe(false);
    const refusedJson = await cli(['export', 'posting', '--period', '2026-01', '--out', path.join(h.dir, 'p.csv'), '--json']);
    expect(JSON.parse(refusedJson.out)).toMatchObject({ status: 'rejected', error: { key: 'export.posting_not_approved' } });

    const badExt = await cli(['export', 'posting', '--period', '2026-01', '--out', path.join(h.dir, 'p.txt')]);
    expect(badExt.code).toBe(2);
    expect(badExt.err).toContain('.xlsx / .csv');

    await approve(h, w);
    h.store.close();
    for (const ext of ['csv', 'xlsx']) {
      const file = path.join(h.dir, `posting.${ext}`);
      const p = await cli(['export', 'posting', '--period', '2026-01', '--out', file, '--json']);
      expect(p.code).toBe(0);
      expect(JSON.parse(p.out)).toMatchObject({ status: 'ok', out: file, format: ext, rows: 6, batch_status: 'approved', total: '20279.14' });
    }
    expect(readFileSync(path.join(h.dir, 'posting.csv'), 'utf8').split('\r\n')[1]).toMatch(/^2026-01-31,2026-01 经销商返利 经销商D1,6601,借,D1,经销商D1,17110\.00,,[0-9a-f]{64}$/);

    const dir = path.join(h.dir, 'statements');
    const s = await cli(['export', 'statements', '--period', '2026-01', '--out', dir]);
    expect(s.code).toBe(0);
    expect(s.out).toContain('已写入');
    expect(readdirSync(dir)).toHaveLength(4);
    const one = await cli(['export', 'statements', '--period', '2026-01', '--out', dir, '--one-workbook', '--json']);
    expect(JSON.parse(one.out)).toMatchObject({ status: 'ok', mode: 'workbook', out: path.join(dir, '经销商对账单-2026-01.xlsx'), statements: 4, skipped: ['D4', 'D6'] });

    const missing = await cli(['export', 'approval', '--period', '2026-01']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--out');
  });
});
