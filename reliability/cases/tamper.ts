import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { dispatch } from '../../main/api/dispatch';
import { Store } from '../../main/services/store';
import { canonicalJson } from '../../main/util/canonical-json';
import { copyDb, runCli, type CaseContext, type ReliabilityCase } from '../kit';
import { PASSWORDS, PERIOD, signIn, type MonthTemplates } from '../month';
import { sharedMonth } from './kill';

/**
 * The tamper corpus (issue 11, item 5): someone with the database file and the sqlite3 shell edits
 * it. With the triggers intact each edit must be refused; with the triggers dropped `audit verify`
 * must report each one (ok: false, the expected finding). The anchor's checkpoint lives in the
 * attempt's own configuration folder, written by an untampered verify first, as on a real machine.
 */
interface Tamper {
  name: string;
  from: (m: MonthTemplates) => string;
  /** SQL for the sqlite3 shell (run as one script), or a function editing the file */
  edit: string | ((db: string, config: string) => void);
  /** 'refused': the shell must fail and nothing change; otherwise verify's expected reason(s) */
  expect: 'refused' | string[];
}

const DROP = (db: string): string =>
  (new Database(db, { readonly: true }).prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((t) => `DROP TRIGGER "${t.name}";`).join('\n');

function recomputeChain(db: string): void {
  const d = new Database(db);
  try {
    for (const { name } of d.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]) d.exec(`DROP TRIGGER "${name}"`);
    const rows = d.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, string | number | null>[];
    let prev = '0'.repeat(64);
    for (const r of rows) {
      const actor = r['id'] === 2 ? 'someone-else' : r['actor'];
      const content = canonicalJson([r['id'], r['at'], actor, r['action'], r['entity'], r['entity_id'], r['before_json'], r['after_json']]);
      const hash = createHash('sha256').update(prev).update('\n').update(content).digest('hex');
      d.prepare('UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?').run(actor, prev, hash, r['id']);
      prev = hash;
    }
    d.prepare('UPDATE audit_head SET last_hash = ?').run(prev);
  } finally {
    d.close();
  }
}

function checkpointFiles(config: string): string[] {
  const dir = path.join(config, 'audit-anchors');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
}

const CORPUS: Tamper[] = [
  { name: 'UPDATE a locked purchase line', from: (m) => m.approved, edit: `UPDATE purchases SET amount_cents = amount_cents + 100000000 WHERE period = '${PERIOD}';`, expect: 'refused' },
  { name: 'UPDATE an approved batch back to draft', from: (m) => m.approved, edit: "UPDATE batches SET status = 'draft';", expect: 'refused' },
  { name: 'approve a submission without the last decision', from: (m) => m.lastLevel, edit: "UPDATE approval_submissions SET status = 'approved' WHERE status = 'pending';", expect: 'refused' },
  { name: 'DELETE the newest audit entry', from: (m) => m.approved, edit: 'DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log);', expect: 'refused' },
  { name: 'move audit_head back', from: (m) => m.approved, edit: 'UPDATE audit_head SET last_id = last_id - 1, last_hash = (SELECT hash FROM audit_log WHERE id = (SELECT MAX(id) - 1 FROM audit_log));', expect: 'refused' },
  { name: 'triggers dropped: a locked purchase line raised ¥1,000,000', from: (m) => m.approved, edit: (db) => sql(db, `${DROP(db)}\nUPDATE purchases SET amount_cents = amount_cents + 100000000 WHERE rowid = (SELECT MIN(rowid) FROM purchases WHERE period = '${PERIOD}');`), expect: ['source_changed'] },
  { name: 'triggers dropped: a batch row raised, set back and approved', from: (m) => m.lastLevel, edit: (db) => sql(db, `${DROP(db)}\nUPDATE batch_rows SET final_cents = final_cents + 100000000, rebate_cents = rebate_cents + 100000000 WHERE rowid = (SELECT MIN(rowid) FROM batch_rows);`), expect: ['batch_totals', 'batch_hash'] },
  { name: 'triggers dropped: approved with no last decision', from: (m) => m.lastLevel, edit: (db) => sql(db, `${DROP(db)}\nUPDATE approval_submissions SET status = 'approved' WHERE status = 'pending'; UPDATE batches SET status = 'approved';`), expect: ['approval_rules'] },
  { name: 'triggers dropped: the last level deleted, then approved', from: (m) => m.lastLevel, edit: (db) => sql(db, `${DROP(db)}\nDELETE FROM approval_submission_level_users WHERE position = (SELECT MAX(position) FROM approval_submission_levels); DELETE FROM approval_submission_levels WHERE position = (SELECT MAX(position) FROM approval_submission_levels); UPDATE approval_submissions SET status = 'approved' WHERE status = 'pending'; UPDATE batches SET status = 'approved';`), expect: ['approval_rules'] },
  { name: 'triggers dropped: newest audit entries deleted, head moved back', from: (m) => m.approved, edit: (db) => sql(db, `${DROP(db)}\nDELETE FROM audit_log WHERE id > (SELECT MAX(id) - 3 FROM audit_log); UPDATE audit_head SET last_id = (SELECT MAX(id) FROM audit_log), last_hash = (SELECT hash FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log));`), expect: ['anchor_truncated'] },
  { name: 'triggers dropped: the chain truncated (head left)', from: (m) => m.approved, edit: (db) => sql(db, `${DROP(db)}\nDELETE FROM audit_log WHERE id > (SELECT MAX(id) - 2 FROM audit_log);`), expect: ['head_mismatch', 'gap', 'anchor_truncated'] },
  { name: 'triggers dropped: every audit entry and the head deleted', from: (m) => m.approved, edit: (db) => sql(db, `${DROP(db)}\nDELETE FROM audit_log; DELETE FROM audit_head;`), expect: ['anchor_truncated'] },
  { name: 'an entry edited and the whole chain recomputed', from: (m) => m.approved, edit: (db) => recomputeChain(db), expect: ['anchor_mismatch'] },
  { name: 'database id changed, then the log wiped', from: (m) => m.approved, edit: (db) => sql(db, `${DROP(db)}\nUPDATE app_settings SET value = 'not-this-one' WHERE key = 'database_id'; DELETE FROM audit_log; DELETE FROM audit_head;`), expect: ['anchor_id_changed'] },
  {
    name: 'checkpoint swapped for a forged one (count lowered), log truncated to match',
    from: (m) => m.approved,
    edit: (db, config) => {
      for (const f of checkpointFiles(config)) {
        const cp = JSON.parse(readFileSync(f, 'utf8')) as { count: number; head: string };
        const d = new Database(db, { readonly: true });
        const keep = d.prepare('SELECT id, hash FROM audit_log WHERE id = ?').get(cp.count - 3) as { id: number; hash: string };
        d.close();
        writeFileSync(f, JSON.stringify({ ...cp, count: keep.id, head: keep.hash }));
      }
      sql(db, `${DROP(db)}\nDELETE FROM audit_log WHERE id > (SELECT MAX(id) - 3 FROM audit_log); UPDATE audit_head SET last_id = (SELECT MAX(id) FROM audit_log), last_hash = (SELECT hash FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log));`);
    },
    expect: ['anchor_invalid'],
  },
  {
    name: "checkpoint swapped for another database's",
    from: (m) => m.approved,
    edit: (_db, config) => {
      const files = checkpointFiles(config);
      const mine = files[0];
      const other = path.join(path.dirname(mine ?? ''), 'other.json');
      if (mine) {
        const cp = JSON.parse(readFileSync(mine, 'utf8')) as Record<string, unknown>;
        writeFileSync(other, JSON.stringify({ ...cp, db: 'another-database' }));
        copyFileSync(other, mine);
      }
    },
    expect: ['anchor_invalid'],
  },
];

