import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BatchResultsView } from '../../contract/ops/batches';
import { csvDocument, csvNumber, csvText, type CsvCell } from '../export/csv';
import { booleanText, formatCount, formatMoney, rejected } from '../../domain';
import type { Lang } from '../../contract/roles';
import { cliCsvHeaders } from '../i18n/cli-messages';
import { t } from '../i18n/messages';
import { opt, required } from './args';
import type { Command } from './command';

function resultsJson(r: BatchResultsView): unknown {
  return {
    period: r.period,
    batch: r.batch,
    status: r.status,
    content_hash: r.content_hash,
    total: r.total,
    rows: r.rows.map((x) => ({
      code: x.code,
      name: x.name,
      region: x.region,
      province: x.province,
      grade: x.grade,
      policy: x.policy,
      policy_version: x.policy_version,
      values: x.values,
      rebate: x.rebate,
      adjustment: x.adjustment,
      adjustment_reason: x.adjustment_reason,
      final: x.final,
    })),
    exceptions: r.exceptions.map((e) => ({ code: e.code, reason: e.reason })),
  };
}

function resultsCsv(r: BatchResultsView, lang: Lang): string {
  const names: string[] = [];
  for (const p of r.policies) for (const f of p.formulas) if (!names.includes(f.name)) names.push(f.name);
  const label = (n: string): string => r.policies.find((p) => p.labels[n])?.labels[n] ?? n;
  const h = cliCsvHeaders.results[lang];
  // zh-CN names a formula by its label, English by its name (the JSON field)
  const head = [...h.slice(0, 7), ...(cliCsvHeaders.formulasByLabel[lang] ? names.map(label) : names), ...h.slice(7)];
  const rows: CsvCell[][] = [head.map(csvText)];
  for (const x of r.rows) {
    rows.push([
      csvText(x.code),
      csvText(x.name),
      csvText(x.region),
      csvText(x.province),
      csvText(x.grade),
      csvText(x.policy),
      csvNumber(x.policy_version === null ? null : String(x.policy_version)),
      ...names.map((n) => {
        const v = x.values[n];
        // a yes/no formula reads 是/否 (Yes/No), never true/false; numbers stay exact for a spreadsheet
        return v !== undefined && /^-?\d+(\.\d+)?$/.test(v) ? csvNumber(v) : csvText(booleanText(v, lang) ?? v);
      }),
      csvNumber(x.rebate),
      csvNumber(x.adjustment),
      csvText(x.adjustment_reason),
      csvNumber(x.final),
      csvText(x.exception),
    ]);
  }
  return csvDocument(rows);
}

