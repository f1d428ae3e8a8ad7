/**
 * The record of a row that passed every check. Required fields are known to be present here (a
 * blank required cell is an error, and a row with an error has no record).
 */
import { SETTLEMENT_METHODS, type Kind, type SettlementMethod } from './kinds';
import type { ImportRecord, LineRecord } from './records';
import type { FieldValues } from './row-rules';
import type { DocumentHead, RowPlace } from '../../domain';

function magnitude(decimal: string | null): string | null {
  return decimal !== null && decimal.startsWith('-') ? decimal.slice(1) : decimal;
}

/** Where the row is and which document line it is (purchases, returns, settlements). */
function head(v: FieldValues, sheet: string, row: number): RowPlace & DocumentHead {
  return { sheet, row, doc_no: v.doc_no ?? '', line_no: v.line_no, date: v.date ?? '', distributor_code: v.distributor_code ?? '', distributor_name: v.distributor_name };
}

function line(v: FieldValues, sheet: string, row: number, returns: boolean): LineRecord {
  // One object literal per shape, no spread: this runs once per purchase line, and the spread of
  // head() cost as much as the rest of the row's record (L month profile, session 6).
  const doc_no = v.doc_no ?? '';
  const date = v.date ?? '';
  const distributor_code = v.distributor_code ?? '';
  if (!returns) {
    return { sheet, row, doc_no, line_no: v.line_no, date, distributor_code, distributor_name: v.distributor_name, sku_code: v.sku_code, sku_name: v.sku_name, quantity: v.quantity, unit_price: v.unit_price, amount: v.amount ?? '' };
  }
  // A return of -5 units for -100.00 is 5 units for 100.00 returned: some ERPs export returns negative.
  return {
    sheet,
    row,
    doc_no,
    line_no: v.line_no,
    date,
    distributor_code,
    distributor_name: v.distributor_name,
    sku_code: v.sku_code,
    sku_name: v.sku_name,
    quantity: magnitude(v.quantity),
    unit_price: v.unit_price,
    amount: magnitude(v.amount) ?? '',
    original_doc_no: v.original_doc_no,
    reason: v.reason,
  };
}

/** The method as read (parseMethod gives canonical keys); no column means invoice. */
function methodOf(value: string | null): SettlementMethod {
  return SETTLEMENT_METHODS.find((m) => m === value) ?? 'invoice';
}

export function buildRecord(kind: Kind, v: FieldValues, sheet: string, row: number): ImportRecord {
  switch (kind) {
    case 'distributors':
      return {
        kind,
        record: {
          sheet,
          row,
          code: v.code ?? '',
          name: v.name ?? '',
          region: v.region ?? '',
          province: v.province,
          city: v.city,
          grade: v.grade ?? '',
          status: v.status === 'inactive' ? 'inactive' : 'active',
        },
      };
    case 'purchases':
      return { kind, record: line(v, sheet, row, false) };
    case 'returns':
      return { kind, record: line(v, sheet, row, true) };
    case 'promotions':
      return {
        kind,
        record: {
          sheet,
          row,
          distributor_code: v.distributor_code ?? '',
          promotion_code: v.promotion_code,
          promotion_name: v.promotion_name,
          target_amount: v.target_amount,
          actual_amount: v.actual_amount,
          achievement_rate: v.achievement_rate,
        },
      };
    case 'claims':
      return { kind, record: { sheet, row, distributor_code: v.distributor_code ?? '', claimed_rebate: v.claimed_rebate ?? '' } };
    case 'settlements':
      return {
        kind,
        record: {
          ...head(v, sheet, row),
          amount: v.amount ?? '',
          method: methodOf(v.method),
          note: v.note,
        },
      };
    case 'balances':
      return { kind, record: { sheet, row, distributor_code: v.distributor_code ?? '', opening_balance: v.opening_balance ?? '' } };
  }
}
