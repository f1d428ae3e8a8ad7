import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness';
import type { ServiceContext } from './context';
import { signInDelayMs } from './signin';

let h: Harness;
afterEach(() => h?.close());

describe('sign-in from the network', () => {
  it('locks a name from one address for 15 minutes after five failures, then lets the right password in again', async () => {
    h = new Harness();
    await h.admin();
    let now = Date.parse('2026-03-10T10:00:00Z');
    const from = (address: string): ServiceContext => ({ ...h.context('en'), remoteAddress: address, now: () => new Date(now) });
    for (let i = 0; i < 5; i++) await h.call(from('10.0.0.5'), 'auth.signIn', { name: 'admin', password: 'wrong' });
    const locked = await h.call(from('10.0.0.5'), 'auth.signIn', { name: 'admin', password: 'admin-pass-1' });
    expect(locked).toMatchObject({ ok: false, error: { key: 'auth.locked', kind: 'unauthenticated' } });
    expect(!locked.ok && locked.error.message).toContain('15 min');
    // another address is not locked (the admin cannot be locked out by someone else)
    expect((await h.call(from('10.0.0.6'), 'auth.signIn', { name: 'admin', password: 'admin-pass-1' })).ok).toBe(true);
    now += 10 * 60_000;
    const still = await h.call(from('10.0.0.5'), 'auth.signIn', { name: 'admin', password: 'admin-pass-1' });
    expect(!still.ok && still.error.message).toContain('5 min');
    now += 6 * 60_000;
    expect((await h.call(from('10.0.0.5'), 'auth.signIn', { name: 'admin', password: 'admin-pass-1' })).ok).toBe(true);
  }, 60_000);

  it('counts wrong passwords sent at the same moment as one after the other: four wrong, the fifth locks, the rest are refused unchecked', async () => {
    h = new Harness();
    await h.admin();
    const from = (): ServiceContext => ({ ...h.context('en'), remoteAddress: '10.0.0.7' });
    // the hashes run on the thread pool side by side; the locks are read again when each ends
    const answers = await Promise.all(Array.from({ length: 9 }, (_, i) => h.call(from(), 'auth.signIn', { name: 'admin', password: `wrong-${i}` })));
    const keys = answers.map((a) => (a.ok ? 'ok' : a.error.key)).sort();
    expect(keys).toEqual([...Array(4).fill('auth.bad_credentials'), ...Array(5).fill('auth.locked')]);
    // the right password sent with wrong ones after the lock is refused too
    const late = await Promise.all([h.call(from(), 'auth.signIn', { name: 'admin', password: 'admin-pass-1' }), h.call(from(), 'auth.signIn', { name: 'admin', password: 'wrong-again' })]);
    expect(late.map((a) => (a.ok ? 'ok' : a.error.key))).toEqual(['auth.locked', 'auth.locked']);
    const events = h.store.db.prepare("SELECT action, COUNT(*) AS n FROM audit_log WHERE entity = 'security' GROUP BY action ORDER BY action").all();
    expect(events).toEqual([
      { action: 'security.lockout', n: 1 },
      { action: 'security.signin_failed', n: 5 },
      { action: 'security.signin_refused', n: 6 },
    ]);
  }, 60_000);

  it('blocks an address after 20 failures within 5 minutes, whatever the names; successes are not limited', async () => {
    h = new Harness();
    await h.admin();
    let now = Date.parse('2026-03-10T10:00:00Z');
    const ctx = (): ServiceContext => ({ ...h.context('en'), remoteAddress: '10.0.0.9', now: () => new Date(now) });
    for (let i = 0; i < 30; i++) expect((await h.call(ctx(), 'auth.signIn', { name: 'admin', password: 'admin-pass-1' })).ok).toBe(true);
    for (let i = 0; i < 19; i++) await h.call(ctx(), 'auth.signIn', { name: `guess${i}`, password: 'x' });
    const twentieth = await h.call(ctx(), 'auth.signIn', { name: 'guess-last', password: 'x' });
    expect(twentieth).toMatchObject({ ok: false, error: { key: 'auth.address_blocked' } });
    expect((await h.call(ctx(), 'auth.signIn', { name: 'admin', password: 'admin-pass-1' })).ok).toBe(false);
    now += 6 * 60_000;
    expect((await h.call(ctx(), 'auth.signIn', { name: 'admin', password: 'admin-pass-1' })).ok).toBe(true);
  }, 60_000);

  it('slows a name failing from many addresses down with a growing delay instead of locking it', () => {
    expect(signInDelayMs(4)).toBe(0);
    expect(signInDelayMs(5)).toBe(250);
    expect(signInDelayMs(6)).toBe(500);
    expect(signInDelayMs(9)).toBe(4000);
    expect(signInDelayMs(50)).toBe(8000);
  });

  it('the user commands end sessions: a reset forces a new password; new passwords have at least 8 characters', async () => {
    h = new Harness();
    const admin = await h.admin();
    await h.ok(admin, 'users.add', { name: 'li', password: 'li-pass-11', roles: ['preparer'] });
    const li = h.context('en');
    await h.ok(li, 'auth.signIn', { name: 'li', password: 'li-pass-11' });
    await h.ok(admin, 'users.resetPassword', { name: 'li', password: 'temp-pass-1' });
    expect(await h.call(li, 'settings.get', {})).toMatchObject({ ok: false, error: { key: 'auth.required' } });
    await h.ok(li, 'auth.signIn', { name: 'li', password: 'temp-pass-1' });
    expect(await h.call(li, 'settings.get', {})).toMatchObject({ ok: false, error: { key: 'auth.must_change_password' } });
    expect((await h.call(li, 'auth.changePassword', { oldPassword: 'temp-pass-1', newPassword: 'short' })).ok).toBe(false);
    await h.ok(li, 'auth.changePassword', { oldPassword: 'temp-pass-1', newPassword: 'li-own-pass-2' });
    expect((await h.call(li, 'settings.get', {})).ok).toBe(true);
    const audit = await h.ok(admin, 'audit.list', { offset: 0, limit: 50 });
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['user.reset_password', 'user.change_password']));
  }, 60_000);
});
