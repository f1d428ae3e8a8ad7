import { describe, expect, it } from 'vitest';
import { selectPolicy, type SelectablePolicy } from './policy-selection';

const p = (code: string, more: Partial<SelectablePolicy> = {}): SelectablePolicy => ({ code, priority: 0, effective_from: '2026-01', ...more });
const east = { region: '华东', grade: 'A' };

describe('selectPolicy', () => {
  it('effective periods are inclusive at both ends', () => {
    const q1 = p('Q1', { effective_from: '2026-01', effective_to: '2026-03' });
    expect(selectPolicy([q1], east, '2026-01')).toEqual({ ok: true, policy: q1 });
    expect(selectPolicy([q1], east, '2026-03')).toEqual({ ok: true, policy: q1 });
    expect(selectPolicy([q1], east, '2025-12')).toEqual({ ok: false, reason: 'none' });
    expect(selectPolicy([q1], east, '2026-04')).toEqual({ ok: false, reason: 'none' });
  });

  it('no effective_to is open-ended; null counts the same as absent', () => {
    expect(selectPolicy([p('OPEN')], east, '2099-12').ok).toBe(true);
    expect(selectPolicy([p('OPEN', { effective_to: null })], east, '2040-06').ok).toBe(true);
    expect(selectPolicy([p('OPEN')], east, '2025-12')).toEqual({ ok: false, reason: 'none' });
  });

  it('no scope, or a scope without a list, means every region and grade', () => {
    expect(selectPolicy([p('ALL')], { region: '西北', grade: 'Z' }, '2026-05').ok).toBe(true);
    expect(selectPolicy([p('ALL', { scope: null })], east, '2026-05').ok).toBe(true);
    expect(selectPolicy([p('GRADES', { scope: { grades: ['A'] } })], { region: '西北', grade: 'A' }, '2026-05').ok).toBe(true);
    expect(selectPolicy([p('REGIONS', { scope: { regions: ['华东'] } })], { region: '华东', grade: 'D' }, '2026-05').ok).toBe(true);
  });

  it('a scope that does not list the region or the grade does not match', () => {
    const pol = p('EAST', { scope: { regions: ['华东'], grades: ['A', 'B'] } });
    expect(selectPolicy([pol], { region: '华南', grade: 'A' }, '2026-01')).toEqual({ ok: false, reason: 'none' });
    expect(selectPolicy([pol], { region: '华东', grade: 'C' }, '2026-01')).toEqual({ ok: false, reason: 'none' });
  });

  it('the highest priority wins, whatever the order', () => {
    const general = p('ALL', { priority: 1 });
    const special = p('EAST', { priority: 10, scope: { regions: ['华东'] } });
    expect(selectPolicy([special, general], east, '2026-01')).toEqual({ ok: true, policy: special });
    expect(selectPolicy([general, special], east, '2026-01')).toEqual({ ok: true, policy: special });
    expect(selectPolicy([general, special], { region: '华北', grade: 'A' }, '2026-01')).toEqual({ ok: true, policy: general });
  });

  it('equal priority at the top is ambiguous and names both; a lower tie does not matter', () => {
    const a = p('B-POLICY', { priority: 5 });
    const b = p('A-POLICY', { priority: 5, scope: { regions: ['华东'] } });
    expect(selectPolicy([a, b], east, '2026-01')).toEqual({ ok: false, reason: 'ambiguous', codes: ['A-POLICY', 'B-POLICY'] });
    expect(selectPolicy([a, b, p('TOP', { priority: 6 })], east, '2026-01')).toMatchObject({ ok: true, policy: { code: 'TOP' } });
  });

  it('a policy not in force does not take part in a tie, and a deactivated one is never selected', () => {
    const a = p('A', { priority: 5 });
    const expired = p('OLD', { priority: 5, effective_to: '2025-12', effective_from: '2025-01' });
    expect(selectPolicy([a, expired], east, '2026-01')).toEqual({ ok: true, policy: a });
    expect(selectPolicy([p('OFF', { priority: 9, active: false }), a], east, '2026-01')).toEqual({ ok: true, policy: a });
    expect(selectPolicy([], east, '2026-01')).toEqual({ ok: false, reason: 'none' });
  });
});
