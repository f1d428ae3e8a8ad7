import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { safeFileName } from '../export/statements';
import { writeWorkbook, table } from '../export/xlsx-writer';
import { calculatedMonth } from '../testing/approved-month';
import { Harness } from '../testing/harness';
import { partialPath, removeLeftovers, writeAtomically } from './partial-files';

let dir = '';
let h: Harness | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  h?.close();
  h = undefined;
});

describe('files appear whole or not at all', () => {
  it('a failed (or cancelled) write leaves the previous file and no temporary file', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebate-atomic-'));
    const target = path.join(dir, 'approval.xlsx');
    writeFileSync(target, 'the earlier good export');
    await expect(
      writeAtomically(target, (tmp) => {
        writeFileSync(tmp, 'half');
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    expect(readFileSync(target, 'utf8')).toBe('the earlier good export');
    expect(readdirSync(dir)).toEqual(['approval.xlsx']);
    // a workbook whose rows fail half-way: the same
    const rows = async function* (): AsyncGenerator<{ a: string }> {
      yield { a: 'x' };
      throw new Error('batch changed');
    };
    await expect(writeWorkbook(target, [table({ name: 'S', columns: [{ header: 'A', type: 'text', value: (r: { a: string }) => r.a }], rows: rows() })])).rejects.toThrow('batch changed');
    expect(readFileSync(target, 'utf8')).toBe('the earlier good export');
    expect(readdirSync(dir)).toEqual(['approval.xlsx']);
  });

  it('leftovers of a killed writer are removed by the next write to that folder; a live writer’s are kept', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rebate-atomic-'));
    const target = path.join(dir, 'posting.csv');
    const dead = `${target}.2147483646-0badf00d.partial`;
    const live = partialPath(target);
    writeFileSync(dead, 'x');
    writeFileSync(live, 'y');
    await writeAtomically(target, (tmp) => writeFileSync(tmp, 'new'));
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(removeLeftovers(dir)).toEqual([]);
  });
});

describe('statement file names (Windows paths under 260 characters)', () => {
  it('cuts long names by characters, UTF-8 bytes and the folder’s length, keeping title, period and code', () => {
    const long = `经销商返利对账单-2026-01-D123-${'华'.repeat(2000)}`;
    const name = safeFileName(long);
    expect(name.startsWith('经销商返利对账单-2026-01-D123-华')).toBe(true);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(180);
    const deep = path.join(path.parse(process.cwd()).root, 'x'.repeat(150), 'y'.repeat(40));
    const inDeep = safeFileName(long, deep, '.xlsx');
    expect(path.join(path.resolve(deep), `${inDeep}.xlsx.4294967295-00000000.partial`).length).toBeLessThan(260);
    expect(safeFileName('a:b*c?.  ')).toBe('a_b_c_');
  });

  it('a distributor with a very long Chinese name gets a statement (no ENAMETOOLONG)', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    h.store.db.prepare('UPDATE distributors SET name = ? WHERE code = ?').run('超长名称'.repeat(3000), 'D1');
    await h.ok(w.prep, 'batch.calculate', { period: '2026-01' });
    const out = path.join(h.dir, 's'.repeat(60), '对账单');
    mkdirSync(out, { recursive: true });
    const r = await h.call(w.prep, 'export.statements', { period: '2026-01', mode: 'files', out });
    expect(r.ok ? 'ok' : r.error.message).toBe('ok');
    const files = readdirSync(out);
    const d1 = files.find((f) => f.includes('-D1-'));
    expect(d1).toBeDefined();
    for (const f of files) expect(Buffer.byteLength(f)).toBeLessThanOrEqual(185);
  }, 120_000);
});
