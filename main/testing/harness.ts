import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../contract/envelope';
import type { OpInput, OpName, OpOutput } from '../../contract/operations';
import type { Lang } from '../../contract/roles';
import { dispatch } from '../api/dispatch';
import type { ServiceContext } from '../services/context';
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

  close(): void {
    this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
