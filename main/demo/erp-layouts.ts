/**
 * The export layouts of the ERPs Chinese finance teams get their purchase (sales-out) lines from,
 * as those products write them: title rows, report-condition rows, column names, documents on one
 * or several lines, subtotal and totals rows. Used by the demo month (two purchase workbooks) and by
 * the tests that import each with no manual mapping. Plain data out (`ErpSheet`), written by
 * `writeErpWorkbook`; nothing here decides how an import reads them.
 *
 * Where each comes from (see docs/erp-layouts.md):
 * - 华夏ERP (jshERP) 客户单据明细: its source (DepotHeadService.debtExport): a sheet 单据列表 with
 *   客户对账列表's columns and a sheet 单据明细 with 客户单据明细's, a title row with the date range,
 *   every value written as text, the customer by name only.
 * - 用友 U8 销售统计表, 金蝶 K3 销售出库序时簿: the column names reported in issue 18 (本币无税金额,
 *   本币价税合计, 发货单号, 合计; 购货单位, 产品代码, 实发数量, 销售金额), completed with the columns those
 *   reports usually carry.
 * - 用友 U8 发货单列表, 用友 T+ 销货单明细表, 金蝶 KIS/精斗云 销货单, 金蝶云星空 销售出库单, 管家婆 销售单明细:
 *   the column names those products use in their list and report screens (manuals, user forums).
 */
import Decimal from 'decimal.js';
import { demoWorkbookWriter } from './workbook-writer';
import { CalcDecimal } from '../../domain/exact';
import { periodEndDate } from '../../domain/period';

export type ErpCell = string | number | Date | null;

/** One line of a sales-out document; `cents` is the tax-inclusive line amount. */
export interface ErpLine {
  doc: string;
  line: number;
  /** YYYY-MM-DD */
  date: string;
  code: string;
  name: string;
  sku: string;
  skuName: string;
  qty: number;
  cents: number;
}

export interface ErpSheet {
  name: string;
  rows: ErpCell[][];
  /** 1-based [top, left, bottom, right] */
  merges: [number, number, number, number][];
}

export const ERP_LAYOUT_IDS = ['u8-delivery-list', 'u8-sales-stats', 'tplus-sales-detail', 'k3-outstock-journal', 'kis-jdy-sales', 'k3cloud-outstock', 'jsh-customer-detail', 'gjp-sales-detail'] as const;
export type ErpLayoutId = (typeof ERP_LAYOUT_IDS)[number];

export interface ErpLayout {
  id: ErpLayoutId;
  product: string;
  report: string;
  /** what the import has to infer to read it */
  traits: string;
  sheets(lines: readonly ErpLine[], period: string): ErpSheet[];
}

const D = CalcDecimal;
const VAT = new D('1.13');

const yuan = (cents: number): number => new D(cents).div(100).toNumber();
const yuanText = (cents: number): string => new D(cents).div(100).toFixed(2);
const net = (cents: number): number => new D(cents).div(VAT).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
const unit = (cents: number, qty: number): number => new D(cents).div(100).div(qty).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber();
const date = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const sum = (lines: readonly ErpLine[], f: (l: ErpLine) => number): number => lines.reduce((s, l) => s + f(l), 0);

function range(period: string): [string, string] {
  return [`${period}-01`, periodEndDate(period)];
}

/** The lines grouped by document, in order. */
function documents(lines: readonly ErpLine[]): ErpLine[][] {
  const docs: ErpLine[][] = [];
  let current: ErpLine[] | null = null;
  for (const l of lines) {
    if (!current || current[0]?.doc !== l.doc) docs.push((current = []));
    current.push(l);
  }
  return docs;
}

function titled(name: string, title: string, width: number, rest: ErpCell[][]): ErpSheet {
  return { name, rows: [[title], ...rest], merges: [[1, 1, 1, width]] };
}

