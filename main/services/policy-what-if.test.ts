import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_POLICY } from '../../formulas';
import { Harness } from '../testing/harness';
import { DISTRIBUTOR_HEADER, PURCHASE_HEADER, writeWorkbook } from '../testing/workbooks';
import type { ServiceContext } from './context';

let h: Harness;
afterEach(() => h?.close());

/** Three distributors with January purchases, imported through the import operation, and EAST-2026 saved. */
async function seeded(): Promise<ServiceContext> {
  h = new Harness();
  const admin = await h.admin();
  const D = (code: string, name: string, region: string, grade: string) => [code, name, region, '江苏', '南京', grade, '启用'];
  const distributors = await writeWorkbook(h.dir, 'distributors.xlsx', [
    { name: '经销商', header: DISTRIBUTOR_HEADER, rows: [D('D001', '华光商贸', '华东', 'A'), D('D002', '江南食品', '华东', 'B'), D('D003', '南方粮油', '华南', 'A')] },
  ]);
  await h.ok(admin, 'import.run', { kind: 'distributors', files: [{ path: distributors }] });
  const line = (doc: string, code: string, amount: number) => [doc, 1, '2026-01-10', code, '', 'SKU1', '酱油', 1, amount, amount];
  const purchases = await writeWorkbook(h.dir, 'purchases.xlsx', [
    { name: '进货', header: PURCHASE_HEADER, rows: [line('XS1', 'D001', 200000), line('XS2', 'D002', 600000), line('XS3', 'D003', 50000)] },
  ]);
  const r = await h.ok(admin, 'import.run', { kind: 'purchases', period: '2026-01', files: [{ path: purchases }] });
  expect(r.status).toBe('imported');
  await h.ok(admin, 'policy.import', { content: JSON.stringify(EXAMPLE_POLICY) });
  return admin;
}

const withFactorB = (b: number) => ({ ...EXAMPLE_POLICY, parameters: { ...EXAMPLE_POLICY.parameters, grade_factor: { ...EXAMPLE_POLICY.parameters.grade_factor, B: b } } });

describe('what-if preview', () => {
  it('a changed weight: totals before/after, one distributor changed, the biggest change first, exceptions kept', async () => {
    const admin = await seeded();
    const p = await h.ok(admin, 'policy.preview', { policy: withFactorB(1.5), period: '2026-01' });
    expect(p).toMatchObject({
      period: '2026-01',
      code: 'EAST-2026',
      distributors: 3,
      draft_applies: 2,
      total_before: '14400.00',
      total_after: '20400.00',
      difference: '6000.00',
      changed: 1,
      exceptions_before: 1,
      exceptions_after: 1,
    });
    expect(p.rows[0]).toMatchObject({ code: 'D002', before: '12000.00', after: '18000.00', difference: '6000.00', policy_before: 'EAST-2026', policy_after: 'EAST-2026' });
    const d003 = p.rows.find((r) => r.code === 'D003');
    expect(d003).toMatchObject({ before: null, after: null, difference: '0.00' });
    expect(d003?.exception_after).toContain('没有适用的政策');
    // nothing was saved
    expect((await h.ok(admin, 'policy.list', {}))[0]?.version).toBe(1);
  });

  it('a new overlapping policy of equal priority makes the overlap ambiguous, naming both', async () => {
    const admin = await seeded();
    const all = { ...EXAMPLE_POLICY, code: 'ALL-2026', scope: undefined };
    const p = await h.ok(admin, 'policy.preview', { policy: all, period: '2026-01' });
    expect(p.exceptions_after).toBe(2);
    expect(p.rows.find((r) => r.code === 'D001')?.exception_after).toContain('ALL-2026、EAST-2026');
    expect(p.rows.find((r) => r.code === 'D003')).toMatchObject({ before: null, after: '0.00', policy_after: 'ALL-2026', exception_after: null });
  });

  it('the trace of one distributor shows the inputs read and every formula value with the draft', async () => {
    const admin = await seeded();
    const tr = await h.ok(admin, 'policy.trace', { policy: withFactorB(1.5), period: '2026-01', distributor: 'D002' });
    expect(tr).toMatchObject({ policy: 'EAST-2026', draft: true, rebate: '18000.00', before: '12000.00', error: null });
    expect(tr.inputs).toContainEqual({ name: 'net', value: '600000' });
    expect(tr.inputs).toContainEqual({ name: 'grade', value: 'B' });
    expect(tr.steps.map((s) => [s.name, s.value])).toEqual([
      ['base_rate', '0.02'],
      ['base_rebate', '18000'],
      ['promo_bonus', '0'],
      ['penalty', '0'],
      ['rebate', '18000'],
    ]);
    const missing = await h.call(admin, 'policy.trace', { policy: withFactorB(1.5), period: '2026-01', distributor: 'NOPE' });
    expect(!missing.ok && missing.error.key).toBe('policy.distributor_not_found');
    const invalid = await h.call(admin, 'policy.preview', { policy: { ...EXAMPLE_POLICY, formulas: [] }, period: '2026-01' });
    expect(!invalid.ok && invalid.error.key).toBe('policy.invalid');
  });
});

describe('parameter labels', () => {
  it('travel with the policy: stored, exported and re-imported unchanged, in the diff, the what-if trace and the batch trace; an old file keeps none', async () => {
    const admin = await seeded();
    const old = await h.ok(admin, 'policy.get', { code: 'EAST-2026' });
    expect('parameter_labels' in old.file).toBe(false);
    const labels = { promo_bonus_rate: '促销奖励比例', grade_factor: '等级系数' };
    const saved = await h.ok(admin, 'policy.save', { policy: { ...EXAMPLE_POLICY, parameter_labels: labels }, comment: '参数加中文名', baseVersion: 1 });
    expect(saved).toMatchObject({ status: 'saved', policy: { version: 2 } });
    expect((await h.ok(admin, 'policy.get', { code: 'EAST-2026' })).file.parameter_labels).toEqual(labels);
    const diff = await h.ok(admin, 'policy.diff', { code: 'EAST-2026', from: 1, to: 2 });
    expect(diff.fields).toEqual([{ field: 'parameter_labels', old: null, new: JSON.stringify(labels) }]);
    const exported = await h.ok(admin, 'policy.export', { code: 'EAST-2026' });
    expect(exported.content).toContain('"promo_bonus_rate": "促销奖励比例"');
    expect((await h.ok(admin, 'policy.import', { content: exported.content })).status).toBe('unchanged');

    const expected = [
      { name: 'promo_bonus_rate', label: '促销奖励比例', value: '0.005' },
      { name: 'grade_factor', label: '等级系数', value: 'A: 1.2, B: 1, C: 0.8, D: 0.5' },
      { name: 'cap', label: 'cap', value: '200000' },
    ];
    const what = await h.ok(admin, 'policy.trace', { policy: { ...EXAMPLE_POLICY, parameter_labels: labels }, period: '2026-01', distributor: 'D002' });
    expect(what.parameters).toEqual(expected);
    await h.ok(admin, 'batch.calculate', { period: '2026-01' });
    expect((await h.ok(admin, 'batch.trace', { period: '2026-01', code: 'D002' })).parameters).toEqual(expected);
    expect((await h.ok(admin, 'batch.results', { period: '2026-01' })).policies[0]?.parameters).toEqual(expected);
  });
});
