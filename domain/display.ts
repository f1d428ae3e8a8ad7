/**
 * Display rules: one implementation of how a value is shown on every screen, in the CLI's text and
 * in every exported file. A value is shown rounded to its kind; the exact value stays in the data
 * (trace, hover).
 */
import { formatBoolean, parseBoolean } from './boolean';
import { formatDecimal } from './decimal';
import type { Lang } from './lang';
import { formatMoney } from './money';
import { formatDate } from './period';
import { formatQuantity } from './quantity';
import { formatPercent } from './rate';

/** What a value is, which decides how it is shown. */
export type ValueKind = 'money' | 'rate' | 'quantity' | 'count' | 'decimal' | 'boolean' | 'date' | 'text';

/** `"true"` / `false` → 是 / 否 (Yes / No); null for anything that is not a boolean. */
export function booleanText(value: unknown, lang: Lang): string | null {
  const b = parseBoolean(value);
  return b === null ? null : formatBoolean(b, lang);
}

/** How many decimals a stored value of the kind keeps when it is shown or exported. */
export const DISPLAY_PLACES: Readonly<Partial<Record<ValueKind, number>>> = { money: 2, rate: 4, count: 0 };

/**
 * The kind of a policy formula's value, from its name and label: a rate when either says so
 * (`rate`, `ratio`, `percent`, 率, 比例), a count for quantities and months, money otherwise.
 */
export function formulaValueKind(name: string, label: string): ValueKind {
  if (/rate|ratio|percent|pct/i.test(name) || /率|比例|百分比/.test(label)) return 'rate';
  if (/(^|_)(qty|quantity|count|month|quarter)($|_)/i.test(name) || /数量|件数|个数|月份|季度/.test(label)) return 'count';
  return 'money';
}

/** money → `1,234.50`; rate → `82.89%`; count → `150,000`; quantity → `1,234.5`; boolean → 是/否. */
export function formatValue(value: string | number | boolean | null | undefined, kind: ValueKind, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '';
  const bool = parseBoolean(value);
  if (bool !== null) return formatBoolean(bool, lang);
  const text = typeof value === 'number' ? String(value) : String(value);
  switch (kind) {
    case 'money':
      return formatMoney(text);
    case 'rate':
      return formatPercent(text);
    case 'count':
      return /^-?\d+(\.\d+)?$/.test(text) ? formatDecimal(text, 0, 0) : text;
    case 'quantity':
      return formatQuantity(text);
    case 'decimal':
      return formatDecimal(text, 0, 4);
    case 'date':
      return formatDate(text);
    default:
      return text;
  }
}


/** A policy formula's value as shown (rounded to its kind, 是/否 for a yes/no); the exact value goes on hover. */
export function formulaValueText(name: string, label: string, value: string | number | boolean | null | undefined, lang: Lang): string {
  return formatValue(value, formulaValueKind(name, label), lang);
}

const LOGIN_BESIDE: Readonly<Record<Lang, (display: string, login: string) => string>> = {
  'zh-CN': (display, login) => `${display}（${login}）`,
  en: (display, login) => `${display} (${login})`,
};

/**
 * A person where the account matters too (a signature, the audit log, the CLI's chain): the display
 * name with the login beside it, `王经理（wang）` / `Wang (wang)`; the login alone when the display
 * name is missing or says nothing more.
 */
export function personText(login: string, display: string | null | undefined, lang: Lang): string {
  return display && display !== login ? LOGIN_BESIDE[lang](display, login) : login;
}