/** 用友 U8 销售管理 → 发货单列表: every line repeats its document; 记录总数 under the title; a 合计 row. */
const u8DeliveryList: ErpLayout = {
  id: 'u8-delivery-list',
  product: '用友 U8',
  report: '销售发货单列表',
  traits: '标题行与记录数行；每行重复单据字段；价税合计为金额；合计行',
  sheets(lines) {
    const header = ['发货单号', '发货日期', '业务类型', '销售类型', '客户编码', '客户简称', '销售部门', '业务员', '仓库', '行号', '存货编码', '存货名称', '规格型号', '主计量', '数量', '含税单价', '无税单价', '无税金额', '税额', '价税合计', '税率（%）'];
    const rows: ErpCell[][] = [[`记录总数：${lines.length}`], header];
    for (const l of lines) {
      const n = net(l.cents);
      rows.push([l.doc, date(l.date), '普通销售', '批发', l.code, l.name.slice(0, 6), '销售部', '张敏', '成品库', l.line, l.sku, l.skuName, '', '箱', l.qty, unit(l.cents, l.qty), unit(n, l.qty), yuan(n), yuan(l.cents - n), yuan(l.cents), 13]);
    }
    const total = sum(lines, (l) => l.cents);
    const totalNet = sum(lines, (l) => net(l.cents));
    rows.push(['合计', null, null, null, null, null, null, null, null, null, null, null, null, null, sum(lines, (l) => l.qty), null, null, yuan(totalNet), yuan(total - totalNet), yuan(total), null]);
    return [titled('发货单列表', '发货单列表', header.length, rows)];
  },
};

/** 用友 U8 销售管理 → 统计表 → 销售统计表: 本币/原币 columns, grouped by customer with 小计 rows, a 合计 row. */
const u8SalesStats: ErpLayout = {
  id: 'u8-sales-stats',
  product: '用友 U8',
  report: '销售统计表',
  traits: '标题与查询条件行；“本币”“原币”限定的金额列（本币价税合计优先）；按客户小计；合计行',
  sheets(lines, period) {
    const [from, to] = range(period);
    const header = ['部门', '客户编码', '客户名称', '发货单号', '发货日期', '存货编码', '存货名称', '数量', '本币无税单价', '本币无税金额', '本币税额', '本币价税合计', '原币价税合计'];
    const rows: ErpCell[][] = [[`日期：${from} 至 ${to}\u3000\u3000币种：人民币`], [], header];
    const byCustomer = new Map<string, ErpLine[]>();
    for (const l of lines) byCustomer.set(l.code, [...(byCustomer.get(l.code) ?? []), l]);
    const line = (label: string | null, ls: readonly ErpLine[]): ErpCell[] => {
      const c = sum(ls, (l) => l.cents);
      const n = sum(ls, (l) => net(l.cents));
      return [label, null, null, null, null, null, null, sum(ls, (l) => l.qty), null, yuan(n), yuan(c - n), yuan(c), yuan(c)];
    };
    for (const group of byCustomer.values()) {
      for (const l of group) {
        const n = net(l.cents);
        rows.push(['销售部', l.code, l.name, l.doc, l.date, l.sku, l.skuName, l.qty, unit(n, l.qty), yuan(n), yuan(l.cents - n), yuan(l.cents), yuan(l.cents)]);
      }
      rows.push(line('小计', group));
    }
    rows.push(line('合计', lines));
    return [titled('销售统计表', '销售统计表', header.length, rows)];
  },
};

/** 用友 T+ 销货单明细表: 客户编码 and 客户; 金额 (tax-exclusive) and 含税金额; a 合计 row. */
const tplusSalesDetail: ErpLayout = {
  id: 'tplus-sales-detail',
  product: '用友 T+',
  report: '销货单明细表',
  traits: '标题与期间行；金额（无税）与含税金额并列（含税金额优先）；合计行',
  sheets(lines, period) {
    const [from, to] = range(period);
    const header = ['单据日期', '单据编号', '客户编码', '客户', '部门', '业务员', '仓库', '存货编码', '存货名称', '规格型号', '计量单位', '数量', '单价', '含税单价', '金额', '税额', '含税金额', '备注'];
    const rows: ErpCell[][] = [[`期间：${from} 至 ${to}`], header];
    for (const l of lines) {
      const n = net(l.cents);
      rows.push([date(l.date), l.doc, l.code, l.name, '销售一部', '李娜', '总仓', l.sku, l.skuName, '', '箱', l.qty, unit(n, l.qty), unit(l.cents, l.qty), yuan(n), yuan(l.cents - n), yuan(l.cents), '']);
    }
    const total = sum(lines, (l) => l.cents);
    const totalNet = sum(lines, (l) => net(l.cents));
    rows.push(['合计', null, null, null, null, null, null, null, null, null, null, sum(lines, (l) => l.qty), null, null, yuan(totalNet), yuan(total - totalNet), yuan(total), null]);
    return [titled('销货单明细表', '销货单明细表', header.length, rows)];
  },
};

