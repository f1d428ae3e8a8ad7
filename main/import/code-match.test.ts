import { describe, expect, it } from 'vitest';
import { createCodeMatcher } from './code-match';

describe('createCodeMatcher', () => {
  const match = createCodeMatcher(['00123', 'D001', '0456', '456', '0789', '00789', '0']);

  it('matches exactly first', () => {
    expect(match('00123')).toEqual({ ok: true, value: '00123' });
    expect(match('456')).toEqual({ ok: true, value: '456' });
    expect(match('D001')).toEqual({ ok: true, value: 'D001' });
  });

  it('accepts a unique match ignoring leading zeros, with a warning', () => {
    expect(match('123')).toEqual({
      ok: true,
      value: '00123',
      warning: { key: 'import.code.padded_match', params: { field: 'distributor_code', value: '123', match: '00123' } },
    });
    expect(match('000123')).toMatchObject({ ok: true, value: '00123', warning: { key: 'import.code.padded_match' } });
    expect(match('00')).toMatchObject({ ok: true, value: '0' });
  });

  it('refuses an ambiguous match', () => {
    expect(match('789')).toEqual({
      ok: false,
      key: 'import.code.padded_ambiguous',
      params: { field: 'distributor_code', value: '789', matches: '00789,0789' },
    });
  });

  it('reports a code not in master data', () => {
    expect(match('999')).toEqual({ ok: false, key: 'import.code.not_found', params: { field: 'distributor_code', value: '999' } });
    expect(match('D1')).toMatchObject({ ok: false, key: 'import.code.not_found' });
    expect(createCodeMatcher([])('1')).toMatchObject({ ok: false, key: 'import.code.not_found' });
  });

  it('reports under the field it is given', () => {
    expect(createCodeMatcher(['A'], 'code')('B')).toMatchObject({ params: { field: 'code' } });
  });
});
