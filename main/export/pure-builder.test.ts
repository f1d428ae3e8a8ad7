import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApprovalStatusView } from '../../contract/ops/approvals';
import type { ReconcileView } from '../../contract/ops/batches';
import { POLICY_FORMAT, type PolicyFile } from '../../formulas';
import { buildApprovalWorkbook } from './approval-workbook';
import { exportBatch, type ExportRow } from './batch-data';
import { buildPosting } from './posting';
import { defaultPostingLayout } from './posting-layout';
import { cellCents, readWorkbook, rowStarting, sheet, texts } from '../testing/xlsx-read';

// export/ is a pure file builder: everything it prints comes from the description handed to it,
// with no database anywhere (the service layer reads; services/exports.test.ts covers that side).
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const policy: PolicyFile = {
  format: POLICY_FORMAT,
  code: 'P1',
  name: '测试政策',
  priority: 1,
  effective_from: '2026-01',
  parameters: { rate: 0.02 },
  formulas: [
    { name: 'base', label: '基础返利率', expr: 'rate' },
    { name: 'quarter_end', label: '是否季末', expr: 'month == 3' },
    { name: 'rebate', label: '返利金额', expr: 'net * base' },
  ],
};

function line(code: string, net: string, cents: number | null, exception: 'no_policy' | null = null): ExportRow {
  return {
    line: { code, name: `经销商${code}`, region: '华东', province: '浙江', grade: 'A', policy_code: exception ? null : 'P1', policy_version: exception ? null : 1, inputs_json: JSON.stringify({ purchase: net, returns: '0.00', net }), values_json: exception ? null : JSON.stringify({ base: '0.02', quarter_end: 'false', rebate: String(Number(net) * 0.02) }), rebate_cents: cents, adjustment_cents: 0, final_cents: cents, exception },
    reason: null,
    exceptionText: exception ? '没有适用的政策' : null,
  };
}

const described = (status: 'draft' | 'approved' = 'draft') => {
  let reads = 0;
  const rows = [line('A1', '1000.00', 2000), line('A2', '2500.50', 5001), line('A3', '10.00', null, 'no_policy')];
  const x = exportBatch({
    batch: { id: 7, period: '2026-03', status, created_by: 'li', created_at: '2026-04-01T08:00:00.000Z', calculated_by: 'li', calculated_at: '2026-04-01T08:00:00.000Z', total_cents: 7001, content_hash: 'c'.repeat(64) },
    company: '测试公司',
    policies: [{ code: 'P1', version: 1, file: policy }],
    users: new Map([['li', '李会计']]),
    rows: async function* () {
      reads++;
      yield* rows;
    },
  });
  return { x, reads: () => reads };
};

const noApprovals: ApprovalStatusView = { period: '2026-03', status: 'draft', content_hash: 'c'.repeat(64), total: '70.01', submissions: [], next: null };
const noRecon: ReconcileView = {
  period: '2026-03',
  previous_period: '2026-02',
  previous_approved: false,
  settings: { tolerance: '1.00', change_percent: 30, change_amount: '10000.00', return_rate: '0.2' },
  claims: [],
  changes: [],
  checks: [],
  summary: { matched: 0, differs: 0, only_claims: 0, only_batch: 0, changes: 0, checks: 0, claims_imported: false, open: 0 },
  notes: [],
};

describe('export builders take a plain description', () => {
  it('writes the approval workbook from the rows handed over, without a database', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'export-pure-'));
    const file = path.join(dir, 'a.xlsx');
    const d = described();
    const w = await buildApprovalWorkbook({ x: d.x, status: noApprovals, recon: noRecon, lang: 'zh-CN', generatedAt: '2026-04-02T09:00:00.000Z' }, file);
    expect(w).toEqual({ distributors: 3, final: 7001n });
    // the summary and the details each read the rows once more: a source, not an array held in memory
    expect(d.reads()).toBe(2);
    const wb = await readWorkbook(file);
    const summary = texts(sheet(wb, '汇总')).join('\n');
    expect(summary).toContain('测试公司 经销商返利审批表 2026-03【草稿 DRAFT】');
    expect(summary).toContain('李会计（li）');
    const details = sheet(wb, '明细');
    expect(cellCents(rowStarting(details, '合计').getCell(findHeader(details, '最终返利（元）')))).toBe(7001n);
    expect(cellCents(rowStarting(details, 'A2').getCell(findHeader(details, '最终返利（元）')))).toBe(5001n);
    expect(texts(details)).toContain('否');
    expect(texts(details)).not.toContain('false');
    expect(texts(sheet(wb, '异常')).join('\n')).toContain('没有适用的政策');
  });

  it('refuses a description whose rows do not add up to the batch total', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'export-pure-'));
    const d = described();
    d.x.batch.total_cents = 7000;
    await expect(buildApprovalWorkbook({ x: d.x, status: noApprovals, recon: noRecon, lang: 'zh-CN', generatedAt: '2026-04-02T09:00:00.000Z' }, path.join(dir, 'a.xlsx'))).rejects.toThrow(/differs/);
  });

  it('writes the posting CSV in the layout handed over, dated the day handed over', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'export-pure-'));
    const file = path.join(dir, 'p.csv');
    const layout = defaultPostingLayout('zh-CN');
    layout.params.voucher_date = 'export_day';
    const w = await buildPosting({ x: described('approved').x, layout, lang: 'zh-CN', today: '2026-04-05' }, 'csv', file);
    expect(w).toEqual({ distributors: 2, final: 7001n, rows: 4 });
    expect(existsSync(file)).toBe(true);
    const lines = readFileSync(file, 'utf8').replace('\uFEFF', '').trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^2026-04-05,2026-03 经销商返利 经销商A1,6601,借,A1,经销商A1,20\.00,,c{64}$/);
  });
});

function findHeader(ws: ReturnType<typeof sheet>, header: string): number {
  for (let r = 1; r <= 6; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) if (row.getCell(c).value === header) return c;
  }
  throw new Error(`no header ${header}`);
}
