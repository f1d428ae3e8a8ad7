/**
 * How each kind's file is recognised: which header texts name each field (synonyms, in priority
 * order) and which fields must be present. The kinds, their fields and labels are the kernel's (domain/kinds.ts).
 */
import { KIND_LABELS, type FieldName, type Kind, type Labels } from '../../domain';

export { FIELDS, KINDS, fieldLabel, isFieldName, isKind, kindHasField, kindLabel } from '../../domain';
export type { FieldDef, FieldName, FieldType, Kind, Labels } from '../../domain';

export type KindField = {
  readonly field: FieldName;
  /** required in every file of the kind (promotions' either/or rule is in `requiredSets`) */
  readonly required: boolean;
  /** in priority order: when two columns match one field, the earlier synonym wins */
  readonly synonyms: readonly string[];
};

export type KindDef = {
  readonly kind: Kind;
  readonly label: Labels;
  readonly fields: readonly KindField[];
  /** the header is recognised when every field of at least one of these sets has a column */
  readonly requiredSets: readonly (readonly FieldName[])[];
};

const CODE_SYNONYMS = [
  ...['经销商编码', '经销商代码', '经销商编号', '客户编码', '客户代码', '客户编号', '购货单位编码', '购货单位代码', '往来单位编码'],
  ...['distributor code', 'customer code', 'dealer code', 'code'],
];
const NAME_SYNONYMS = ['经销商名称', '客户名称', '经销商', '客户', '购货单位', '往来单位', '客户全称', 'distributor name', 'customer name', 'name'];

const PURCHASE_SYNONYMS = {
  doc_no: ['单据编号', '单据号', '单号', '订单号', '订单编号', '出库单号', '发货单号', '销售单号', '销售出库单号', '发票号码', 'doc no', 'document no', 'order no', 'invoice no'],
  line_no: ['行号', '序号', 'line', 'line no'],
  date: ['单据日期', '日期', '业务日期', '订单日期', '发货日期', '出库日期', 'date', 'doc date', 'order date'],
  sku_code: ['存货编码', '存货代码', '物料编码', '物料代码', '产品编码', '产品代码', '商品编码', '货品编码', 'sku', 'item code', 'product code'],
  sku_name: ['存货名称', '物料名称', '产品名称', '商品名称', '货品名称', 'item name', 'product name'],
  quantity: ['数量', '进货数量', '实发数量', '发货数量', '出库数量', '销售数量', 'qty', 'quantity'],
  unit_price: ['单价', '含税单价', 'unit price', 'price'],
  // Tax-inclusive synonyms first: they win when several columns match (see header-match.ts).
  amount: ['价税合计', '含税金额', '含税销售额', '金额', '进货金额', '销售金额', '销售额', 'amount', 'total amount', 'total'],
} as const;

type LineSynonyms = Readonly<Record<keyof typeof PURCHASE_SYNONYMS, readonly string[]>>;

function lineFields(synonyms: LineSynonyms): KindField[] {
  return [
    { field: 'doc_no', required: true, synonyms: synonyms.doc_no },
    { field: 'line_no', required: false, synonyms: synonyms.line_no },
    { field: 'date', required: true, synonyms: synonyms.date },
    { field: 'distributor_code', required: true, synonyms: CODE_SYNONYMS },
    { field: 'distributor_name', required: false, synonyms: NAME_SYNONYMS },
    { field: 'sku_code', required: false, synonyms: synonyms.sku_code },
    { field: 'sku_name', required: false, synonyms: synonyms.sku_name },
    { field: 'quantity', required: false, synonyms: synonyms.quantity },
    { field: 'unit_price', required: false, synonyms: synonyms.unit_price },
    { field: 'amount', required: true, synonyms: synonyms.amount },
  ];
}

const ORIGINAL_DOC_SYNONYMS = ['原单号', '原单据号', '源单号', '原订单号', '原出库单号', 'original doc no'];

const RETURN_SYNONYMS: LineSynonyms = {
  ...PURCHASE_SYNONYMS,
  doc_no: [...PURCHASE_SYNONYMS.doc_no, '退货单号'],
  date: [...PURCHASE_SYNONYMS.date, '退货日期'],
  quantity: [...PURCHASE_SYNONYMS.quantity, '退货数量'],
  amount: [...PURCHASE_SYNONYMS.amount, '退货金额'],
};

/**
 * Headers that only a returns file has. A returns file is a purchases file plus these, so without
 * them a sheet is proposed as purchases (`备注`, also a `reason` synonym, is common in purchase files).
 */
const SETTLEMENT_AMOUNT_SYNONYMS = ['兑付金额', '使用金额', '核销金额', '抵扣金额', '返利使用金额', '金额', 'amount'];
const SETTLEMENT_METHOD_SYNONYMS = ['兑付方式', '使用方式', '核销方式', '方式', 'method'];

/** Headers that only a settlements file has: with one of them a sheet is proposed as settlements, not purchases. */
export const SETTLEMENT_EVIDENCE: readonly string[] = ['兑付单号', '核销单号', '兑付日期', '核销日期', '兑付金额', '使用金额', '核销金额', '抵扣金额', '返利使用金额', ...SETTLEMENT_METHOD_SYNONYMS];

export const RETURN_EVIDENCE: readonly string[] = ['退货单号', '退货日期', '退货数量', '退货金额', '退货原因', ...ORIGINAL_DOC_SYNONYMS];

/**
 * A required set with the distributor's code, and the same set with its name instead (data.md
 * "Distributor by name": 华夏ERP's `客户`, 金蝶 K3's `购货单位` — the row's distributor is then found by
 * its name in master data). The code set comes first, so a header lacking both asks for the code.
 */
function byCodeOrName(set: readonly FieldName[]): FieldName[][] {
  return [[...set], set.map((f) => (f === 'distributor_code' ? 'distributor_name' : f))];
}

