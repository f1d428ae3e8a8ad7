/** What was imported (the history list) and the master data as it stands, for the import screen. */
import type { DistributorView, ImportHistoryView } from '../../contract/ops/imports';
import { centsToMoney, type Kind } from '../../domain';
import { importHistory, listDistributors } from '../db/import-repo';
import type { ServiceContext } from './context';

export function history(ctx: ServiceContext, period: string | null): ImportHistoryView[] {
  return importHistory(ctx.store.db, period).map((r) => ({
    importId: r.import_id,
    kind: r.kind as Kind,
    period: r.period,
    mode: r.mode as 'add' | 'replace',
    createdBy: r.created_by,
    createdAt: r.created_at,
    fileName: r.file_name,
    sha256: r.sha256,
    rows: r.rows,
    total: centsToMoney(BigInt(r.total_cents)),
    replaced: r.replaced_by !== null,
  }));
}

export function distributors(ctx: ServiceContext): DistributorView[] {
  return listDistributors(ctx.store.db).map((d) => ({
    code: d.code,
    name: d.name,
    region: d.region,
    province: d.province,
    city: d.city,
    grade: d.grade,
    status: d.status,
    updatedAt: d.updated_at,
    history: JSON.parse(d.history_json) as { effective_from: string; region: string; grade: string; province: string | null }[],
  }));
}
