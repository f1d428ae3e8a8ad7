import type { ServiceContext } from '../services/context';
import type { Harness } from './harness';
import { seedMonth } from './month';

export interface ApprovalWorld {
  admin: ServiceContext;
  prep: ServiceContext;
  wang: ServiceContext;
  zhao: ServiceContext;
}

async function signedIn(h: Harness, admin: ServiceContext, name: string, display: string, roles: ('preparer' | 'approver')[]): Promise<ServiceContext> {
  await h.ok(admin, 'users.add', { name, displayName: display, password: `${name}-pass-1`, roles });
  const ctx = h.context();
  await h.ok(ctx, 'auth.signIn', { name, password: `${name}-pass-1` });
  return ctx;
}

/**
 * The month of month.ts calculated as batch 2026-01 by a preparer, with a two-level chain
 * (区域经理审核 wang, 财务总监审批 zhao) — left as a draft, so each test takes it as far as it needs.
 */
export async function calculatedMonth(h: Harness, company = '示例食品有限公司'): Promise<ApprovalWorld> {
  const admin = await h.admin();
  await seedMonth(h, admin);
  await h.ok(admin, 'settings.update', { companyName: company });
  const prep = await signedIn(h, admin, 'prep', '刘会计', ['preparer']);
  const wang = await signedIn(h, admin, 'wang', '王经理', ['approver']);
  const zhao = await signedIn(h, admin, 'zhao', '赵总监', ['approver']);
  await h.ok(admin, 'chain.set', { levels: [{ name: '区域经理审核', approvers: ['wang'] }, { name: '财务总监审批', approvers: ['zhao'] }] });
  await h.ok(prep, 'batch.calculate', { period: '2026-01' });
  return { admin, prep, wang, zhao };
}

/** Submits and signs both levels: the batch is approved. */
export async function approve(h: Harness, w: ApprovalWorld): Promise<void> {
  await h.ok(w.prep, 'approval.submit', { period: '2026-01', comment: '一月返利，请审批' });
  await h.ok(w.wang, 'approval.approve', { period: '2026-01', comment: '区域数据已核对' });
  await h.ok(w.zhao, 'approval.approve', { period: '2026-01', comment: '同意发放' });
}
