/**
 * A header's signature: a stable hash of its normalised cells, column by column. A saved mapping
 * template applies to files whose header has the same signature (same names in the same columns).
 */
import { createHash } from 'node:crypto';

export function headerSignature(normalisedRows: readonly (readonly string[])[]): string {
  const rows = normalisedRows.map((cells) => {
    const trimmed = [...cells];
    while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
    return trimmed;
  });
  // JSON keeps cell boundaries unambiguous whatever the header text contains.
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 32);
}
