import { describe, expect, it } from 'vitest';
import { LANGS } from '../../contract/roles';
import { formatMessage, IMPORT_MESSAGES, type MessageKey } from './messages';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('messages', () => {
  it('has both languages with the same placeholders for every key', () => {
    for (const [key, texts] of Object.entries(IMPORT_MESSAGES)) {
      expect(key).toMatch(/^import\./);
      for (const lang of LANGS) expect(texts[lang].length, key).toBeGreaterThan(10);
      expect(new Set(placeholders(texts.en)), key).toEqual(new Set(placeholders(texts['zh-CN'])));
    }
  });

  it('names the field and the value, in the user language', () => {
    expect(formatMessage('import.value.not_number', { field: 'amount', value: 'abc' }, 'zh-CN')).toBe('金额“abc”不是有效的数字。请填写数字，例如 1,234.50。');
    expect(formatMessage('import.value.not_number', { field: 'amount', value: 'abc' }, 'en')).toBe(
      'Amount "abc" is not a valid number. Enter a number such as 1,234.50.',
    );
    expect(formatMessage('import.value.not_date', { field: 'date', value: '2026-13-45' }, 'zh-CN')).toContain('单据日期“2026-13-45”');
  });

  it('says to open and save a file whose formula has no result', () => {
    const zh = formatMessage('import.value.formula_no_result', { field: 'amount', value: '=B2*C2' }, 'zh-CN');
    expect(zh).toContain('Excel 或 WPS');
    expect(zh).toContain('保存');
    expect(formatMessage('import.value.formula_no_result', { field: 'amount', value: '=B2*C2' }, 'en')).toContain('Open the file in Excel or WPS, save it');
  });

  it('localises kinds, field lists and column lists', () => {
    expect(formatMessage('import.header.missing_columns', { kind: 'purchases', row: 3, fields: 'date,amount' }, 'zh-CN')).toBe(
      '进货明细的表头不完整：最接近的是第 3 行，但缺少 单据日期、金额 列。请检查列名，或手动指定这些列。',
    );
    expect(formatMessage('import.header.missing_columns', { kind: 'purchases', row: 3, fields: 'date,amount' }, 'en')).toContain('lacks the columns Date, Amount');
    expect(formatMessage('import.header.ambiguous', { field: 'amount', column: 'F', columns: 'F,H' }, 'en')).toContain('(F, H)');
  });

  it('reads without a field', () => {
    expect(formatMessage('import.value.missing', {}, 'en')).toBe('The value is empty. Please fill it in.');
    expect(formatMessage('import.value.missing', {}, 'zh-CN')).toBe('该值为空。请填写该值。');
  });

  it('keeps unknown placeholders visible rather than dropping them', () => {
    const key: MessageKey = 'import.csv.malformed';
    expect(formatMessage(key, {}, 'en')).toContain('{row}');
  });
});
