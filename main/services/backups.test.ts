import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir } from '../db/backup-files';
import { Harness } from '../testing/harness';

let h: Harness;
afterEach(() => h?.close());

describe('backups', () => {
  it('takes online backups beside the database, lists them newest first and keeps the newest N', async () => {
    h = new Harness();
    const admin = await h.admin();
    await h.ok(admin, 'settings.update', { backupKeep: 3 });
    for (let i = 0; i < 5; i++) await h.ok(admin, 'backup.create', { reason: `step-${i}` });
    const list = await h.ok(admin, 'backup.list', {});
    expect(list.map((b) => b.reason)).toEqual(['step-4', 'step-3', 'step-2']);
    expect(path.dirname(list[0]!.path)).toBe(backupDir(h.store.path));
    expect(list[0]!.bytes).toBeGreaterThan(0);
  });

  it('restores a backup: later changes are gone, the restore is logged, and it can be undone', async () => {
    h = new Harness();
    const admin = await h.admin();
    await h.ok(admin, 'users.add', { name: 'wang', password: 'wang-pass-1', roles: ['approver'] });
    const snap = await h.ok(admin, 'backup.create', { reason: 'before-li' });
    await h.ok(admin, 'users.add', { name: 'li', password: 'li-pass-123', roles: ['preparer'] });
    expect((await h.ok(admin, 'users.list', {})).map((u) => u.name)).toEqual(['admin', 'li', 'wang']);

    await h.ok(admin, 'backup.restore', { id: snap.id });
    expect((await h.ok(admin, 'users.list', {})).map((u) => u.name)).toEqual(['admin', 'wang']);
    const log = await h.ok(admin, 'audit.list', { limit: 1 });
    expect(log.rows[0]).toMatchObject({ action: 'backup.restore', entityId: snap.id });
    expect((await h.ok(admin, 'audit.verify', {})).ok).toBe(true);

    const safety = (await h.ok(admin, 'backup.list', {})).find((b) => b.reason === 'pre-restore');
    expect(safety).toBeDefined();
    await h.ok(admin, 'backup.restore', { id: safety!.id });
    expect((await h.ok(admin, 'users.list', {})).map((u) => u.name)).toEqual(['admin', 'li', 'wang']);
  });

  it('refuses an unknown or damaged backup and changes nothing', async () => {
    h = new Harness();
    const admin = await h.admin();
    const missing = await h.call(admin, 'backup.restore', { id: 'nope' });
    expect(!missing.ok && missing.error.key).toBe('backup.not_found');
    const snap = await h.ok(admin, 'backup.create', {});
    writeFileSync(snap.path, 'garbage');
    await h.ok(admin, 'users.add', { name: 'li', password: 'li-pass-123', roles: ['preparer'] });
    const damaged = await h.call(admin, 'backup.restore', { id: snap.id });
    expect(!damaged.ok && damaged.error.key).toBe('backup.invalid');
    expect((await h.ok(admin, 'users.list', {})).length).toBe(2);
  });

  it('only admins may list, take or restore backups', async () => {
    h = new Harness();
    const admin = await h.admin();
    await h.ok(admin, 'users.add', { name: 'li', password: 'li-pass-123', roles: ['preparer', 'auditor'] });
    const li = h.context();
    await h.ok(li, 'auth.signIn', { name: 'li', password: 'li-pass-123' });
    const r = await h.call(li, 'backup.list', {});
    expect(!r.ok && r.error.kind).toBe('forbidden');
  });
});
