import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { approvePeriod, importMonth, ledgerWorld, SETTLEMENT_HEADER } from '../testing/ledger-months';
import { writeWorkbook } from '../testing/workbooks';
import { cli, serveForTests } from '../testing/cli-server';

// ledger.md's commands through a team server (cli.md `--server`): the same output, JSON and exit
// codes as on the server's own database; files named on the line uploaded, --out files local.

const server = serveForTests(async (h) => {
  const w = await ledgerWorld(h);
  await importMonth(h, w.prep, '2026-01', [['D1', 100000], ['D2', 50000]], [['J1', 1, '2026-01-10', 'D1', 300, '票折', null]]);
  await h.ok(w.prep, 'batch.calculate', { period: '2026-01' });
  await approvePeriod(h, w, '2026-01');
});


const as = (name: string): string[] => ['--user', name, '--password', `${name}-pass-1`];
const local = (): string[] => ['--db', server.h.store.path];
const remote = (): string[] => ['--server', server.url, '--fingerprint', server.cert.fingerprint];

/** The same command on the server's database directly and through --server. */
async function both(args: string[]): Promise<{ local: { code: number; out: string }; remote: { code: number; out: string } }> {
  return { local: await cli([...args, ...local()]), remote: await cli([...args, ...remote()]) };
}

describe('ledger commands through --server', () => {
  it('ledger --format json and csv print the same as locally; --out writes the same file locally', async () => {
    const json = await both(['ledger', '--period', '2026-01', '--format', 'json', ...as('prep')]);
    expect(json.local.code).toBe(0);
    expect(json.remote).toEqual(json.local);
    expect(JSON.parse(json.remote.out)).toMatchObject({ period: '2026-01', rows: [{ code: 'D1', accrued: '1000.00', used: '300.00' }, { code: 'D2' }] });
    const csv = await both(['ledger', '--period', '2026-01', ...as('wang')]);
    expect(csv.remote).toEqual(csv.local);

    const mine = path.join(server.h.dir, 'out-local', '台账.csv');
    const theirs = path.join(server.h.dir, 'out-remote', '台账.csv');
    const l = await cli(['--json', 'ledger', '--period', '2026-01', '--out', mine, ...as('prep'), ...local()]);
    const r = await cli(['--json', 'ledger', '--period', '2026-01', '--out', theirs, ...as('prep'), ...remote()]);
    expect(l.code).toBe(0);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ ...JSON.parse(l.out), out: theirs });
    expect(readFileSync(theirs, 'utf8')).toBe(readFileSync(mine, 'utf8'));
  }, 120_000);

  it('export ledger --out writes the workbook on this machine, with the same summary as locally', async () => {
    const mine = path.join(server.h.dir, 'x-local', '台账.xlsx');
    const theirs = path.join(server.h.dir, 'x-remote', '台账.xlsx');
    const l = await cli(['--json', 'export', 'ledger', '--period', '2026-01', '--out', mine, ...as('prep'), ...local()]);
    const r = await cli(['--json', 'export', 'ledger', '--period', '2026-01', '--out', theirs, ...as('prep'), ...remote()]);
    expect(l.code).toBe(0);
    expect(r.code).toBe(0);
    expect({ ...JSON.parse(r.out), out: null }).toEqual({ ...JSON.parse(l.out), out: null });
    expect(JSON.parse(r.out)).toMatchObject({ status: 'ok', kind: 'ledger', out: theirs, final: true });
    expect(readFileSync(theirs).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('imports settlements from a file on this machine and adjusts the ledger on the server; refusals keep exit 2 and their JSON', async () => {
    const file = await writeWorkbook(server.h.dir, '二月兑付.xlsx', [{ name: '兑付', header: SETTLEMENT_HEADER, rows: [['F1', 1, '2026-02-05', 'D1', 100, '票折', null]] }]);
    const dry = await both(['--json', 'import', 'settlements', file, '--period', '2026-02', '--dry-run', ...as('prep')]);
    expect(dry.remote).toEqual(dry.local);
    const imported = await cli(['--json', 'import', 'settlements', file, '--period', '2026-02', ...as('prep'), ...remote()]);
    expect(imported.code).toBe(0);

    const adj = await cli(['--json', 'ledger', 'adjust', '--period', '2026-02', '--distributor', 'D2', '--amount', '-12.34', '--reason', '核销过期余额', ...as('prep'), ...remote()]);
    expect(adj.code).toBe(0);
    expect(JSON.parse(adj.out)).toMatchObject({ period: '2026-02', code: 'D2', adjusted: '-12.34', adjustments: [{ amount: '-12.34', reason: '核销过期余额', created_by: 'prep' }] });
    // it happened on the server's database: the local view of the same file shows it, and both agree
    const feb = await both(['ledger', '--period', '2026-02', '--format', 'json', ...as('prep')]);
    expect(feb.remote).toEqual(feb.local);
    const rows = (JSON.parse(feb.local.out) as { rows: { code: string; used: string; adjusted: string }[] }).rows;
    expect(rows.find((x) => x.code === 'D2')?.adjusted).toBe('-12.34');
    expect(rows.find((x) => x.code === 'D1')?.used).toBe('100.00');

    // an approver may not adjust; a missing reason is refused before anything is sent
    const refused = await both(['--json', 'ledger', 'adjust', '--period', '2026-02', '--distributor', 'D2', '--amount', '1', '--reason', 'x', ...as('wang')]);
    expect(refused.local.code).toBe(2);
    expect(refused.remote).toEqual(refused.local);
    const noReason = await both(['--json', 'ledger', 'adjust', '--period', '2026-02', '--distributor', 'D2', '--amount', '1', ...as('prep')]);
    expect(noReason.local.code).toBe(2);
    expect(noReason.remote).toEqual(noReason.local);
  }, 120_000);
});
