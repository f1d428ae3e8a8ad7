import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemo, type DemoSummary } from '../demo/generate';
import { DEMO_PASSWORD, DEMO_USERS, demoChain } from '../demo/policies';
import { hasBusinessData } from '../db/demo-repo';
import { findUserByName } from '../db/users-repo';
import { setChain, type ChainInput } from './approvals';
import type { ServiceContext } from './context';
import { rejected } from '../../domain';
import { runImports, type ImportReport } from './imports';
import { importPolicy } from './policies';
import { addUser, requireRole } from './users';
import { previousMonth } from '../../domain';

export interface DemoLoadResult {
  period: string;
  summary: DemoSummary;
  /** per kind; `files` says, per file, what the import inferred (the ERP layouts recognised) */
  imports: { kind: string; status: string; rows: number; files: { file: string; rows: number; total: string; inferred: string[] }[] }[];
  users: { name: string; display: string; roles: string[] }[];
  password: string;
}

/**
 * First run: writes a demo month, then loads it as the signed-in administrator — demo users, master
 * data, the month's data, the three policies and the approval chain — so a newcomer sees a period
 * ready to calculate. Refused once any data exists.
 */
export async function loadDemo(ctx: ServiceContext, options: { period?: string | undefined; distributors?: number; purchaseRows?: number } = {}): Promise<DemoLoadResult> {
  requireRole(ctx, 'admin');
  const db = ctx.store.db;
  if (hasBusinessData(db)) throw rejected('demo.not_empty');
  const period = options.period ?? previousMonth(ctx.now());
  const dir = mkdtempSync(path.join(tmpdir(), 'rebate-demo-'));
  try {
    const summary = await generateDemo({ out: dir, period, distributors: options.distributors ?? 600, purchaseRows: options.purchaseRows ?? 24_000, seed: 20260101 });
    const users = [];
    for (const u of DEMO_USERS) {
      if (!findUserByName(db, u.name)) await addUser(ctx, { name: u.name, password: DEMO_PASSWORD, displayName: u.display, roles: [...u.roles] });
      users.push({ name: u.name, display: u.display, roles: [...u.roles] });
    }
    const files = readdirSync(dir);
    const of = (prefix: string) => files.filter((f) => f.startsWith(prefix)).sort().map((f) => ({ path: path.join(dir, f), name: f }));
    const reports: ImportReport[] = await runImports(ctx, [
      { kind: 'distributors', files: of('distributors') },
      { kind: 'purchases', period, files: of('purchases') },
      { kind: 'returns', period, files: of('returns') },
      { kind: 'promotions', period, files: of('promotions') },
      { kind: 'claims', period, files: of('claims') },
      { kind: 'balances', period, files: of('balances') },
      { kind: 'settlements', period, files: of('settlements') },
    ]);
    const failed = reports.find((r) => r.status === 'rejected' && r.errors.length > 0) ?? reports.find((r) => r.status === 'rejected');
    if (failed) {
      const e = failed.errors[0];
      throw rejected('demo.import_failed', { detail: e ? `${e.file} ${e.sheet ?? ''} ${e.row ?? ''}: ${e.message}` : failed.message });
    }
    for (const f of of('policy-')) importPolicy(ctx, { content: readFileSync(f.path, 'utf8'), fileName: f.name, comment: 'demo' });
    setChain(ctx, demoChain() as ChainInput);
    return { period, summary, imports: reports.map((r) => ({
        kind: r.kind,
        status: r.status,
        rows: r.rows,
        files: r.files.map((f) => ({ file: f.file, rows: f.rows, total: f.total, inferred: (f.inferred ?? []).map((n) => n.message) })),
      })), users, password: DEMO_PASSWORD };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