/** The sqlite3 shell on the file, as the issue's tester did; throws with its error output. */
function sql(db: string, script: string): void {
  const r = spawnSync('sqlite3', ['-bail', db], { input: script, encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(r.stderr.trim() || `sqlite3 exited ${r.status}`);
}

async function verify(db: string): Promise<{ ok: boolean; reason?: string; message?: string }> {
  const store = new Store(db);
  try {
    const admin = await signIn(store, 'admin');
    const r = await dispatch(admin, 'audit.verify', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.result as { ok: boolean; reason?: string; message?: string };
  } finally {
    store.close();
  }
}

export const tampering: ReliabilityCase = {
  name: 'tampering: refused, or found by audit verify',
  tries: { quick: 1, full: 1 },
  async run(ctx: CaseContext) {
    const m = await sharedMonth(path.join(ctx.dir, '..', 'month'));
    const hasShell = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' }).status === 0;
    if (!hasShell) ctx.log('no sqlite3 shell on this machine: edits made with a connection of their own');
    const saved = process.env['REBATE_CONFIG_DIR'];
    let n = 0;
    try {
      for (let round = 0; round < ctx.tries; round++) {
        for (const t of CORPUS) {
          const dir = path.join(ctx.dir, `t${++n}`);
          const db = path.join(dir, 'db.sqlite');
          const config = path.join(dir, 'config');
          mkdirSync(config, { recursive: true });
          copyDb(t.from(m), db);
          process.env['REBATE_CONFIG_DIR'] = config;
          // an untampered verify first: writes this machine's checkpoint
          const before = await verify(db);
          if (!before.ok) {
            ctx.attempt(`${t.name}: not ok before tampering (${before.reason ?? '?'})`);
            continue;
          }
          let refused = false;
          let error = '';
          try {
            if (typeof t.edit === 'string') {
              if (hasShell) sql(db, t.edit);
              else new Database(db).exec(t.edit);
            } else t.edit(db, config);
          } catch (e) {
            refused = true;
            error = e instanceof Error ? e.message : String(e);
          }
          const after = await verify(db);
          let problem: string | null = null;
          if (t.expect === 'refused') {
            if (!refused) problem = 'the edit went through';
            else if (!after.ok) problem = `refused, but verify then says ${after.reason ?? '?'}`;
          } else if (refused) problem = `the edit itself failed: ${error.slice(0, 120)}`;
          else if (after.ok) problem = 'audit verify says ok';
          else if (!t.expect.includes(after.reason ?? '')) problem = `audit verify found ${after.reason ?? '?'}, expected ${t.expect.join(' or ')}`;
          ctx.log(`${t.name}: ${t.expect === 'refused' ? (refused ? `refused (${error.split('\n')[0]?.slice(0, 80)})` : 'NOT refused') : `verify: ${after.ok ? 'ok' : (after.message ?? after.reason ?? '')}`.slice(0, 170)}`);
          // With --full the command line's answer too: exit 2 on a finding.
          if (ctx.full && t.expect !== 'refused' && !problem) {
            const cli = await runCli(['audit', 'verify'], { REBATE_DB: db, REBATE_USER: 'admin', REBATE_PASSWORD: PASSWORDS['admin'] ?? '', REBATE_LANG: 'zh-CN', REBATE_CONFIG_DIR: config });
            if (cli.code !== 2) problem = `rebate audit verify exited ${cli.code}`;
          }
          ctx.attempt(problem ? `${t.name}: ${problem}` : null);
        }
      }
    } finally {
      if (saved === undefined) delete process.env['REBATE_CONFIG_DIR'];
      else process.env['REBATE_CONFIG_DIR'] = saved;
    }
  },
};
