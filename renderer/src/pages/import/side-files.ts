/** Files dropped with the month's workbooks that are not workbooks: recognised, never sent to the import. */
export type SideFile =
  | { name: string; kind: 'policy'; content: string; label: string }
  | { name: string; kind: 'chain'; content: string; levels: number }
  | { name: string; kind: 'other' | 'bad_json' };

const WORKBOOK = /\.(xlsx|xlsm|xls|csv|txt)$/i;

export function isWorkbookName(name: string): boolean {
  return WORKBOOK.test(name);
}

/** What a non-workbook file is: a policy file (rebate-policy/1), a chain file ({levels: […]}), or neither. */
export function classifySide(name: string, content: string | null): SideFile {
  if (!/\.json$/i.test(name) || content === null) return { name, kind: 'other' };
  try {
    const v = JSON.parse(content) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o['format'] === 'string' && o['format'].startsWith('rebate-policy/')) return { name, kind: 'policy', content, label: `${String(o['code'] ?? '')} ${String(o['name'] ?? '')}`.trim() };
      if (Array.isArray(o['levels'])) return { name, kind: 'chain', content, levels: o['levels'].length };
    }
  } catch {
    // not JSON at all: set aside below
  }
  return { name, kind: 'bad_json' };
}
