import { demoWorkbookWriter } from './workbook-writer';
import iconv from 'iconv-lite';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compilePolicy, type PolicyFile } from '../../formulas';
import { ERP_LAYOUTS, writeErpWorkbook, type ErpLayoutId, type ErpLine } from './erp-layouts';
import { demoChain, demoPolicies } from './policies';
import { Random } from './random';
import { NAME_PARTS, REGION_NAMES, REGIONS, SKUS } from './reference-data';
import { CalcDecimal, centsToMoney, periodEndDate, previousPeriod } from '../../domain';

export interface DemoOptions {
  out: string;
  period: string;
  distributors: number;
  purchaseRows: number;
  seed: number;
  /** purchase workbooks to split the lines over (besides the GBK CSV) */
  purchaseFiles?: number;
  /** about this many return lines (default: one purchase line in 30 comes back) */
  returnRows?: number;
  /** about this many promotion rows (default: about a third of the buyers) */
  promotionRows?: number;
  /** share of the buyers who send a claim (default 0.6) */
  claimShare?: number;
}

export interface DemoDistributor {
  code: string;
  name: string;
  region: string;
  province: string;
  city: string;
  grade: 'A' | 'B' | 'C' | 'D';
  active: boolean;
}

export interface DemoSummary {
  out: string;
  period: string;
  files: string[];
  distributors: number;
  purchaseRows: number;
  returnRows: number;
  promotionRows: number;
  claimRows: number;
  /** claims written off the computed rebate on purpose: reconciliation must find exactly these */
  deliberateDifferences: { code: string; claimed: string; computed: string }[];
  /** the ledger (ledger.md): opening balances at the start of the period, the period's settlement rows */
  balanceRows: number;
  settlementRows: number;
  /** settlement rows that reverse an earlier use (negative: imported with a warning) */
  reversals: number;
  /** distributors whose settlements exceed their opening balance on purpose (the `overdrawn` finding while the month is open) */
  overdrawn: string[];
}

interface Line {
  doc: string;
  line: number;
  date: string;
  code: string;
  sku: (typeof SKUS)[number];
  qty: number;
  cents: number;
}

const D = CalcDecimal;

function yuan(cents: number): string {
  return centsToMoney(cents);
}

function masterData(r: Random, n: number): DemoDistributor[] {
  const list: DemoDistributor[] = [];
  const used = new Set<string>();
  for (let i = 1; i <= n; i++) {
    const region = REGION_NAMES[i % REGION_NAMES.length] ?? '华东';
    const place = r.pick(REGIONS[region] ?? []);
    const city = r.pick(place.cities);
    let name: string;
    do {
      name = `${city}${r.pick(NAME_PARTS.first)}${r.pick(NAME_PARTS.second)}${r.pick(NAME_PARTS.kind)}${r.pick(NAME_PARTS.suffix)}`;
    } while (used.has(name));
    used.add(name);
    const g = r.next();
    list.push({
      code: `JX${String(i).padStart(5, '0')}`,
      name,
      region,
      province: place.province,
      city,
      grade: g < 0.15 ? 'A' : g < 0.5 ? 'B' : g < 0.85 ? 'C' : 'D',
      active: !r.chance(0.02),
    });
  }
  return list;
}

