/**
 * The display rules, checked the way a finance user meets them: the demo month is loaded, calculated
 * and exported, and every workbook is read back. No cell says true/false, no money or rate column
 * holds more than two decimals (of yuan or of a percent), and the import error workbook names fields
 * by their label and a CSV's sheet by the file's own name, never an internal key or a temporary id.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_ENTITY_LABELS, BATCH_STATUSES, FIELDS, ROLES } from '../../domain';
import { runCli } from '../cli/run';
import { writeLedgerWorkbook } from './ledger-workbook';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/policies';
import { loadDemo } from '../services/demo';
import { Harness } from '../testing/harness';
import { readWorkbook } from '../testing/xlsx-read';

let h: Harness;
afterEach(() => h?.close());

const MONEY_FORMATS = new Set(['#,##0.00']);
const RATE_FORMATS = new Set(['0.00%']);

/** Decimals of a number as written in the file (shortest round trip). */
function decimals(n: number): number {
  const m = /\.(\d+)$/.exec(String(n));
  return m?.[1]?.length ?? 0;
}

/**
 * The walkthrough's text items in one line of text or one cell: true/false, `。；`, a temporary id, a
 * login name where the display name belongs (li 核算于, 提交人 li), an internal key (distributor_code,
 * approved, policy_owner, approval_chain). File names (purchases-2026-03-1.xlsx), hashes and the
 * variables of a formula written out (grade, net) are no keys.
 */
const LOGINS = DEMO_USERS.map((u) => u.name).join('|');
const KEYS = [...Object.keys(FIELDS).filter((k) => k.includes('_')), ...BATCH_STATUSES, ...ROLES.filter((r) => r !== 'admin'), ...Object.keys(AUDIT_ENTITY_LABELS).filter((k) => k.includes('_'))].join('|');
const TEXT_RULES: readonly [string, RegExp][] = [
  ['true/false', /(?<![\w-])(true|false)(?![\w-])/i],
  ['doubled punctuation', /[。；，：、][。；，：、]/],
  ['temporary id', /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i],
  // a login beside its display name (王区域经理（wang）) is the CLI's hover; alone it is the walkthrough's item
  ['login name', new RegExp(`(?<![\\w.@/(（-])(${LOGINS})(?![\\w.@/-])`)],
  ['internal key', new RegExp(`(?<![\\w.-])(${KEYS})(?![\\w.-])`)],
  ['more than two decimals', /(?<![\d.])\d{1,3}(,\d{3})+\.\d{3,}|(?<![\d.,])\d+\.\d{3,}%/],
];
function textProblems(where: string, text: string): string[] {
  return TEXT_RULES.flatMap(([rule, re]) => {
    const m = re.exec(text);
    return m ? [`${where}: ${rule} "${m[0]}" in ${JSON.stringify(text.slice(Math.max(0, m.index - 30), m.index + 40))}`] : [];
  });
}

function problems(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value;
        if (typeof v === 'string') out.push(...textProblems(`${ws.name}!${c.address}`, v));
        if (typeof v === 'boolean') out.push(`${ws.name}!${c.address}: a boolean cell`);
        if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) out.push(`${ws.name}!${c.address}: "${v}"`);
        if (typeof v === 'number' && MONEY_FORMATS.has(c.numFmt ?? '') && decimals(v) > 2) out.push(`${ws.name}!${c.address}: money ${v}`);
        if (typeof v === 'number' && RATE_FORMATS.has(c.numFmt ?? '') && decimals(Number((v * 100).toFixed(10))) > 2) out.push(`${ws.name}!${c.address}: rate ${v}`);
      }),
    );
  }
  return out;
}

