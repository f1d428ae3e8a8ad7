import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness';

let h: Harness;
afterEach(() => h?.close());

describe('users and sign-in', () => {
  it('creates the first admin once, then refuses a second setup', async () => {
    h = new Harness();
    const ctx = h.context();
    expect((await h.ok(ctx, 'app.info', {})).hasUsers).toBe(false);
    const admin = await h.ok(ctx, 'auth.setupAdmin', { name: 'chen', password: 'secret-123', displayName: '陈总' });
    expect(admin).toMatchObject({ name: 'chen', displayName: '陈总', roles: ['admin'] });
    const again = await h.call(h.context(), 'auth.setupAdmin', { name: 'evil', password: 'secret-123' });
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.kind).toBe('rejected');
      expect(again.error.key).toBe('auth.setup_done');
      expect(again.error.message).toContain('管理员账户已存在');
    }
  });

  it('creates one first admin when two setups arrive at once (the hash no longer holds the event loop)', async () => {
    h = new Harness();
    const [a, b] = await Promise.all([h.call(h.context(), 'auth.setupAdmin', { name: 'chen', password: 'secret-123' }), h.call(h.context(), 'auth.setupAdmin', { name: 'evil', password: 'secret-456' })]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect((a.ok ? b : a).ok === false && (a.ok ? b : a)).toMatchObject({ error: { key: 'auth.setup_done' } });
    expect(h.store.db.prepare('SELECT COUNT(*) AS n FROM users').get()).toEqual({ n: 1 });
  });

  it('stores passwords as salted scrypt hashes, never in clear', async () => {
    h = new Harness();
    await h.admin('root', 'pw-root-123');
    const rows = h.store.db.prepare('SELECT password_hash FROM users').all() as { password_hash: string }[];
    expect(rows[0]?.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(rows[0]?.password_hash).not.toContain('pw-root-123');
  });

  it('rejects a wrong password with the same message as an unknown user, in both languages', async () => {
    h = new Harness();
    await h.admin('root', 'pw-root-123');
    const wrong = await h.call(h.context('en'), 'auth.signIn', { name: 'root', password: 'nope-nope' });
    const unknown = await h.call(h.context('en'), 'auth.signIn', { name: 'ghost', password: 'nope-nope' });
    expect(wrong.ok || unknown.ok).toBe(false);
    if (!wrong.ok && !unknown.ok) {
      expect(wrong.error.kind).toBe('unauthenticated');
      expect(wrong.error.message).toBe('Wrong user name or password.');
      expect(unknown.error.message).toBe(wrong.error.message);
    }
    const zh = await h.call(h.context('zh-CN'), 'auth.signIn', { name: 'root', password: 'nope-nope' });
    expect(!zh.ok && zh.error.message).toBe('用户名或密码错误。');
  });

  it('checks roles on every operation and leaves data unchanged when refused', async () => {
    h = new Harness();
    const admin = await h.admin();
    await h.ok(admin, 'users.add', { name: 'wang', password: 'wang-pass-1', roles: ['approver'], displayName: '王经理' });
    const wang = h.context();
    await h.ok(wang, 'auth.signIn', { name: 'wang', password: 'wang-pass-1' });
    const before = h.store.db.prepare('SELECT COUNT(*) AS n FROM users').get();
    const refused = await h.call(wang, 'users.add', { name: 'li', password: 'li-pass-12', roles: ['admin'] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.kind).toBe('forbidden');
      expect(refused.error.message).toContain('wang');
    }
    expect(h.store.db.prepare('SELECT COUNT(*) AS n FROM users').get()).toEqual(before);
    const signedOut = await h.call(h.context(), 'users.list', {});
    expect(!signedOut.ok && signedOut.error.kind).toBe('unauthenticated');
  });

  it('validates payloads with a translated message naming the field', async () => {
    h = new Harness();
    const admin = await h.admin();
    const bad = await h.call(admin, 'users.add', { name: 'x', password: 'short', roles: [] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.key).toBe('payload.invalid');
      expect(bad.error.details?.map((d) => d.path)).toEqual(expect.arrayContaining(['password', 'roles']));
      expect(bad.error.message).toContain('至少需要 8 个字符');
    }
    // a payload of the wrong shape entirely, as a compromised renderer might send
    const junk = await h.call(admin, 'users.add', 'DROP TABLE users' as never);
    expect(!junk.ok && junk.error.key).toBe('payload.invalid');
    const unknownOp = await h.call(admin, 'sql.exec' as never, {} as never);
    expect(!unknownOp.ok && unknownOp.error.key).toBe('op.unknown');
    expect((await h.ok(admin, 'users.list', {})).length).toBe(1);
  });

  it('refuses a duplicate user name case-insensitively', async () => {
    h = new Harness();
    const admin = await h.admin();
    await h.ok(admin, 'users.add', { name: 'Zhao', password: 'zhao-pass-1', roles: ['preparer'] });
    const dup = await h.call(admin, 'users.add', { name: 'zhao', password: 'zhao-pass-2', roles: ['preparer'] });
    expect(!dup.ok && dup.error.key).toBe('users.exists');
  });

  it('a deactivated user can no longer sign in, and the last admin cannot be deactivated', async () => {
    h = new Harness();
    const admin = await h.admin();
    await h.ok(admin, 'users.add', { name: 'li', password: 'li-pass-12', roles: ['preparer'] });
    await h.ok(admin, 'users.setActive', { name: 'li', active: false });
    const li = await h.call(h.context(), 'auth.signIn', { name: 'li', password: 'li-pass-12' });
    expect(!li.ok && li.error.key).toBe('auth.inactive');
    const last = await h.call(admin, 'users.setActive', { name: 'admin', active: false });
    expect(!last.ok && last.error.key).toBe('users.last_admin');
  });

  it('changes a password after checking the old one', async () => {
    h = new Harness();
    const admin = await h.admin('root', 'old-pass-123');
    const wrong = await h.call(admin, 'auth.changePassword', { oldPassword: 'bad-pass-123', newPassword: 'new-pass-123' });
    expect(wrong.ok).toBe(false);
    await h.ok(admin, 'auth.changePassword', { oldPassword: 'old-pass-123', newPassword: 'new-pass-123' });
    await h.ok(h.context(), 'auth.signIn', { name: 'root', password: 'new-pass-123' });
  });
});
