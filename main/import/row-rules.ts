/**
 * The rules of each kind over a row whose cells have been read (data.md "Validation"): codes
 * against master data, dates in the period, no negative purchases, return signs, names against
 * master data, distributors once per file, promotions' rate or target + actual.
 */
import { createCodeMatcher, type CodeMatcher } from './code-match';
import { createNameMatcher, type NameMatcher } from './name-match';
import type { IssuePlace } from './issue-log';
import type { FieldName, Kind } from './kinds';
import type { MessageKey, MessageParams } from './messages';

/** The row's values by field; `null` for a blank cell, an unreadable one, or a field not mapped. */
export type FieldValues = Record<FieldName, string | null>;

export function emptyFieldValues(): FieldValues {
  return {
    ...{ code: null, name: null, region: null, province: null, city: null, grade: null, status: null },
    ...{ doc_no: null, line_no: null, date: null, distributor_code: null, distributor_name: null, sku_code: null, sku_name: null },
    ...{ quantity: null, unit_price: null, amount: null, original_doc_no: null, reason: null },
    ...{ promotion_code: null, promotion_name: null, target_amount: null, actual_amount: null, achievement_rate: null, claimed_rebate: null },
    ...{ method: null, note: null, opening_balance: null },
  };
}

/** What a rule needs of the row being read: to report at a field's column, and which cells failed. */
export interface RowContext {
  readonly sheet: string;
  readonly row: number;
  error(field: FieldName | null, key: MessageKey, params: MessageParams): void;
  warn(field: FieldName | null, key: MessageKey, params: MessageParams): void;
  /** the field's cell was there but unreadable (already reported) */
  failed(field: FieldName): boolean;
  mapped(field: FieldName): boolean;
  place(field: FieldName): IssuePlace;
}

export type RuleOptions = {
  kind: Kind;
  period: string | null;
  masterCodes: readonly string[] | null;
  masterNames?: ReadonlyMap<string, string> | undefined;
};

export type MixedSigns = { positive: number; negative: number; example: IssuePlace };

const WHITESPACE = /\s+/g;

function comparableName(name: string): string {
  return name.normalize('NFKC').replace(WHITESPACE, '').toLowerCase();
}

export class KindRules {
  private readonly kind: Kind;
  private readonly period: string | null;
  private readonly matchCode: CodeMatcher | null;
  private readonly masterNames: ReadonlyMap<string, string> | undefined;
  private readonly matchName: NameMatcher | null;
  /** each `file code → master code` padded match is reported once per file, not on every row */
  private readonly paddedReported = new Set<string>();
  /** the name last compared for each code: rows of one distributor mostly repeat it */
  private readonly lastName = new Map<string, string>();
  /** (code, name) mismatches already reported: once per file */
  private readonly namesReported = new Set<string>();
  private readonly distributorsSeen = new Map<string, { sheet: string; row: number }>();
  private positive = 0;
  private negative = 0;
  private firstPositive: IssuePlace | null = null;
  private firstNegative: IssuePlace | null = null;

  constructor(options: RuleOptions) {
    this.kind = options.kind;
    this.period = options.period;
    this.matchCode = options.kind !== 'distributors' && options.masterCodes !== null ? createCodeMatcher(options.masterCodes) : null;
    this.masterNames = options.masterNames;
    const names = options.masterNames;
    this.matchName = options.kind !== 'distributors' && options.masterCodes !== null && names ? createNameMatcher(names) : null;
  }

  /** Checks the row; may replace `distributor_code` with the master data code it was matched to. */
  check(v: FieldValues, at: RowContext): void {
    switch (this.kind) {
      case 'distributors':
        this.distributorOnce(v, at);
        return;
      case 'purchases':
        this.distributorCode(v, at);
        this.inPeriod(v, at);
        this.notNegative(v, at, 'amount');
        this.notNegative(v, at, 'quantity');
        return;
      case 'returns':
        this.distributorCode(v, at);
        this.inPeriod(v, at);
        this.returnSign(v, at);
        return;
      case 'promotions':
        this.distributorCode(v, at);
        this.rateOrTarget(v, at);
        return;
      case 'claims':
        this.distributorCode(v, at);
        return;
      case 'settlements':
        this.distributorCode(v, at);
        this.settlementDate(v, at);
        if (v.amount !== null && v.amount.startsWith('-')) at.warn('amount', 'import.settlement.reversal', { field: 'amount', value: v.amount });
        return;
      case 'balances':
        this.distributorCode(v, at);
        this.balanceOnce(v, at);
        return;
    }
  }

  /** One warning for the file when its return amounts have both signs, placed at the first row of the rarer sign. */
  mixedSigns(): MixedSigns | null {
    if (this.positive === 0 || this.negative === 0) return null;
    const example = this.negative <= this.positive ? this.firstNegative : this.firstPositive;
    return example ? { positive: this.positive, negative: this.negative, example } : null;
  }

