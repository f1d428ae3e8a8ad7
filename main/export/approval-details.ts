import { type BatchSummary, type ExportBatch, type ExportLine } from './batch-data';
import { fill, type ExportLabels } from './labels';
import { table, type PreparedSheet, type TableColumn } from './xlsx-writer';
import { booleanText, centsToMoney, parseMoney } from '../../domain';

/** A batch row with its JSON parsed once, for the columns to read. */
interface DetailRow {
  line: ExportLine;
  inputs: Record<string, string>;
  values: Record<string, string>;
  reason: string | null;
}

async function* detailRows(x: ExportBatch): AsyncGenerator<DetailRow> {
  for await (const { line, reason } of x.rows()) {
    yield {
      line,
      inputs: JSON.parse(line.inputs_json) as Record<string, string>,
      values: line.values_json ? (JSON.parse(line.values_json) as Record<string, string>) : {},
      reason,
    };
  }
}

/**
 * 明细: one row per distributor — master data, policy, the built-in inputs its policy read, every
 * formula's value under the formula's label, rebate, adjustment with its reason, final — and a
 * totals row of values summed in BigInt cents while the rows stream past.
 */
export function detailsSheet(x: ExportBatch, s: BatchSummary, l: ExportLabels, preamble: string[], pageFooter: string): PreparedSheet {
  const d = l.details;
  const sums = new Map<string, bigint>();
  let rows = 0;
  const add = (key: string, c: bigint | null): void => {
    if (c !== null) sums.set(key, (sums.get(key) ?? 0n) + c);
  };
  const count = (r: DetailRow): void => {
    rows++;
    for (const i of x.inputs) if (i.type === 'money') add(i.variable.name, parseMoney(r.inputs[i.variable.name]));
    if (r.line.final_cents === null) return;
    add('#rebate', BigInt(r.line.rebate_cents ?? 0));
    add('#adjustment', BigInt(r.line.adjustment_cents));
    add('#final', BigInt(r.line.final_cents));
  };

  const money = (key: string) => (): string => centsToMoney(sums.get(key) ?? 0n);
  type Column = TableColumn<DetailRow> & { total?: () => string };
  const columns: Column[] = [
    { header: d.code, type: 'text', width: 12, value: (r) => r.line.code, total: () => d.totals },
    { header: d.name, type: 'text', width: 26, value: (r) => r.line.name, total: () => fill(d.count, { n: rows }) },
    { header: d.region, type: 'text', width: 9, value: (r) => r.line.region },
    { header: d.province, type: 'text', width: 10, value: (r) => r.line.province },
    { header: d.grade, type: 'text', width: 7, value: (r) => r.line.grade },
    { header: d.policy, type: 'text', width: 12, value: (r) => r.line.policy_code },
    { header: d.version, type: 'int', width: 8, value: (r) => r.line.policy_version },
    ...x.inputs.map(
      (i): Column => ({
        header: `${i.variable.label[l.lang]}${i.type === 'money' ? l.moneySuffix : ''}`,
        type: i.type,
        width: i.type === 'money' ? 16 : 11,
        value: (r) => r.inputs[i.variable.name] ?? null,
        ...(i.type === 'money' ? { total: money(i.variable.name) } : {}),
      }),
    ),
    ...x.formulas.map((f): Column => ({ header: f.header, type: f.type, width: Math.max(12, Math.min(24, f.header.length * 2 + 4)), value: (r) => booleanText(r.values[f.name], l.lang) ?? r.values[f.name] ?? null })),
    { header: d.rebate, type: 'money', width: 16, value: (r) => (r.line.rebate_cents === null ? null : centsToMoney(r.line.rebate_cents)), total: money('#rebate') },
    { header: d.adjustment, type: 'money', width: 14, value: (r) => (r.line.adjustment_cents === 0 ? null : centsToMoney(r.line.adjustment_cents)), total: money('#adjustment') },
    { header: d.reason, type: 'text', width: 30, value: (r) => r.reason },
    { header: d.final, type: 'money', width: 16, value: (r) => (r.line.final_cents === null ? null : centsToMoney(r.line.final_cents)), total: money('#final') },
    { header: d.exception, type: 'text', width: 14, value: (r) => (r.line.exception ? l.exc.kinds[r.line.exception] : null) },
  ];

  async function* counted(): AsyncGenerator<DetailRow> {
    for await (const r of detailRows(x)) {
      count(r);
      yield r;
    }
  }

  const footer = (): (string | null)[] => {
    // the streamed totals must be the summary's: both are exact, so a difference means the batch moved
    const final = sums.get('#final') ?? 0n;
    if (rows !== s.count || final !== s.final) throw new Error(`details total ${centsToMoney(final)} over ${rows} rows differs from the summary ${centsToMoney(s.final)} over ${s.count}`);
    return columns.map((c) => c.total?.() ?? null);
  };

  return table({ name: l.sheets.details, preamble, columns, rows: counted(), footer, freezeColumns: 2, pageFooter });
}

export const detailsTitle = (l: ExportLabels, period: string): string => fill(l.details.title, { period });
