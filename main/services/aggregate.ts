import type { FormulaInputs } from '../../formulas';
import {
  approvedFinals,
  masterForPeriod,
  quantities,
  sumMonthAndYtd,
  sumPromotions,
  type MoneyQtyRow,
} from '../db/aggregate-repo';
import type { Db } from '../db/database';
import { CalcDecimal, centsToMoney, type DistributorProfile, periodMonth, periodQuarter, previousPeriod, yearStart } from '../../domain';
import { ledgerBook } from './ledger';

export interface DistributorInputs extends DistributorProfile {
  inputs: FormulaInputs;
}

/** Stored cents as an exact decimal (`12345` → 123.45). */
function money(c: number | null | undefined): CalcDecimal {
  return new CalcDecimal(centsToMoney(c));
}

function qty(row: MoneyQtyRow | undefined, exact: () => string[]): CalcDecimal {
  if (!row) return new CalcDecimal(0);
  if (row.odd_qty > 0) return exact().reduce((s, q) => s.plus(q), new CalcDecimal(0));
  return new CalcDecimal(row.qty_e4 ?? 0).div(10000);
}

/**
 * The built-in variables of formulas.md for every distributor with activity in the period, from
 * the stored rows: sums in SQL over integer cents, divisions in 34-digit decimals. Decimal strings out.
 */
export function aggregatePeriod(db: Db, period: string): DistributorInputs[] {
  const month = periodMonth(period);
  const yearFrom = yearStart(period);
  const byCode = <T extends { code: string }>(rows: T[]): Map<string, T> => new Map(rows.map((r) => [r.code, r]));

  // the month and the year to date in one pass each (a distributor is in the month's map only when
  // it has lines in the month)
  const purchaseSums = sumMonthAndYtd(db, 'purchases', yearFrom, period);
  const returnSums = sumMonthAndYtd(db, 'returns', yearFrom, period);
  const purchases = byCode(purchaseSums.filter((r) => r.rows > 0));
  const returns = byCode(returnSums.filter((r) => r.rows > 0));
  const ytdPurchases = new Map(purchaseSums.map((r) => [r.code, { code: r.code, cents: r.ytd_cents }]));
  const ytdReturns = new Map(returnSums.map((r) => [r.code, { code: r.code, cents: r.ytd_cents }]));
  const promos = byCode(sumPromotions(db, period));
  const master = byCode(masterForPeriod(db, period));
  const ytdRebate = month === 1 ? new Map<string, { code: string; cents: number }>() : byCode(approvedFinals(db, yearFrom, previousPeriod(period)));
  const prev = previousPeriod(period);
  const prevRebate = byCode(approvedFinals(db, prev, prev));
  // balance_opening / balance_used (ledger.md): the ledger up to this period.
  const ledger = ledgerBook(db, period).periods.get(period);
  const centsOf = (c: bigint | undefined): CalcDecimal => new CalcDecimal(centsToMoney(c ?? 0n));

  const out: DistributorInputs[] = [];
  // distributors with any purchase, return or promotion line in the period, in code order (SQLite's
  // BINARY order: UTF-8 bytes) — the keys of the month's sums, as activeCodes() would list them
  const active = [...new Set([...purchases.keys(), ...returns.keys(), ...promos.keys()])].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  for (const code of active) {
    const m = master.get(code);
    if (!m) continue; // foreign keys make this impossible; kept for type narrowing
    const p = purchases.get(code);
    const r = returns.get(code);
    const purchase = money(p?.cents);
    const ret = money(r?.cents);
    const promo = promos.get(code);
    const target = money(promo?.target_cents);
    const actual = money(promo?.actual_cents);
    let promoRate = new CalcDecimal(0);
    if (target.greaterThan(0)) promoRate = actual.div(target);
    else if (promo?.rates) {
      const rates = promo.rates.split(' ').filter(Boolean);
      if (rates.length > 0) promoRate = rates.reduce((s, x) => s.plus(x), new CalcDecimal(0)).div(rates.length);
    }
    const yp = money(ytdPurchases.get(code)?.cents);
    const yr = money(ytdReturns.get(code)?.cents);
    const text = (d: CalcDecimal): string => d.toFixed();
    out.push({
      code,
      name: m.name,
      status: m.status,
      region: m.region,
      province: m.province,
      grade: m.grade,
      inputs: {
        purchase: text(purchase),
        purchase_qty: text(qty(p, () => quantities(db, 'purchases', period, code))),
        returns: text(ret),
        return_qty: text(qty(r, () => quantities(db, 'returns', period, code))),
        net: text(purchase.minus(ret)),
        return_rate: text(purchase.isZero() ? new CalcDecimal(0) : ret.div(purchase)),
        promo_target: text(target),
        promo_actual: text(actual),
        promo_rate: text(promoRate),
        ytd_purchase: text(yp),
        ytd_returns: text(yr),
        ytd_net: text(yp.minus(yr)),
        ytd_rebate: text(money(ytdRebate.get(code)?.cents)),
        prev_rebate: text(money(prevRebate.get(code)?.cents)),
        balance_opening: text(centsOf(ledger?.get(code)?.opening)),
        balance_used: text(centsOf(ledger?.get(code)?.used)),
        grade: m.grade,
        region: m.region,
        province: m.province ?? '',
        month: String(month),
        quarter: String(periodQuarter(period)),
      },
    });
  }
  return out;
}
