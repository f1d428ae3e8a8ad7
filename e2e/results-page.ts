import type { Locator, Page } from '@playwright/test';

/** Page objects of 期间总览 and 核算结果, by data-testid and AG Grid's row-id / col-id attributes. */
export class OverviewPage {
  constructor(private readonly page: Page) {}
  card(period: string): Locator {
    return this.page.getByTestId(`period-${period}`);
  }
  next(period: string): Locator {
    return this.page.getByTestId(`period-next-${period}`);
  }
  step(key: string, period: string): Locator {
    return this.page.getByTestId(`step-${key}-${period}`);
  }
}

export class ResultsPage {
  constructor(private readonly page: Page) {}
  grid(): Locator {
    return this.page.getByTestId('results-grid');
  }
  /** a cell of a distributor's row; a col-id lives in one of the grid's containers (left, centre, right) */
  cell(code: string, col: string): Locator {
    return this.grid().locator(`[row-id="${code}"] [col-id="${col}"]`);
  }
  /**
   * The grid draws the columns in view only (as it draws the rows in view): when `col` is not drawn,
   * scroll the grid sideways, as a user does, from its left edge until it is.
   */
  async reveal(col: string): Promise<void> {
    const header = this.grid().locator(`.ag-header-cell[col-id="${col}"]`);
    if ((await header.count()) > 0) return;
    const scroller = this.grid().locator('.ag-body-horizontal-scroll-viewport');
    for (let left = 0; left <= 10_000; left += 200) {
      await scroller.evaluate((el, x) => el.scrollTo({ left: x }), left);
      if (await header.waitFor({ timeout: 500 }).then(() => true, () => false)) return;
    }
    throw new Error(`the results grid has no column ${col}`);
  }
  /** a cell of the pinned totals row */
  total(col: string): Locator {
    return this.grid().locator(`[row-id="totals-bottom"] [col-id="${col}"]`);
  }
  summaryTotal(): Locator {
    return this.page.getByTestId('summary-total');
  }
  async tab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }
  /** clicking the adjustment cell opens the adjustment dialog (amount + mandatory reason) */
  async openAdjust(code: string): Promise<void> {
    await this.reveal('adjustment');
    await this.cell(code, 'adjustment').click();
    await this.page.getByTestId('adjust-amount').waitFor();
  }
}