  /** Rows whose distributor was found by name, and the distinct names (for the report). */
  readonly byName = { rows: 0, names: new Set<string>() };

  private distributorCode(v: FieldValues, at: RowContext): void {
    const code = v.distributor_code;
    if (!at.mapped('distributor_code')) {
      // The values object is reused from row to row: the code of the row before must not stay.
      v.distributor_code = null;
      this.distributorByName(v, at);
      return;
    }
    if (code === null || this.matchCode === null) return;
    const matched = this.matchCode(code);
    if (!matched.ok) {
      at.error('distributor_code', matched.key, matched.params);
      return;
    }
    v.distributor_code = matched.value;
    if (matched.warning && !this.paddedReported.has(code)) {
      this.paddedReported.add(code);
      at.warn('distributor_code', matched.warning.key, matched.warning.params);
    }
    this.nameMatches(matched.value, v.distributor_name, at);
  }

  private distributorByName(v: FieldValues, at: RowContext): void {
    const name = v.distributor_name;
    if (name === null || this.matchName === null) return;
    const matched = this.matchName(name);
    if (!matched.ok) {
      at.error('distributor_name', matched.key, matched.params);
      return;
    }
    v.distributor_code = matched.value;
    this.byName.rows++;
    this.byName.names.add(name);
  }

  private nameMatches(code: string, name: string | null, at: RowContext): void {
    const expected = name === null ? undefined : this.masterNames?.get(code);
    if (name === null || expected === undefined || this.lastName.get(code) === name) return;
    this.lastName.set(code, name);
    if (comparableName(name) === comparableName(expected)) return;
    const pair = `${code}\u0001${name}`;
    if (this.namesReported.has(pair)) return;
    this.namesReported.add(pair);
    at.warn('distributor_name', 'import.name.mismatch', { field: 'distributor_name', value: name, code, expected });
  }

  private inPeriod(v: FieldValues, at: RowContext): void {
    const { date } = v;
    if (date === null || this.period === null || date.startsWith(this.period)) return;
    at.error('date', 'import.date.outside_period', { field: 'date', value: date, period: this.period });
  }

  /** ledger.md: a use booked late (dated in an earlier period) is a warning, one dated later an error. */
  private settlementDate(v: FieldValues, at: RowContext): void {
    const { date } = v;
    if (date === null || this.period === null || date.startsWith(this.period)) return;
    const params = { field: 'date', value: date, period: this.period };
    if (date.slice(0, 7) > this.period) at.error('date', 'import.settlement.future', params);
    else at.warn('date', 'import.settlement.late', params);
  }

  private balanceOnce(v: FieldValues, at: RowContext): void {
    const code = v.distributor_code;
    if (code === null || at.failed('distributor_code')) return;
    const first = this.distributorsSeen.get(code);
    if (first) {
      at.error('distributor_code', 'import.balance.duplicate_in_file', { field: 'distributor_code', value: code, firstSheet: first.sheet, firstRow: first.row });
      return;
    }
    this.distributorsSeen.set(code, { sheet: at.sheet, row: at.row });
  }

  private notNegative(v: FieldValues, at: RowContext, field: 'amount' | 'quantity'): void {
    const value = v[field];
    if (value !== null && value.startsWith('-')) at.error(field, 'import.purchase.negative', { field, value });
  }

  private returnSign(v: FieldValues, at: RowContext): void {
    const { amount } = v;
    if (amount === null || amount === '0.00') return;
    if (amount.startsWith('-')) {
      this.negative++;
      this.firstNegative ??= at.place('amount');
    } else {
      this.positive++;
      this.firstPositive ??= at.place('amount');
    }
  }

  private rateOrTarget(v: FieldValues, at: RowContext): void {
    if (v.achievement_rate !== null || (v.target_amount !== null && v.actual_amount !== null)) return;
    // An unreadable rate, target or actual is reported already; the row needs no second message.
    if (at.failed('achievement_rate') || at.failed('target_amount') || at.failed('actual_amount')) return;
    const field: FieldName = at.mapped('achievement_rate') ? 'achievement_rate' : v.target_amount === null ? 'target_amount' : 'actual_amount';
    at.error(field, 'import.promotion.rate_or_target', {});
  }

  private distributorOnce(v: FieldValues, at: RowContext): void {
    const { code } = v;
    if (code === null) return;
    const first = this.distributorsSeen.get(code);
    if (first) {
      at.error('code', 'import.distributor.duplicate_in_file', { field: 'code', value: code, firstSheet: first.sheet, firstRow: first.row });
      return;
    }
    this.distributorsSeen.set(code, { sheet: at.sheet, row: at.row });
  }
}
