import type { Locator, Page, TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type WebHostProcess, ADMIN, addUser, cli } from './fixtures';
import { SetupPage } from './pages';
import { centsToMoney, formatMoney, roundToCents } from '../domain';

/*
 * Screens that fit a finance laptop (issue 14): the demo's months (60 distributors) calculated, two
 * of them approved, looked at in Chromium at 1366×768 and 1440×900. What is checked is what a
 * finance manager would notice: a button cut by the card below, a totals row out of the window,
 * names cut to a few characters, a column hidden behind the pinned one.
 */

const LAPTOP = { width: 1366, height: 768 };
const DESKTOP = { width: 1440, height: 900 };
const SLOW = { timeout: 120_000 };
const MONTHS = ['2026-01', '2026-02', '2026-03'];

/** Three demo months imported and calculated by the CLI; the first two approved, the third a draft. */
async function seed(host: WebHostProcess): Promise<void> {
  const admin = (...args: string[]): string => cli(host, ADMIN.name, ADMIN.password, ...args);
  addUser(host, 'wang', 'approver', '王经理');
  const chain = path.join(host.dir, 'chain-one.json');
  writeFileSync(chain, JSON.stringify({ levels: [{ name: '财务经理审批', approvers: ['wang'], min_total: null }] }));
  for (const [i, period] of MONTHS.entries()) {
    const folder = path.join(host.dir, period);
    execFileSync(process.execPath, ['bin/rebate.mjs', 'demo', '--out', folder, '--period', period, '--distributors', '60', '--purchase-rows', String(700 + i * 150), '--files', '1'], { encoding: 'utf8' });
    const files = readdirSync(folder);
    const of = (prefix: string): string[] => files.filter((f) => f.startsWith(prefix)).map((f) => path.join(folder, f));
    if (i === 0) {
      admin('import', 'distributors', ...of('distributors'));
      for (const f of of('policy-')) admin('policy', 'import', f);
      admin('chain', 'set', chain);
    }
    for (const kind of ['purchases', 'returns', 'promotions', 'claims']) if (of(kind).length > 0) admin('import', kind, ...of(kind), '--period', period);
    admin('calc', '--period', period);
    if (i < MONTHS.length - 1) {
      admin('submit', '--period', period);
      cli(host, 'wang', 'wang-pass-1', 'approve', '--period', period);
    }
  }
}

/** A fresh database: the first admin created on the setup screen, signed in, at the given size. */
async function startAsAdmin(page: Page, host: WebHostProcess, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.goto(host.url);
  await new SetupPage(page).createAdmin(ADMIN.name, ADMIN.password, '系统管理员');
  await expect(page.getByTestId('current-user')).toContainText('系统管理员');
}

/** Signs the admin out and the approver wang (added by `seed`) in. */
async function signInAsApprover(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in-name').fill('wang');
  await page.getByTestId('sign-in-password').fill('wang-pass-1');
  await page.getByTestId('sign-in-submit').click();
}

/** Goes to a screen by its address, as a bookmark or the menu would. */
async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
}

async function look(page: Page, info: TestInfo, name: string): Promise<void> {
  await page.waitForTimeout(500); // AG Grid and charts lay out after the data arrives
  const file = info.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await info.attach(name, { path: file, contentType: 'image/png' });
}

// in the page: is any of the element's middle or corners hit by something that is neither it nor inside it
// (something drawn over it, or an ancestor because the element is hidden)?
const COVERED = `(el) => {
  const r = el.getBoundingClientRect();
  return [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 3, r.top + 3], [r.right - 3, r.bottom - 3]].some(([x, y]) => {
    const hit = document.elementFromPoint(x, y);
    return !hit || !(el === hit || el.contains(hit));
  });
}`;

/** The element lies wholly inside the window (not cut by its edges) and nothing else is drawn over its middle. */
async function fullyVisible(page: Page, l: Locator, what: string): Promise<string[]> {
  const box = await l.boundingBox();
  const vp = page.viewportSize()!;
  if (!box) return [`${what}: not on screen`];
  const out: string[] = [];
  if (box.x < 0 || box.y < 0 || box.x + box.width > vp.width + 0.5 || box.y + box.height > vp.height + 0.5) out.push(`${what}: ${JSON.stringify(box)} outside ${vp.width}×${vp.height}`);
  const covered = (await l.evaluate(COVERED)) as boolean;
  if (covered) out.push(`${what}: drawn over by another element`);
  return out;
}

/**
 * A grid cell's or header's text is not cut: no element in it that holds text is narrower than its
 * text while clipping it (an ellipsis), and the text does not run past the cell's own edges.
 */
