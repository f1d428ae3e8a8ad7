import { expect } from 'vitest';
import type { ServiceContext } from '../services/context';
import type { Harness } from './harness';
import { DISTRIBUTOR_HEADER, PURCHASE_HEADER, writeGbkCsv, writeWorkbook } from './workbooks';

/**
 * Three months for the ledger, computable by hand: four distributors, one policy `rebate = net ×
 * 1%` that also shows `balance_opening` and `本期兑付`, opening balances at 2026-01, settlements of
 * every method, a reversal and a late-booked row. A preparer and one approver.
 */
export const LEDGER_POLICY = {
  format: 'rebate-policy/1',
  code: 'FLAT',
  name: '统一 1% 返利',
  priority: 1,
  effective_from: '2026-01',
  formulas: [
    { name: 'opening_seen', label: '期初余额', expr: 'balance_opening' },
    { name: 'used_seen', label: '本期兑付', expr: '本期兑付' },
    { name: 'rebate', label: '返利金额', expr: 'net * 0.01' },
  ],
};

export interface LedgerWorld {
  admin: ServiceContext;
  prep: ServiceContext;
  wang: ServiceContext;
}

async function signedIn(h: Harness, admin: ServiceContext, name: string, roles: ('preparer' | 'approver')[]): Promise<ServiceContext> {
  await h.ok(admin, 'users.add', { name, displayName: name, password: `${name}-pass-1`, roles });
  const ctx = h.context();
  await h.ok(ctx, 'auth.signIn', { name, password: `${name}-pass-1` });
  return ctx;
}

const P = (doc: string, code: string, amount: number, date: string) => [doc, 1, date, code, '', 'SKU1', '酱油', 1, amount, amount];
export const SETTLEMENT_HEADER = ['兑付单号', '行号', '兑付日期', '客户编码', '兑付金额', '兑付方式', '备注'];

export async function ledgerWorld(h: Harness): Promise<LedgerWorld> {
  const admin = await h.admin();
  const d = (code: string) => [code, `经销商${code}`, '华东', '江苏', '南京', 'A', '启用'];
  const dist = await writeWorkbook(h.dir, 'distributors.xlsx', [{ name: 'S', header: DISTRIBUTOR_HEADER, rows: [d('D1'), d('D2'), d('D3'), d('D4')] }]);
  await h.ok(admin, 'import.run', { kind: 'distributors', files: [{ path: dist }] });
  await h.ok(admin, 'policy.import', { content: JSON.stringify(LEDGER_POLICY) });
  const prep = await signedIn(h, admin, 'prep', ['preparer']);
  const wang = await signedIn(h, admin, 'wang', ['approver']);
  await h.ok(admin, 'chain.set', { levels: [{ name: '财务经理审批', approvers: ['wang'] }] });
  return { admin, prep, wang };
}

export async function importMonth(h: Harness, ctx: ServiceContext, period: string, purchases: [string, number][], settlements: (string | number | null)[][]): Promise<void> {
  const day = `${period}-15`;
  if (purchases.length) {
    const file = writeGbkCsv(h.dir, `purchases-${period}.csv`, PURCHASE_HEADER, purchases.map(([code, amount], i) => P(`XS-${period}-${i}`, code, amount, day)));
    const r = await h.ok(ctx, 'import.run', { kind: 'purchases', period, files: [{ path: file }] });
    expect(r.errors).toEqual([]);
  }
  if (settlements.length) {
    const file = await writeWorkbook(h.dir, `settlements-${period}.xlsx`, [{ name: '兑付', preamble: [[`${period} 返利兑付明细`]], header: SETTLEMENT_HEADER, rows: settlements }]);
    const r = await h.ok(ctx, 'import.run', { kind: 'settlements', period, files: [{ path: file }] });
    expect(r.errors).toEqual([]);
  }
}

export async function approvePeriod(h: Harness, w: LedgerWorld, period: string): Promise<void> {
  await h.ok(w.prep, 'approval.submit', { period });
  await h.ok(w.wang, 'approval.approve', { period, comment: '同意' });
}