/** Purchase lines: documents of 1–6 lines, bigger distributors (grade A) buying more. */
function purchaseLines(r: Random, ds: DemoDistributor[], total: number, period: string): Line[] {
  const weight = (d: DemoDistributor): number => ({ A: 6, B: 3, C: 1.5, D: 0.7 })[d.grade];
  const sum = ds.reduce((s, d) => s + weight(d), 0);
  const lines: Line[] = [];
  let doc = 0;
  const days = Number(period.slice(5)) === 2 ? 28 : 30;
  for (const d of ds) {
    let share = Math.max(1, Math.round((weight(d) / sum) * total));
    while (share > 0 && lines.length < total) {
      doc++;
      const docNo = `XS${period.replace('-', '')}${String(doc).padStart(6, '0')}`;
      const date = `${period}-${String(r.int(1, days)).padStart(2, '0')}`;
      const n = Math.min(share, r.int(1, 6));
      for (let k = 1; k <= n; k++) {
        const sku = r.pick(SKUS);
        const qty = r.int(5, 400);
        lines.push({ doc: docNo, line: k, date, code: d.code, sku, qty, cents: Math.round(sku.price * 100) * qty });
      }
      share -= n;
    }
  }
  while (lines.length < total) {
    const d = r.pick(ds);
    const sku = r.pick(SKUS);
    doc++;
    lines.push({ doc: `XS${period.replace('-', '')}${String(doc).padStart(6, '0')}`, line: 1, date: `${period}-15`, code: d.code, sku, qty: 10, cents: Math.round(sku.price * 100) * 10 });
  }
  return lines.slice(0, total);
}

/** The regions whose purchases the demo writes in a real ERP's layout, and which. */
export const DEMO_ERP_LAYOUTS: readonly (readonly [string, ErpLayoutId])[] = [
  ['华北', 'u8-delivery-list'],
  ['华中', 'kis-jdy-sales'],
];

const HEADER = ['单据编号', '行号', '单据日期', '客户编码', '客户名称', '存货编码', '存货名称', '数量', '含税单价', '价税合计'];
const GROUPS: [string, number, number][] = [
  ['单据信息', 1, 3],
  ['客户', 4, 5],
  ['商品', 6, 7],
  ['数量与金额', 8, 10],
];

/** An ERP export: title, report date, a group header merged over a header row, a sheet per region, totals, a hidden sheet. */
async function writePurchaseWorkbook(file: string, period: string, sheets: { name: string; lines: Line[] }[], names: Map<string, string>, asText: boolean): Promise<void> {
  const wb = demoWorkbookWriter(file);
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.columns = HEADER.map((h, i) => ({ width: [16, 6, 12, 12, 30, 10, 22, 8, 10, 14][i] ?? 12, key: h }));
    const title = ws.addRow([`${period.slice(0, 4)}年${Number(period.slice(5))}月进货明细表（${s.name}）`]);
    ws.mergeCells(1, 1, 1, HEADER.length);
    title.commit();
    ws.addRow([`制表日期：${period}-28\u3000制表人：ERP 系统`]).commit();
    const group = ws.addRow(HEADER.map((_, i) => GROUPS.find(([, a]) => a === i + 1)?.[0] ?? null));
    group.font = { bold: true };
    for (const [, a, b] of GROUPS) ws.mergeCells(3, a, 3, b);
    group.commit();
    const head = ws.addRow(HEADER);
    head.font = { bold: true };
    head.commit();
    let total = 0;
    for (const l of s.lines) {
      total += l.cents;
      const amount = asText ? `¥${Number(yuan(l.cents)).toLocaleString('en-US', { minimumFractionDigits: 2 })}` : Number(yuan(l.cents));
      ws.addRow([l.doc, l.line, asText ? l.date.replace(/-/g, '/') : new Date(`${l.date}T00:00:00Z`), asText ? ` ${l.code} ` : l.code, names.get(l.code) ?? '', l.sku.code, l.sku.name, l.qty, l.sku.price, amount]).commit();
    }
    ws.addRow(['合计', null, null, null, null, null, null, null, null, Number(yuan(total))]).commit();
    ws.commit();
  }
  const hidden = wb.addWorksheet('作废单据');
  hidden.state = 'hidden';
  hidden.addRow(HEADER).commit();
  hidden.addRow(['XS-VOID-0001', 1, new Date(`${period}-03T00:00:00Z`), 'JX99999', '（作废）', 'SP-1001', '特级生抽 500ml', 1, 12.8, 12.8]).commit();
  hidden.commit();
  await wb.commit();
}

