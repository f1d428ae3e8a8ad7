import type { Page } from '@playwright/test';

/** Page object of 返利政策: what a policy owner does there, by data-testid. */
export class PoliciesPage {
  constructor(private readonly page: Page) {}

  /** The list's 导入 button: a JSON policy file. */
  async importFile(file: string): Promise<void> {
    await this.page.getByTestId('policy-list').locator('input[type=file]').setInputFiles(file);
    await this.page.getByText(/已保存为第 1 版/).first().waitFor();
  }

  item(code: string) {
    return this.page.getByTestId(`policy-item-${code}`);
  }
  title() {
    return this.page.getByTestId('policy-title');
  }
  validity() {
    return this.page.getByTestId('policy-validity');
  }
  previewDifference() {
    return this.page.getByTestId('preview-difference');
  }
  previewAfter() {
    return this.page.getByTestId('preview-after');
  }
  previewGrid() {
    return this.page.getByTestId('preview-grid');
  }

  /** A parameter row's cell (`value`, `label`): `grade_factor/B` for a table's key. */
  paramCell(name: string, key: string | null, column: 'value' | 'label') {
    const id = key === null ? name : `${name}/${key}`;
    return this.page.getByTestId('params-grid').locator(`.ag-row[row-id="${id}"] .ag-cell[col-id="${column}"]`);
  }

  /** Types into a parameter cell as in Excel: click, type, Enter (`label`: the parameter's label). */
  async setParameter(name: string, key: string | null, value: string, column: 'value' | 'label' = 'value'): Promise<void> {
    const cell = this.paramCell(name, key, column);
    await cell.click();
    const input = this.page.getByTestId('params-grid').locator('.ag-cell-inline-editing input');
    await input.fill(value);
    await input.press('Enter');
  }

  formulaInput(name: string) {
    return this.page.getByTestId(`formula-${name}-editor`).locator('.cm-content');
  }

  /** Puts the cursor at the end of a formula and types. */
  async appendToFormula(name: string, text: string): Promise<void> {
    const input = this.formulaInput(name);
    await input.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  async save(comment: string): Promise<void> {
    await this.page.getByTestId('policy-save').click();
    await this.page.getByTestId('comment-input').fill(comment);
    await this.page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  }
}
