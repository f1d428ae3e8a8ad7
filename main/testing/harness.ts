import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../contract/envelope';
import type { OpInput, OpName, OpOutput } from '../../contract/operations';
import type { Lang } from '../../contract/roles';
import { dispatch } from '../api/dispatch';
import { generateDemo } from '../demo/generate';
import type { ServiceContext } from '../services/context';
import { runImports, type ImportReport } from '../services/imports';
import { Store } from '../services/store';

/**
 * A real database file in a fresh temporary folder, and callers that go through the same
 * dispatcher as the app, the web host and the CLI.
 */
export class Harness {
  readonly dir: string;
  readonly store: Store;

  constructor(dbName = 'rebate.sqlite') {
    this.dir = mkdtempSync(path.join(tmpdir(), 'rebate-test-'));
    this.store = new Store(path.join(this.dir, dbName));
  }

  /** A separate caller with its own session (like a second window or browser tab). */
  context(lang: Lang = 'zh-CN'): ServiceContext {
    return { store: this.store, session: { user: null }, lang, host: 'test', now: () => new Date() };
  }

  async call<K extends OpName>(ctx: ServiceContext, op: K, input: OpInput<K>): Promise<Envelope<OpOutput<K>>> {
    return dispatch(ctx, op, input);
  }

  /** Calls and returns the result, failing the test with the message when refused. */
  async ok<K extends OpName>(ctx: ServiceContext, op: K, input: OpInput<K>): Promise<OpOutput<K>> {
    const r = await dispatch(ctx, op, input);
    if (!r.ok) throw new Error(`${op} refused: ${r.error.key} ${r.error.message}`);
    return r.result;
  }

  /** A signed-in admin (created on first use) and a context for it. */
  async admin(name = 'admin', password = 'admin-pass-1'): Promise<ServiceContext> {
    const ctx = this.context();
    const info = await this.ok(ctx, 'app.info', {});
    if (!info.hasUsers) await this.ok(ctx, 'auth.setupAdmin', { name, password });
    else await this.ok(ctx, 'auth.signIn', { name, password });
    return ctx;
  }

  /**
   * A demo month (`generateDemo`, one purchase workbook besides the CSV) imported as `ctx` — master
   * data first, then the period's kinds, as one import — and its policies imported (a policy a
   * previous month already brought is `policy.unchanged`, not a failure). Returns the import's
   * reports, one per kind, for the test to check.
   */
  async demoMonth(
    ctx: ServiceContext,
    month: { period: string; distributors: number; purchaseRows: number; seed: number; kinds?: ('purchases' | 'returns')[] },
  ): Promise<ImportReport[]> {
    const { period, kinds = ['purchases', 'returns'] } = month;
    const dir = path.join(this.dir, `demo-${period}`);
    await generateDemo({ distributors: month.distributors, purchaseRows: month.purchaseRows, purchaseFiles: 1, out: dir, period, seed: month.seed });
    const files = readdirSync(dir).sort();
    const of = (prefix: string) => files.filter((f) => f.startsWith(prefix)).map((f) => ({ path: path.join(dir, f), name: f }));
    const reports = await runImports(ctx, [{ kind: 'distributors', files: of('distributors') }, ...kinds.map((kind) => ({ kind, period, files: of(kind) }))]);
    for (const f of files.filter((x) => x.startsWith('policy-'))) {
      const r = await this.call(ctx, 'policy.import', { content: readFileSync(path.join(dir, f), 'utf8'), fileName: f });
      if (!r.ok && r.error.key !== 'policy.unchanged') throw new Error(`policy.import refused: ${r.error.key} ${r.error.message}`);
    }
    return reports;
  }

  close(): void {
    this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
