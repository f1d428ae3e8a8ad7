import { createWriteStream, mkdirSync } from 'node:fs';
import { writeAtomically } from '../util/partial-files';
import { once } from 'node:events';
import path from 'node:path';
import type { PostingLayout, PostingSource } from '../../contract/ops/exports';
import type { Lang } from '../../contract/roles';
import type { ExportBatch, ExportLine } from './batch-data';
import { csvLine, csvNumber, csvText, type CsvCell } from './csv';
import { fill } from './labels';
import { t } from '../i18n/messages';
import { table, writeWorkbook, type ColumnType, type TableColumn } from './xlsx-writer';
import { centsToMoney, periodEndDate } from '../../domain';

/** What the posting file is made of, read by the service layer. */
export interface PostingInput {
  x: ExportBatch;
  layout: PostingLayout;
  lang: Lang;
  /** the export's day on this computer's calendar (YYYY-MM-DD), for a voucher dated 'export_day' */
  today: string;
}

export interface WrittenPosting {
  distributors: number;
  final: bigint;
  rows: number;
}

/** One line of the voucher: a side of a distributor's entry (or the whole entry in `single` mode). */
interface PostingLine {
  no: number;
  side: 'debit' | 'credit' | 'both';
  line: ExportLine;
  amount: string;
}

const TYPES: Partial<Record<PostingSource, ColumnType>> = { voucher_date: 'date', debit: 'money', credit: 'money', amount: 'money', line_no: 'int', batch_id: 'int' };

/** The value of one column on one line, as a decimal string, a YYYY-MM-DD date or text. */
function resolver(lang: Lang, today: string, layout: PostingLayout, batch: { id: number; period: string; content_hash: string }) {
  const p = layout.params;
  const date = p.voucher_date === 'period_end' ? periodEndDate(batch.period) : p.voucher_date === 'export_day' ? today : p.voucher_date;
  return (source: PostingSource, constant: string | undefined, l: PostingLine): string | null => {
    const debitSide = l.side !== 'credit';
    const creditSide = l.side !== 'debit';
    switch (source) {
      case 'voucher_date':
        return date;
      case 'period':
        return batch.period;
      case 'summary':
        return fill(p.summary, { period: batch.period, code: l.line.code, name: l.line.name, region: l.line.region });
      case 'account':
        return l.side === 'credit' ? p.credit_account : p.debit_account;
      case 'debit_account':
        return p.debit_account;
      case 'credit_account':
        return p.credit_account;
      case 'direction':
        return l.side === 'both' ? null : t(l.side === 'debit' ? 'posting.debit' : 'posting.credit', {}, lang);
      case 'debit':
        return debitSide ? l.amount : null;
      case 'credit':
        return creditSide ? l.amount : null;
      case 'amount':
        return l.amount;
      case 'distributor_code':
        return l.line.code;
      case 'distributor_name':
        return l.line.name;
      case 'region':
        return l.line.region;
      case 'province':
        return l.line.province;
      case 'grade':
        return l.line.grade;
      case 'line_no':
        return String(l.no);
      case 'batch_id':
        return String(batch.id);
      case 'batch_hash':
        return batch.content_hash;
      case 'constant':
        return constant ?? null;
    }
  };
}

/**
 * The ERP posting file (凭证导入): approved batches only, in the configured layout, as xlsx or CSV
 * (by the file's extension). Distributors without a final amount (exceptions) have nothing to post.
 */
export async function buildPosting({ x, layout, lang, today }: PostingInput, format: 'xlsx' | 'csv', file: string): Promise<WrittenPosting> {
  const value = resolver(lang, today, layout, x.batch);
  let total = 0n;
  let rows = 0;
  let distributors = 0;

  async function* lines(): AsyncGenerator<PostingLine> {
    for await (const { line } of x.rows()) {
      if (line.final_cents === null || (layout.skip_zero && line.final_cents === 0)) continue;
      distributors++;
      total += BigInt(line.final_cents);
      const amount = centsToMoney(line.final_cents);
      const sides = layout.mode === 'pair' ? (['debit', 'credit'] as const) : (['both'] as const);
      for (const side of sides) yield { no: ++rows, side, line, amount };
    }
  }

  mkdirSync(path.dirname(file), { recursive: true });
  if (format === 'xlsx') {
    const columns = layout.columns.map((c): TableColumn<PostingLine> => {
      const type = TYPES[c.source] ?? 'text';
      return { header: c.header, type, width: type === 'money' ? 16 : c.source === 'batch_hash' ? 66 : c.source === 'summary' || c.source === 'distributor_name' ? 30 : 14, value: (l) => value(c.source, c.value, l) };
    });
    // a flat sheet for the ERP's importer: header in row 1, no title, no totals row
    await writeWorkbook(file, [table({ name: t('sheet.voucher', {}, lang), columns, rows: lines() })]);
  } else {
    await writeAtomically(file, async (tmp) => {
      const out = createWriteStream(tmp);
      const write = async (cells: CsvCell[]): Promise<void> => {
        if (!out.write(`${csvLine(cells)}\r\n`)) await once(out, 'drain');
      };
      try {
        out.write('\uFEFF');
        await write(layout.columns.map((c) => csvText(c.header)));
        for await (const l of lines()) {
          await write(layout.columns.map((c) => (TYPES[c.source] === 'money' || TYPES[c.source] === 'int' ? csvNumber(value(c.source, c.value, l)) : csvText(value(c.source, c.value, l)))));
        }
      } finally {
        out.end();
        await once(out, 'close');
      }
    });
  }
  return { distributors, final: total, rows };
}