function gbkCsv(file: string, header: string[], rows: (string | number)[][]): void {
  const q = (v: string | number): string => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  writeFileSync(file, iconv.encode([header, ...rows].map((r) => r.map(q).join(',')).join('\r\n') + '\r\n', 'gb18030'));
}

async function simpleWorkbook(file: string, sheet: string, preamble: string[], header: string[], rows: (string | number | Date | null)[][]): Promise<void> {
  const wb = demoWorkbookWriter(file);
  const ws = wb.addWorksheet(sheet);
  ws.columns = header.map(() => ({ width: 16 }));
  for (const p of preamble) ws.addRow([p]).commit();
  const h = ws.addRow(header);
  h.font = { bold: true };
  h.commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
}

/**
 * Writes a realistic demo month in the shapes real exports have (data.md): master data, purchases
 * over several ERP workbooks (two of them in 用友 U8 and 金蝶 KIS layouts) and a GBK CSV, returns with negative amounts, promotions, claims with a
 * few deliberate differences, the three demo policies and the approval chain. Deterministic per seed.
 */
export async function generateDemo(o: DemoOptions): Promise<DemoSummary> {
  const r = new Random(o.seed);
  mkdirSync(o.out, { recursive: true });
  const files: string[] = [];
  const out = (name: string): string => {
    const f = path.join(o.out, name);
    files.push(f);
    return f;
  };
  const ds = masterData(r, o.distributors);
  const names = new Map(ds.map((d) => [d.code, d.name]));

  await simpleWorkbook(
    out('distributors-master.xlsx'),
    '经销商档案',
    [`经销商档案（导出日期：${o.period}-01）`, ''],
    ['经销商编码', '经销商名称', '所属大区', '省份', '城市', '经销商等级', '状态'],
    ds.map((d) => [d.code, d.name, d.region, d.province, d.city, d.grade, d.active ? '启用' : '停用']),
  );

  const buyers = ds.filter((d) => d.active || r.chance(0.5));
  const lines = purchaseLines(r, buyers, o.purchaseRows, o.period);
  const byRegion = new Map<string, Line[]>();
  const region = new Map(ds.map((d) => [d.code, d.region]));
  for (const l of lines) {
    const key = region.get(l.code) ?? '华东';
    let list = byRegion.get(key);
    if (!list) byRegion.set(key, (list = []));
    list.push(l);
  }
  // West goes to the GBK CSV; the other regions to ERP workbooks, a sheet per region, split further when asked.
  const west = [...(byRegion.get('西南') ?? []), ...(byRegion.get('西北') ?? [])];
  gbkCsv(
    out(`purchases-west-${o.period}.csv`),
    HEADER,
    west.map((l) => [l.doc, l.line, l.date, l.code, names.get(l.code) ?? '', l.sku.code, l.sku.name, l.qty, l.sku.price.toFixed(2), yuan(l.cents)]),
  );
  // 华北 and 华中 come as two real ERP layouts (erp-layouts.ts): a newcomer sees them recognised with no mapping.
  const erpLine = (l: Line): ErpLine => ({ doc: l.doc, line: l.line, date: l.date, code: l.code, name: names.get(l.code) ?? '', sku: l.sku.code, skuName: l.sku.name, qty: l.qty, cents: l.cents });
  for (const [reg, id] of DEMO_ERP_LAYOUTS) {
    await writeErpWorkbook(out(`purchases-${id}-${o.period}.xlsx`), ERP_LAYOUTS[id].sheets((byRegion.get(reg) ?? []).map(erpLine), o.period));
  }
  const parts = Math.max(2, o.purchaseFiles ?? 2);
  const eastern = ['华东', '华南'];
  const chunks: { name: string; lines: Line[] }[][] = Array.from({ length: parts }, () => []);
  let k = 0;
  for (const reg of eastern) {
    const list = byRegion.get(reg) ?? [];
    const per = Math.ceil(list.length / Math.max(1, Math.floor(parts / 2)));
    for (let i = 0; i < list.length || i === 0; i += Math.max(1, per)) {
      chunks[k % parts]?.push({ name: per < list.length ? `${reg}-${Math.floor(i / per) + 1}` : reg, lines: list.slice(i, i + per) });
      k++;
      if (list.length === 0) break;
    }
  }
  for (const [i, sheets] of chunks.entries()) {
    if (sheets.length === 0) continue;
    await writePurchaseWorkbook(out(`purchases-erp-${String(i + 1).padStart(2, '0')}-${o.period}.xlsx`), o.period, sheets, names, i % 2 === 1);
  }

  // Returns: about 1 in 30 lines comes back, exported as negative amounts; a few name unknown originals.
  const returns: (string | number)[][] = [];
  let rn = 0;
  const returned = new Map<string, number>();
  const returnChance = o.returnRows !== undefined ? Math.min(1, o.returnRows / Math.max(1, lines.length)) : 1 / 30;
  for (const l of lines) {
    if (!r.chance(returnChance)) continue;
    rn++;
    const qty = Math.max(1, Math.floor(l.qty * r.next() * 0.5));
    const cents = Math.round(l.sku.price * 100) * qty;
    returned.set(l.code, (returned.get(l.code) ?? 0) + cents);
    const original = r.chance(0.03) ? `XS${Number(o.period.slice(0, 4)) - 1}12${String(r.int(1, 99999)).padStart(6, '0')}` : l.doc;
    returns.push([`TH${o.period.replace('-', '')}${String(rn).padStart(5, '0')}`, l.date, l.code, names.get(l.code) ?? '', l.sku.code, -qty, `-${yuan(cents)}`, original, r.pick(['包装破损', '临期', '客户退货', '发错货'])]);
  }
  await simpleWorkbook(out(`returns-${o.period}.xlsx`), '退货明细', [`${o.period} 退货明细`], ['退货单号', '退货日期', '客户编码', '客户名称', '存货编码', '退货数量', '退货金额', '原单号', '退货原因'], returns);

  // Promotions: targets and actuals for some; an achievement rate only for others.
  const purchased = new Map<string, number>();
  for (const l of lines) purchased.set(l.code, (purchased.get(l.code) ?? 0) + l.cents);
  const promos: (string | number | null)[][] = [];
  const promoChance = o.promotionRows !== undefined ? o.promotionRows / Math.max(1, buyers.length) : 0.35;
  for (const d of buyers) {
    const times = Math.floor(promoChance) + (r.chance(promoChance - Math.floor(promoChance)) ? 1 : 0);
    if (times === 0) continue;
    const p = purchased.get(d.code) ?? 0;
    for (let extra = 1; extra < times; extra++) promos.push([d.code, `CX${o.period.replace('-', '')}${String(extra + 2).padStart(2, '0')}`, `区域活动 ${extra}`, Math.round((p * 0.1) / 100000) * 1000 + 1000, Number(yuan(Math.round(p * 0.1))), null]);
    const target = Math.round((p * (0.7 + r.next() * 0.6)) / 100000) * 1000;
    if (r.chance(0.8)) promos.push([d.code, `CX${o.period.replace('-', '')}01`, '春节备货促销', target, Number(yuan(p)), null]);
    else promos.push([d.code, `CX${o.period.replace('-', '')}02`, '新品推广', null, null, `${r.int(60, 130)}%`]);
  }
  await simpleWorkbook(out(`promotions-${o.period}.xlsx`), '促销达成', [`${o.period} 促销活动达成情况`], ['客户编码', '活动编号', '活动名称', '目标金额', '达成金额', '达成率'], promos);

  // The promotion achievement as the application computes it (formulas.md: promo_rate).
  const promoAgg = new Map<string, { target: CalcDecimal; actual: CalcDecimal; rates: CalcDecimal[] }>();
  for (const p of promos) {
    const code = String(p[0]);
    const a = promoAgg.get(code) ?? { target: new D(0), actual: new D(0), rates: [] };
    if (p[3] !== null) a.target = a.target.plus(String(p[3]));
    if (p[4] !== null) a.actual = a.actual.plus(String(p[4]));
    if (p[5] !== null) a.rates.push(new D(String(p[5]).replace('%', '')).div(100));
    promoAgg.set(code, a);
  }

  // Claims: what distributors confirmed; a few deliberately off, which reconciliation must find.
  const policies = demoPolicies(o.period.slice(0, 4)) as PolicyFile[];
  const compiled = policies.map((p) => ({ p, c: compilePolicy(p) }));
  const claims: (string | number)[][] = [];
  const deliberate: DemoSummary['deliberateDifferences'] = [];
  const month = Number(o.period.slice(5));
  for (const d of buyers) {
    if (!purchased.has(d.code) || !r.chance(o.claimShare ?? 0.6)) continue;
    const purchase = new D(purchased.get(d.code) ?? 0).div(100);
    const ret = new D(returned.get(d.code) ?? 0).div(100);
    const promo = promoAgg.get(d.code);
    const promoRate = !promo ? new D(0) : promo.target.greaterThan(0) ? promo.actual.div(promo.target) : promo.rates.length ? promo.rates.reduce((a, b) => a.plus(b), new D(0)).div(promo.rates.length) : new D(0);
    const applies = compiled.filter(({ p }) => !p.scope?.regions || p.scope.regions.includes(d.region)).sort((a, b) => b.p.priority - a.p.priority)[0];
    if (!applies?.c.ok) continue;
    const res = applies.c.evaluate({
      purchase: purchase.toFixed(),
      purchase_qty: '0',
      returns: ret.toFixed(),
      return_qty: '0',
      net: purchase.minus(ret).toFixed(),
      return_rate: purchase.isZero() ? '0' : ret.div(purchase).toFixed(),
      promo_target: '0',
      promo_actual: '0',
      promo_rate: promoRate.toFixed(),
      ytd_purchase: purchase.toFixed(),
      ytd_returns: ret.toFixed(),
      ytd_net: purchase.minus(ret).toFixed(),
      ytd_rebate: '0',
      prev_rebate: '0',
      balance_opening: '0',
      balance_used: '0',
      grade: d.grade,
      region: d.region,
      province: d.province,
      month: String(month),
      quarter: String(Math.ceil(month / 3)),
    });
    if (!res.ok) continue;
    let claimed = res.rebate;
    if (deliberate.length < 5 && r.chance(0.03)) {
      claimed = new D(res.rebate).plus(r.pick([-500, -88.8, 120, 1000])).toFixed(2);
      deliberate.push({ code: d.code, claimed, computed: res.rebate });
    }
    claims.push([d.code, d.name, claimed]);
  }
  await simpleWorkbook(out(`claims-${o.period}.xlsx`), '经销商申报', [`${o.period} 经销商返利确认单汇总`], ['经销商编码', '经销商名称', '申报返利'], claims);

  // The ledger, drawn last so the month's other files stay as they were for a seed.
  const ledger = await ledgerFiles(r, ds, o.period, out);

  for (const p of policies) writeFileSync(out(`policy-${(p as { code: string }).code.toLowerCase()}.json`), `${JSON.stringify(p, null, 2)}\n`);
  writeFileSync(out('chain.json'), `${JSON.stringify(demoChain(), null, 2)}\n`);
  return {
    ...ledger,
    out: o.out,
    period: o.period,
    files,
    distributors: ds.length,
    purchaseRows: lines.length,
    returnRows: returns.length,
    promotionRows: promos.length,
    claimRows: claims.length,
    deliberateDifferences: deliberate,
  };
}

