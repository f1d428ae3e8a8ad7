import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

describe('password hashes', () => {
  it('keeps the stored format: a hash written by the first release verifies, and a new one reads with plain scrypt', async () => {
    // the first release's hash, computed here exactly as it did (scryptSync, N=16384 r=8 p=1, 32 bytes)
    const salt = randomBytes(16);
    const key = scryptSync('旧密码-old-1'.normalize('NFC'), salt, 32, { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const old = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword('旧密码-old-1', old)).toBe(true);
    expect(await verifyPassword('旧密码-old-2', old)).toBe(false);

    const made = await hashPassword('新密码-new-1');
    const [, n, r, p, s, k] = made.split('$') as [string, string, string, string, string, string];
    expect([n, r, p]).toEqual(['16384', '8', '1']);
    const again = scryptSync('新密码-new-1', Buffer.from(s, 'base64'), 32, { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    expect(again.toString('base64')).toBe(k);
    expect(await verifyPassword('新密码-new-1', made)).toBe(true);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });

  it('hashes off the event loop: callbacks run while a hash is computed', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      // a synchronous hash would finish before any callback could run
      let immediate = false;
      setImmediate(() => (immediate = true));
      await Promise.all([hashPassword('a-password-1'), verifyPassword('a-password-1', await hashPassword('a-password-2'))]);
      expect(immediate).toBe(true);
      expect(ticks).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
    }
  });
});