function writeOut(file: string, content: string): string {
  const full = path.resolve(file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

export const batchCommands: Command[] = [
  {
    name: 'calc',
    usage: 'calc --period YYYY-MM',
    summary: { 'zh-CN': '核算（或重新核算）该账期的批次', en: "create or recalculate the period's batch" },
    options: { period: { value: true } },
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const r = await c.call('batch.calculate', { period: required(c.args, 'period') });
      const d = r.diff;
      const diff = d.first ? '' : t('cli.calc.diff', { added: formatCount(d.added.length), removed: formatCount(d.removed.length), up: formatCount(d.up), down: formatCount(d.down), delta: formatMoney(d.total_delta) }, c.lang);
      const text = t('cli.calc.done', { batch: r.batch, period: r.period, distributors: formatCount(r.distributors), total: formatMoney(r.total), exceptions: formatCount(r.exceptions), diff }, c.lang);
      return { json: r, text };
    },
  },
  {
    name: 'results',
    usage: 'results --period YYYY-MM [--format csv|json] [--out FILE]',
    summary: { 'zh-CN': '该账期批次的核算结果（CSV 或 JSON）', en: "the period's batch results (CSV or JSON)" },
    options: { period: { value: true }, format: { value: true }, out: { value: true } },
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const format = opt(c.args, 'format') ?? (opt(c.args, 'json') !== undefined ? 'json' : 'csv');
      if (format !== 'csv' && format !== 'json') throw rejected('cli.bad_format', { format });
      const r = await c.call('batch.results', { period: required(c.args, 'period') });
      const content = format === 'json' ? JSON.stringify(resultsJson(r), null, 2) : resultsCsv(r, c.lang);
      const out = opt(c.args, 'out');
      if (out) {
        const where = writeOut(out, content);
        return { json: { status: 'ok', out: where, rows: r.rows.length }, text: t('cli.written_rows', { file: where, rows: formatCount(r.rows.length) }, c.lang) };
      }
      return { json: resultsJson(r), text: content.replace(/^\uFEFF/, '').trimEnd() };
    },
  },
  {
    name: 'adjust',
    usage: 'adjust --period YYYY-MM --distributor CODE --amount X --reason TEXT [--note TEXT]',
    summary: { 'zh-CN': '手工调整（金额 + 必填原因）', en: 'manual adjustment (amount + mandatory reason)' },
    options: { period: { value: true }, distributor: { value: true }, amount: { value: true }, reason: { value: true }, note: { value: true } },
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const reason = opt(c.args, 'reason');
      if (!reason || !reason.trim()) throw rejected('adjust.reason_required');
      // --note: what the distributor's statement says about the adjustment (the reason stays internal)
      const note = opt(c.args, 'note');
      const r = await c.call('batch.adjust', { period: required(c.args, 'period'), code: required(c.args, 'distributor'), amount: required(c.args, 'amount'), reason, ...(note !== undefined ? { note } : {}) });
      const text = t('cli.adjust.done', { code: r.code, name: r.name, rebate: r.rebate === null ? '-' : formatMoney(r.rebate), adjustment: formatMoney(r.adjustment), final: r.final === null ? '-' : formatMoney(r.final) }, c.lang);
      return { json: { code: r.code, rebate: r.rebate, adjustment: r.adjustment, reason: r.adjustment_reason, note: r.adjustment_note, final: r.final }, text };
    },
  },
  {
    name: 'reconcile note',
    usage: 'reconcile note --period YYYY-MM --distributor CODE [--note TEXT] [--confirm | --unconfirm]',
    summary: { 'zh-CN': '对账说明与“已确认”标记（按经销商）', en: "a distributor's reconciliation note and confirmed mark" },
    options: { period: { value: true }, distributor: { value: true }, note: { value: true }, confirm: { value: false }, unconfirm: { value: false } },
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const period = required(c.args, 'period');
      const code = required(c.args, 'distributor').toUpperCase();
      // what is not given stays as it is
      const current = (await c.call('batch.reconcile', { period })).notes.find((n) => n.code === code);
      const note = opt(c.args, 'note') ?? current?.note ?? '';
      const confirmed = opt(c.args, 'confirm') !== undefined ? true : opt(c.args, 'unconfirm') !== undefined ? false : current?.confirmed_by != null;
      const r = await c.call('reconcile.note', { period, code, note, confirmed });
      const mark = r?.confirmed_by ? t('cli.note.confirmed', { name: r.confirmed_by_name ?? r.confirmed_by, at: (r.confirmed_at ?? '').slice(0, 16).replace('T', ' ') }, c.lang) : t('cli.note.unconfirmed', {}, c.lang);
      return { json: r ?? { code, note: '', confirmed_by: null }, text: t('cli.note.line', { code, note: r?.note || t('cli.note.none', {}, c.lang), mark }, c.lang) };
    },
  },
  {
    name: 'reconcile',
    usage: 'reconcile --period YYYY-MM',
    summary: { 'zh-CN': '对账报告：申报差异、环比变化、数据检查', en: 'reconciliation: claims, month over month, data checks' },
    options: { period: { value: true } },
    positionals: { min: 0, max: 0, names: [] },
    async run(c) {
      const r = await c.call('batch.reconcile', { period: required(c.args, 'period') });
      const s = r.summary;
      const lines = [
        t('cli.reconcile.summary', { matched: s.matched, differs: s.differs, only_claims: s.only_claims, only_batch: s.only_batch, changes: s.changes, checks: s.checks }, c.lang),
        ...r.claims.filter((x) => x.status !== 'matched').map((x) => `  ${x.status}\t${x.code}\t${x.claimed ?? '-'}\t${x.computed ?? '-'}\t${x.difference ?? ''}`),
        ...r.changes.map((x) => `  change\t${x.code}\t${x.previous} → ${x.current}\t${x.difference}`),
        ...r.checks.map((x) => `  ${x.check}\t${x.code}\t${x.detail}`),
      ];
      return { json: r, text: lines.join('\n') };
    },
  },
];
