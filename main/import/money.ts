/**
 * Money as integer cents (bigint) for sums such as a totals-row check: adding decimal strings in
 * cents is exact however many rows there are.
 */

const MONEY = /^(-)?(\d+)\.(\d{2})$/;

/** `"-1234.50"` → `-123450n`; only the cent strings `parseMoney` produces are accepted. */
export function moneyToCents(money: string): bigint {
  const m = MONEY.exec(money);
  if (!m) throw new RangeError(`not a money string: ${money}`);
  const cents = BigInt(`${m[2] ?? ''}${m[3] ?? ''}`);
  return m[1] ? -cents : cents;
}

export function centsToMoney(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export function sumMoney(amounts: Iterable<string>): string {
  let total = 0n;
  for (const amount of amounts) total += moneyToCents(amount);
  return centsToMoney(total);
}
