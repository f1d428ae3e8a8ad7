import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBoolean, parseBoolean } from './boolean';
import { compareDecimal, formatDecimal, isNegative, roundDecimal } from './decimal';
import { formatValue, personText } from './display';
import { FIELDS, KIND_FIELDS, KINDS, fieldLabel, isKind, kindLabel } from './kinds';
import { formatCount, formatQuantity, quantityE4 } from './quantity';
import { formatBasisPoints, formatPercent, shareBasisPoints } from './rate';
import { BATCH_STATUSES, batchStatusLabel } from './status';
import { ROLES, hasRole, roleLabel } from './roles';

describe('rates', () => {
  it('shows a ratio as a percentage with two decimals, rounded half away from zero', () => {
    expect(formatPercent('0.8288737891737891737891737891737892')).toBe('82.89%');
    expect(formatPercent('0.1')).toBe('10.00%');
    expect(formatPercent('1')).toBe('100.00%');
    expect(formatPercent('-0.00005')).toBe('-0.01%');
    expect(formatPercent('0.00004')).toBe('0.00%');
    expect(formatPercent('12.5')).toBe('1,250.00%');
    expect(formatPercent('n/a')).toBe('n/a');
  });

  it('never shows more than two decimals', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 12 }), (units, scale) => {
      const s = units.toString();
      const neg = s.startsWith('-');
      const digits = (neg ? s.slice(1) : s).padStart(scale + 1, '0');
      const text = `${neg ? '-' : ''}${scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits}`;
      return /^-?\d{1,3}(,\d{3})*\.\d{2}%$/.test(formatPercent(text));
    }));
  });

  it('computes shares in basis points that round, not truncate', () => {
    expect(shareBasisPoints(1n, 3n)).toBe(3333n);
    expect(shareBasisPoints(2n, 3n)).toBe(6667n);
    expect(shareBasisPoints(-2n, 3n)).toBe(-6667n);
    expect(shareBasisPoints(1n, 0n)).toBeNull();
    expect(formatBasisPoints(1234n)).toBe('12.34%');
    expect(formatBasisPoints(-5n)).toBe('-0.05%');
    expect(formatBasisPoints(null)).toBe('');
  });
});

describe('decimals, quantities and counts', () => {
  it('formats, rounds and compares exactly', () => {
    expect(formatDecimal('1234.5')).toBe('1,234.50');
    expect(formatDecimal('0.123456')).toBe('0.1235');
    expect(roundDecimal('2.345', 2)).toBe('2.35');
    expect(roundDecimal('-2.345', 2)).toBe('-2.35');
    expect(roundDecimal('x', 2)).toBeNull();
    expect(compareDecimal('0.10', '0.1')).toBe(0);
    expect(compareDecimal('-3', '2.999')).toBe(-1);
    expect(compareDecimal(null, '1')).toBe(-1);
    expect(isNegative('-0.00')).toBe(false);
    expect(isNegative('-0.01')).toBe(true);
  });

  it('reads quantities in ten-thousandths and shows counts with separators', () => {
    expect(quantityE4('1.5')).toBe(15000n);
    expect(quantityE4('-2')).toBe(-20000n);
    expect(quantityE4('0.33333')).toBeNull();
    expect(formatQuantity('12345.6700')).toBe('12,345.67');
    expect(formatCount(150000)).toBe('150,000');
    expect(formatCount(-1234n)).toBe('-1,234');
    expect(formatCount(7)).toBe('7');
  });
});

describe('booleans, kinds, statuses, roles', () => {
  it('shows booleans as 是/否 and Yes/No', () => {
    expect(formatBoolean(true, 'zh-CN')).toBe('是');
    expect(formatBoolean(false, 'en')).toBe('No');
    expect(parseBoolean('FALSE')).toBe(false);
    expect(parseBoolean('yes')).toBeNull();
  });

  it('labels every kind, field, status and role in both languages', () => {
    for (const kind of KINDS) {
      expect(isKind(kind)).toBe(true);
      expect(kindLabel(kind, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
      expect(kindLabel(kind, 'en')).toMatch(/^[a-z ]+$/i);
      for (const f of KIND_FIELDS[kind]) expect(FIELDS[f]).toBeDefined();
    }
    for (const f of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) expect(fieldLabel(f, 'zh-CN')).not.toBe(fieldLabel(f, 'en'));
    for (const s of BATCH_STATUSES) expect(batchStatusLabel(s, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    for (const r of ROLES) expect(roleLabel(r, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    expect(isKind('settings')).toBe(false);
    expect(hasRole(['admin'], 'auditor')).toBe(true);
    expect(hasRole(['preparer'], 'auditor')).toBe(false);
  });
});

describe('formatValue', () => {
  it('shows a value rounded to its kind', () => {
    expect(formatValue('0.8288737891737891737891737891737892', 'rate', 'zh-CN')).toBe('82.89%');
    expect(formatValue('288321.1', 'money', 'zh-CN')).toBe('288,321.10');
    expect(formatValue('1234.4', 'count', 'en')).toBe('1,234');
    expect(formatValue('false', 'text', 'zh-CN')).toBe('否');
    expect(formatValue(true, 'money', 'en')).toBe('Yes');
    expect(formatValue('2026-03-12T00:00:00Z', 'date', 'en')).toBe('2026-03-12');
    expect(formatValue(null, 'money', 'en')).toBe('');
    expect(formatValue('甲级', 'text', 'zh-CN')).toBe('甲级');
  });
});

describe('people', () => {
  it('shows the display name with the login beside it, in each language’s brackets; the login alone when that says nothing more', () => {
    expect(personText('wang', '王区域经理', 'zh-CN')).toBe('王区域经理（wang）');
    expect(personText('wang', 'Wang', 'en')).toBe('Wang (wang)');
    expect(personText('wang', 'wang', 'zh-CN')).toBe('wang');
    expect(personText('wang', '', 'en')).toBe('wang');
    expect(personText('wang', undefined, 'zh-CN')).toBe('wang');
  });
});
