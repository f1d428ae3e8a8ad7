/**
 * Matching a file's code against master data codes. Some exports drop (or add) the leading zeros of
 * codes (`123` for `00123`, as a number cell does); a unique match ignoring leading zeros is accepted
 * with a warning, several are refused rather than guessed.
 */
import type { FieldName } from './kinds';
import type { MessageParams } from './messages';
import { fail, ok, type ParseResult } from './result';

function withoutLeadingZeros(code: string): string {
  const stripped = code.replace(/^0+/, '');
  return stripped === '' ? '0' : stripped;
}

export type CodeMatcher = (code: string) => ParseResult<string>;

/** Builds the index once, so matching a million rows against 10,000 codes stays cheap. */
export function createCodeMatcher(masterCodes: Iterable<string>, field: FieldName = 'distributor_code'): CodeMatcher {
  const exact = new Set<string>();
  const byStripped = new Map<string, string[]>();
  for (const code of masterCodes) {
    if (exact.has(code)) continue;
    exact.add(code);
    const key = withoutLeadingZeros(code);
    const list = byStripped.get(key);
    if (list) list.push(code);
    else byStripped.set(key, [code]);
  }
  return (code) => {
    if (exact.has(code)) return ok(code);
    const params: MessageParams = { field, value: code };
    const candidates = byStripped.get(withoutLeadingZeros(code)) ?? [];
    const [only] = candidates;
    if (candidates.length === 1 && only !== undefined) {
      return ok(only, { key: 'import.code.padded_match', params: { ...params, match: only } });
    }
    if (candidates.length > 1) return fail('import.code.padded_ambiguous', { ...params, matches: [...candidates].sort().join(',') });
    return fail('import.code.not_found', params);
  };
}
