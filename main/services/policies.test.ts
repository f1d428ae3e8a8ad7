import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../contract/roles';
import { EXAMPLE_POLICY } from '../../formulas';
import { Harness } from '../testing/harness';
import type { ServiceContext } from './context';

let h: Harness;
afterEach(() => h?.close());

const content = (p: object = EXAMPLE_POLICY): string => JSON.stringify(p);

async function withUser(roles: Role[], name = 'zhou'): Promise<{ admin: ServiceContext; user: ServiceContext }> {
  h = new Harness();
  const admin = await h.admin();
  await h.ok(admin, 'users.add', { name, password: `${name}-pass-1`, roles });
  const user = h.context();
  await h.ok(user, 'auth.signIn', { name, password: `${name}-pass-1` });
  return { admin, user };
}

function changed(weightB: number, extra: Partial<typeof EXAMPLE_POLICY> = {}): object {
  return { ...EXAMPLE_POLICY, parameters: { ...EXAMPLE_POLICY.parameters, grade_factor: { ...EXAMPLE_POLICY.parameters.grade_factor, B: weightB } }, ...extra };
}

describe('policy versions', () => {
  it('import creates version 1, the identical file again is a no-op, a change is version 2; old versions stay readable', async () => {
    const { user } = await withUser(['policy_owner']);
    const first = await h.ok(user, 'policy.import', { content: content(), fileName: 'east.json' });
    expect(first).toMatchObject({ status: 'saved', policy: { code: 'EAST-2026', version: 1, saved_by: 'zhou', source: 'import', active: true, comment: '从文件 east.json 导入' } });
    const again = await h.ok(user, 'policy.import', { content: content(), fileName: 'east.json' });
    expect(again.status).toBe('unchanged');
    expect(again.message).toContain('未生成新版本');
    // key order does not make content different
    const reordered = Object.fromEntries(Object.entries(EXAMPLE_POLICY).reverse());
    expect((await h.ok(user, 'policy.import', { content: content(reordered) })).status).toBe('unchanged');

    const second = await h.ok(user, 'policy.save', { policy: changed(1.1), comment: 'B 级系数调整为 1.1', baseVersion: 1 });
    expect(second).toMatchObject({ status: 'saved', policy: { version: 2, source: 'editor', comment: 'B 级系数调整为 1.1' } });

    const list = await h.ok(user, 'policy.list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ code: 'EAST-2026', version: 2, versions: 2, saved_by: 'zhou', scope: { regions: ['华东'], grades: ['A', 'B', 'C'] } });
    const v1 = await h.ok(user, 'policy.get', { code: 'EAST-2026', version: 1 });
    expect(v1.file).toEqual(EXAMPLE_POLICY);
    expect((await h.ok(user, 'policy.get', { code: 'EAST-2026' })).version).toBe(2);
    const history = await h.ok(user, 'policy.history', { code: 'EAST-2026' });
    expect(history.map((v) => [v.version, v.comment])).toEqual([[2, 'B 级系数调整为 1.1'], [1, '从文件 east.json 导入']]);
    expect(() => h.store.db.prepare("UPDATE policy_versions SET priority = 99 WHERE code = 'EAST-2026'").run()).toThrow(/immutable/);
    expect(() => h.store.db.prepare('DELETE FROM policy_versions').run()).toThrow(/immutable/);
  });

  it('a save based on an older version is refused instead of overwriting a colleague’s change', async () => {
    const { user } = await withUser(['policy_owner']);
    await h.ok(user, 'policy.import', { content: content() });
    await h.ok(user, 'policy.save', { policy: changed(1.1), comment: 'first', baseVersion: 1 });
    const stale = await h.call(user, 'policy.save', { policy: changed(0.9), comment: 'second', baseVersion: 1 });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error).toMatchObject({ kind: 'rejected', key: 'policy.stale' });
    const taken = await h.call(user, 'policy.save', { policy: changed(0.9), comment: 'new', baseVersion: null });
    expect(!taken.ok && taken.error.key).toBe('policy.code_taken');
  });

  it('deactivating is a new version; the same state again is a no-op; reactivating restores', async () => {
    const { user } = await withUser(['policy_owner']);
    await h.ok(user, 'policy.import', { content: content() });
    const off = await h.ok(user, 'policy.setActive', { code: 'EAST-2026', active: false, comment: '停用' });
    expect(off.policy).toMatchObject({ version: 2, active: false, source: 'state' });
    expect((await h.ok(user, 'policy.setActive', { code: 'EAST-2026', active: false, comment: '再次停用' })).status).toBe('unchanged');
    // importing the file of an inactive policy makes it active again
    expect((await h.ok(user, 'policy.import', { content: content() })).policy).toMatchObject({ version: 3, active: true });
    const diff = await h.ok(user, 'policy.diff', { code: 'EAST-2026', from: 1, to: 2 });
    expect(diff.fields).toEqual([{ field: 'active', old: 'true', new: 'false' }]);
  });
});

