/** `AB:12:…`, `ab12…` or with spaces → the canonical form (upper-case, colon-separated); null when it is not 32 bytes of hex. */
export function normaliseFingerprint(fp: string): string | null {
  const hex = fp.replace(/^sha-?256[:=]?\s*/i, '').replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)?.join(':') ?? null;
}