export const KIND_DEFS: Readonly<Record<Kind, KindDef>> = {
  distributors: {
    kind: 'distributors',
    label: KIND_LABELS.distributors,
    fields: [
      { field: 'code', required: true, synonyms: CODE_SYNONYMS },
      { field: 'name', required: true, synonyms: NAME_SYNONYMS },
      { field: 'region', required: true, synonyms: ['大区', '区域', '销售大区', '所属大区', 'region'] },
      { field: 'province', required: false, synonyms: ['省份', '省', '所属省份', 'province'] },
      { field: 'city', required: false, synonyms: ['城市', '市', 'city'] },
      { field: 'grade', required: true, synonyms: ['等级', '经销商等级', '客户等级', '级别', 'grade', 'tier', 'level'] },
      { field: 'status', required: false, synonyms: ['状态', '启用状态', 'status'] },
    ],
    requiredSets: [['code', 'name', 'region', 'grade']],
  },
  purchases: {
    kind: 'purchases',
    label: KIND_LABELS.purchases,
    fields: lineFields(PURCHASE_SYNONYMS),
    requiredSets: byCodeOrName(['doc_no', 'date', 'distributor_code', 'amount']),
  },
  returns: {
    kind: 'returns',
    label: KIND_LABELS.returns,
    fields: [
      ...lineFields(RETURN_SYNONYMS),
      { field: 'original_doc_no', required: false, synonyms: ORIGINAL_DOC_SYNONYMS },
      { field: 'reason', required: false, synonyms: ['退货原因', '原因', '备注', 'reason', 'remark'] },
    ],
    requiredSets: byCodeOrName(['doc_no', 'date', 'distributor_code', 'amount']),
  },
  promotions: {
    kind: 'promotions',
    label: KIND_LABELS.promotions,
    fields: [
      { field: 'distributor_code', required: true, synonyms: CODE_SYNONYMS },
      { field: 'distributor_name', required: false, synonyms: NAME_SYNONYMS },
      { field: 'promotion_code', required: false, synonyms: ['活动编码', '活动编号', '促销编码', '促销活动编号', '活动代码', 'promotion code'] },
      { field: 'promotion_name', required: false, synonyms: ['活动名称', '促销名称', '促销活动', 'promotion name', 'promotion'] },
      { field: 'target_amount', required: false, synonyms: ['目标金额', '目标', '任务额', '任务金额', '目标销售额', 'target'] },
      { field: 'actual_amount', required: false, synonyms: ['达成金额', '实际金额', '完成金额', '实际销售额', '实际', 'actual'] },
      { field: 'achievement_rate', required: false, synonyms: ['达成率', '完成率', '促销达成率', 'achievement rate', 'achievement'] },
    ],
    requiredSets: [...byCodeOrName(['distributor_code', 'achievement_rate']), ...byCodeOrName(['distributor_code', 'target_amount', 'actual_amount'])],
  },
  claims: {
    kind: 'claims',
    label: KIND_LABELS.claims,
    fields: [
      { field: 'distributor_code', required: true, synonyms: CODE_SYNONYMS },
      { field: 'distributor_name', required: false, synonyms: NAME_SYNONYMS },
      { field: 'claimed_rebate', required: true, synonyms: ['申报返利', '申报金额', '经销商申报返利', '确认返利', '返利金额', 'claimed rebate', 'claimed amount'] },
    ],
    requiredSets: byCodeOrName(['distributor_code', 'claimed_rebate']),
  },
  settlements: {
    kind: 'settlements',
    label: { 'zh-CN': '返利兑付明细', en: 'settlements' },
    fields: [
      { field: 'doc_no', required: true, synonyms: ['单据编号', '单据号', '兑付单号', '核销单号', '发票号', '凭证号', 'doc no', 'document no'] },
      { field: 'line_no', required: false, synonyms: ['行号', '序号', 'line', 'line no'] },
      { field: 'date', required: true, synonyms: ['日期', '兑付日期', '核销日期', '单据日期', 'date'] },
      { field: 'distributor_code', required: true, synonyms: CODE_SYNONYMS },
      { field: 'distributor_name', required: false, synonyms: NAME_SYNONYMS },
      { field: 'amount', required: true, synonyms: SETTLEMENT_AMOUNT_SYNONYMS },
      { field: 'method', required: false, synonyms: SETTLEMENT_METHOD_SYNONYMS },
      { field: 'note', required: false, synonyms: ['备注', '说明', 'note', 'remark'] },
    ],
    requiredSets: byCodeOrName(['doc_no', 'date', 'distributor_code', 'amount']),
  },
  balances: {
    kind: 'balances',
    label: { 'zh-CN': '返利期初余额', en: 'opening balances' },
    fields: [
      { field: 'distributor_code', required: true, synonyms: CODE_SYNONYMS },
      { field: 'distributor_name', required: false, synonyms: NAME_SYNONYMS },
      { field: 'opening_balance', required: true, synonyms: ['期初余额', '返利余额', '期初返利余额', '余额', 'opening balance', 'balance'] },
    ],
    requiredSets: [['distributor_code', 'opening_balance']],
  },
};

/** ledger.md's settlement methods: the words a file may use (case-insensitive) → the canonical key. */
export const SETTLEMENT_METHODS = ['invoice', 'goods', 'offset', 'cash'] as const;
export type SettlementMethod = (typeof SETTLEMENT_METHODS)[number];
export const METHOD_WORDS: Readonly<Record<string, SettlementMethod>> = {
  票折: 'invoice',
  invoice: 'invoice',
  货补: 'goods',
  goods: 'goods',
  冲应收: 'offset',
  offset: 'offset',
  现金: 'cash',
  cash: 'cash',
};