describe('validation', () => {
  it('an invalid policy is rejected with every problem, each naming its formula, in the caller’s language', async () => {
    const { user } = await withUser(['policy_owner']);
    const bad = {
      ...EXAMPLE_POLICY,
      formulas: [
        { name: 'base_rate', expr: 'ladder(net, [0, 100000], [0, 0.01]' },
        { name: 'rebate', expr: 'net * base_rat' },
      ],
    };
    const r = await h.call(user, 'policy.import', { content: content(bad) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ kind: 'rejected', key: 'policy.invalid' });
    expect(r.error.message).toContain('EAST-2026');
    expect(r.error.message).toContain('2 个问题');
    expect(r.error.details?.map((d) => d.path)).toEqual(['formulas[0].expr', 'formulas[1].expr']);
    expect(r.error.details?.[0]?.message).toContain('公式「base_rate」');
    expect(r.error.details?.[1]?.message).toMatch(/base_rat.*base_rate/);
    const en = h.context('en');
    en.session.user = user.session.user;
    const r2 = await h.call(en, 'policy.save', { policy: bad, comment: 'x' });
    expect(!r2.ok && r2.error.details?.[1]?.message).toContain('Formula "rebate"');
    expect(await h.ok(user, 'policy.list', {})).toEqual([]);
  });

  it('formulas and parameters named __proto__, constructor or prototype are refused, not silently lost (issue 11)', async () => {
    const { user } = await withUser(['policy_owner']);
    const formulas = JSON.stringify(EXAMPLE_POLICY.formulas);
    const parameters = JSON.stringify(EXAMPLE_POLICY.parameters);
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      // written as JSON text, as a user's file is: JSON.parse keeps "__proto__" as an own key
      const text = content(EXAMPLE_POLICY)
        .replace(formulas, formulas.replace(/^\[/, `[{"name":"${name}","label":"x","expr":"1"},`))
        .replace(parameters, parameters.replace(/^\{/, `{"${name}":1,`));
      const r = await h.call(user, 'policy.import', { content: text, fileName: 'bad.json' });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        const text = JSON.stringify(r.error);
        expect(text).toContain(`公式名称「${name}」无效`);
        expect(text).toContain(`参数名称「${name}」无效`);
      }
    }
  });

  it('text that is not JSON is rejected naming the file', async () => {
    const { user } = await withUser(['policy_owner']);
    const r = await h.call(user, 'policy.import', { content: '{ "format": ', fileName: 'broken.json' });
    expect(!r.ok && r.error).toMatchObject({ key: 'policy.json_invalid' });
    expect(!r.ok && r.error.message).toContain('broken.json');
  });
});

