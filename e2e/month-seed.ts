import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ADMIN, cli, type WebHostProcess } from './fixtures';

/**
 * The months the specs seed through the CLI. The small team month of approval.e2e.ts and team.e2e.ts, written once: the people, the policy,
 * the three-level chain, and the rows of the master data and purchase workbooks.
 */
export const PASS = (name: string): string => `${name}-pass-1`;

/** One policy for grades A–C (D has none: an exception the approver sees), like NATIONAL in main/testing/month.ts. */
export const NATIONAL_POLICY = {
  format: 'rebate-policy/1',
  code: 'NATIONAL-2026',
  name: '全国等级返利 2026',
  priority: 1,
  effective_from: '2026-01',
  scope: { grades: ['A', 'B', 'C'] },
  parameters: { rate_by_grade: { A: 0.02, B: 0.015, C: 0.01 } },
  formulas: [{ name: 'rebate', label: '返利金额', expr: 'net * lookup(grade, rate_by_grade, 0)' }],
};

/** Three levels; the CFO's only from `cfoFrom` yuan (null: every batch). */
export function threeLevelChain(cfoFrom: string | null): object {
  return {
    levels: [
      { name: '区域经理审核', approvers: ['wang'], min_total: null },
      { name: '财务经理审核', approvers: ['zhao'], min_total: null },
      { name: '财务总监审批', approvers: ['chen'], min_total: cfoFrom },
    ],
  };
}

/** The preparer and the three approvers: login, role, display name (each one's password is PASS(login)). */
export const PEOPLE = [
  ['li', 'preparer', '李会计'],
  ['wang', 'approver', '王经理'],
  ['zhao', 'approver', '赵经理'],
  ['chen', 'approver', '陈总监'],
] as const;

/** The people added through `rebate user add` (`run` adds the admin's sign-in). */
export function addPeople(run: (args: string[]) => void): void {
  for (const [name, roles, display] of PEOPLE) run(['user', 'add', name, '--roles', roles, '--password', PASS(name), '--display', display]);
}

/** A master-data row (DISTRIBUTOR_HEADER) and a purchase line (PURCHASE_HEADER). */
export const distributor = (code: string, name: string, region: string, grade: string): (string | number)[] => [code, name, region, '某省', '某市', grade, '启用'];
export const purchase = (doc: string, date: string, code: string, amount: number): (string | number)[] => [doc, 1, date, code, '', 'SKU1', '酱油', 1, amount, amount];

/**
 * A demo month of the big-month specs (results-paged, export-jobs): written by `rebate demo` (one
 * purchase workbook besides the CSV) and loaded by ADMIN through the CLI — master data, the demo
 * policies, the period's `kinds` — then calculated.
 */
export function seedDemoMonth(host: WebHostProcess, month: { period: string; distributors: number; purchaseRows: number; kinds: string[] }): void {
  const folder = path.join(host.dir, 'month');
  execFileSync(process.execPath, ['bin/rebate.mjs', 'demo', '--out', folder, '--period', month.period, '--distributors', String(month.distributors), '--purchase-rows', String(month.purchaseRows), '--files', '1'], { encoding: 'utf8' });
  const files = readdirSync(folder);
  const of = (prefix: string): string[] => files.filter((f) => f.startsWith(prefix)).map((f) => path.join(folder, f));
  const admin = (...args: string[]): string => cli(host, ADMIN.name, ADMIN.password, ...args);
  admin('import', 'distributors', ...of('distributors'));
  for (const f of of('policy-')) admin('policy', 'import', f);
  for (const kind of month.kinds) if (of(kind).length > 0) admin('import', kind, ...of(kind), '--period', month.period);
  admin('calc', '--period', month.period);
}