const METHOD_WORDS = [
  ['票折', 0.5],
  ['货补', 0.25],
  ['冲应收', 0.2],
  ['现金', 0.05],
] as const;

/**
 * The ledger's inputs (ledger.md): the opening balances at the start of the period (返利余额表, once)
 * and the period's settlement rows (返利兑付明细) as an ERP or DMS writes them — title rows, the
 * customer's code and name, the method in words (票折/货补/冲应收/现金), a 合计 row. Most uses stay
 * within the opening balance; one is a reversal (negative, a warning) and one distributor uses more
 * than it has (the `overdrawn` finding while the month is open).
 */
async function ledgerFiles(r: Random, ds: readonly DemoDistributor[], period: string, out: (name: string) => string): Promise<Pick<DemoSummary, 'balanceRows' | 'settlementRows' | 'reversals' | 'overdrawn'>> {
  const start = `${period}-01`;
  const end = periodEndDate(period);
  const holders = ds.filter((d) => d.active && r.chance(0.6));
  const opening = new Map<string, number>();
  for (const d of holders) opening.set(d.code, r.int(20, 3000) * 1000 * (d.grade === 'A' ? 5 : d.grade === 'B' ? 2 : 1));
  await simpleWorkbook(
    out(`balances-${period}.xlsx`),
    '返利余额',
    [`返利期初余额表（截至 ${periodEndDate(previousPeriod(period))}）`, '单位：元'],
    ['客户编码', '客户名称', '期初返利余额'],
    holders.map((d) => [d.code, d.name, Number(yuan(opening.get(d.code) ?? 0))]),
  );

  const rows: (string | number | null)[][] = [];
  let doc = 0;
  let total = 0;
  let reversals = 0;
  const overdrawn: string[] = [];
  const days = Number(end.slice(8));
  const day = (): string => `${period}-${String(r.int(1, days)).padStart(2, '0')}`;
  for (const d of holders) {
    const balance = opening.get(d.code) ?? 0;
    if (!r.chance(0.55)) continue;
    const over = overdrawn.length === 0 && balance >= 10_000 && r.chance(0.2);
    let left = over ? balance + r.int(10, 50) * 100 : Math.floor(balance * (0.2 + r.next() * 0.6));
    const uses = r.int(1, 3);
    for (let u = 0; u < uses && left > 0; u++) {
      const cents = u === uses - 1 ? left : Math.min(left, Math.round((left * (0.3 + r.next() * 0.4)) / 100) * 100);
      left -= cents;
      doc++;
      const method = pickWeighted(r, METHOD_WORDS);
      rows.push([`FL${period.replace('-', '')}${String(doc).padStart(5, '0')}`, day(), d.code, d.name, method, Number(yuan(cents)), method === '票折' ? '开票折扣' : method === '货补' ? '搭赠货补' : null]);
      total += cents;
    }
    if (over) overdrawn.push(d.code);
  }
  // one use booked by mistake and reversed in the same month
  const first = rows[0];
  if (first) {
    doc++;
    rows.push([`FL${period.replace('-', '')}${String(doc).padStart(5, '0')}`, end, first[2] ?? '', first[3] ?? '', first[4] ?? '票折', -Number(first[5]), `冲回 ${String(first[0])}`]);
    total -= Math.round(Number(first[5]) * 100);
    reversals++;
  }
  await simpleWorkbook(
    out(`settlements-${period}.xlsx`),
    '返利兑付明细',
    ['返利兑付明细表', `期间：${start} 至 ${end}`],
    ['单据编号', '单据日期', '客户编码', '客户名称', '兑付方式', '兑付金额', '备注'],
    [...rows, ['合计', null, null, null, null, Number(yuan(total)), null]],
  );
  return { balanceRows: holders.length, settlementRows: rows.length, reversals, overdrawn };
}

function pickWeighted<T>(r: Random, choices: readonly (readonly [T, number])[]): T {
  let x = r.next();
  for (const [v, w] of choices) {
    if (x < w) return v;
    x -= w;
  }
  return choices[choices.length - 1]?.[0] as T;
}

