import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt parameters: ~50 ms per hash on a laptop, 16 MiB of memory — slow for an attacker with
// a stolen database, fast enough for a sign-in.
const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, KEYLEN, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, keyB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(keyB64, 'base64');
  const key = scryptSync(password.normalize('NFC'), Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummy: string | undefined;
/** A hash to compare against when the user does not exist, so timing does not reveal user names. */
export function dummyHash(): string {
  dummy ??= hashPassword(randomBytes(12).toString('hex'));
  return dummy;
}