describe('export, diff, audit, roles', () => {
  it('export gives the file form of formulas.md, which imports back as the same content', async () => {
    const { user } = await withUser(['policy_owner']);
    await h.ok(user, 'policy.import', { content: content() });
    const exported = await h.ok(user, 'policy.export', { code: 'EAST-2026' });
    expect(exported.fileName).toBe('policy-EAST-2026-v1.json');
    expect(JSON.parse(exported.content)).toEqual(EXAMPLE_POLICY);
    expect(Object.keys(JSON.parse(exported.content) as object)).toEqual(Object.keys(EXAMPLE_POLICY));
    expect(exported.content).toContain('    { "name": "base_rate", "label": "基础返利率", "expr": "ladder(net, [0, 100000, 500000, 1000000], [0, 0.01, 0.02, 0.03])" },');
    expect(exported.content).toContain('  "scope": { "regions": ["华东"], "grades": ["A", "B", "C"] },');
    expect((await h.ok(user, 'policy.import', { content: exported.content })).status).toBe('unchanged');
    // an open-ended policy without scope exports without those fields
    const open = { ...EXAMPLE_POLICY, code: 'ALL', effective_to: undefined, scope: undefined, parameters: { ...EXAMPLE_POLICY.parameters, cap: '200000.005' } };
    await h.ok(user, 'policy.import', { content: content(open) });
    const text = (await h.ok(user, 'policy.export', { code: 'ALL' })).content;
    expect(JSON.parse(text)).toEqual({ ...JSON.parse(content(open)) });
    expect(text).not.toContain('scope');
    expect(text).toContain('"cap": "200000.005"');
  });

  it('diff lists changed fields, parameters key by key, and formulas added, removed and changed', async () => {
    const { user } = await withUser(['policy_owner']);
    await h.ok(user, 'policy.import', { content: content() });
    const formulas = [
      ...EXAMPLE_POLICY.formulas.filter((f) => f.name !== 'penalty' && f.name !== 'rebate'),
      { name: 'loyalty', label: '忠诚奖励', expr: 'grade == "A" ? 1000 : 0' },
      { name: 'rebate', label: '返利金额', expr: 'min(cap, max(0, base_rebate + promo_bonus + loyalty))' },
    ];
    await h.ok(user, 'policy.save', { policy: { ...changed(1.1), priority: 20, formulas }, comment: '调整' });
    const d = await h.ok(user, 'policy.diff', { code: 'EAST-2026', from: 1, to: 2 });
    expect(d.fields).toEqual([{ field: 'priority', old: '10', new: '20' }]);
    expect(d.parameters).toEqual([{ name: 'grade_factor.B', change: 'changed', old: '1', new: '1.1' }]);
    expect(d.formulas).toEqual([
      { name: 'loyalty', change: 'added', old: null, new: { label: '忠诚奖励', expr: 'grade == "A" ? 1000 : 0' } },
      { name: 'rebate', change: 'changed', old: { label: '返利金额', expr: EXAMPLE_POLICY.formulas[4]?.expr }, new: { label: '返利金额', expr: 'min(cap, max(0, base_rebate + promo_bonus + loyalty))' } },
      { name: 'penalty', change: 'removed', old: { label: '退货扣减', expr: 'return_rate > 0.05 ? net * 0.01 : 0' }, new: null },
    ]);
    const missing = await h.call(user, 'policy.diff', { code: 'EAST-2026', from: 1, to: 7 });
    expect(!missing.ok && missing.error.key).toBe('policy.version_not_found');
  });

  it('every save is in the audit log with the version and content hash; no-ops are not', async () => {
    const { admin, user } = await withUser(['policy_owner']);
    await h.ok(user, 'policy.import', { content: content() });
    await h.ok(user, 'policy.import', { content: content() });
    await h.ok(user, 'policy.save', { policy: changed(1.1), comment: '调整 B' });
    await h.ok(user, 'policy.setActive', { code: 'EAST-2026', active: false, comment: '停用' });
    const log = await h.ok(admin, 'audit.list', { action: undefined });
    const policyRows = log.rows.filter((r) => r.entity === 'policy');
    expect(policyRows.map((r) => [r.action, r.entityId, r.actor])).toEqual([
      ['policy.deactivate', 'EAST-2026@3', 'zhou'],
      ['policy.save', 'EAST-2026@2', 'zhou'],
      ['policy.import', 'EAST-2026@1', 'zhou'],
    ]);
    const latest = await h.ok(user, 'policy.get', { code: 'EAST-2026', version: 2 });
    expect(policyRows[1]?.after).toMatchObject({ version: 2, content_hash: latest.content_hash, comment: '调整 B' });
    expect((await h.ok(admin, 'audit.verify', {})).ok).toBe(true);
  });

  it('only a policy owner (or admin) may change policies; every signed-in user may read them', async () => {
    const { admin, user } = await withUser(['preparer']);
    const denied = await h.call(user, 'policy.import', { content: content() });
    expect(!denied.ok && denied.error.kind).toBe('forbidden');
    // the missing role by its label (需要：政策维护), never its code
    expect(!denied.ok && denied.error.message).toContain('需要：政策维护');
    expect(!denied.ok && denied.error.message).not.toContain('policy_owner');
    const deniedSave = await h.call(user, 'policy.save', { policy: EXAMPLE_POLICY, comment: 'x' });
    expect(!deniedSave.ok && deniedSave.error.kind).toBe('forbidden');
    await h.ok(admin, 'policy.import', { content: content() });
    expect(await h.ok(user, 'policy.list', {})).toHaveLength(1);
    expect((await h.ok(user, 'policy.export', { code: 'EAST-2026' })).content).toContain('EAST-2026');
    const anonymous = await h.call(h.context(), 'policy.list', {});
    expect(!anonymous.ok && anonymous.error.kind).toBe('unauthenticated');
  });
});
