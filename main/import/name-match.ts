/**
 * Finding a distributor by its name (data.md "Distributor by name"), for files that have a name
 * column but no code column (华夏ERP's `客户`, 金蝶 K3's `购货单位`). The name is compared trimmed and
 * NFKC-normalised, otherwise exactly; a name that matches no distributor or several is refused, naming
 * the candidates, never guessed. Pure: the master data's code → name pairs are handed in.
 */
import type { MessageParams } from './messages';
import { fail, ok, type ParseResult } from './result';

export type NameMatcher = (name: string) => ParseResult<string>;

/** Candidates in a message are separated by U+0001 (a name may hold commas) and capped. */
const MAX_CANDIDATES = 5;
export const CANDIDATE_SEPARATOR = '\u0001';

function key(name: string): string {
  return name.normalize('NFKC').trim();
}

function loose(name: string): string {
  return key(name).replace(/\s+/g, '').toLowerCase();
}

export function createNameMatcher(masterNames: Iterable<readonly [string, string]>): NameMatcher {
  const byName = new Map<string, string[]>();
  const all: { code: string; name: string; loose: string }[] = [];
  for (const [code, name] of masterNames) {
    const k = key(name);
    const list = byName.get(k);
    if (list) list.push(code);
    else byName.set(k, [code]);
    all.push({ code, name, loose: loose(name) });
  }
  const nameOf = new Map(all.map((d) => [d.code, d.name]));
  const describe = (codes: readonly string[]): string =>
    [...codes]
      .sort()
      .slice(0, MAX_CANDIDATES)
      .map((c) => `${c} ${nameOf.get(c) ?? ''}`.trim())
      .join(CANDIDATE_SEPARATOR);
  return (name) => {
    const codes = byName.get(key(name)) ?? [];
    const params: MessageParams = { field: 'distributor_name', value: name };
    const [only] = codes;
    if (codes.length === 1 && only !== undefined) return ok(only);
    if (codes.length > 1) return fail('import.name.ambiguous', { ...params, candidates: describe(codes), count: codes.length });
    // No exact match: the names that contain it, or that it contains, or that differ only in spaces or case.
    const l = loose(name);
    const similar = l === '' ? [] : all.filter((d) => d.loose === l || d.loose.includes(l) || (d.loose !== '' && l.includes(d.loose))).map((d) => d.code);
    return similar.length > 0 ? fail('import.name.not_found_similar', { ...params, candidates: describe(similar) }) : fail('import.name.not_found', params);
  };
}
