import Database from 'better-sqlite3';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness';
import { P, seedMonth } from '../testing/month';
import { PURCHASE_HEADER, writeGbkCsv } from '../testing/workbooks';
import { startWebHost, type WebHost } from './server';

/**
 * Issue 11, item 1, as it was reported — against the real web host (Fastify, one shared connection)
 * on a real SQLite file: while an import fails slowly, an adjustment and a new user are answered ok;
 * after the import is rejected both must still be there, with their audit entries.
 */
let h: Harness;
let host: WebHost;
afterEach(async () => {
  await host?.close();
  h?.close();
});

interface Reply {
  status: number;
  body: string;
}

function send(port: number, opts: { path: string; method?: string; headers: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const SESSION = 'session-rrrrrrrrrrrrrrrr';

describe('web host: a failing import never takes acknowledged writes with it (issue 11, 1)', () => {
  it('an adjustment and users.add answered ok during a rejected import are kept, audit entries included', async () => {
    h = new Harness();
    const admin = await h.admin();
    await seedMonth(h, admin);
    await h.ok(admin, 'batch.calculate', { period: '2026-01' });

    const renderer = path.join(h.dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Rebate Desk</title>');
    host = await startWebHost({ store: h.store, staticDir: renderer, stagingDir: path.join(h.dir, 'uploads') });
    const base = { Host: `127.0.0.1:${host.port}`, Cookie: `rebate_token=${host.token}`, 'X-Rebate-Session': SESSION };
    const call = async <T = unknown>(op: string, input: unknown): Promise<{ ok: true; result: T } | { ok: false; error: { kind: string; message: string } }> => {
      const r = await send(host.port, { path: '/api/invoke', method: 'POST', headers: { ...base, 'Content-Type': 'application/json' }, body: JSON.stringify({ op, input, lang: 'zh-CN' }) });
      expect(r.status).toBe(200);
      return JSON.parse(r.body) as { ok: true; result: T } | { ok: false; error: { kind: string; message: string } };
    };
    expect((await call('auth.signIn', { name: 'admin', password: 'admin-pass-1' })).ok).toBe(true);

    // A February purchases file long enough to keep the job busy, whose last row names an unknown distributor.
    const lines = Array.from({ length: 30000 }, (_, i) => P(`FEB${i}`, 'D1', 1, '2026-02-10'));
    lines.push(P('FEB-BAD', 'NOPE', 1, '2026-02-10'));
    const local = writeGbkCsv(h.dir, '2月进货.csv', PURCHASE_HEADER, lines);
    const content = readFileSync(local);
    const head = Buffer.from(`--b\r\nContent-Disposition: form-data; name="file"; filename="feb.csv"\r\nContent-Type: text/csv\r\n\r\n`);
    const body = Buffer.concat([head, content, Buffer.from('\r\n--b--\r\n')]);
    const up = await send(host.port, { path: '/api/upload', method: 'POST', headers: { ...base, 'Content-Type': 'multipart/form-data; boundary=b', 'Content-Length': String(body.length) }, body });
    expect(up.status).toBe(200);
    const staged = JSON.parse(up.body) as { path: string; name: string };

    const start = await call<{ jobId: string }>('import.start', { imports: [{ kind: 'purchases', period: '2026-02', files: [{ path: staged.path, name: staged.name }] }] });
    if (!start.ok) throw new Error(start.error.message);
    const jobId = start.result.jobId;
    const job = async () => {
      const j = await call<{ status: string; reports: { status: string }[] | null }>('import.job', { jobId });
      if (!j.ok) throw new Error(j.error.message);
      return j.result;
    };
    // the job has taken its period: it is parsing now
    for (let i = 0; i < 400 && (h.store.db.prepare('SELECT COUNT(*) AS n FROM period_holds').get() as { n: number }).n === 0; i++) await new Promise((r) => setTimeout(r, 25));

    const adj = await call('batch.adjust', { period: '2026-01', code: 'D1', amount: '1600.00', reason: '导入期间的调整' });
    expect(adj).toMatchObject({ ok: true });
    const user = await call<{ id: number }>('users.add', { name: 'during', password: 'during-pass-1', roles: ['auditor'] });
    expect(user).toMatchObject({ ok: true });
    // both were answered while the import was still running (else this test proves nothing)
    expect((await job()).status).toBe('running');

    let done = await job();
    for (let i = 0; i < 2400 && done.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      done = await job();
    }
    expect(done.status).toBe('done');
    expect(done.reports?.[0]?.status).toBe('rejected');

    // The acknowledged writes are there — read from the file by a connection of its own.
    const file = new Database(h.store.db.name, { readonly: true });
    try {
      expect(file.prepare("SELECT COUNT(*) AS n FROM users WHERE name = 'during'").get()).toEqual({ n: 1 });
      const audit = file.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[];
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user.add']));
      expect(audit.some((a) => a.action.includes('adjust'))).toBe(true);
      expect(file.prepare("SELECT COUNT(*) AS n FROM purchases WHERE period = '2026-02'").get()).toEqual({ n: 0 });
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      file.close();
    }
    const results = await call<{ rows: { code: string; adjustment: string }[] }>('batch.results', { period: '2026-01' });
    if (!results.ok) throw new Error(results.error.message);
    expect(results.result.rows.find((r) => r.code === 'D1')?.adjustment).toBe('1600.00');
    const verify = await call<{ ok: boolean }>('audit.verify', {});
    expect(verify).toMatchObject({ ok: true, result: { ok: true } });
  }, 180_000);
});
