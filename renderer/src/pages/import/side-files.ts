/** Files dropped with the month's workbooks that are not workbooks: recognised, never sent to the import. */
export type SideFile =
  | { name: string; kind: 'policy'; content: string; label: string }
  | { name: string; kind: 'chain'; content: string; levels: number }
  | { name: string; kind: 'other' | 'bad_json' };

const WORKBOOK = /\.(xlsx|xlsm|xls|csv|txt)$/i;

/** Excel's lock files (~$name.xlsx) are not workbooks; they appear in a folder while a file is open. */
export function isWorkbookName(name: string): boolean {
  return WORKBOOK.test(name) && !name.startsWith('~$');
}

/** System files of a copied folder (.DS_Store, Thumbs.db, desktop.ini) are not the user's files at all. */
export function isSystemFile(name: string): boolean {
  return name.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(name);
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
