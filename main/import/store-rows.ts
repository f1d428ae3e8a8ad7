/**
 * The stored shape of a record, made where the record is made (the parsing worker): one flat row of
 * column values per record, in the column order below, appended to one array per batch. The main
 * thread then only sets the file's id and binds the values in bulk (main/db/bulk-insert.ts): no
 * object per record crosses the thread boundary or is rebuilt there, and money arrives as integer
 * cents (BigInt), never a binary float.
 *
 * The first column of every table is `file_id`: the worker writes the file's index in its batch
 * (`FILE_COLUMN`), the main thread replaces it with the stored file's id.
 */
import { moneyToCents, quantityE4 } from '../../domain';
import type { Kind } from './kinds';
import type { ImportRecord, LineRecord, SettlementRecord } from './records';

export type StoreTable = 'purchases' | 'returns' | 'promotions' | 'claims' | 'settlements' | 'balances';

const PLACE = ['file_id', 'period', 'sheet', 'row_no'] as const;
const LINE = [...PLACE, 'doc_no', 'line_no', 'date', 'distributor_code', 'distributor_name', 'sku_code', 'sku_name', 'quantity', 'quantity_e4', 'unit_price', 'amount_cents', 'dup_key'] as const;

/** The columns of each table's rows, in the order `storeRow` appends them. */
export const STORE_COLUMNS: Record<StoreTable, readonly string[]> = {
  purchases: LINE,
  returns: [...LINE, 'original_doc_no', 'reason'],
  promotions: [...PLACE, 'distributor_code', 'promotion_code', 'promotion_name', 'target_cents', 'actual_cents', 'achievement_rate'],
  claims: [...PLACE, 'distributor_code', 'claimed_cents'],
  settlements: [...PLACE, 'doc_no', 'line_no', 'date', 'distributor_code', 'distributor_name', 'amount_cents', 'method', 'note', 'dup_key'],
  balances: [...PLACE, 'distributor_code', 'opening_cents'],
};

/** Where the file reference is in every row. */
export const FILE_COLUMN = 0;

/** The table a kind's records are stored in; null for master data (stored record by record). */
export function storeTable(kind: Kind): StoreTable | null {
  return kind === 'distributors' ? null : kind;
}

/** Duplicate purchase/return lines (data.md): same doc_no + line_no, else the same doc, sku, quantity and amount. */
export function dupKey(r: LineRecord): string {
  return r.line_no !== null && r.line_no !== '' ? `L\u0001${r.doc_no}\u0001${r.line_no}` : `R\u0001${r.doc_no}\u0001${r.sku_code ?? ''}\u0001${r.quantity ?? ''}\u0001${r.amount}`;
}

/** Duplicate settlements (ledger.md): same doc_no + line_no; without a line_no the same doc, distributor, amount and method. */
export function settlementDupKey(r: SettlementRecord): string {
  return r.line_no !== null && r.line_no !== '' ? `L\u0001${r.doc_no}\u0001${r.line_no}` : `R\u0001${r.doc_no}\u0001${r.distributor_code}\u0001${r.amount}\u0001${r.method}`;
}

const cents = (money: string | null): bigint | null => (money === null ? null : moneyToCents(money));

/**
 * Appends the record's stored row to `out` (`STORE_COLUMNS[table]` values; `file` in the file
 * column). Master data has no row here: false.
 */
export function storeRow(rec: ImportRecord, period: string, file: number, out: unknown[]): boolean {
  switch (rec.kind) {
    case 'purchases':
    case 'returns': {
      const r = rec.record;
      out.push(file, period, r.sheet, r.row, r.doc_no, r.line_no, r.date, r.distributor_code, r.distributor_name, r.sku_code, r.sku_name, r.quantity, quantityE4(r.quantity), r.unit_price, moneyToCents(r.amount), dupKey(r));
      if (rec.kind === 'returns') out.push(r.original_doc_no ?? null, r.reason ?? null);
      return true;
    }
    case 'promotions': {
      const r = rec.record;
      out.push(file, period, r.sheet, r.row, r.distributor_code, r.promotion_code, r.promotion_name, cents(r.target_amount), cents(r.actual_amount), r.achievement_rate);
      return true;
    }
    case 'claims': {
      const r = rec.record;
      out.push(file, period, r.sheet, r.row, r.distributor_code, moneyToCents(r.claimed_rebate));
      return true;
    }
    case 'settlements': {
      const r = rec.record;
      out.push(file, period, r.sheet, r.row, r.doc_no, r.line_no, r.date, r.distributor_code, r.distributor_name, moneyToCents(r.amount), r.method, r.note, settlementDupKey(r));
      return true;
    }
    case 'balances': {
      const r = rec.record;
      out.push(file, period, r.sheet, r.row, r.distributor_code, moneyToCents(r.opening_balance));
      return true;
    }
    case 'distributors':
      return false;
  }
}

/** Reads one column of row `i` of a flat batch. */
export function rowValue(values: readonly unknown[], table: StoreTable, i: number, column: string): unknown {
  const columns = STORE_COLUMNS[table];
  return values[i * columns.length + columns.indexOf(column)];
}
