import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { openDatabase } from '../../main/db/database';
import { verifyAudit } from '../../main/services/audit';
import { currentHolds } from '../../main/services/holds';
import { builtInChild, copyDb, integrity, query, rng, runCli, strays, type CaseContext, type ReliabilityCase } from '../kit';
import { buildMonth, NEXT, PASSWORDS, PERIOD, type MonthTemplates } from '../month';

let month: Promise<MonthTemplates> | null = null;
let monthDir = '';

/**
 * The demo month shared by the cases (built once per run), built in a child process
 * (`run.mjs --make-month DIR`): built here it left 20–57 MB more resident in the runner, which
 * the hostile files' in-process peaks count (the whole process's peak is held to 500 MB).
 */
export function sharedMonth(dir: string): Promise<MonthTemplates> {
  if (!month) {
    monthDir = dir;
    month = builtInChild<MonthTemplates>('--make-month', dir);
  }
  return month;
}

/** The child's side of `sharedMonth`. */
export async function makeSharedMonth(dir: string): Promise<MonthTemplates> {
  return buildMonth(dir, { distributors: 40, purchaseRows: 2500 });
}

function env(db: string, user = 'admin'): Record<string, string> {
  return { REBATE_DB: db, REBATE_USER: user, REBATE_PASSWORD: PASSWORDS[user] ?? '', REBATE_LANG: 'en', REBATE_CONFIG_DIR: path.join(path.dirname(db), 'config') };
}

/** After a kill: reopen as the next start would (leftovers removed), then integrity, strays, holds and audit chain. */
function commonChecks(db: string): string | null {
  const opened = openDatabase(db);
  try {
    if (currentHolds(opened).length > 0) return 'a hold of the killed process still blocks';
    const audit = verifyAudit(opened);
    if (!audit.ok) return `audit chain broken (${audit.reason})`;
  } finally {
    opened.close();
  }
  const ic = integrity(db);
  if (ic !== 'ok') return `integrity_check: ${ic}`;
  const left = strays(path.dirname(db));
  if (left.length > 0) return `stray files after restart: ${left.join(', ')}`;
  return null;
}

async function killLoop(ctx: CaseContext, template: (m: MonthTemplates) => string, args: (m: MonthTemplates, db: string) => string[], user: (m: MonthTemplates) => string, check: (m: MonthTemplates, db: string) => string | null, seed: number): Promise<void> {
  const m = await sharedMonth(path.join(ctx.dir, '..', 'month'));
  const random = rng(seed);
  // One undisturbed run tells how long the command takes, so kills land across its whole life.
  const probe = path.join(ctx.dir, 'probe', 'db.sqlite');
  copyDb(template(m), probe);
  const full = await runCli(args(m, probe), env(probe, user(m)));
  if (full.code !== 0) {
    ctx.attempt(`undisturbed run failed (exit ${full.code}): ${full.stderr.slice(0, 300)}`);
    return;
  }
  ctx.log(`undisturbed run: ${full.ms} ms`);
  const fullProblem = check(m, probe);
  if (fullProblem) {
    ctx.attempt(`undisturbed run: ${fullProblem}`);
    return;
  }
  for (let i = 0; i < ctx.tries; i++) {
    const db = path.join(ctx.dir, `try-${i}`, 'db.sqlite');
    copyDb(template(m), db);
    const delay = Math.round(150 + random() * Math.max(100, full.ms - 150));
    await runCli(args(m, db), env(db, user(m)), { killAfterMs: delay });
    ctx.attempt(check(m, db) ?? commonChecks(db));
  }
}

function count(db: string, sql: string, ...params: unknown[]): number {
  return query<{ n: number }>(db, sql, ...params)[0]?.n ?? 0;
}

export const killImport: ReliabilityCase = {
  name: 'kill -9 during import: all or nothing',
  tries: { quick: 8, full: 20 },
  async run(ctx) {
    let expected = -1;
    await killLoop(
      ctx,
      (m) => m.imported,
      (m) => ['import', 'purchases', ...m.nextPurchases, '--period', NEXT],
      () => 'li',
      (_m, db) => {
        const n = count(db, 'SELECT COUNT(*) AS n FROM purchases WHERE period = ?', NEXT);
        const files = count(db, 'SELECT COUNT(*) AS n FROM import_files WHERE period = ?', NEXT);
        if (expected < 0) expected = n;
        if (n !== 0 && n !== expected) return `partial import: ${n} of ${expected} lines`;
        if ((n === 0) !== (files === 0)) return `files (${files}) and lines (${n}) disagree`;
        return null;
      },
      11,
    );
  },
};

