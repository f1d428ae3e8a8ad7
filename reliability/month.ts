import { readdirSync } from 'node:fs';
import path from 'node:path';
import { dispatch } from '../main/api/dispatch';
import { generateDemo } from '../main/demo/generate';
import { DEMO_PASSWORD } from '../main/demo/policies';
import type { ServiceContext } from '../main/services/context';
import { loadDemo } from '../main/services/demo';
import { Store } from '../main/services/store';
import { copyDb } from './kit';

export const PERIOD = '2026-03';
export const NEXT = '2026-04';
export const ADMIN = { name: 'admin', password: 'admin-pass-1' };
export const PASSWORDS: Record<string, string> = { admin: ADMIN.password, li: DEMO_PASSWORD, wang: DEMO_PASSWORD, zhao: DEMO_PASSWORD, chen: DEMO_PASSWORD, zhou: DEMO_PASSWORD };

export function contextFor(store: Store): ServiceContext {
  return { store, session: { user: null }, lang: 'zh-CN', host: 'test', now: () => new Date() };
}

export async function ok<T = unknown>(ctx: ServiceContext, op: string, input: unknown): Promise<T> {
  const r = await dispatch(ctx, op, input);
  if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
  return r.result as T;
}

export async function signIn(store: Store, name: string): Promise<ServiceContext> {
  const ctx = contextFor(store);
  await ok(ctx, 'auth.signIn', { name, password: PASSWORDS[name] });
  return ctx;
}

/** The databases the cases start from, each a stage of one small demo month. */
export interface MonthTemplates {
  /** month imported, not calculated */
  imported: string;
  /** calculated and submitted, every level but the last signed */
  lastLevel: string;
  /** approved */
  approved: string;
  /** last level's approver */
  lastApprover: string;
  /** purchase files of the next period (for import kills) */
  nextPurchases: string[];
  distributors: number;
}

/** Builds the templates once, through the operation table (run in a child process: cases/kill.ts `sharedMonth`). */
export async function buildMonth(dir: string, size: { distributors: number; purchaseRows: number }): Promise<MonthTemplates> {
  const file = path.join(dir, 'month.sqlite');
  const store = new Store(file);
  const admin = contextFor(store);
  await ok(admin, 'auth.setupAdmin', ADMIN);
  await loadDemo(admin, { period: PERIOD, distributors: size.distributors, purchaseRows: size.purchaseRows });
  const imported = path.join(dir, 'imported.sqlite');
  store.close();
  copyDb(file, imported);
  store.reopen();

  const li = await signIn(store, 'li');
  await ok(li, 'batch.calculate', { period: PERIOD });
  await ok(li, 'approval.submit', { period: PERIOD });
  let lastApprover = '';
  for (;;) {
    const status = await ok<{ submissions: { status: string; levels: { approvers: { name: string }[]; decision: unknown }[] }[] }>(admin, 'approval.status', { period: PERIOD });
    const pending = status.submissions.find((s) => s.status === 'pending');
    const open = pending?.levels.filter((l) => !l.decision) ?? [];
    const level = open[0];
    if (!level) break;
    const who = level.approvers[0]?.name ?? '';
    if (open.length === 1) {
      lastApprover = who;
      store.close();
      copyDb(file, path.join(dir, 'last-level.sqlite'));
      store.reopen();
    }
    await ok(await signIn(store, who), 'approval.approve', { period: PERIOD });
  }
  store.close();
  copyDb(file, path.join(dir, 'approved.sqlite'));

  const next = path.join(dir, 'next');
  await generateDemo({ out: next, period: NEXT, distributors: size.distributors, purchaseRows: size.purchaseRows, seed: 20260101, purchaseFiles: 2 });
  const nextPurchases = readdirSync(next).filter((f) => f.startsWith('purchases')).map((f) => path.join(next, f));
  return { imported, lastLevel: path.join(dir, 'last-level.sqlite'), approved: path.join(dir, 'approved.sqlite'), lastApprover, nextPurchases, distributors: size.distributors };
}
