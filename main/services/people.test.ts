import { afterEach, describe, expect, it } from 'vitest';
import { calculatedMonth } from '../testing/approved-month';
import { Harness } from '../testing/harness';

let h: Harness;
afterEach(() => h?.close());

describe('people by display name', () => {
  it('any signed-in user reads who is who (names only), signed-out callers do not', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    const people = await h.ok(w.wang, 'people.list', {});
    expect(people).toContainEqual({ name: 'prep', display_name: '刘会计' });
    expect(people).toContainEqual({ name: 'zhao', display_name: '赵总监' });
    expect(Object.keys(people[0] ?? {}).sort()).toEqual(['display_name', 'name']);
    const anonymous = await h.call(h.context(), 'people.list', {});
    expect(anonymous.ok).toBe(false);
  });

  it('a refusal names the missing role by its label (需要：审计), not its code', async () => {
    h = new Harness();
    const w = await calculatedMonth(h);
    const zh = await h.call(w.prep, 'audit.list', { limit: 10, offset: 0 });
    if (zh.ok) throw new Error('a preparer read the audit log');
    expect(zh.error.message).toContain('需要：审计');
    expect(zh.error.message).not.toContain('auditor');
    const en = await h.call({ ...w.prep, lang: 'en' }, 'audit.list', { limit: 10, offset: 0 });
    if (en.ok) throw new Error('a preparer read the audit log');
    expect(en.error.message).toContain('(Auditor)');
  });
});
