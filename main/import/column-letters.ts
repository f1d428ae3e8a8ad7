/** Excel column letters: index 0 is `A`, 25 is `Z`, 26 is `AA`. */

/** Excel's last column, XFD. */
export const MAX_COLUMNS = 16_384;

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `"AA"` → 26; `null` for anything that is not a column of a worksheet. */
export function columnIndex(letters: string): number | null {
  const text = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(text)) return null;
  let n = 0;
  for (const ch of text) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLUMNS ? n - 1 : null;
}