describe('the rule checks bite', () => {
  it('finds each walkthrough item in a text', () => {
    const found = (s: string): string[] => textProblems('t', s).map((p) => p.split(': ')[1]?.split(' "')[0] ?? '');
    expect(found('是否季末 false')).toEqual(['true/false']);
    expect(found('导入完成：2000 行。；退货')).toEqual(['doubled punctuation']);
    expect(found('37d7d8c8-1f0e-4c55-9a41-purchases-bad-2026-12')).toEqual(['temporary id']);
    expect(found('li 核算于 2026-03-12 10:02')).toEqual(['login name']);
    expect(found('提交人：li')).toEqual(['login name']);
    expect(found('审批人：王区域经理（wang）')).toEqual([]);
    expect(found('Approver: Wang (wang)')).toEqual([]);
    expect(found('字段 distributor_code')).toEqual(['internal key']);
    expect(found('需要：policy_owner')).toEqual(['internal key']);
    expect(found('净进货额 288,321.1053')).toEqual(['more than two decimals']);
    expect(found('促销达成率 82.887378%')).toEqual(['more than two decimals']);
    expect(found('李会计核算于 2026-03-12，purchases-2026-03-1.xlsx，82.89%，288,321.10，哈希 5ea51fc92242')).toEqual([]);
  });
});

