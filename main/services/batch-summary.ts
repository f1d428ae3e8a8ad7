import type { BatchSummaryView, FinalChangeView, GroupTotalView } from '../../contract/ops/batches';
import { centsToMoney, previousPeriod } from '../../domain';
import { batchOf, lineFinals } from '../db/batches-repo';
import { batchHead, batchView, requireBatch, type BatchView } from './batches';
import type { ServiceContext } from './context';

const collator = new Intl.Collator('zh-CN');

/** Totals per region or grade from the kept view's cents, biggest final amount first, then by name. */
function groups(view: BatchView, by: 'region' | 'grade'): GroupTotalView[] {
  const acc = new Map<string, { distributors: number; exceptions: number; rebate: bigint; adjustment: bigint; final: bigint }>();
  view.rows.forEach((r, i) => {
    const c = view.cents[i];
    if (!c) return;
    const g = acc.get(r[by]) ?? { distributors: 0, exceptions: 0, rebate: 0n, adjustment: 0n, final: 0n };
    g.distributors++;
    if (c.exception) g.exceptions++;
    g.rebate += BigInt(c.rebate ?? 0);
    g.adjustment += BigInt(c.adjustment);
    g.final += BigInt(c.final ?? 0);
    acc.set(r[by], g);
  });
  return [...acc]
    .sort(([ka, a], [kb, b]) => (a.final === b.final ? collator.compare(ka, kb) : a.final > b.final ? -1 : 1))
    .map(([key, g]) => ({ key, distributors: g.distributors, exceptions: g.exceptions, rebate: centsToMoney(g.rebate), adjustment: centsToMoney(g.adjustment), final: centsToMoney(g.final) }));
}

/**
 * The largest changes of the final amount per distributor against the previous month's batch (a
 * distributor new this month or gone counts from or to 0), by size of the change, then by code.
 */
function changes(ctx: ServiceContext, period: string, view: BatchView, count: number): BatchSummaryView['changes'] {
  const prevPeriod = previousPeriod(period);
  const prev = batchOf(ctx.store.db, prevPeriod);
  if (!prev) return null;
  const before = new Map(lineFinals(ctx.store.db, prev.id).map((l) => [l.code, l]));
  const out: { code: string; name: string; prev: bigint; cur: bigint }[] = [];
  view.rows.forEach((r, i) => {
    const b = before.get(r.code);
    before.delete(r.code);
    out.push({ code: r.code, name: r.name, prev: BigInt(b?.final_cents ?? 0), cur: BigInt(view.cents[i]?.final ?? 0) });
  });
  for (const b of before.values()) out.push({ code: b.code, name: b.name, prev: BigInt(b.final_cents ?? 0), cur: 0n });
  const abs = (x: bigint): bigint => (x < 0n ? -x : x);
  const rows: FinalChangeView[] = out
    .filter((c) => c.cur !== c.prev)
    .sort((a, b) => {
      const da = abs(a.cur - a.prev);
      const db = abs(b.cur - b.prev);
      return da === db ? (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) : da > db ? -1 : 1;
    })
    .slice(0, count)
    .map((c) => ({ code: c.code, name: c.name, previous: centsToMoney(c.prev), current: centsToMoney(c.cur), difference: centsToMoney(c.cur - c.prev) }));
  return { period: prevPeriod, rows };
}

/** What the approval screen and the month's charts show of a batch, without its rows (`batch.summary`). */
export function batchSummary(ctx: ServiceContext, input: { period: string; changes: number }): BatchSummaryView {
  const b = requireBatch(ctx, input.period);
  const view = batchView(ctx.store.db, b, ctx.lang);
  const rowAt = (code: string) => {
    const i = view.index.get(code);
    return i === undefined ? undefined : view.rows[i];
  };
  return {
    ...batchHead(input.period, b),
    rows: view.rows.length,
    policies: view.policies.map((p) => ({ code: p.code, version: p.version })),
    codes: view.rows.map((r) => r.code),
    exceptions: view.exceptions.map((e) => ({ code: e.code, name: rowAt(e.code)?.name ?? '', region: rowAt(e.code)?.region ?? '', kind: e.kind, reason: e.reason })),
    groups: { region: groups(view, 'region'), grade: groups(view, 'grade') },
    adjusted: view.rows
      .filter((_, i) => view.cents[i]?.adjustment !== 0)
      .map((r) => ({ code: r.code, name: r.name, region: r.region, rebate: r.rebate, adjustment: r.adjustment, adjustment_reason: r.adjustment_reason, final: r.final })),
    changes: changes(ctx, input.period, view, input.changes),
    last_diff: b.last_diff_json ? (JSON.parse(b.last_diff_json) as BatchSummaryView['last_diff']) : null,
  };
}
