import { describe, expect, it } from 'vitest';
import { LANGS } from '../../contract/roles';
import { normaliseHeader } from './header-normalise';
import { KIND_FIELDS } from '../../domain';
import { FIELDS, KIND_DEFS, KINDS, RETURN_EVIDENCE, type FieldName, type Kind } from './kinds';

const synonymsOf = (kind: Kind, field: FieldName): readonly string[] =>
  KIND_DEFS[kind].fields.find((f) => f.field === field)?.synonyms ?? [];

describe('kinds', () => {
  it('labels every field and kind in both languages', () => {
    for (const def of Object.values(FIELDS)) for (const lang of LANGS) expect(def.label[lang]).not.toBe('');
    for (const kind of KINDS) for (const lang of LANGS) expect(KIND_DEFS[kind].label[lang]).not.toBe('');
  });

  it('recognises exactly the fields the kernel lists for each kind, in its order', () => {
    for (const kind of KINDS) expect(KIND_DEFS[kind].fields.map((f) => f.field)).toEqual(KIND_FIELDS[kind]);
  });

  it('never lets one header mean two fields of a kind', () => {
    for (const kind of KINDS) {
      const seen = new Map<string, FieldName>();
      for (const { field, synonyms } of KIND_DEFS[kind].fields) {
        for (const synonym of synonyms) {
          const key = normaliseHeader(synonym);
          expect(seen.get(key) ?? field, `${kind}: ${synonym}`).toBe(field);
          seen.set(key, field);
        }
      }
    }
  });

  it('has the required fields of data.md', () => {
    expect(KIND_DEFS.distributors.requiredSets).toEqual([['code', 'name', 'region', 'grade']]);
    // Each set with the distributor's code, then the same with its name (data.md "Distributor by name").
    expect(KIND_DEFS.purchases.requiredSets).toEqual([
      ['doc_no', 'date', 'distributor_code', 'amount'],
      ['doc_no', 'date', 'distributor_name', 'amount'],
    ]);
    expect(KIND_DEFS.returns.requiredSets).toEqual(KIND_DEFS.purchases.requiredSets);
    expect(KIND_DEFS.claims.requiredSets).toEqual([
      ['distributor_code', 'claimed_rebate'],
      ['distributor_name', 'claimed_rebate'],
    ]);
    expect(KIND_DEFS.promotions.requiredSets).toEqual([
      ['distributor_code', 'achievement_rate'],
      ['distributor_name', 'achievement_rate'],
      ['distributor_code', 'target_amount', 'actual_amount'],
      ['distributor_name', 'target_amount', 'actual_amount'],
    ]);
    for (const kind of KINDS) {
      const always = KIND_DEFS[kind].fields.filter((f) => f.required && f.field !== 'distributor_code').map((f) => f.field);
      for (const set of KIND_DEFS[kind].requiredSets) expect(set).toEqual(expect.arrayContaining(always));
    }
  });

  it('reuses the distributor code and name synonyms in the other kinds', () => {
    const code = synonymsOf('distributors', 'code');
    const name = synonymsOf('distributors', 'name');
    expect(code).toContain('客户编码');
    expect(name).toContain('客户名称');
    for (const kind of ['purchases', 'returns', 'promotions', 'claims'] as const) expect(synonymsOf(kind, 'distributor_code')).toEqual(code);
    expect(synonymsOf('purchases', 'distributor_name')).toEqual(name);
  });

  it('gives returns the purchase synonyms plus their own', () => {
    for (const { field, synonyms } of KIND_DEFS.purchases.fields) expect(synonymsOf('returns', field)).toEqual(expect.arrayContaining([...synonyms]));
    expect(synonymsOf('returns', 'doc_no')).toContain('退货单号');
    expect(synonymsOf('returns', 'date')).toContain('退货日期');
    expect(synonymsOf('returns', 'quantity')).toContain('退货数量');
    expect(synonymsOf('returns', 'amount')).toContain('退货金额');
    expect(synonymsOf('returns', 'original_doc_no')).toContain('原单号');
    expect(synonymsOf('returns', 'reason')).toContain('备注');
    expect(synonymsOf('purchases', 'amount')).not.toContain('退货金额');
    expect(RETURN_EVIDENCE).not.toContain('备注');
  });

  it('puts the tax-inclusive amount synonyms first', () => {
    expect(synonymsOf('purchases', 'amount').slice(0, 2)).toEqual(['价税合计', '含税金额']);
  });
});
