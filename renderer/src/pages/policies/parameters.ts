import Decimal from 'decimal.js';
import type { ParameterNumber, ParameterValue } from '../../../../formulas';

/**
 * Parameters as spreadsheet rows: a number is one row, a list one row (its items comma-separated),
 * a table one row per key — so a grade's weight is a cell, edited like in Excel.
 */
export interface ParamRow {
  id: string;
  name: string;
  /** the table key (grade, region…); null for numbers and lists */
  key: string | null;
  kind: 'number' | 'list' | 'table';
  value: string;
}

const text = (v: ParameterNumber): string => String(v);

export function paramRows(parameters: Record<string, ParameterValue>): ParamRow[] {
  return Object.entries(parameters).flatMap(([name, v]): ParamRow[] => {
    if (Array.isArray(v)) return [{ id: name, name, key: null, kind: 'list', value: v.map(text).join(', ') }];
    if (typeof v === 'object') {
      return Object.entries(v as Record<string, ParameterNumber>).map(([key, x]) => ({ id: `${name}/${key}`, name, key, kind: 'table', value: text(x) }));
    }
    return [{ id: name, name, key: null, kind: 'number', value: text(v as ParameterNumber) }];
  });
}

/** "45%" → 0.45, "1,000" / "１０００" → 1000, exactly; undefined when it is no number. */
export function parseNumber(input: string): Decimal | undefined {
  const s = input
    .trim()
    .replace(/[０-９．％，－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/,/g, '');
  const percent = s.endsWith('%');
  const body = percent ? s.slice(0, -1).trim() : s;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(body)) return undefined;
  const d = new Decimal(body);
  return percent ? d.div(100) : d;
}

/** A JSON number when it survives a double exactly, else decimal text (the file form allows both). */
export function jsonNumber(d: Decimal): ParameterNumber {
  const n = d.toNumber();
  return Number.isFinite(n) && new Decimal(String(n)).equals(d) ? n : d.toFixed();
}

/** `0.45` → "45%", for rates and weights; null when a percentage would not help. */
export function percentHint(value: string): string | null {
  const d = parseNumber(value);
  if (!d || d.isZero() || d.abs().greaterThanOrEqualTo(1) || value.includes(',')) return null;
  return `${d.times(100).toFixed()}%`;
}

export type EditResult = { ok: true; parameters: Record<string, ParameterValue> } | { ok: false };

/** The parameters with one row's value replaced by what the user typed, or not ok when it is not a number. */
export function editValue(parameters: Record<string, ParameterValue>, row: ParamRow, input: string): EditResult {
  const next = { ...parameters };
  if (row.kind === 'list') {
    const items = input.split(/[,，;；\s]+/).filter(Boolean).map(parseNumber);
    if (items.length === 0 || items.some((x) => x === undefined)) return { ok: false };
    next[row.name] = items.map((x) => jsonNumber(x as Decimal));
    return { ok: true, parameters: next };
  }
  const d = parseNumber(input);
  if (!d) return { ok: false };
  if (row.kind === 'table' && row.key !== null) {
    next[row.name] = { ...(parameters[row.name] as Record<string, ParameterNumber>), [row.key]: jsonNumber(d) };
  } else next[row.name] = jsonNumber(d);
  return { ok: true, parameters: next };
}

export function renameKey(parameters: Record<string, ParameterValue>, row: ParamRow, key: string): Record<string, ParameterValue> {
  if (row.kind !== 'table' || row.key === null || key === row.key) return parameters;
  const table = parameters[row.name] as Record<string, ParameterNumber>;
  const entries = Object.entries(table).map(([k, v]): [string, ParameterNumber] => [k === row.key ? key : k, v]);
  return { ...parameters, [row.name]: Object.fromEntries(entries) };
}

export function removeRow(parameters: Record<string, ParameterValue>, row: ParamRow): Record<string, ParameterValue> {
  const next = { ...parameters };
  if (row.kind === 'table' && row.key !== null) {
    const rest = Object.fromEntries(Object.entries(next[row.name] as Record<string, ParameterNumber>).filter(([k]) => k !== row.key));
    if (Object.keys(rest).length > 0) {
      next[row.name] = rest;
      return next;
    }
  }
  delete next[row.name];
  return next;
}

export function addParameter(parameters: Record<string, ParameterValue>, name: string, kind: ParamRow['kind'], firstKey: string): Record<string, ParameterValue> {
  const value: ParameterValue = kind === 'number' ? 0 : kind === 'list' ? [0] : { [firstKey || 'A']: 1 };
  return { ...parameters, [name]: value };
}

export function addKey(parameters: Record<string, ParameterValue>, name: string, key: string): Record<string, ParameterValue> {
  const table = parameters[name] as Record<string, ParameterNumber>;
  return { ...parameters, [name]: { ...table, [key]: 1 } };
}
