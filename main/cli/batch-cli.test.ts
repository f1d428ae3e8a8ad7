import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness';
import { P, seedMonth } from '../testing/month';
import { PURCHASE_HEADER, writeGbkCsv } from '../testing/workbooks';
import { runCli } from './run';

let h: Harness;
afterEach(() => h?.close());

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', h.store.path], { out: (s) => out.push(s), err: (s) => err.push(s), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ADMIN = ['--user', 'admin', '--password', 'admin-pass-1'];

describe('calc, results, adjust, reconcile, chain and approvals on the command line', () => {
  it('follows cli.md: JSON shapes with decimal strings, exit codes 0 and 2', async () => {
    h = new Harness();
    const admin = await h.admin();
    await seedMonth(h, admin);
    h.store.close();

    const calc = await cli(['calc', '--period', '2026-01', '--json', ...ADMIN]);
    expect(calc.code).toBe(0);
    expect(JSON.parse(calc.out)).toMatchObject({ period: '2026-01', distributors: 6, total: '20279.14', exceptions: 2 });

    const results = JSON.parse((await cli(['results', '--period', '2026-01', '--format', 'json', ...ADMIN])).out) as Record<string, unknown> & { rows: Record<string, unknown>[] };
    expect(Object.keys(results)).toEqual(['period', 'batch', 'status', 'content_hash', 'total', 'rows', 'exceptions']);
    expect(results.rows.find((r) => r['code'] === 'D1')).toMatchObject({ policy: 'EAST', policy_version: 1, values: { base_rate: '0.02', rebate: '17110' }, rebate: '17110.00', adjustment: '0.00', final: '17110.00' });
    expect(results['exceptions']).toEqual([
      { code: 'D4', reason: expect.stringContaining('没有适用的返利政策') },
      { code: 'D6', reason: expect.stringContaining('CENTRAL-A') },
    ]);

    const noReason = await cli(['adjust', '--period', '2026-01', '--distributor', 'D1', '--amount', '-100.00', ...ADMIN]);
    expect(noReason.code).toBe(2);
    expect(noReason.err).toContain('原因');
    const adj = await cli(['adjust', '--period', '2026-01', '--distributor', 'D1', '--amount', '-100.00', '--reason', '=HYPERLINK("http://x")', '--json', ...ADMIN]);
    expect(adj.code).toBe(0);
    expect(JSON.parse(adj.out)).toMatchObject({ code: 'D1', adjustment: '-100.00', final: '17010.00' });

    const csvFile = path.join(h.dir, 'out', 'results.csv');
    expect((await cli(['results', '--period', '2026-01', '--format', 'csv', '--out', csvFile, ...ADMIN])).code).toBe(0);
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.startsWith('\uFEFF经销商编码,')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(',-100.00,');

    const rec = JSON.parse((await cli(['reconcile', '--period', '2026-01', '--json', ...ADMIN])).out) as { claims: unknown[]; changes: unknown[]; checks: { code: string; check: string }[] };
    expect(rec.claims).toEqual([]);
    expect(rec.checks.map((c) => c.check)).toContain('high_return_rate');

    // a finding explained and marked 已确认 per distributor: no longer open, kept with who and when
    const flagged = rec.checks.find((c) => c.check === 'high_return_rate')!.code;
    const openBefore = (JSON.parse((await cli(['reconcile', '--period', '2026-01', '--json', ...ADMIN])).out) as { summary: { open: number } }).summary.open;
    expect(openBefore).toBeGreaterThan(0);
    const noted = await cli(['reconcile', 'note', '--period', '2026-01', '--distributor', flagged, '--note', '退货为质量问题批次，已与经销商核实', '--confirm', '--json', ...ADMIN]);
    expect(noted.code).toBe(0);
    expect(JSON.parse(noted.out)).toMatchObject({ code: flagged, note: '退货为质量问题批次，已与经销商核实', confirmed_by: 'admin' });
    const after = JSON.parse((await cli(['reconcile', '--period', '2026-01', '--json', ...ADMIN])).out) as { summary: { open: number }; notes: { code: string; confirmed_at: string | null }[] };
    expect(after.summary.open).toBe(openBefore - rec.checks.filter((c) => c.code === flagged).length);
    expect(after.notes.find((n) => n.code === flagged)?.confirmed_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // only the note changes; the mark stays as it was
    await cli(['reconcile', 'note', '--period', '2026-01', '--distributor', flagged, '--note', '已核实', ...ADMIN]);
    expect((JSON.parse((await cli(['reconcile', '--period', '2026-01', '--json', ...ADMIN])).out) as { summary: { open: number } }).summary.open).toBe(after.summary.open);
    const unknown = await cli(['reconcile', 'note', '--period', '2026-01', '--distributor', 'NOPE', '--confirm', ...ADMIN]);
    expect(unknown.code).toBe(2);

    for (const [name, roles] of [
      ['prep', 'preparer'],
      ['wang', 'approver'],
      ['zhao', 'approver'],
    ]) {
      expect((await cli(['user', 'add', name!, '--roles', roles!, '--password', `${name}-pass-1`, '--user', 'admin'], { REBATE_PASSWORD: 'admin-pass-1' })).code).toBe(0);
    }
    const chainFile = path.join(h.dir, 'chain.json');
    writeFileSync(chainFile, JSON.stringify({ levels: [{ name: '区域经理审核', approvers: ['wang'], min_total: null }, { name: '财务经理审核', approvers: ['zhao'] }] }));
    expect((await cli(['chain', 'set', chainFile, ...ADMIN])).code).toBe(0);
    expect(JSON.parse((await cli(['chain', 'show', '--json', ...ADMIN])).out)).toEqual({
      levels: [
        { name: '区域经理审核', approvers: ['wang'], min_total: null },
        { name: '财务经理审核', approvers: ['zhao'], min_total: null },
      ],
    });
    const as = (u: string): string[] => ['--user', u, '--password', `${u}-pass-1`];
    expect((await cli(['calc', '--period', '2026-01', ...as('prep')])).code).toBe(0);
    expect((await cli(['submit', '--period', '2026-01', ...as('prep')])).code).toBe(0);
    const late = writeGbkCsv(h.dir, 'late.csv', PURCHASE_HEADER, [P('XS99', 'D1', 1)]);
    const locked = await cli(['import', 'purchases', late, '--period', '2026-01', '--json', ...as('prep')]);
    expect(locked.code).toBe(2);
    expect(JSON.parse(locked.out).errors[0].message).toContain('已提交或已审批');
    expect((await cli(['reject', '--period', '2026-01', ...as('wang')])).code).toBe(2);
    expect((await cli(['approve', '--period', '2026-01', ...as('zhao')])).code).toBe(2);
    expect((await cli(['approve', '--period', '2026-01', '--comment', '同意', ...as('wang')])).code).toBe(0);
    const last = await cli(['approve', '--period', '2026-01', '--json', ...as('zhao')]);
    expect(last.code).toBe(0);
    expect(JSON.parse(last.out)).toMatchObject({ status: 'approved', levels: [{ user: 'wang', decision: 'approve', comment: '同意' }, { user: 'zhao', decision: 'approve' }] });
    const verify = await cli(['audit', 'verify', '--json', ...ADMIN]);
    expect(JSON.parse(verify.out)).toMatchObject({ ok: true });
  }, 120_000);
});