/** 金蝶 K3 WISE 供应链 → 销售出库 → 序时簿: the customer as 购货单位 (name only), 产品代码, 实发数量, 销售金额. */
const k3OutstockJournal: ErpLayout = {
  id: 'k3-outstock-journal',
  product: '金蝶 K3 WISE',
  report: '销售出库序时簿',
  traits: '只有购货单位名称，没有客户编码（按名称匹配经销商）；金额只有销售金额一列',
  sheets(lines) {
    const header = ['审核标志', '日期', '单据编号', '购货单位', '发货仓库', '产品代码', '产品名称', '规格型号', '单位', '实发数量', '销售单价', '销售金额', '摘要', '制单', '审核人'];
    const rows: ErpCell[][] = [header];
    for (const l of lines) rows.push(['Y', date(l.date), l.doc, l.name, '成品仓', l.sku, l.skuName, '', '箱', l.qty, unit(l.cents, l.qty), yuan(l.cents), '', '王芳', '赵强']);
    rows.push(['合计', null, null, null, null, null, null, null, null, sum(lines, (l) => l.qty), null, yuan(sum(lines, (l) => l.cents)), null, null, null]);
    return [{ name: '销售出库序时簿', rows, merges: [] }];
  },
};

/** 金蝶 KIS / 精斗云 销货单 export: the document's fields on its first line only. */
const kisJdySales: ErpLayout = {
  id: 'kis-jdy-sales',
  product: '金蝶 KIS / 精斗云',
  report: '销货单（引出）',
  traits: '单据编号、日期、客户只写在单据首行，续行留空（按首行补齐）；金额与价税合计（价税合计优先）',
  sheets(lines) {
    const header = ['单据日期', '单据编号', '客户编码', '客户名称', '销售人员', '序号', '商品编码', '商品名称', '规格型号', '单位', '数量', '单价', '含税单价', '金额', '税额', '价税合计', '备注'];
    const rows: ErpCell[][] = [header];
    for (const doc of documents(lines)) {
      doc.forEach((l, i) => {
        const n = net(l.cents);
        const head: ErpCell[] = i === 0 ? [date(l.date), l.doc, l.code, l.name, '陈刚'] : [null, null, null, null, null];
        rows.push([...head, l.line, l.sku, l.skuName, '', '箱', l.qty, unit(n, l.qty), unit(l.cents, l.qty), yuan(n), yuan(l.cents - n), yuan(l.cents), '']);
      });
    }
    return [{ name: '销货单', rows, merges: [] }];
  },
};

/**
 * 金蝶云星空 销售出库单 引出: a row of field keys above the names, the bill head's fields (the bill's
 * 价税合计 among them) on its first entry only, the entries' own 价税合计 to the right.
 */
const k3cloudOutstock: ErpLayout = {
  id: 'k3cloud-outstock',
  product: '金蝶云星空',
  report: '销售出库单（引出）',
  traits: '首行为字段标识；单据头字段只写在首条分录；单据头与分录都有“价税合计”（取各行不同的分录列）',
  sheets(lines) {
    const keys = ['FBillNo', 'FDate', 'FCustomerID', 'FCustomerID#Name', 'FStockOrgId', 'FBillAllAmount', 'FMaterialID', 'FMaterialName', 'FUnitID', 'FRealQty', 'FTaxPrice', 'FAmount', 'FAllAmount'];
    const header = ['单据编号', '日期', '客户编码', '客户名称', '库存组织', '价税合计(本位币)', '物料编码', '物料名称', '库存单位', '实发数量', '含税单价', '金额', '价税合计'];
    const rows: ErpCell[][] = [keys, header];
    for (const doc of documents(lines)) {
      const billTotal = sum(doc, (l) => l.cents);
      doc.forEach((l, i) => {
        const head: ErpCell[] = i === 0 ? [l.doc, l.date, l.code, l.name, '华东销售公司', yuan(billTotal)] : [null, null, null, null, null, null];
        rows.push([...head, l.sku, l.skuName, '箱', l.qty, unit(l.cents, l.qty), yuan(net(l.cents)), yuan(l.cents)]);
      });
    }
    return [{ name: '销售出库单', rows, merges: [] }];
  },
};

