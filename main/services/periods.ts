import { allBatches, lastDataChange, periodKinds } from '../db/batches-repo';
import type { ServiceContext } from './context';
import { type BatchStatus, centsToMoney, PERIOD_KINDS } from '../../domain';

export interface PeriodOverview {
  period: string;
  kinds: { kind: string; files: number; rows: number; total: string }[];
  batch: { status: BatchStatus; total: string; distributors: number; exceptions: number; calculated_at: string; content_hash: string; stale: boolean } | null;
  next: 'import' | 'calculate' | 'review' | 'submit' | 'approval' | 'export';
}

/** Every month with data or a batch: what is imported, the batch's state, and the next step. */
export function periodsOverview(ctx: ServiceContext, year?: number): PeriodOverview[] {
  const db = ctx.store.db;
  const kinds = periodKinds(db);
  const batches = new Map(allBatches(db).map((b) => [b.period, b]));
  const periods = new Set<string>([...kinds.map((k) => k.period), ...batches.keys()]);
  const out: PeriodOverview[] = [];
  for (const period of [...periods].sort().reverse()) {
    if (year !== undefined && !period.startsWith(String(year))) continue;
    const b = batches.get(period);
    const changed = lastDataChange(db, period);
    const stale = !!b && (b.status === 'draft' || b.status === 'rejected') && changed !== null && changed > b.calculated_at;
    const rows = PERIOD_KINDS.map((kind) => {
      const k = kinds.find((x) => x.period === period && x.kind === kind);
      return { kind, files: k?.files ?? 0, rows: k?.rows ?? 0, total: centsToMoney(k?.total_cents ?? 0) };
    });
    const hasData = rows.some((r) => r.rows > 0 && r.kind !== 'claims');
    let next: PeriodOverview['next'];
    if (!b) next = hasData ? 'calculate' : 'import';
    else if (b.status === 'approved') next = 'export';
    else if (b.status === 'submitted') next = 'approval';
    else if (stale) next = 'calculate';
    else if (b.status === 'rejected' || b.exceptions > 0) next = 'review';
    else next = 'submit';
    out.push({
      period,
      kinds: rows,
      batch: b ? { status: b.status, total: centsToMoney(b.total_cents), distributors: b.distributors, exceptions: b.exceptions, calculated_at: b.calculated_at, content_hash: b.content_hash, stale } : null,
      next,
    });
  }
  return out;
}
