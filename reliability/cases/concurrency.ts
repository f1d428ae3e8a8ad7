import path from 'node:path';
import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { dispatch } from '../../main/api/dispatch';
import { verifyAudit } from '../../main/services/audit';
import { Store } from '../../main/services/store';
import { copyDb, type ReliabilityCase } from '../kit';
import { contextFor, ok, PERIOD, signIn } from '../month';
import { sharedMonth } from './kill';

/** A purchases CSV of `rows` lines for the period, the last one with an unknown distributor when `bad`. */
function csv(file: string, codes: string[], rows: number, bad: boolean, tag: string): string {
  const head = '单据编号,行号,单据日期,客户编码,客户名称,存货编码,存货名称,数量,含税单价,价税合计';
  const lines = Array.from({ length: rows }, (_, i) => `${tag}${i},1,${PERIOD}-15,${codes[i % codes.length] ?? ''},,SKU1,酱油,1,10,10`);
  if (bad) lines.push(`${tag}BAD,1,${PERIOD}-15,NO-SUCH-CODE,,SKU1,酱油,1,10,10`);
  writeFileSync(file, iconv.encode([head, ...lines].join('\r\n') + '\r\n', 'gb18030'));
  return file;
}

/**
 * While an import runs (and then fails, or succeeds), other callers adjust, approve, add users and
 * calculate on the same process's database — as the web host serves them. Every write that was
 * acknowledged must still be there afterwards; refusals must be clear ones (never internal).
 */
export const concurrency: ReliabilityCase = {
  name: 'import + adjust/approve/add user/calc at once',
  tries: { quick: 3, full: 12 },
  async run(ctx) {
    const m = await sharedMonth(path.join(ctx.dir, '..', 'month'));
    for (let i = 0; i < ctx.tries; i++) {
      const db = path.join(ctx.dir, `try-${i}`, 'db.sqlite');
      copyDb(m.imported, db);
      const store = new Store(db);
      try {
        const admin = contextFor(store);
        await ok(admin, 'auth.signIn', { name: 'admin', password: 'admin-pass-1' });
        const li = await signIn(store, 'li');
        await ok(li, 'batch.calculate', { period: PERIOD });
        const codes = (store.db.prepare('SELECT code FROM distributors ORDER BY code').all() as { code: string }[]).map((r) => r.code);
        const failing = i % 2 === 0;
        const file = csv(path.join(ctx.dir, `try-${i}`, 'extra.csv'), codes, 15000, failing, `C${i}X`);
        const job = await ok<{ jobId: string }>(li, 'import.start', { imports: [{ kind: 'purchases', period: PERIOD, files: [{ path: file }] }] });
        const acknowledged: { what: string; check: () => boolean }[] = [];
        const problems: string[] = [];
        const refusedClearly = (r: { ok: boolean; error?: { kind: string; message: string } }, what: string): void => {
          if (!r.ok && r.error?.kind === 'internal') problems.push(`${what}: internal error ${r.error.message}`);
        };
        // Let the job take its hold (it hashes its files first), so the calls below meet it.
        for (let w = 0; w < 200 && !store.db.prepare('SELECT 1 FROM period_holds').get(); w++) await new Promise((r) => setTimeout(r, 25));
        const name = `user${i}`;
        const add = await dispatch(admin, 'users.add', { name, password: 'pass-word-1', roles: ['auditor'] });
        if (add.ok) acknowledged.push({ what: 'users.add', check: () => !!store.db.prepare('SELECT 1 FROM users WHERE name = ?').get(name) });
        refusedClearly(add, 'users.add');
        const [adj, calc] = await Promise.all([
          dispatch(li, 'batch.adjust', { period: PERIOD, code: codes[0] ?? '', amount: `${i + 1}.25`, reason: 'reliability' }),
          dispatch(li, 'batch.calculate', { period: PERIOD }),
        ]);
        if (adj.ok) acknowledged.push({ what: 'batch.adjust', check: () => !!store.db.prepare('SELECT 1 FROM adjustments WHERE period = ? AND amount_cents = ?').get(PERIOD, (i + 1) * 100 + 25) });
        refusedClearly(adj, 'batch.adjust');
        refusedClearly(calc, 'batch.calculate');
        const submit = await dispatch(li, 'approval.submit', { period: PERIOD });
        if (submit.ok) acknowledged.push({ what: 'approval.submit', check: () => !!store.db.prepare("SELECT 1 FROM batches WHERE period = ? AND status = 'submitted'").get(PERIOD) });
        refusedClearly(submit, 'approval.submit');
        for (;;) {
          const j = await ok<{ status: string; reports: { status: string }[] | null; error: string | null }>(li, 'import.job', { jobId: job.jobId });
          if (j.status !== 'running') {
            if (j.status === 'failed') problems.push(`import job failed: ${j.error}`);
            else if ((j.reports?.[0]?.status === 'rejected') !== failing) problems.push(`import ended ${j.reports?.[0]?.status}`);
            break;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        for (const a of acknowledged) if (!a.check()) problems.push(`${a.what} acknowledged, then lost`);
        const audit = verifyAudit(store.db);
        if (!audit.ok) problems.push(`audit chain: ${audit.reason}`);
        ctx.attempt(problems[0] ?? null);
      } finally {
        store.close();
      }
    }
  },
};