async function notCut(l: Locator): Promise<string | null> {
  return (await l.evaluate(`(cell) => {
    const box = cell.getBoundingClientRect();
    for (const e of [cell, ...cell.querySelectorAll('*')]) {
      const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
      if (!own) continue;
      const clips = getComputedStyle(e).overflowX !== 'visible';
      const r = e.getBoundingClientRect();
      if ((clips && e.scrollWidth > e.clientWidth + 1) || r.right > box.right + 1 || r.left < box.left - 1) return (e.className || e.tagName) + ' ' + e.scrollWidth + '/' + e.clientWidth;
    }
    return null;
  }`)) as string | null;
}

test('screens fit 1366×768 and 1440×900: export buttons, 15 result rows with totals, what-if columns, ledger columns', async ({ page, host }, info) => {
  test.setTimeout(600_000);
  page.setDefaultTimeout(30_000);
  await startAsAdmin(page, host, LAPTOP);
  await seed(host);

  const problems: string[] = [];
  for (const size of [LAPTOP, DESKTOP]) {
    const at = `${size.width}×${size.height}`;
    await page.setViewportSize(size);

    // 导出: the three export buttons whole, not cut by the card below
    await go(page, '#/export');
    await expect(page.getByTestId('page-export')).toBeVisible(SLOW);
    await expect(page.getByTestId('export-status')).toBeVisible();
    for (const kind of ['approval', 'statements', 'posting']) problems.push(...(await fullyVisible(page, page.getByTestId(`export-${kind}`), `export-${kind} at ${at}`)));
    await look(page, info, `fit-${size.width}-export`);

    // 核算结果: at least 15 distributor rows and the whole totals row in the window
    await go(page, '#/results/2026-03');
    await expect(page.getByTestId('results-count')).toContainText('60', SLOW);
    const grid = page.getByTestId('results-grid');
    // distributor rows wholly between the column headers and the totals row, and inside the window
    const rowsInView = (await grid.evaluate(`(g) => {
      const header = g.querySelector('.ag-header').getBoundingClientRect();
      const totals = g.querySelector('[row-id="totals-bottom"]').getBoundingClientRect();
      const bottom = Math.min(totals.top, ${size.height});
      const cells = [...g.querySelectorAll('[role="gridcell"][col-id="code"]')].filter((c) => !c.closest('[row-id^="totals"]'));
      return cells.filter((c) => c.getBoundingClientRect().top >= header.bottom - 0.5 && c.getBoundingClientRect().bottom <= bottom + 0.5).length;
    }`)) as number;
    if (rowsInView < 15) problems.push(`results at ${at}: ${rowsInView} rows in view (want ≥ 15)`);
    const totalFinal = grid.locator('[row-id="totals-bottom"] [col-id="final"]');
    problems.push(...(await fullyVisible(page, totalFinal, `results totals 实发 at ${at}`)));
    problems.push(...(await fullyVisible(page, grid.locator('[row-id="totals-bottom"] [col-id="name"]'), `results totals label at ${at}`)));
    const cut = await notCut(totalFinal);
    if (cut) problems.push(`results totals 实发 at ${at}: text cut (${cut})`);
    problems.push(...(await fullyVisible(page, page.getByTestId('results-search'), `results search at ${at}`)));
    problems.push(...(await fullyVisible(page, page.getByTestId('results-count'), `results count at ${at}`)));
    problems.push(...(await fullyVisible(page, page.getByTestId('results-submit'), `results submit at ${at}`)));
    await look(page, info, `fit-${size.width}-results`);

    // 返利台账: every method column can be scrolled into view, none stays hidden behind the pinned 期末余额
    await go(page, '#/ledger/2026-03');
    await expect(page.getByTestId('ledger-grid')).toBeVisible(SLOW);
    const ledger = page.getByTestId('ledger-grid');
    await ledger.locator('.ag-body-horizontal-scroll-viewport').evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await page.waitForTimeout(300);
    const pinned = (await ledger.locator('.ag-header-cell[col-id="closing"]').boundingBox())!;
    for (const col of ['invoice', 'goods', 'offset', 'cash', 'adjusted', 'findings']) {
      const h = (await ledger.locator(`.ag-header-cell[col-id="${col}"]`).boundingBox())!;
      if (h.x + h.width > pinned.x + 0.5) problems.push(`ledger ${col} at ${at}: right edge ${Math.round(h.x + h.width)} under the pinned column at ${Math.round(pinned.x)}`);
    }
    await look(page, info, `fit-${size.width}-ledger`);

    // 返利政策 → what-if: names whole, the difference column not cut
    await go(page, '#/policies');
    await page.getByTestId('policy-item-DEMO-NATIONAL').click();
    const pp = page.getByTestId('preview-period');
    await expect((await pp.evaluate((e) => e.tagName)) === 'INPUT' ? pp : pp.locator('input')).toHaveValue('2026-03'); // the latest month
    const preview = page.getByTestId('preview-grid');
    await page.getByTestId('policy-preview').getByRole('switch').click(); // all distributors, not only the changed ones
    await expect(preview.locator('[role="gridcell"][col-id="name"]').first()).toBeVisible(SLOW);
    const cells = preview.locator('[role="gridcell"][col-id="name"], [role="gridcell"][col-id="after"], [role="gridcell"][col-id="difference"], [role="columnheader"]');
    const n = await cells.count();
    for (let i = 0; i < Math.min(n, 24); i++) {
      const c = await notCut(cells.nth(i));
      if (c) problems.push(`what-if at ${at}: "${(await cells.nth(i).innerText()).trim()}" cut (${c})`);
    }
    for (let i = 0; i < 5; i++) problems.push(...(await fullyVisible(page, preview.locator(`[row-index="${i}"] [col-id="difference"]`), `what-if 差额 row ${i} at ${at}`)));
    for (const col of ['name', 'after', 'difference']) problems.push(...(await fullyVisible(page, preview.locator(`.ag-header-cell[col-id="${col}"]`), `what-if header ${col} at ${at}`)));
    await look(page, info, `fit-${size.width}-policies`);
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

interface CliResults {
  total: string;
  rows: { code: string; name: string; region: string; grade: string; final: string | null }[];
}

/** Exact sums per key in cents, formatted as the screens format money. */
function sums(rows: CliResults['rows'], by: 'region' | 'grade'): Map<string, string> {
  const acc = new Map<string, bigint>();
  for (const r of rows) acc.set(r[by], (acc.get(r[by]) ?? 0n) + roundToCents(r.final));
  return new Map([...acc].map(([k, v]) => [k, formatMoney(centsToMoney(v))]));
}

/** The text labels of a chart drawn as SVG: category names and the amounts on the bars. */
async function chartTexts(l: Locator): Promise<string[]> {
  return (await l.locator('svg text').allTextContents()).map((s) => s.trim()).filter((s) => s !== '');
}

test('charts on 期间总览 and 审批: loaded lazily, the numbers of the batches, a bar opens its rows', async ({ page, host }, info) => {
  test.setTimeout(600_000);
  page.setDefaultTimeout(30_000);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await startAsAdmin(page, host, DESKTOP);
  // the first screen came without the charts' code
  expect(requests.filter((u) => /BatchCharts/.test(u))).toEqual([]);
  await seed(host);
  const results = (period: string): CliResults => JSON.parse(cli(host, ADMIN.name, ADMIN.password, 'results', '--period', period, '--format', 'json')) as CliResults;
  const [jan, feb, mar] = MONTHS.map(results) as [CliResults, CliResults, CliResults];

  await page.reload();
  await expect(page.getByTestId('page-overview')).toBeVisible(SLOW);
  const charts = page.getByTestId('batch-charts');
  await expect(charts.getByTestId('chart-region').locator('svg text').first()).toBeVisible(SLOW);
  expect(requests.filter((u) => /BatchCharts.*\.js/.test(u)).length).toBeGreaterThan(0);

  // by region and grade: each region's name and its exact total of the latest month (2026-03)
  for (const by of ['region', 'grade'] as const) {
    const texts = await chartTexts(charts.getByTestId(`chart-${by}`));
    for (const [key, total] of sums(mar.rows, by)) {
      expect(texts, `${by} ${key}`).toContain(key);
      expect(texts, `${by} ${key} ${total}`).toContain(total);
    }
  }
  // this month against the approved months before it: the three batch totals, oldest first
  const trend = await chartTexts(charts.getByTestId('chart-trend'));
  expect(trend.filter((s) => /^2026-/.test(s))).toEqual(MONTHS);
  for (const r of [jan, feb, mar]) expect(trend).toContain(formatMoney(r.total));
  // the largest changes against 2026-02, by size, signed
  const before = new Map(feb.rows.map((r) => [r.code, roundToCents(r.final)]));
  const deltas = mar.rows
    .map((r) => ({ code: r.code, d: roundToCents(r.final) - (before.get(r.code) ?? 0n) }))
    .filter((x) => x.d !== 0n)
    .sort((a, b) => { const x = a.d < 0n ? -a.d : a.d; const y = b.d < 0n ? -b.d : b.d; return x === y ? a.code.localeCompare(b.code) : x > y ? -1 : 1; })
    .slice(0, 10);
  const changes = await chartTexts(charts.getByTestId('chart-changes'));
  expect(changes.filter((s) => /^[A-Z]{2}\d{5}/.test(s)).map((s) => s.slice(0, 7))).toEqual(deltas.map((x) => x.code));
  for (const x of deltas) expect(changes).toContain(formatMoney(centsToMoney(x.d)));
  await look(page, info, 'charts-overview');

  // a click on a region's bar opens that region's rows; the totals row shows the bar's amount
  const [region, amount] = [...sums(mar.rows, 'region')][0]!;
  await charts.getByTestId('chart-region').locator('svg text', { hasText: amount }).first().click();
  await expect(page).toHaveURL(new RegExp(`#/results/2026-03/region/${encodeURIComponent(region)}$`));
  await expect(page.getByTestId('results-grid').locator('[row-id="totals-bottom"] [col-id="final"]')).toHaveText(amount, SLOW);
  await expect(page.getByTestId('results-count')).toContainText(`${mar.rows.filter((r) => r.region === region).length} / ${mar.rows.length}`);

  // the approver's view of the waiting month shows the same charts
  cli(host, ADMIN.name, ADMIN.password, 'submit', '--period', '2026-03');
  await signInAsApprover(page);
  await page.getByTestId('nav-approval').click();
  await expect(page.getByTestId('approval-decision')).toBeVisible(SLOW);
  const approverCharts = page.getByTestId('approval-decision').getByTestId('batch-charts');
  const texts = await (async () => {
    await expect(approverCharts.getByTestId('chart-region').locator('svg text').first()).toBeVisible(SLOW);
    return chartTexts(approverCharts.getByTestId('chart-region'));
  })();
  for (const total of sums(mar.rows, 'region').values()) expect(texts).toContain(total);
  await look(page, info, 'charts-approval');
});

const SCALED = { width: 1536, height: 864 }; // 1920×1080 at Windows' 125 % scaling, in CSS pixels

/**
 * What a finance manager would call broken on any screen, found in the page: the page itself
 * scrolling sideways, a box of the page's own (not a grid's body, which scrolls by design) that
 * needs a sideways scroll bar, a control or label whose text is cut (an ellipsis or text running
 * past its box), and anything visible that sticks out of the window's right edge.
 */
const LAYOUT_PROBLEMS = `() => {
  const out = [];
  const vw = document.documentElement.clientWidth;
  const name = (e) => (e.getAttribute('data-testid') || (typeof e.className === 'string' ? e.className.split(' ').filter(Boolean).slice(0, 2).join('.') : '') || e.tagName) + ' "' + (e.textContent || '').trim().slice(0, 30) + '"';
  if (document.documentElement.scrollWidth > vw + 1) out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + vw);
  const visible = (e) => { const r = e.getBoundingClientRect(); if (r.width <= 1 || r.height <= 1) return false; const s = getComputedStyle(e); return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0; };
  // the grid's body and editors scroll by design; a body cell's long name shows whole on hover and when the column is widened
  const byDesign = (e) => e.closest('.ag-root-wrapper, .cm-editor, canvas, svg, .ant-select-selection-overflow, .ant-tabs-nav-wrap') !== null;
  const bodyCell = (e) => e.closest('.ag-row') !== null && e.closest('.ag-floating-bottom, .ag-floating-top') === null;
  // the nearest box that clips the element, and the innermost right edge of all boxes that clip it
  const clipper = (e) => { for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return a; return null; };
  const shownRight = (e) => { let right = Infinity; for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') right = Math.min(right, a.getBoundingClientRect().right); return right; };
  for (const e of document.querySelectorAll('body *')) {
    if (!visible(e)) continue;
    const s = getComputedStyle(e);
    if (!byDesign(e) && (s.overflowX === 'auto' || s.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1) out.push('sideways scroll in ' + name(e) + ': ' + e.scrollWidth + ' > ' + e.clientWidth);
    const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
    if (!own || bodyCell(e)) continue;
    const r = e.getBoundingClientRect();
    const c = clipper(e);
    if (r.right > vw + 1 && !(e.closest('.ag-root-wrapper') && shownRight(e) <= vw + 1)) out.push('off the right edge: ' + name(e) + ' at ' + Math.round(r.right));
    else if (c && !c.closest('.ag-root-wrapper') && r.right > c.getBoundingClientRect().right + 1 && r.left < c.getBoundingClientRect().right) out.push('cut by ' + name(c).split(' ')[0] + ': ' + name(e));
    if (s.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1) out.push('text cut: ' + name(e) + ' ' + e.scrollWidth + '/' + e.clientWidth);
  }
  return [...new Set(out)];
}`;

test('every screen at 1366×768 and at 1920×1080 with 125 % scaling (1536×864): no sideways page scroll, nothing cut', async ({ page, host }, info) => {
  test.setTimeout(900_000);
  page.setDefaultTimeout(30_000);
  await startAsAdmin(page, host, LAPTOP);
  await seed(host);
  cli(host, ADMIN.name, ADMIN.password, 'submit', '--period', '2026-03'); // something waits for the approver
  await page.reload();
  await expect(page.getByTestId('page-overview')).toBeVisible(SLOW);

  const problems: string[] = [];
  const check = async (screen: string, size: { width: number; height: number }): Promise<void> => {
    await page.waitForTimeout(600); // grids and charts lay out after the data arrives
    for (const p of (await page.evaluate(`(${LAYOUT_PROBLEMS})()`)) as string[]) problems.push(`${screen} at ${size.width}×${size.height}: ${p}`);
    await look(page, info, `every-${size.width}-${screen}`);
  };
  /** Each tab of the screen's first tab bar in turn, checked as its own screen. */
  const eachTab = async (screen: string, size: { width: number; height: number }): Promise<void> => {
    const tabs = page.locator('.ant-tabs').first().locator('.ant-tabs-tab');
    const n = await tabs.count();
    for (let i = 0; i < n; i++) {
      await tabs.nth(i).click();
      await check(`${screen}-tab${i + 1}`, size);
    }
  };

  for (const size of [LAPTOP, SCALED]) {
    await page.setViewportSize(size);
    await go(page, '#/overview');
    await expect(page.getByTestId('batch-charts').getByTestId('chart-region').locator('svg text').first()).toBeVisible(SLOW);
    await check('overview', size);
    await go(page, '#/import');
    await expect(page.getByTestId('page-import')).toBeVisible(SLOW);
    await check('import', size);
    await go(page, '#/distributors');
    await expect(page.getByTestId('dist-grid').locator('[role="gridcell"]').first()).toBeVisible(SLOW);
    await check('distributors', size);
    await go(page, '#/policies');
    await page.getByTestId('policy-item-DEMO-NATIONAL').click();
    await expect(page.getByTestId('preview-grid')).toBeVisible(SLOW);
    await check('policies', size);
    await go(page, '#/results/2026-03');
    await expect(page.getByTestId('results-count')).toContainText('60', SLOW);
    await eachTab('results', size);
    await go(page, '#/ledger/2026-03');
    await expect(page.getByTestId('ledger-grid').locator('[role="gridcell"]').first()).toBeVisible(SLOW);
    await check('ledger', size);
    await go(page, '#/export');
    await expect(page.getByTestId('export-status')).toBeVisible(SLOW);
    await check('export', size);
    await go(page, '#/audit');
    await expect(page.getByTestId('page-audit')).toBeVisible(SLOW);
    await check('audit', size);
    await go(page, '#/settings');
    await expect(page.getByTestId('page-settings')).toBeVisible(SLOW);
    await eachTab('settings', size);
  }

  // the approver's screens: the inbox with the waiting March batch; what is open there, counted by the CLI's report
  const rec = JSON.parse(cli(host, ADMIN.name, ADMIN.password, 'reconcile', '--period', '2026-03', '--json')) as { claims: { status: string }[]; checks: unknown[] };
  const open = rec.claims.filter((c) => c.status === 'differs' || c.status === 'only_claims').length + rec.checks.length;
  expect(open).toBeGreaterThan(0);
  await signInAsApprover(page);
  for (const size of [LAPTOP, SCALED]) {
    await page.setViewportSize(size);
    await go(page, '#/approval');
    await expect(page.getByTestId('approval-decision')).toBeVisible(SLOW);
    await expect(page.getByTestId('approval-decision').getByTestId('chart-region').locator('svg text').first()).toBeVisible(SLOW);
    // "no exceptions" is not "nothing open": the card counts the reconciliation's unconfirmed items
    await expect(page.getByTestId('approval-card-open')).toHaveText(`待处理：${open}`, SLOW);
    await check('approval', size);
  }
  expect(problems, problems.join('\n')).toEqual([]);
});
