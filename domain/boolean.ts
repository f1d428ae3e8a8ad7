/** Yes/no values are shown as 是/否 (Yes/No), never as `true`/`false`. */
import type { Lang, Labels } from './lang';

export const BOOLEAN_LABELS: Readonly<Record<'true' | 'false', Labels>> = {
  true: { 'zh-CN': '是', en: 'Yes' },
  false: { 'zh-CN': '否', en: 'No' },
};

/** `true`, `"true"`, `"TRUE"` → 是; `false`… → 否; anything else is not a boolean (null). */
export function parseBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : null;
}

export function formatBoolean(value: boolean, lang: Lang): string {
  return BOOLEAN_LABELS[value ? 'true' : 'false'][lang];
}
