import type { Lang } from '../../contract/roles';
import type { LedgerCheck } from '../../contract/ops/ledger';

/** The ledger's words on exports (ledger workbook, statements' ledger section). */
export interface LedgerLabels {
  sheet: string;
  title: string;
  provisional: string;
  columns: { code: string; name: string; region: string; grade: string; opening: string; accrued: string; used: string; invoice: string; goods: string; offset: string; cash: string; adjusted: string; closing: string; findings: string };
  total: string;
  check: Record<LedgerCheck, string>;
  findingsSheet: string;
  detail: string;
  statement: { section: string; pending: string };
}

const zh: LedgerLabels = {
  sheet: '返利台账',
  title: '返利台账 {period}',
  provisional: '本期批次尚未审批通过：本期计提为 0，台账为临时数，审批后更新。',
  columns: { code: '经销商编码', name: '经销商名称', region: '大区', grade: '等级', opening: '期初余额（元）', accrued: '本期计提（元）', used: '本期兑付（元）', invoice: '其中：票折', goods: '其中：货补', offset: '其中：冲应收', cash: '其中：现金', adjusted: '本期调整（元）', closing: '期末余额（元）', findings: '提示' },
  total: '合计',
  check: { overdrawn: '返利透支', dormant_balance: '余额长期未使用' },
  findingsSheet: '提示',
  detail: '说明',
  statement: { section: '返利余额', pending: '本期返利尚未审批，返利余额将在审批通过后更新。' },
};

const en: LedgerLabels = {
  sheet: 'Rebate ledger',
  title: 'Rebate ledger {period}',
  provisional: "This period's batch is not approved yet: nothing accrues and the ledger is provisional until approval.",
  columns: { code: 'Code', name: 'Name', region: 'Region', grade: 'Grade', opening: 'Opening (CNY)', accrued: 'Accrued (CNY)', used: 'Used (CNY)', invoice: 'of which invoice', goods: 'of which goods', offset: 'of which offset', cash: 'of which cash', adjusted: 'Adjusted (CNY)', closing: 'Closing (CNY)', findings: 'Findings' },
  total: 'Total',
  check: { overdrawn: 'Overdrawn', dormant_balance: 'Dormant balance' },
  findingsSheet: 'Findings',
  detail: 'Detail',
  statement: { section: 'Rebate balance', pending: "This period's rebate is not approved yet; the balance is updated after approval." },
};

export function ledgerLabels(lang: Lang): LedgerLabels {
  return lang === 'zh-CN' ? zh : en;
}
