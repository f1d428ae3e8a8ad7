import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer as createTlsServer } from 'node:tls';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { approve, calculatedMonth } from '../testing/approved-month';
import { PURCHASE_HEADER, writeGbkCsv } from '../testing/workbooks';
import { P } from '../testing/month';
import { cli, serveForTests } from '../testing/cli-server';

const server = serveForTests(async (h) => {
  const w = await calculatedMonth(h);
  await h.ok(w.prep, 'batch.adjust', { period: '2026-01', code: 'D2', amount: '-12.34', reason: '扣减' });
  await approve(h, w);
});


const admin = ['--user', 'admin', '--password', 'admin-pass-1'];
const remote = (): string[] => ['--server', server.url, '--fingerprint', server.cert.fingerprint.replace(/:/g, '').toLowerCase()];

describe('the CLI through --server', () => {
  it('prints the same results JSON as locally on the same data', async () => {
    const local = await cli(['results', '--period', '2026-01', '--format', 'json', '--db', server.h.store.path, ...admin]);
    const viaServer = await cli(['results', '--period', '2026-01', '--format', 'json', ...remote(), ...admin]);
    expect(local.code).toBe(0);
    expect(viaServer.code).toBe(0);
    expect(JSON.parse(viaServer.out)).toEqual(JSON.parse(local.out));
    expect(viaServer.out).toBe(local.out);
    // the environment variables work the same, and refusals keep their exit code and JSON
    const env = { REBATE_SERVER: server.url, REBATE_SERVER_FINGERPRINT: server.cert.fingerprint, REBATE_USER: 'wang', REBATE_PASSWORD: 'wang-pass-1' };
    const refusedRemote = await cli(['--json', 'adjust', '--period', '2026-01', '--distributor', 'D1', '--amount', '1', '--reason', 'x'], env);
    const refusedLocal = await cli(['--json', 'adjust', '--period', '2026-01', '--distributor', 'D1', '--amount', '1', '--reason', 'x', '--db', server.h.store.path], { REBATE_USER: 'wang', REBATE_PASSWORD: 'wang-pass-1' });
    expect(refusedRemote.code).toBe(2);
    expect(refusedRemote.out).toBe(refusedLocal.out);
    const badPassword = await cli(['results', '--period', '2026-01', ...remote(), '--user', 'admin', '--password', 'wrong-pass'], {});
    expect(badPassword.code).toBe(2);
  }, 120_000);

  it('uploads the files named on the line and writes --out files locally', async () => {
    const file = writeGbkCsv(server.h.dir, 'purchases-feb.csv', PURCHASE_HEADER, [P('FEB1', 'D1', 1000, '2026-02-03'), P('FEB2', 'D9', 5, '2026-02-04')]);
    const args = ['--json', 'import', 'purchases', file, '--period', '2026-02', '--dry-run', ...admin];
    const local = await cli([...args, '--db', server.h.store.path]);
    const viaServer = await cli([...args, ...remote()]);
    expect(viaServer.code).toBe(local.code);
    expect(JSON.parse(viaServer.out)).toEqual(JSON.parse(local.out));

    const out = path.join(server.h.dir, 'exports', '审批表.xlsx');
    const r = await cli(['--json', 'export', 'approval', '--period', '2026-01', '--out', out, ...remote(), ...admin]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ status: 'ok', out });
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const dir = path.join(server.h.dir, 'statements');
    const s = await cli(['--json', 'export', 'statements', '--period', '2026-01', '--out', dir, ...remote(), ...admin]);
    expect(s.code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.xlsx')).length).toBe((JSON.parse(s.out) as { statements: number }).statements);
  }, 120_000);

  it('refuses init and backup restore remotely (exit 2)', async () => {
    const init = await cli(['init', '--admin', 'x', '--password', 'xxxxxxxx1', '--lang', 'en', ...remote()]);
    expect(init.code).toBe(2);
    expect(init.err).toContain('server');
    expect((await cli(['backup', 'restore', 'some-id', ...remote(), ...admin])).code).toBe(2);
  });

  it('refuses a wrong fingerprint with exit 2, naming both, before sending a single byte', async () => {
    let received = 0;
    const tls = createTlsServer({ key: server.cert.key, cert: server.cert.cert }, (sock) => {
      sock.on('data', (c: Buffer) => (received += c.length));
      sock.on('error', () => undefined);
    });
    await new Promise<void>((r) => tls.listen(0, '127.0.0.1', () => r()));
    const port = (tls.address() as AddressInfo).port;
    const wrong = 'AA:'.repeat(31) + 'AA';
    const r = await cli(['results', '--period', '2026-01', '--server', `https://127.0.0.1:${port}/`, '--fingerprint', wrong, '--lang', 'en', ...admin]);
    await new Promise((res) => setTimeout(res, 200));
    tls.close();
    expect(r.code).toBe(2);
    expect(r.err).toContain(wrong);
    expect(r.err).toContain(server.cert.fingerprint);
    expect(received).toBe(0);
    expect(existsSync(path.join(server.h.dir, 'nothing'))).toBe(false);
  });
});
