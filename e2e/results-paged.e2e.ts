import type { ResultRowView } from '../contract/ops/batches';
import { centsToMoney, formatMoney, roundToCents } from '../domain';
import { ADMIN, cli, expect, shot, test, type WebHostProcess } from './fixtures';
import { seedDemoMonth } from './month-seed';
import { SetupPage } from './pages';
import { ResultsPage } from './results-page';

/*
 * 核算结果 on a month of 2,000 distributors (issue 15): the grid reads its rows a block at a time
 * (`batch.resultsPage`), never the whole batch; sort, search and column filters are applied over
 * the whole batch by the server, and the totals row and count are those of every matching row —
 * each checked against the CLI's `results` of the same database.
 */

const SLOW = { timeout: 120_000 };

function seed(host: WebHostProcess): ResultRowView[] {
  seedDemoMonth(host, { period: '2026-01', distributors: 2000, purchaseRows: 4000, kinds: ['purchases', 'returns'] });
  return (JSON.parse(cli(host, ADMIN.name, ADMIN.password, 'results', '--period', '2026-01', '--format', 'json')) as { rows: ResultRowView[] }).rows;
}

const total = (rows: ResultRowView[]): string => formatMoney(centsToMoney(rows.reduce((n, r) => n + roundToCents(r.final), 0n)));

test('核算结果 pages a big month: blocks as they scroll into view, sort, search, column filters and totals of every matching row', async ({ page, host }) => {
  test.setTimeout(480_000);
  page.setDefaultTimeout(60_000);
  await page.goto(host.url);
  await new SetupPage(page).createAdmin(ADMIN.name, ADMIN.password, '系统管理员');
  await expect(page.getByTestId('current-user')).toContainText('系统管理员');
  const rows = seed(host);
  const n = rows.length.toLocaleString('en-US');
  const ops: { op: string; limit?: number }[] = [];
  page.on('request', (r) => {
    if (!r.url().includes('/api/invoke')) return;
    const body = r.postDataJSON() as { op?: string; input?: { limit?: number } } | null;
    if (body?.op) ops.push({ op: body.op, ...(body.input?.limit !== undefined ? { limit: body.input.limit } : {}) });
  });

  // from a screen that reads no batch (the overview draws the month's charts from the whole batch)
  await page.evaluate(`location.hash = '#/audit'`);
  await expect(page.getByTestId('page-heading')).toHaveText('审计日志');
  await page.waitForTimeout(500);
  ops.length = 0;
  await page.evaluate(`location.hash = '#/results/2026-01'`);
  const results = new ResultsPage(page);
  await expect(page.getByTestId('results-count')).toHaveText(`显示 ${n} / ${n} 家`, SLOW);
  await expect(results.total('final')).toHaveText(total(rows));
  await expect(results.total('name')).toHaveText(`${n} 家`);
  const first = rows[0] as ResultRowView;
  await expect(results.cell(first.code, 'name')).toHaveText(first.name);
  // never the whole batch: the summary and pages of 100 rows
  expect(ops.map((o) => o.op)).not.toContain('batch.results');
  expect(ops.some((o) => o.op === 'batch.summary')).toBe(true);
  expect(ops.filter((o) => o.op === 'batch.resultsPage').every((o) => (o.limit ?? 0) <= 100)).toBe(true);
  const last = rows[rows.length - 1] as ResultRowView;
  await expect(results.cell(last.code, 'code')).toHaveCount(0);
  await shot(page, 'results-paged');

  // keyboard: Ctrl+↓ to the last distributor (its block read as it comes into view), Enter for its trace
  await results.cell(first.code, 'code').click();
  await expect(page.getByTestId('trace-drawer')).toContainText(`${first.code} ${first.name}`);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('trace-drawer')).toBeHidden();
  // the closed drawer gives the focus back to the cell
  await expect(results.cell(first.code, 'code')).toBeFocused();
  await page.keyboard.press('Control+ArrowDown');
  await expect(results.cell(last.code, 'code')).toHaveText(last.code);
  await expect(results.cell(last.code, 'final')).toHaveText(last.final === null ? '—' : formatMoney(last.final));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('trace-drawer')).toContainText(`${last.code} ${last.name}`);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('trace-drawer')).toBeHidden();

  // sort by 最终返利, largest first, over the whole month
  const header = results.grid().locator('.ag-header-cell[col-id="final"] .ag-header-cell-label');
  await header.click();
  await header.click();
  await expect(results.grid().locator('.ag-header-cell[col-id="final"]')).toHaveAttribute('aria-sort', 'descending');
  // back to the top of the sorted rows
  await results.grid().hover();
  await page.mouse.wheel(0, -200_000);
  const largest = rows.filter((r) => r.final !== null).reduce((a, b) => (roundToCents(b.final) > roundToCents(a.final) ? b : a));
  await expect(results.grid().locator('[row-index="0"] [col-id="final"]')).toHaveText(formatMoney(largest.final));

  // the search box: one distributor by code, its totals
  const someone = rows[Math.floor(rows.length / 2)] as ResultRowView;
  await page.getByTestId('results-search').locator('input').fill(someone.code.toLowerCase());
  await expect(page.getByTestId('results-count')).toHaveText(`显示 1 / ${n} 家`);
  await expect(results.total('final')).toHaveText(total([someone]));
  await expect(results.cell(someone.code, 'name')).toHaveText(someone.name);
  await page.getByTestId('results-search').locator('input').fill('');
  await expect(page.getByTestId('results-count')).toHaveText(`显示 ${n} / ${n} 家`);

  // a region from a chart's bar: an exact column filter, its count and total over every row of the region
  const region = someone.region;
  const inRegion = rows.filter((r) => r.region === region);
  await page.evaluate(`location.hash = '#/results/2026-01/region/${encodeURIComponent(region)}'`);
  await expect(page.getByTestId('results-count')).toHaveText(`显示 ${inRegion.length.toLocaleString('en-US')} / ${n} 家`);
  await expect(results.total('final')).toHaveText(total(inRegion));
  await shot(page, 'results-paged-region');

  // the column filter's own box: names containing two characters, on top of the region
  const part = someone.name.slice(0, 2);
  await results.grid().locator('.ag-header-cell[col-id="name"] .ag-header-cell-filter-button').click();
  await page.locator('.ag-filter-body input').first().fill(part);
  const both = inRegion.filter((r) => r.name.toLowerCase().includes(part.toLowerCase()));
  await expect(page.getByTestId('results-count')).toHaveText(`显示 ${both.length.toLocaleString('en-US')} / ${n} 家`);
  await expect(results.total('final')).toHaveText(total(both));
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByTestId('results-count')).toHaveText(`显示 ${n} / ${n} 家`);
  await expect(results.total('final')).toHaveText(total(rows));
});
