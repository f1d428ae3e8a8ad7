import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultColumnFilter, ResultRowView } from '../../contract/ops/batches';
import type { OpInput } from '../../contract/operations';
import { Harness } from '../testing/harness';
import type { ServiceContext } from './context';
import { centsToMoney, roundToCents } from '../../domain';

/*
 * The results screen's paged grid (issue 15): the search box, AG Grid's column filters, the
 * totals row's inputs and the summary around the grid, each checked against the whole batch
 * (`batch.results`) filtered and summed here by hand.
 */

const PERIOD = '2026-02';
let h: Harness;
let admin: ServiceContext;
let all: ResultRowView[];

beforeAll(async () => {
  h = new Harness();
  admin = await h.admin();
  await h.demoMonth(admin, { period: PERIOD, distributors: 180, purchaseRows: 1800, seed: 7 });
  await h.ok(admin, 'batch.calculate', { period: PERIOD });
  // a few adjustments, one with a reason to search for
  const codes = (await h.ok(admin, 'batch.results', { period: PERIOD })).rows.map((r) => r.code);
  await h.ok(admin, 'batch.adjust', { period: PERIOD, code: codes[3] ?? '', amount: '-12.34', reason: '扣减样品费' });
  await h.ok(admin, 'batch.adjust', { period: PERIOD, code: codes[40] ?? '', amount: '500', reason: '年中补差' });
  all = (await h.ok(admin, 'batch.results', { period: PERIOD })).rows;
}, 120_000);
afterAll(() => h?.close());

const page = (input: Partial<OpInput<'batch.resultsPage'>>) => h.ok(admin, 'batch.resultsPage', { period: PERIOD, limit: 1000, ...input });
/** What the grid shows of a row: the search looks in these. */
const shown = (r: ResultRowView): string[] =>
  [r.code, r.name, r.region, r.province, r.grade, r.policy ? `${r.policy} v${r.policy_version ?? ''}` : null, ...Object.values(r.inputs), ...Object.values(r.values), r.rebate, r.adjustment, r.adjustment_reason, r.exception, r.final].filter((v): v is string => !!v);
const sum = (rows: ResultRowView[], get: (r: ResultRowView) => string | null | undefined) => centsToMoney(rows.reduce((n, r) => n + roundToCents(get(r)), 0n));

