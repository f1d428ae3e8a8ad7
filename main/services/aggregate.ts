import Decimal from 'decimal.js';
import type { FormulaInputs } from '../../formulas';
import {
  activeCodes,
  approvedFinals,
  masterForPeriod,
  quantities,
  sumLines,
  sumPromotions,
  type MoneyQtyRow,
} from '../db/aggregate-repo';
import type { Db } from '../db/database';

const D = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });

export interface DistributorInputs {
  code: string;
  name: string;
  status: 'active' | 'inactive';
  region: string;
  province: string | null;
  grade: string;
  inputs: FormulaInputs;
}

function cents(c: number | null | undefined): Decimal {
  return new D(c ?? 0).div(100);
}

function qty(row: MoneyQtyRow | undefined, exact: () => string[]): Decimal {
  if (!row) return new D(0);
  if (row.odd_qty > 0) return exact().reduce((s, q) => s.plus(q), new D(0));
  return new D(row.qty_e4 ?? 0).div(10000);
}

export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The built-in variables of formulas.md for every distributor with activity in the period, from
 * the stored rows: sums in SQL over integer cents, divisions in 34-digit decimals. Decimal strings out.
 */
export function aggregatePeriod(db: Db, period: string): DistributorInputs[] {
  const year = period.slice(0, 4);
  const month = Number(period.slice(5, 7));
  const yearStart = `${year}-01`;
  const byCode = <T extends { code: string }>(rows: T[]): Map<string, T> => new Map(rows.map((r) => [r.code, r]));

  const purchases = byCode(sumLines(db, 'purchases', period, period));
  const returns = byCode(sumLines(db, 'returns', period, period));
  const ytdPurchases = byCode(sumLines(db, 'purchases', yearStart, period));
  const ytdReturns = byCode(sumLines(db, 'returns', yearStart, period));
  const promos = byCode(sumPromotions(db, period));
  const master = byCode(masterForPeriod(db, period));
  const ytdRebate = month === 1 ? new Map<string, { code: string; cents: number }>() : byCode(approvedFinals(db, yearStart, previousPeriod(period)));
  const prev = previousPeriod(period);
  const prevRebate = byCode(approvedFinals(db, prev, prev));

  const out: DistributorInputs[] = [];
  for (const code of activeCodes(db, period)) {
    const m = master.get(code);
    if (!m) continue; // foreign keys make this impossible; kept for type narrowing
    const p = purchases.get(code);
    const r = returns.get(code);
    const purchase = cents(p?.cents);
    const ret = cents(r?.cents);
    const promo = promos.get(code);
    const target = cents(promo?.target_cents);
    const actual = cents(promo?.actual_cents);
    let promoRate = new D(0);
    if (target.greaterThan(0)) promoRate = actual.div(target);
    else if (promo?.rates) {
      const rates = promo.rates.split(' ').filter(Boolean);
      if (rates.length > 0) promoRate = rates.reduce((s, x) => s.plus(x), new D(0)).div(rates.length);
    }
    const yp = cents(ytdPurchases.get(code)?.cents);
    const yr = cents(ytdReturns.get(code)?.cents);
    const text = (d: Decimal): string => d.toFixed();
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
        return_rate: text(purchase.isZero() ? new D(0) : ret.div(purchase)),
        promo_target: text(target),
        promo_actual: text(actual),
        promo_rate: text(promoRate),
        ytd_purchase: text(yp),
        ytd_returns: text(yr),
        ytd_net: text(yp.minus(yr)),
        ytd_rebate: text(cents(ytdRebate.get(code)?.cents)),
        prev_rebate: text(cents(prevRebate.get(code)?.cents)),
        grade: m.grade,
        region: m.region,
        province: m.province ?? '',
        month: String(month),
        quarter: String(Math.ceil(month / 3)),
      },
    });
  }
  return out;
}