/** 华夏ERP (jshERP) 销售出库 → 客户对账 → 导出: 单据列表 and 单据明细, all text, the customer by name. */
const jshCustomerDetail: ErpLayout = {
  id: 'jsh-customer-detail',
  product: '华夏ERP（jshERP）',
  report: '客户对账导出（客户单据明细）',
  traits: '两张表：单据列表（整单，无明细金额，跳过）与单据明细；只有客户名称（按名称匹配经销商）；金额与价税合计（价税合计优先）；数值均为文本；需先另存为 .xlsx（原文件为 .xls）',
  sheets(lines, period) {
    const [from, to] = range(period);
    const listHeader = ['客户', '单据编号', '关联单据', '商品信息', '单据日期', '操作员', '单据金额', '本单欠款', '已收欠款', '待收欠款', '备注'];
    const list: ErpCell[][] = [listHeader];
    for (const doc of documents(lines)) {
      const first = doc[0];
      if (!first) continue;
      const total = yuanText(sum(doc, (l) => l.cents));
      list.push([first.name, first.doc, '', doc.map((l) => l.skuName).join(','), `${first.date} 10:15:00`, '管理员', total, total, '0.00', total, '']);
    }
    const header = ['客户', '单据编号', '单据日期', '仓库名称', '条码', '名称', '规格', '型号', '颜色', '品牌', '制造商', '自定义1', '自定义2', '自定义3', '单位', '序列号', '批号', '有效期', '多属性', '数量', '单价', '金额', '税率(%)', '税额', '价税合计', '重量', '备注'];
    const detail: ErpCell[][] = [header];
    for (const l of lines) {
      const n = net(l.cents);
      detail.push([l.name, l.doc, `${l.date} 10:15:00`, '总仓', l.sku, l.skuName, '', '', '', '', '', '', '', '', '箱', '', '', '', '', `${l.qty}.00`, unit(n, l.qty).toFixed(2), yuanText(n), '13.00', yuanText(l.cents - n), yuanText(l.cents), '0.00', '']);
    }
    return [titled('单据列表', `客户对账列表（${from}至${to}）`, listHeader.length, list), titled('单据明细', `客户单据明细（${from}至${to}）`, header.length, detail)];
  },
};

/** 管家婆 销售单明细表: 往来单位 (name only), 商品编号/商品全名, 金额 and 价税合计, a 合计 row. */
const gjpSalesDetail: ErpLayout = {
  id: 'gjp-sales-detail',
  product: '管家婆',
  report: '销售单明细表',
  traits: '标题与查询条件行；只有往来单位名称（按名称匹配经销商）；金额与价税合计（价税合计优先）；合计行',
  sheets(lines, period) {
    const [from, to] = range(period);
    const header = ['日期', '单据编号', '单据类型', '往来单位', '经手人', '仓库', '商品编号', '商品全名', '规格', '单位', '数量', '单价', '金额', '税率', '税额', '含税单价', '价税合计', '备注'];
    const rows: ErpCell[][] = [[`查询条件：${from} 至 ${to}\u3000全部往来单位`], header];
    for (const l of lines) {
      const n = net(l.cents);
      rows.push([l.date, l.doc, '销售单', l.name, '周杰', '主仓库', l.sku, l.skuName, '', '箱', l.qty, unit(n, l.qty), yuan(n), 0.13, yuan(l.cents - n), unit(l.cents, l.qty), yuan(l.cents), '']);
    }
    const total = sum(lines, (l) => l.cents);
    const totalNet = sum(lines, (l) => net(l.cents));
    rows.push(['合计', null, null, null, null, null, null, null, null, null, sum(lines, (l) => l.qty), null, yuan(totalNet), null, yuan(total - totalNet), null, yuan(total), null]);
    return [titled('销售单明细表', '销售单明细表', header.length, rows)];
  },
};

export const ERP_LAYOUTS: Readonly<Record<ErpLayoutId, ErpLayout>> = {
  'u8-delivery-list': u8DeliveryList,
  'u8-sales-stats': u8SalesStats,
  'tplus-sales-detail': tplusSalesDetail,
  'k3-outstock-journal': k3OutstockJournal,
  'kis-jdy-sales': kisJdySales,
  'k3cloud-outstock': k3cloudOutstock,
  'jsh-customer-detail': jshCustomerDetail,
  'gjp-sales-detail': gjpSalesDetail,
};

/** Writes the sheets as an .xlsx (streaming, as the demo's other workbooks). */
export async function writeErpWorkbook(file: string, sheets: readonly ErpSheet[]): Promise<void> {
  const wb = demoWorkbookWriter(file);
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    const width = s.rows.reduce((w, r) => Math.max(w, r.length), 1);
    ws.columns = Array.from({ length: width }, () => ({ width: 14 }));
    for (const [t, l, b, r] of s.merges) ws.mergeCells(t, l, b, r);
    for (const r of s.rows) ws.addRow(r).commit();
    ws.commit();
  }
  await wb.commit();
}
