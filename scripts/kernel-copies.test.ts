/**
 * One home per rule (LAYERS.md): money, rates, periods, kinds and statuses are defined in domain/
 * and nowhere else. This test reads every source file outside the kernel and fails when a copy of a
 * kernel rule comes back — a period regex, a cents formatter, a thousands grouping, a kind list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const SCANNED = ['main', 'renderer/src', 'contract', 'formulas', 'preload', 'bench'];

/** A rule and how its copies look. */
const COPIES: { rule: string; pattern: RegExp; allow?: readonly string[] }[] = [
  { rule: 'the period / date pattern (domain/period.ts PERIOD_PATTERN, DATE_PATTERN)', pattern: /0\[1-9\]\|1\[0-2\]/ },
  { rule: 'stepping periods (domain/period.ts previousPeriod, nextPeriod, previousMonth)', pattern: /function\s+(previousPeriod|nextPeriod|previousMonth|prevPeriod|lastDay)\b|\$\{y - 1\}-12|\$\{y \+ 1\}-01/ },
  { rule: 'money parsing / formatting (domain/money.ts)', pattern: /function\s+(cents|toCents|centsToMoney|moneyToCents|sumMoney|formatMoney|decimalToCents|sumCents|formatRate|formatPercent|formatShare|quantityE4)\s*[(<]/ },
  { rule: 'cents written by hand (domain/money.ts centsToMoney)', pattern: /padStart\(3, '0'\)|padEnd\([^)]*indexOf\('\.'\)/ },
  { rule: 'thousands grouping (domain/decimal.ts groupThousands)', pattern: /\\B\(\?=\(\\d\{3\}\)\+\(\?!\\d\)\)/ },
  { rule: 'a decimal.js context (domain/exact.ts)', pattern: /Decimal\.clone\(/, allow: ['formulas/decimal.ts'] },
  { rule: 'the list of data kinds (domain/kinds.ts KINDS, PERIOD_KINDS)', pattern: /\[\s*'(distributors|purchases)',\s*'(purchases|returns)',\s*'(returns|promotions)',/ },
  { rule: 'the batch statuses (domain/status.ts BatchStatus)', pattern: /'draft' \| 'submitted' \| 'approved' \| 'rejected'/ },
  { rule: 'a person with the login beside (domain/display.ts personText)', pattern: /\$\{[\w.?[\]'"]*(display_?[nN]ame|display)['"\]]*\}\s*[（(]\$\{/ },
  { rule: 'the distributor states (domain/records.ts DistributorState)', pattern: /'active' \| 'inactive'/ },
  // main/demo/generate.ts writes an ERP's own text on purpose
  { rule: 'a count shown by the browser locale (domain/quantity.ts formatCount, domain/period.ts formatDateTime)', pattern: /\.toLocale(Date|Time)?String\(/, allow: ['main/demo/generate.ts'] },
];

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'migrations') yield* sources(rel);
    } else if (/\.(ts|tsx|mts)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      yield rel;
    }
  }
}

export function findCopies(files: Iterable<string>, read: (file: string) => string): string[] {
  const found: string[] = [];
  for (const file of files) {
    const lines = read(file).split('\n');
    for (const { rule, pattern, allow } of COPIES) {
      if (allow?.includes(file)) continue;
      lines.forEach((line, i) => {
        if (pattern.test(line)) found.push(`${file}:${i + 1}: a copy of ${rule}: ${line.trim()}`);
      });
    }
  }
  return found;
}

describe('kernel rules live only in domain/', () => {
  it('finds no copy of a kernel rule outside domain/', () => {
    const files = SCANNED.flatMap((d) => [...sources(d)]);
    expect(files.length).toBeGreaterThan(100);
    expect(findCopies(files, (f) => readFileSync(path.join(ROOT, f), 'utf8'))).toEqual([]);
  });

  it('bites: each kind of copy the issue listed is caught', () => {
    const planted: Record<string, string> = {
      'main/x/period.ts': "const PERIOD = /^\\d{4}-(0[1-9]|1[0-2])$/;",
      'main/x/prev.ts': 'export function previousPeriod(p: string): string { return p; }',
      'main/x/cents.ts': 'export function cents(c: bigint): string { return String(c); }',
      'main/x/pad.ts': "const c = moneyToCents(s.includes('.') ? s.padEnd(s.indexOf('.') + 3, '0') : `${s}.00`);",
      'renderer/src/x.ts': "const int = digits.replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');",
      'main/services/y.ts': 'const D = Decimal.clone({ precision: 34 });',
      'main/services/z.ts': "const KINDS = ['purchases', 'returns', 'promotions', 'claims'] as const;",
      'contract/ops/s.ts': "status: 'draft' | 'submitted' | 'approved' | 'rejected';",
      'main/cli/p.ts': 'const person = (a: U): string => `${a.display_name} (${a.name})`;',
      'renderer/src/p.tsx': "return a ? `${a['display_name']}（${name}）` : name;",
      'main/db/d.ts': "status: 'active' | 'inactive';",
      'renderer/src/c.tsx': '{rows.length.toLocaleString()}',
      'renderer/src/d.tsx': '{new Date(v).toLocaleDateString(lang)}',
    };
    const found = findCopies(Object.keys(planted), (f) => planted[f] ?? '');
    for (const file of Object.keys(planted)) expect(found.some((line) => line.startsWith(`${file}:`))).toBe(true);
    expect(findCopies(['formulas/decimal.ts'], () => 'export const Dec = Decimal.clone({});')).toEqual([]);
  });
});
