import { labelledParameters } from '../../formulas';
import type { ReconcileView } from '../../contract/ops/batches';
import type { BatchSummary, ExportBatch } from './batch-data';
import { fill, moneyText, type ExportLabels } from './labels';
import { table, type PreparedSheet, type TableColumn } from './xlsx-writer';

interface FormulaLine {
  code: string;
  name: string;
  version: number;
  scope: string;
  effective: string;
  kind: string;
  item: string;
  label: string | null;
  content: string;
}

/** 公式: per policy used, its scope, every parameter and every formula (name, label, expression). */
export function formulasSheet(x: ExportBatch, l: ExportLabels, pageFooter: string): PreparedSheet {
  const f = l.formulas;
  const lines: FormulaLine[] = [];
  for (const p of x.policies) {
    const scope = [p.file.scope?.regions ? `${f.regions}${p.file.scope.regions.join(l.list.item)}` : null, p.file.scope?.grades ? `${f.grades}${p.file.scope.grades.join(l.list.item)}` : null].filter(Boolean).join(l.list.clause) || f.all;
    const effective = p.file.effective_to ? `${p.file.effective_from} – ${p.file.effective_to}` : `${f.from}${p.file.effective_from}`;
    const base = { code: p.code, name: p.file.name, version: p.version, scope, effective };
    for (const p2 of labelledParameters(p.file)) lines.push({ ...base, kind: f.parameter, item: p2.name, label: p2.label === p2.name ? null : p2.label, content: p2.value });
    for (const fm of p.file.formulas) lines.push({ ...base, kind: f.formula, item: fm.name, label: fm.label ?? null, content: fm.expr });
  }
  const columns: TableColumn<FormulaLine>[] = [
    { header: f.code, type: 'text', width: 14, value: (r) => r.code },
    { header: f.name, type: 'text', width: 22, value: (r) => r.name },
    { header: f.version, type: 'int', width: 7, value: (r) => r.version },
    { header: f.scope, type: 'text', width: 22, value: (r) => r.scope },
    { header: f.effective, type: 'text', width: 16, value: (r) => r.effective },
    { header: f.kind, type: 'text', width: 8, value: (r) => r.kind },
    { header: f.itemName, type: 'text', width: 20, value: (r) => r.item },
    { header: f.label, type: 'text', width: 16, value: (r) => r.label },
    { header: f.content, type: 'text', width: 70, value: (r) => r.content },
  ];
  return table({ name: l.sheets.formulas, preamble: [fill(f.title, { period: x.batch.period })], columns, rows: lines, pageFooter });
}

interface ReconLine {
  note?: string | null;
  confirmed?: string | null;
  category: string;
  code: string;
  name: string | null;
  status: string;
  claimed?: string | null;
  computed?: string | null;
  difference?: string | null;
  previous?: string | null;
  current?: string | null;
  percent?: string | null;
  detail?: string;
}

/** 对账: claims differences, month-over-month flags and data checks in one filterable table. */
export function reconciliationSheet(x: ExportBatch, r: ReconcileView, l: ExportLabels, pageFooter: string): PreparedSheet {
  const c = l.recon;
  const lines: ReconLine[] = [
    ...r.claims.map((k) => ({ category: c.claims, code: k.code, name: k.name, status: c.claimStatus[k.status], claimed: k.claimed, computed: k.computed, difference: k.difference })),
    ...r.changes.map((k) => ({ category: c.change, code: k.code, name: k.name, status: c.change, previous: k.previous, current: k.current, difference: k.difference, percent: k.percent === null ? null : String(Number(k.percent) / 100) })),
    ...r.checks.map((k) => ({ category: c.check, code: k.code, name: k.name, status: c.checkName[k.check], detail: k.detail })),
  ];
  // the preparer's explanation and 已确认 mark of each distributor go with every line of it
  const notes = new Map(r.notes.map((n) => [n.code, n]));
  for (const k of lines) {
    const n = notes.get(k.code);
    k.note = n?.note || null;
    k.confirmed = n?.confirmed_by ? fill(c.confirmedBy, { name: n.confirmed_by_name ?? n.confirmed_by, at: (n.confirmed_at ?? '').slice(0, 16).replace('T', ' ') }) : null;
  }
  const preamble = [
    fill(c.title, { period: x.batch.period }),
    fill(c.open, { open: r.summary.open }),
    fill(c.settings, { tolerance: moneyText(r.settings.tolerance), percent: r.settings.change_percent, amount: moneyText(r.settings.change_amount), rate: (Number(r.settings.return_rate) * 100).toFixed(2) }),
    ...(r.summary.claims_imported ? [] : [c.noClaims]),
    ...(r.previous_approved ? [] : [fill(c.noPrevious, { previous: r.previous_period })]),
  ];
  const columns: TableColumn<ReconLine>[] = [
    { header: c.category, type: 'text', width: 12, value: (k) => k.category },
    { header: c.code, type: 'text', width: 12, value: (k) => k.code },
    { header: c.name, type: 'text', width: 24, value: (k) => k.name },
    { header: c.status, type: 'text', width: 16, value: (k) => k.status },
    { header: c.claimed, type: 'money', width: 16, value: (k) => k.claimed },
    { header: c.computed, type: 'money', width: 16, value: (k) => k.computed },
    { header: c.previous, type: 'money', width: 16, value: (k) => k.previous },
    { header: c.current, type: 'money', width: 16, value: (k) => k.current },
    { header: c.difference, type: 'money', width: 16, value: (k) => k.difference },
    { header: c.percent, type: 'rate', width: 10, value: (k) => k.percent },
    { header: c.detail, type: 'text', width: 60, value: (k) => k.detail },
    { header: c.note, type: 'text', width: 40, value: (k) => k.note },
    { header: c.confirmed, type: 'text', width: 22, value: (k) => k.confirmed },
  ];
  return table({ name: l.sheets.reconciliation, preamble, columns, rows: lines, freezeColumns: 3, pageFooter });
}

interface ExceptionRow {
  kind: string;
  code: string;
  name: string | null;
  region: string | null;
  grade: string | null;
  detail: string;
}

/** 异常: distributors without a policy, conflicting policies, evaluation errors, data-check findings. */
export function exceptionsSheet(x: ExportBatch, s: BatchSummary, r: ReconcileView, l: ExportLabels, pageFooter: string): PreparedSheet {
  const e = l.exc;
  const rows: ExceptionRow[] = [
    ...s.exceptions.map((k) => ({ kind: e.kinds[k.kind], code: k.code, name: k.name, region: k.region, grade: k.grade, detail: k.detail })),
    ...r.checks.map((k) => ({ kind: `${e.check}${l.recon.checkName[k.check]}`, code: k.code, name: k.name, region: null, grade: null, detail: k.detail })),
  ];
  const columns: TableColumn<ExceptionRow>[] = [
    { header: e.kind, type: 'text', width: 22, value: (k) => k.kind },
    { header: e.code, type: 'text', width: 12, value: (k) => k.code },
    { header: e.name, type: 'text', width: 24, value: (k) => k.name },
    { header: e.region, type: 'text', width: 9, value: (k) => k.region },
    { header: e.grade, type: 'text', width: 7, value: (k) => k.grade },
    { header: e.detail, type: 'text', width: 80, value: (k) => k.detail },
  ];
  const preamble = [fill(e.title, { period: x.batch.period }), ...(rows.length === 0 ? [e.none] : [])];
  return table({ name: l.sheets.exceptions, preamble, columns, rows, freezeColumns: 0, pageFooter });
}
