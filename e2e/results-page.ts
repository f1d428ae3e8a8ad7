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
    await this.cell(code, 'adjustment').click();
    await this.page.getByTestId('adjust-amount').waitFor();
  }
}
