import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BatchResultsView } from '../../contract/ops/batches';
import { csvDocument, csvNumber, csvText, type CsvCell } from '../export/csv';
import { rejected } from '../../domain';
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

function resultsCsv(r: BatchResultsView, zh: boolean): string {
  const names: string[] = [];
  for (const p of r.policies) for (const f of p.formulas) if (!names.includes(f.name)) names.push(f.name);
  const label = (n: string): string => r.policies.find((p) => p.labels[n])?.labels[n] ?? n;
  const head = zh
    ? ['经销商编码', '经销商名称', '大区', '省份', '等级', '政策', '政策版本', ...names.map(label), '返利', '调整', '调整原因', '最终返利', '异常']
    : ['code', 'name', 'region', 'province', 'grade', 'policy', 'policy_version', ...names, 'rebate', 'adjustment', 'adjustment_reason', 'final', 'exception'];
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
        return v !== undefined && /^-?\d+(\.\d+)?$/.test(v) ? csvNumber(v) : csvText(v);
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
      const zh = c.lang === 'zh-CN';
      const d = r.diff;
      const diff = d.first ? '' : zh ? `\n与上次核算相比：新增 ${d.added.length}，移除 ${d.removed.length}，增加 ${d.up}，减少 ${d.down}，合计变化 ${d.total_delta}` : `\nSince the last calculation: ${d.added.length} added, ${d.removed.length} removed, ${d.up} up, ${d.down} down, total change ${d.total_delta}`;
      const text = zh
        ? `批次 ${r.batch}（${r.period}）：${r.distributors} 个经销商，返利合计 ${r.total}，异常 ${r.exceptions} 个${diff}`
        : `Batch ${r.batch} (${r.period}): ${r.distributors} distributors, total ${r.total}, ${r.exceptions} exceptions${diff}`;
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
      const content = format === 'json' ? JSON.stringify(resultsJson(r), null, 2) : resultsCsv(r, c.lang === 'zh-CN');
      const out = opt(c.args, 'out');
      if (out) {
        const where = writeOut(out, content);
        return { json: { status: 'ok', out: where, rows: r.rows.length }, text: c.lang === 'zh-CN' ? `已写入 ${where}（${r.rows.length} 行）` : `Written to ${where} (${r.rows.length} rows)` };
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
      const text = c.lang === 'zh-CN' ? `${r.code} ${r.name}：返利 ${r.rebate ?? '-'}，调整 ${r.adjustment}，最终 ${r.final ?? '-'}` : `${r.code} ${r.name}: rebate ${r.rebate ?? '-'}, adjustment ${r.adjustment}, final ${r.final ?? '-'}`;
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
      const zh = c.lang === 'zh-CN';
      const mark = r?.confirmed_by ? (zh ? `已确认（${r.confirmed_by_name ?? r.confirmed_by}，${r.confirmed_at ?? ''}）` : `confirmed (${r.confirmed_by_name ?? r.confirmed_by}, ${r.confirmed_at ?? ''})`) : zh ? '未确认' : 'not confirmed';
      return { json: r ?? { code, note: '', confirmed_by: null }, text: `${code}：${r?.note || (zh ? '（无说明）' : '(no note)')}；${mark}` };
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
      const zh = c.lang === 'zh-CN';
      const s = r.summary;
      const lines = [
        zh
          ? `申报核对：一致 ${s.matched}，有差异 ${s.differs}，仅申报 ${s.only_claims}，仅批次 ${s.only_batch}；环比异常 ${s.changes}；数据检查 ${s.checks}`
          : `Claims: ${s.matched} matched, ${s.differs} differ, ${s.only_claims} only in claims, ${s.only_batch} only in batch; ${s.changes} month-over-month flags; ${s.checks} data checks`,
        ...r.claims.filter((x) => x.status !== 'matched').map((x) => `  ${x.status}\t${x.code}\t${x.claimed ?? '-'}\t${x.computed ?? '-'}\t${x.difference ?? ''}`),
        ...r.changes.map((x) => `  change\t${x.code}\t${x.previous} → ${x.current}\t${x.difference}`),
        ...r.checks.map((x) => `  ${x.check}\t${x.code}\t${x.detail}`),
      ];
      return { json: r, text: lines.join('\n') };
    },
  },
];