export const killCalc: ReliabilityCase = {
  name: 'kill -9 during calc: all or nothing',
  tries: { quick: 5, full: 10 },
  async run(ctx) {
    let expected: { lines: number; total: number } | null = null;
    await killLoop(
      ctx,
      (m) => m.imported,
      () => ['calc', '--period', PERIOD],
      () => 'li',
      (_m, db) => {
        const b = query<{ id: number; total_cents: number }>(db, 'SELECT id, total_cents FROM batches WHERE period = ?', PERIOD)[0];
        if (!b) return null;
        const lines = count(db, 'SELECT COUNT(*) AS n FROM batch_rows WHERE batch_id = ?', b.id);
        expected ??= { lines, total: b.total_cents };
        if (lines !== expected.lines || b.total_cents !== expected.total) return `half a batch: ${lines} lines, total ${b.total_cents}`;
        return null;
      },
      22,
    );
  },
};

export const killApprove: ReliabilityCase = {
  name: 'kill -9 during approve: consistent',
  tries: { quick: 5, full: 10 },
  async run(ctx) {
    await killLoop(
      ctx,
      (m) => m.lastLevel,
      () => ['approve', '--period', PERIOD],
      (m) => m.lastApprover,
      (_m, db) => {
        const status = query<{ status: string }>(db, 'SELECT status FROM batches WHERE period = ?', PERIOD)[0]?.status;
        const sub = query<{ status: string; id: number }>(db, "SELECT id, status FROM approval_submissions ORDER BY id DESC LIMIT 1")[0];
        const levels = sub ? count(db, 'SELECT COUNT(*) AS n FROM approval_submission_levels WHERE submission_id = ?', sub.id) : 0;
        const decisions = sub ? count(db, 'SELECT COUNT(*) AS n FROM approval_decisions WHERE submission_id = ?', sub.id) : 0;
        if (status === 'approved' && sub?.status === 'approved' && decisions === levels) return null;
        if (status === 'submitted' && sub?.status === 'pending' && decisions === levels - 1) return null;
        return `inconsistent approval: batch ${status}, submission ${sub?.status}, ${decisions}/${levels} decisions`;
      },
      33,
    );
  },
};

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A whole export file: an xlsx whose zip opens, or a CSV ending in a newline. */
function whole(file: string): string | null {
  if (!existsSync(file)) return `${path.basename(file)} missing`;
  if (statSync(file).size === 0) return `${path.basename(file)} is empty`;
  if (file.endsWith('.xlsx')) {
    try {
      unzipSync(readFileSync(file));
    } catch {
      return `${path.basename(file)} is a broken xlsx`;
    }
  } else if (!readFileSync(file, 'utf8').endsWith('\n')) return `${path.basename(file)} is cut short`;
  return null;
}

function exportKill(name: string, kind: 'approval' | 'statements' | 'posting', seed: number): ReliabilityCase {
  return {
    name,
    tries: { quick: 5, full: 10 },
    async run(ctx) {
      const m = await sharedMonth(path.join(ctx.dir, '..', 'month'));
      const db = path.join(ctx.dir, 'db', 'db.sqlite');
      copyDb(m.approved, db);
      const out = path.join(ctx.dir, 'out', kind === 'approval' ? 'approval.xlsx' : kind === 'posting' ? 'posting.csv' : 'statements');
      const args = ['export', kind, '--period', PERIOD, '--out', out];
      const first = await runCli(args, env(db, 'admin'));
      if (first.code !== 0) return ctx.attempt(`export failed: ${first.stderr.slice(0, 300)}`);
      const files = (): string[] => (kind === 'statements' ? readdirSync(out).filter((f) => !f.includes('.partial')).map((f) => path.join(out, f)) : [out]);
      const before = new Map(files().map((f) => [f, sha(f)]));
      const random = rng(seed);
      for (let i = 0; i < ctx.tries; i++) {
        const delay = Math.round(150 + random() * Math.max(100, first.ms - 150));
        await runCli(args, env(db, 'admin'), { killAfterMs: delay });
        const problems = [...before.keys()].map(whole).filter((p): p is string => p !== null);
        ctx.attempt(problems[0] ?? null);
      }
      // The next (undisturbed) run cleans what the killed ones left.
      const last = await runCli(args, env(db, 'admin'));
      const left = strays(path.dirname(out)).concat(kind === 'statements' ? strays(out) : []);
      ctx.attempt(last.code !== 0 ? `export after kills failed: ${last.stderr.slice(0, 200)}` : left.length > 0 ? `stray files: ${left.slice(0, 3).join(', ')}` : null);
    },
  };
}

export const killExports: ReliabilityCase[] = [
  exportKill('kill -9 during export approval', 'approval', 44),
  exportKill('kill -9 during export statements', 'statements', 55),
  exportKill('kill -9 during export posting', 'posting', 66),
];

export function monthFolder(): string {
  return monthDir;
}
