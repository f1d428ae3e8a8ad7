import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApprovalWorkbook } from '../export/approval-workbook';
import { buildStatements } from '../export/statements';
import { calculatedMonth } from '../testing/approved-month';
import { Harness } from '../testing/harness';
import { approvalStatus } from './approvals';
import { checkUnchanged, loadExportBatch } from './exports';
import { ledgerOf } from './ledger';
import { reconcile } from './reconcile';

let h: Harness;
afterEach(() => h?.close());

describe('exports through the service layer', () => {
  it('reads the batch for the builders: company, people, policies, rows with reasons and exception texts', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    await h.ok(w.prep, 'batch.adjust', { period: '2026-01', code: 'D1', amount: '-10.00', reason: '退货补差' });
    const x = loadExportBatch(w.prep, '2026-01');
    expect(x.company).toBe('示例食品有限公司');
    expect(x.users.get('prep')).toBe('刘会计');
    expect(x.policies.map((p) => p.code).length).toBeGreaterThan(0);
    const rows = [];
    for await (const r of x.rows()) rows.push(r);
    const total = (h.store.db.prepare("SELECT distributors FROM batches WHERE period = '2026-01'").get() as { distributors: number }).distributors;
    expect(rows).toHaveLength(total);
    expect(rows.find((r) => r.line.code === 'D1')?.reason).toBe('退货补差');
    const exceptions = rows.filter((r) => r.line.exception !== null);
    expect(exceptions.length).toBeGreaterThan(0);
    for (const e of exceptions) expect(e.exceptionText).toMatch(/[\u4e00-\u9fff]/);
    expect(rows.filter((r) => r.line.exception === null).every((r) => r.exceptionText === null)).toBe(true);
  });

  it('refuses and removes files written while the batch moved (adjusted between reading and checking)', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    const x = loadExportBatch(w.prep, '2026-01');
    const file = path.join(h.dir, 'approval.xlsx');
    await buildApprovalWorkbook({ x, status: approvalStatus(w.prep, '2026-01'), recon: reconcile(w.prep, '2026-01'), lang: 'zh-CN', generatedAt: new Date().toISOString() }, file);
    const dir = path.join(h.dir, 'statements');
    const s = await buildStatements({ x, lang: 'zh-CN', approval: { approvedAt: null }, ledger: ledgerOf(w.prep, '2026-01') }, 'files', dir);
    expect(s.written.length).toBeGreaterThan(0);
    // unchanged: the check passes and the files stay
    checkUnchanged(w.prep, x, [file, ...s.written]);
    expect(existsSync(file)).toBe(true);

    await h.ok(w.prep, 'batch.adjust', { period: '2026-01', code: 'D1', amount: '5.00', reason: '补差' });
    expect(() => checkUnchanged(w.prep, x, [file, ...s.written])).toThrow(expect.objectContaining({ key: 'export.batch_changed' }));
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
