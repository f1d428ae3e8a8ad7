import { BUILTIN_VARIABLES, compilePolicy, REBATE_FORMULA, type BuiltinVariable, type PolicyFile } from '../../formulas';
import type { ColumnType } from './xlsx-writer';
import { formulaValueKind, personText, type BatchHead, type BatchLineFields, type Lang } from '../../domain';

/**
 * What an export is handed (export/ is a pure file builder: it reads no database and calls no
 * service). The service layer (services/exports.ts) reads the batch, its policies, the company and
 * the people, and gives the rows as a source read page by page, so 10,000 distributors are never
 * held at once.
 */
export type ExportBatchHeader = BatchHead;

/** One distributor's row of the batch, as the exports read it. */
export type ExportLine = BatchLineFields;

/** A row with what the service adds: the adjustment's reason and the exception in the user's words. */
export interface ExportRow {
  line: ExportLine;
  /** the adjustment's internal reason: approval workbook only, never on a statement */
  reason: string | null;
  /** the adjustment's note for the distributor, printed on its statement (none: nothing printed) */
  note?: string | null;
  exceptionText: string | null;
}

/** What every batch export reads once: the batch, its policies, the company, the column plan. */
export interface UsedPolicy {
  code: string;
  version: number;
  file: PolicyFile;
}

export interface InputColumn {
  variable: BuiltinVariable;
  type: ColumnType;
}

export interface FormulaColumn {
  name: string;
  header: string;
  type: ColumnType;
}

export interface CompanyInfo {
  address: string;
  contact: string;
  bank: string;
}

export interface ExportBatch {
  batch: ExportBatchHeader;
  company: string;
  /** 设置 → 公司信息: printed under the company's name on statements (empty fields are left out) */
  companyInfo?: CompanyInfo;
  policies: UsedPolicy[];
  inputs: InputColumn[];
  formulas: FormulaColumn[];
  /** display names by login name (signatures show the person, not the account) */
  users: Map<string, string>;
  /** the batch's rows in code order; each call reads them again from the start */
  rows: () => AsyncIterable<ExportRow>;
}

/** The parts the service reads; the column plan is the export's own business. */
export type ExportBatchParts = Omit<ExportBatch, 'inputs' | 'formulas'>;

const MONEY_INPUTS = new Set(['purchase', 'returns', 'net', 'promo_target', 'promo_actual', 'ytd_purchase', 'ytd_returns', 'ytd_net', 'ytd_rebate', 'prev_rebate', 'balance_opening', 'balance_used']);
const RATE_INPUTS = new Set(['return_rate', 'promo_rate']);
/** shown even when no formula reads them: the figures an approver checks first */
const ALWAYS = new Set(['purchase', 'returns', 'net']);

function inputType(name: string): ColumnType {
  if (MONEY_INPUTS.has(name)) return 'money';
  if (RATE_INPUTS.has(name)) return 'rate';
  if (name === 'month' || name === 'quarter') return 'int';
  return 'decimal';
}

/** A formula's value is written rounded to its kind (the kernel's rule): rate, count or money. */
export function formulaType(name: string, label: string): ColumnType {
  const kind = formulaValueKind(name, label);
  return kind === 'rate' ? 'rate' : kind === 'count' ? 'int' : 'number';
}

/** The columns every batch export shows: the built-in inputs the policies read, then every formula. */
export function exportBatch(parts: ExportBatchParts): ExportBatch {
  const { policies } = parts;
  const read = new Set<string>(ALWAYS);
  for (const p of policies) {
    const c = compilePolicy(p.file);
    if (c.ok) for (const v of c.variables) read.add(v);
  }
  // region, grade and province have columns of their own
  const inputs = BUILTIN_VARIABLES.filter((v) => v.kind === 'number' && read.has(v.name)).map((variable) => ({ variable, type: inputType(variable.name) }));

  const formulas: FormulaColumn[] = [];
  for (const p of policies) {
    for (const f of p.file.formulas) {
      if (formulas.some((c) => c.name === f.name)) continue;
      const label = f.label ?? f.name;
      formulas.push({ name: f.name, header: label, type: formulaType(f.name, label) });
    }
  }
  // the rebate formula is the result: it stands last, next to the rounded rebate
  formulas.sort((a, b) => Number(a.name === REBATE_FORMULA) - Number(b.name === REBATE_FORMULA));
  // two formulas sharing a label would give two identical headers: name them apart
  for (const c of formulas) if (formulas.filter((o) => o.header === c.header).length > 1) c.header = `${c.header} (${c.name})`;

  return { ...parts, inputs, formulas };
}

/** `wang` → `王经理（wang）` (the kernel's rule); the login alone when the display name says nothing more. */
export function personName(users: Map<string, string>, name: string, lang: Lang): string {
  return personText(name, users.get(name), lang);
}

export interface GroupTotal {
  key: string;
  count: number;
  rebate: bigint;
  adjustment: bigint;
  final: bigint;
}

export interface ExceptionLine {
  code: string;
  name: string;
  region: string;
  grade: string;
  kind: NonNullable<ExportLine['exception']>;
  detail: string;
}

export interface BatchSummary {
  count: number;
  rebate: bigint;
  adjustment: bigint;
  final: bigint;
  byRegion: GroupTotal[];
  byGrade: GroupTotal[];
  exceptions: ExceptionLine[];
}

function addTo(groups: Map<string, GroupTotal>, key: string, l: ExportLine): void {
  const g = groups.get(key) ?? { key, count: 0, rebate: 0n, adjustment: 0n, final: 0n };
  g.count++;
  // an exception row has no rebate and no final; its adjustment does not count either (as in batchTotals)
  if (l.final_cents !== null) {
    g.rebate += BigInt(l.rebate_cents ?? 0);
    g.adjustment += BigInt(l.adjustment_cents);
    g.final += BigInt(l.final_cents);
  }
  groups.set(key, g);
}

const byKey = (a: GroupTotal, b: GroupTotal): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * One pass over the batch's rows: totals, totals by region and grade, the exceptions. Integer cents
 * as BigInt, so the summary equals the sum of the details to the cent however many rows there are.
 */
export async function summarize(x: ExportBatch): Promise<BatchSummary> {
  const regions = new Map<string, GroupTotal>();
  const grades = new Map<string, GroupTotal>();
  const all = new Map<string, GroupTotal>();
  const exceptions: ExceptionLine[] = [];
  for await (const { line: l, exceptionText } of x.rows()) {
    addTo(regions, l.region, l);
    addTo(grades, l.grade, l);
    addTo(all, '', l);
    if (l.exception) exceptions.push({ code: l.code, name: l.name, region: l.region, grade: l.grade, kind: l.exception, detail: exceptionText ?? '' });
  }
  const total = all.get('') ?? { key: '', count: 0, rebate: 0n, adjustment: 0n, final: 0n };
  return { count: total.count, rebate: total.rebate, adjustment: total.adjustment, final: total.final, byRegion: [...regions.values()].sort(byKey), byGrade: [...grades.values()].sort(byKey), exceptions };
}