describe('display rules in exported workbooks (read back)', () => {
  it('approval workbook, statements and posting file of the demo month: 是/否, money and rates to two decimals', async () => {
    h = new Harness();
    const admin = await h.admin();
    await loadDemo(admin, { period: '2026-03', distributors: 40, purchaseRows: 600 });
    await h.ok(admin, 'batch.calculate', { period: '2026-03' });

    const approval = path.join(h.dir, 'approval.xlsx');
    await h.ok(admin, 'export.approval', { period: '2026-03', out: approval });
    const statements = path.join(h.dir, 'statements.xlsx');
    await h.ok(admin, 'export.statements', { period: '2026-03', mode: 'workbook', out: statements });

    const wb = await readWorkbook(approval);
    expect(problems(wb)).toEqual([]);
    const details = wb.getWorksheet('明细');
    const headerRow = details?.getRow(3);
    const col = (header: string): number => {
      for (let c = 1; c <= (headerRow?.cellCount ?? 0); c++) if (headerRow?.getCell(c).value === header) return c;
      return -1;
    };
    // the demo's 是否季末 formula (a boolean) is written 是 / 否
    const quarterEnd = col('是否季末');
    expect(quarterEnd).toBeGreaterThan(0);
    const flags = new Set<unknown>();
    for (let r = 4; r <= (details?.rowCount ?? 0); r++) flags.add(details?.getRow(r).getCell(quarterEnd).value);
    expect([...flags].filter((v) => v !== null && v !== '是' && v !== '否')).toEqual([]);
    expect(flags.has('是') || flags.has('否')).toBe(true);
    // a formula rate (promotion achievement) is a percentage cell rounded to 0.01 %
    const promo = col('促销达成率');
    expect(promo).toBeGreaterThan(0);
    expect(details?.getRow(5).getCell(promo).numFmt).toBe('0.00%');

    expect(problems(await readWorkbook(statements))).toEqual([]);
  }, 180_000);

  it('English workbooks join lists as the English screens do (", ", "; "), never with 、 or ；', async () => {
    h = new Harness();
    const admin = await h.admin();
    const period = '2026-03';
    await loadDemo(admin, { period, distributors: 40, purchaseRows: 600 });
    // a level of two approvers: the trail lists who may still sign
    await h.ok(admin, 'chain.set', { levels: [{ name: '财务审批', approvers: ['wang', 'zhao'], min_total: null }] });
    const li = h.context('en');
    await h.ok(li, 'auth.signIn', { name: 'li', password: DEMO_PASSWORD });
    await h.ok(li, 'batch.calculate', { period });
    await h.ok(li, 'approval.submit', { period });
    const approval = path.join(h.dir, 'approval-en.xlsx');
    await h.ok(li, 'export.approval', { period, out: approval });
    // the ledger's findings of a distributor with two (the demo month has none such)
    const ledger = path.join(h.dir, 'ledger-en.xlsx');
    const zero = { opening: '0.00', accrued: '0.00', used: '120.00', used_by_method: { invoice: '120.00', goods: '0.00', offset: '0.00', cash: '0.00' }, adjusted: '0.00', closing: '-120.00' };
    await writeLedgerWorkbook({ period, start: period, balances_period: null, batch_status: 'approved', final: true, dormant_periods: 3, rows: [{ code: 'D1', name: '经销商', region: '华东', grade: 'A', ...zero, findings: ['overdrawn', 'dormant_balance'] }], totals: zero, findings: [] }, 'en', ledger);

    const texts: string[] = [];
    for (const file of [approval, ledger])
      for (const ws of (await readWorkbook(file)).worksheets) ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))));
    expect(texts.filter((t) => /[、；]/.test(t))).toEqual([]);
    // each of the three lists is there, joined the English way
    expect(texts).toEqual(expect.arrayContaining([expect.stringMatching(/^regions: 华东, 华南$/), expect.stringMatching(/\(wang\), .*\(zhao\)$/), 'Overdrawn, Dormant balance']));
    expect(texts.find((t) => /v\d+ \(.+\); /.test(t))).toBeDefined();
  }, 180_000);

  it('import error workbook: field labels, and a CSV sheet named after the file, not its temporary name', async () => {
    h = new Harness();
    const admin = await h.admin();
    const header = '单据编号,单据日期,经销商编码,金额';
    // uploads are stored under a temporary name; the user's file name travels beside it
    const stored = path.join(h.dir, '37d7d8c8-1f0e-4c55-9a41-purchases-bad-2026-12.csv');
    writeFileSync(stored, `${header}\nXS1,2026-12-03,D1,abc\nXS2,not a date,D1,10\n`);
    const { jobId } = await h.ok(admin, 'import.start', { imports: [{ kind: 'purchases', period: '2026-12', files: [{ path: stored, name: 'purchases-bad.csv' }] }] });
    let job = await h.ok(admin, 'import.job', { jobId });
    for (let i = 0; i < 600 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await h.ok(admin, 'import.job', { jobId });
    }
    expect(job.reports?.[0]?.status).toBe('rejected');
    const { downloadId } = await h.ok(admin, 'import.errorWorkbook', { jobId });
    const file = h.store.downloads.get(downloadId, admin.session.user?.id ?? 0)?.path ?? '';
    const ws = (await readWorkbook(file)).worksheets[0];
    if (!ws) throw new Error('no sheet');
    const head = ws.getRow(2).values as unknown[];
    const fieldCol = head.indexOf('字段');
    const sheetCol = head.indexOf('工作表');
    expect(fieldCol).toBeGreaterThan(0);
    const fields: unknown[] = [];
    const sheets: unknown[] = [];
    for (let r = 3; r <= ws.rowCount; r++) {
      fields.push(ws.getRow(r).getCell(fieldCol).value);
      sheets.push(ws.getRow(r).getCell(sheetCol).value);
    }
    expect(fields).toEqual(expect.arrayContaining(['金额', '单据日期']));
    for (const key of Object.keys(FIELDS)) expect(fields).not.toContain(key);
    expect(sheets.filter((s) => s !== null)).not.toHaveLength(0);
    for (const s of sheets) if (s !== null) expect(s).toBe('purchases-bad');
  });

  it('the demo month through the CLI: no walkthrough item in its text output or in any file it writes', async () => {
    h = new Harness();
    const admin = await h.admin();
    const period = '2026-03';
    await loadDemo(admin, { period, distributors: 40, purchaseRows: 600 });
    const db = h.store.path;
    const outputs: [string, string][] = [];
    const cli = async (user: string, ...args: string[]): Promise<string> => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli([...args, '--db', db, '--user', user, '--password', user === 'admin' ? 'admin-pass-1' : DEMO_PASSWORD], { out: (x) => out.push(x), err: (x) => err.push(x), env: {} });
      expect(code, `${args.join(' ')}: ${err.join('\n')}`).toBe(0);
      outputs.push([`rebate ${args.join(' ')}`, out.join('\n')]);
      return out.join('\n');
    };
    const file = (name: string): string => path.join(h.dir, name);
    // an import's text, on next month's files (dry run: nothing stored)
    const next = file('next');
    await cli('li', 'demo', '--out', next, '--period', '2026-04', '--distributors', '40', '--purchase-rows', '300');
    const named = (prefix: string): string[] => readdirSync(next).filter((f) => f.startsWith(prefix)).map((f) => path.join(next, f));
    await cli('li', 'import', 'purchases', ...named('purchases'), '--period', '2026-04', '--dry-run');
    await cli('li', 'import', 'returns', ...named('returns'), '--period', '2026-04', '--dry-run');

    await cli('li', 'calc', '--period', period);
    const csvOut = await cli('li', 'results', '--period', period);
    outputs.pop(); // the text form of results is its CSV: checked with the CSV files below
    writeFileSync(file('results-stdout.csv'), csvOut);
    await cli('li', 'results', '--period', period, '--format', 'csv', '--out', file('results.csv'));
    await cli('li', 'reconcile', '--period', period);
    await cli('li', 'ledger', '--period', period);
    await cli('li', 'policy', 'list');
    await cli('li', 'chain', 'show');
    await cli('li', 'submit', '--period', period, '--comment', '请审批');
    for (const approver of ['wang', 'zhao']) await cli(approver, 'approve', '--period', period, '--comment', '同意');
    // a refusal names the status by its label (状态：已审批, not approved)
    const refused: string[] = [];
    expect(await runCli(['approve', '--period', period, '--db', db, '--user', 'chen', '--password', DEMO_PASSWORD], { out: () => undefined, err: (x) => refused.push(x), env: {} })).toBe(2);
    outputs.push(['rebate approve (refused)', refused.join('\n')]);
    expect(refused.join('')).toContain('已审批');
    await cli('li', 'export', 'approval', '--period', period, '--out', file('approval.xlsx'));
    await cli('li', 'export', 'statements', '--period', period, '--out', file('statements'), '--one-workbook');
    await cli('li', 'export', 'posting', '--period', period, '--out', file('posting.xlsx'));
    await cli('li', 'export', 'posting', '--period', period, '--out', file('posting.csv'));
    await cli('li', 'export', 'ledger', '--period', period, '--out', file('ledger.xlsx'));
    await cli('zhou', 'audit', 'verify');
    await cli('admin', 'backup', 'list');

    expect(outputs.filter(([, text]) => text.trim() === '').map(([c]) => c)).toEqual([]);
    expect(outputs.flatMap(([command, text]) => textProblems(command, text))).toEqual([]);
    // every workbook written, read back cell by cell
    const workbooks = [file('approval.xlsx'), file('posting.xlsx'), file('ledger.xlsx'), ...readdirSync(file('statements')).map((f) => path.join(file('statements'), f))];
    expect(workbooks.length).toBeGreaterThanOrEqual(4);
    for (const wbFile of workbooks) expect(problems(await readWorkbook(wbFile)), path.basename(wbFile)).toEqual([]);
    // the CSV files: text as text, money to the cent (formula values stay exact there: a file for a spreadsheet)
    const MONEY_HEADERS = new Set(['返利', '调整', '最终返利', '借方金额', '贷方金额']);
    for (const csv of [file('results.csv'), file('results-stdout.csv'), file('posting.csv')]) {
      const text = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '');
      const [head = '', ...lines] = text.trim().split(/\r?\n/);
      const cols = head.split(',');
      const money = cols.flatMap((c, i) => (MONEY_HEADERS.has(c) ? [i] : []));
      expect(money.length, path.basename(csv)).toBeGreaterThan(0);
      const bad = lines.flatMap((l, r) => {
        const cells = l.split(',');
        return [...textProblems(`${path.basename(csv)}:${r + 2}`, l.replace(/-?\d+\.\d+/g, '0')), ...money.flatMap((i) => (/\.\d{3,}$/.test(cells[i] ?? '') ? [`${path.basename(csv)}:${r + 2} ${cols[i]} ${cells[i]}`] : []))];
      });
      expect(bad).toEqual([]);
    }
  }, 300_000);
});