describe('batch.resultsPage for the results screen', () => {
  it('searches every shown value: each word somewhere in the row, any case', async () => {
    const someone = all.find((r) => r.exception === null && r.policy !== null) as ResultRowView;
    const cases: [string, (r: ResultRowView) => boolean][] = [
      [someone.code.toLowerCase(), (r) => r.code === someone.code || r.name.toLowerCase().includes(someone.code.toLowerCase())],
      [`${someone.region} ${someone.grade}`, (r) => [someone.region, someone.grade].every((w) => shown(r).some((v) => v.toLowerCase().includes(w.toLowerCase())))],
      [`${someone.region} ${someone.grade}`.toLowerCase(), (r) => shown(r).some((v) => v.includes(someone.region)) && shown(r).some((v) => v.toLowerCase().includes(someone.grade.toLowerCase()))],
      ['样品费', (r) => r.adjustment_reason === '扣减样品费'],
      [`${someone.policy ?? ''} v${someone.policy_version ?? ''}`, (r) => r.policy === someone.policy && r.policy_version === someone.policy_version],
    ];
    for (const [search, want] of cases) {
      const p = await page({ search });
      const expected = all.filter(want);
      expect(p.matched, search).toBe(expected.length);
      expect(p.rows.map((r) => r.code), search).toEqual(expected.map((r) => r.code));
      expect(p.filtered.total).toBe(sum(expected.filter((r) => r.final !== null), (r) => r.final));
    }
    // the searched text follows an adjustment's new reason
    await h.ok(admin, 'batch.adjust', { period: PERIOD, code: all[5]?.code ?? '', amount: '1.00', reason: '样品费补回' });
    expect((await page({ search: '样品费' })).matched).toBe(2);
    await h.ok(admin, 'batch.adjust', { period: PERIOD, code: all[5]?.code ?? '', amount: '0', reason: '撤销' });
    expect((await page({ search: '样品费' })).matched).toBe(1);
  });

  it("applies AG Grid's text and number column filters as the grid did, with the totals row's sums of every matching row", async () => {
    const region = all[10]?.region ?? '';
    const name = all[20]?.name.slice(1, 3) ?? '';
    const finals = all.filter((r) => r.final !== null).map((r) => Number(r.final)).sort((a, b) => a - b);
    const mid = finals[Math.floor(finals.length / 2)] ?? 0;
    const low = finals[Math.floor(finals.length / 4)] ?? 0;
    const formula = Object.keys(all.find((r) => Object.keys(r.values).length > 0)?.values ?? {})[0] ?? '';
    const policy = all.find((r) => r.policy)?.policy ?? '';
    const cases: [Record<string, ResultColumnFilter>, (r: ResultRowView) => boolean][] = [
      [{ region: { filterType: 'text', type: 'equals', filter: region.toLowerCase() } }, (r) => r.region.toLowerCase() === region.toLowerCase()],
      [{ name: { filterType: 'text', type: 'contains', filter: name } }, (r) => r.name.includes(name)],
      [{ name: { filterType: 'text', type: 'notContains', filter: name } }, (r) => !r.name.includes(name)],
      [{ exception: { filterType: 'text', type: 'blank' } }, (r) => !r.exception],
      [{ exception: { filterType: 'text', type: 'notEqual', filter: 'x' } }, () => true],
      [{ final: { filterType: 'number', type: 'greaterThan', filter: mid } }, (r) => r.final !== null && Number(r.final) > mid],
      [{ final: { filterType: 'number', type: 'inRange', filter: low, filterTo: mid } }, (r) => r.final !== null && Number(r.final) > low && Number(r.final) < mid],
      [{ rebate: { filterType: 'number', type: 'blank' } }, (r) => r.rebate === null],
      [{ adjustment: { filterType: 'number', type: 'notEqual', filter: 0 } }, (r) => Number(r.adjustment) !== 0],
      [{ [`values.${formula}`]: { filterType: 'number', type: 'greaterThanOrEqual', filter: 0 } }, (r) => r.values[formula] !== undefined && Number(r.values[formula]) >= 0],
      [{ policy: { filterType: 'text', type: 'startsWith', filter: `${policy} v` } }, (r) => r.policy === policy],
      [
        { final: { filterType: 'number', operator: 'OR', conditions: [{ filterType: 'number', type: 'lessThan', filter: low }, { filterType: 'number', type: 'greaterThan', filter: mid }] }, region: { filterType: 'text', type: 'equals', filter: region } },
        (r) => r.final !== null && (Number(r.final) < low || Number(r.final) > mid) && r.region === region,
      ],
      [{ name: { filterType: 'text', operator: 'AND', conditions: [{ filterType: 'text', type: 'contains', filter: name }, { filterType: 'text', type: 'endsWith', filter: all[20]?.name.slice(-1) ?? '' }] } }, (r) => r.name.includes(name) && r.name.endsWith(all[20]?.name.slice(-1) ?? '')],
    ];
    for (const [filters, want] of cases) {
      const expected = all.filter(want);
      const p = await page({ filters, sort: 'final', desc: true });
      const label = JSON.stringify(filters);
      expect(p.matched, label).toBe(expected.length);
      expect(new Set(p.rows.map((r) => r.code)), label).toEqual(new Set(expected.map((r) => r.code)));
      expect(p.inputs_total, label).toEqual({ purchase: sum(expected, (r) => r.inputs['purchase']), returns: sum(expected, (r) => r.inputs['returns']), net: sum(expected, (r) => r.inputs['net']) });
      expect(p.filtered.rebate_total, label).toBe(sum(expected, (r) => r.rebate));
    }
    expect((await page({ filters: { region: { filterType: 'text', type: 'equals', filter: region } } })).matched).toBeLessThan(all.length);
  });

  it('without a filter the totals row sums every row; sorts by the adjustment reason', async () => {
    const p = await page({ limit: 10 });
    expect(p.inputs_total).toEqual({ purchase: sum(all, (r) => r.inputs['purchase']), returns: sum(all, (r) => r.inputs['returns']), net: sum(all, (r) => r.inputs['net']) });
    const byReason = await page({ sort: 'adjustment_reason' });
    expect(byReason.rows.slice(0, 2).map((r) => r.adjustment_reason).sort()).toEqual(['年中补差', '扣减样品费'].sort());
    expect(byReason.rows[2]?.adjustment_reason).toBeNull();
  });

  it('refuses a filter on an unknown column or of an unknown kind', async () => {
    for (const filters of [{ rowid: { filterType: 'text', type: 'contains', filter: 'a' } }, { final: { filterType: 'date', type: 'equals', filter: '2026' } }, { final: { filterType: 'number', type: 'like', filter: 1 } }]) {
      const r = await h.call(admin, 'batch.resultsPage', { period: PERIOD, filters } as never);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.key).toBe('payload.invalid');
    }
  });
});
