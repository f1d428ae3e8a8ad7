/**
 * The kinds of data the desk holds and their fields, as data.md defines them: canonical field
 * names, how each value is read, the zh-CN / en labels and each kind's field list in file order.
 * Import-only knowledge (header synonyms, required sets) lives in main/import/kinds.ts on top of this.
 *
 * Extending: a new kind is one entry in `KINDS`, `KIND_LABELS` and `KIND_FIELDS` (and its new
 * fields in `FIELDS`); the compiler then points at every table that needs it.
 */
import type { Lang, Labels } from './lang';

export const KINDS = ['distributors', 'purchases', 'returns', 'promotions', 'claims', 'settlements', 'balances'] as const;
export type Kind = (typeof KINDS)[number];

/** Kinds whose rows belong to a period (master data does not). */
export const PERIOD_KINDS = ['purchases', 'returns', 'promotions', 'claims'] as const satisfies readonly Kind[];
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Kinds made of document lines with amounts and quantities (summed into purchase / returns). */
export const LINE_KINDS = ['purchases', 'returns'] as const satisfies readonly Kind[];
export type LineKind = (typeof LINE_KINDS)[number];

/** How a field's cells are read. `decimal` is a plain exact decimal (unit price). */
export type FieldType = 'money' | 'rate' | 'date' | 'code' | 'quantity' | 'decimal' | 'text' | 'status' | 'method';

export type FieldDef = {
  readonly type: FieldType;
  readonly label: Labels;
};

export const FIELDS = {
  code: { type: 'code', label: { 'zh-CN': '经销商编码', en: 'Distributor code' } },
  name: { type: 'text', label: { 'zh-CN': '经销商名称', en: 'Distributor name' } },
  region: { type: 'text', label: { 'zh-CN': '大区', en: 'Region' } },
  province: { type: 'text', label: { 'zh-CN': '省份', en: 'Province' } },
  city: { type: 'text', label: { 'zh-CN': '城市', en: 'City' } },
  grade: { type: 'text', label: { 'zh-CN': '等级', en: 'Grade' } },
  status: { type: 'status', label: { 'zh-CN': '状态', en: 'Status' } },
  doc_no: { type: 'code', label: { 'zh-CN': '单据编号', en: 'Document no.' } },
  line_no: { type: 'code', label: { 'zh-CN': '行号', en: 'Line no.' } },
  date: { type: 'date', label: { 'zh-CN': '单据日期', en: 'Date' } },
  distributor_code: { type: 'code', label: { 'zh-CN': '经销商编码', en: 'Distributor code' } },
  distributor_name: { type: 'text', label: { 'zh-CN': '经销商名称', en: 'Distributor name' } },
  sku_code: { type: 'code', label: { 'zh-CN': '存货编码', en: 'SKU code' } },
  sku_name: { type: 'text', label: { 'zh-CN': '存货名称', en: 'SKU name' } },
  quantity: { type: 'quantity', label: { 'zh-CN': '数量', en: 'Quantity' } },
  unit_price: { type: 'decimal', label: { 'zh-CN': '单价', en: 'Unit price' } },
  amount: { type: 'money', label: { 'zh-CN': '金额', en: 'Amount' } },
  original_doc_no: { type: 'code', label: { 'zh-CN': '原单号', en: 'Original document no.' } },
  reason: { type: 'text', label: { 'zh-CN': '退货原因', en: 'Reason' } },
  promotion_code: { type: 'code', label: { 'zh-CN': '活动编码', en: 'Promotion code' } },
  promotion_name: { type: 'text', label: { 'zh-CN': '活动名称', en: 'Promotion name' } },
  target_amount: { type: 'money', label: { 'zh-CN': '目标金额', en: 'Target amount' } },
  actual_amount: { type: 'money', label: { 'zh-CN': '达成金额', en: 'Actual amount' } },
  achievement_rate: { type: 'rate', label: { 'zh-CN': '达成率', en: 'Achievement rate' } },
  claimed_rebate: { type: 'money', label: { 'zh-CN': '申报返利', en: 'Claimed rebate' } },
  method: { type: 'method', label: { 'zh-CN': '兑付方式', en: 'Method' } },
  note: { type: 'text', label: { 'zh-CN': '备注', en: 'Note' } },
  opening_balance: { type: 'money', label: { 'zh-CN': '期初余额', en: 'Opening balance' } },
} as const satisfies Record<string, FieldDef>;

export type FieldName = keyof typeof FIELDS;

export const KIND_LABELS: Readonly<Record<Kind, Labels>> = {
  distributors: { 'zh-CN': '经销商档案', en: 'distributors' },
  purchases: { 'zh-CN': '进货明细', en: 'purchases' },
  returns: { 'zh-CN': '退货明细', en: 'returns' },
  promotions: { 'zh-CN': '促销达成', en: 'promotions' },
  claims: { 'zh-CN': '经销商申报', en: 'claims' },
  settlements: { 'zh-CN': '返利兑付明细', en: 'settlements' },
  balances: { 'zh-CN': '返利期初余额', en: 'opening balances' },
};

const LINE_FIELDS = ['doc_no', 'line_no', 'date', 'distributor_code', 'distributor_name', 'sku_code', 'sku_name', 'quantity', 'unit_price', 'amount'] as const;

/** Each kind's fields in the order a file usually has them. */
export const KIND_FIELDS: Readonly<Record<Kind, readonly FieldName[]>> = {
  distributors: ['code', 'name', 'region', 'province', 'city', 'grade', 'status'],
  purchases: LINE_FIELDS,
  returns: [...LINE_FIELDS, 'original_doc_no', 'reason'],
  // distributor_name: found by name where a file has no code column (data.md "Distributor by name")
  promotions: ['distributor_code', 'distributor_name', 'promotion_code', 'promotion_name', 'target_amount', 'actual_amount', 'achievement_rate'],
  claims: ['distributor_code', 'distributor_name', 'claimed_rebate'],
  settlements: ['doc_no', 'line_no', 'date', 'distributor_code', 'distributor_name', 'amount', 'method', 'note'],
  balances: ['distributor_code', 'distributor_name', 'opening_balance'],
};

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

export function isPeriodKind(value: string): value is PeriodKind {
  return (PERIOD_KINDS as readonly string[]).includes(value);
}

export function isFieldName(value: string): value is FieldName {
  return Object.prototype.hasOwnProperty.call(FIELDS, value);
}

export function kindHasField(kind: Kind, field: FieldName): boolean {
  return KIND_FIELDS[kind].includes(field);
}

export function fieldLabel(field: FieldName, lang: Lang): string {
  return FIELDS[field].label[lang];
}

export function kindLabel(kind: Kind, lang: Lang): string {
  return KIND_LABELS[kind][lang];
}
