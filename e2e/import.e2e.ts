import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DISTRIBUTOR_HEADER, PURCHASE_HEADER, writeGbkCsv, writeWorkbook } from '../main/testing/workbooks';
import { expect, shot, test } from './fixtures';
import { importAsLi } from './pages';

test('import master data and a messy purchase workbook, see an error, fix the file, import', async ({ page, host }) => {
  const dist = await writeWorkbook(host.dir, '经销商档案.xlsx', [
    {
      name: '档案',
      preamble: [['经销商档案'], []],
      mergeTitle: true,
      header: DISTRIBUTOR_HEADER,
      rows: [
        ['D001', '华光商贸', '华东', '江苏', '南京', 'A', '启用'],
        ['D002', '南方食品', '华南', '广东', '广州', 'B', '启用'],
      ],
    },
  ]);
  const bad = await writeWorkbook(host.dir, '进货-华东.xlsx', [
    {
      name: '华东',
      preamble: [['2026年1月进货明细表'], ['制表：财务部']],
      mergeTitle: true,
      header: PURCHASE_HEADER,
      rows: [
        ['XS001', 1, new Date(Date.UTC(2026, 0, 5)), 'D001', '华光商贸', 'SKU1', '酱油', 10, 12.5, 125],
        ['XS002', 1, new Date(Date.UTC(2026, 0, 6)), 'D002', '南方食品', 'SKU2', '醋', 2, 10, 'abc'],
      ],
    },
  ]);
  const csv = writeGbkCsv(host.dir, '进货-华南.csv', PURCHASE_HEADER, [['XS100', 1, '2026-01-10', 'D002', '南方食品', 'SKU1', '酱油', 5, 1000, '5,000.10']]);

  const { shell, imp } = await importAsLi(page, host.url, '2026-01');
  // a month folder also holds a policy file and a note: recognised apart, not shown as broken workbooks
  const policy = path.join(host.dir, 'policy-demo.json');
  writeFileSync(policy, JSON.stringify({ format: 'rebate-policy/1', code: 'DEMO', name: '演示政策', formulas: [] }));
  const note = path.join(host.dir, '说明.pdf');
  writeFileSync(note, '%PDF-1.4');
  await imp.addFiles([dist, bad, csv, policy, note]);
  await shot(page, '10-import-files');
  await imp.next();
  await expect(page.getByTestId('import-side-files')).toContainText('返利政策文件');
  await expect(page.getByTestId('side-file-1')).toContainText('不是工作簿');
  await page.getByTestId('side-skip-0').click();
  await expect(page.getByTestId('side-file-0')).toContainText('已放在一边');

  // recognised: master data and two purchase files, each with its header row and mapping
  await expect(page.getByTestId('kind-select-0')).toContainText('经销商档案');
  await expect(page.getByTestId('kind-select-1')).toContainText('进货');
  await expect(page.getByTestId('kind-select-2')).toContainText('进货');
  await expect(page.getByTestId('mapping-file-1')).toContainText('表头在第 3 行');
  // one compact row per file; the mapping and preview open on demand
  await expect(page.getByTestId('preview-2')).toHaveCount(0);
  await page.getByTestId('mapping-open-2').click();
  await expect(page.getByTestId('preview-2')).toContainText('5000.10');
  await expect(page.getByTestId('mapping-file-1')).toContainText('1 个错误');
  await expect(page.getByTestId('import-blocker')).toContainText('共 3 个文件');
  await shot(page, '11-import-mapping');
  await imp.toValidate();

  await expect(page.getByTestId('validate-purchases')).toContainText('1 个错误');
  const grid = page.getByTestId('import-issues');
  await expect(grid).toContainText('进货-华东.xlsx');
  await expect(grid).toContainText('abc');
  await shot(page, '12-import-errors');
  const download = page.waitForEvent('download');
  await page.getByTestId('import-save-errors').click();
  const saved = await download;
  const file = path.join(host.dir, 'errors.xlsx');
  await saved.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.worksheets[0];
  expect(sheet?.getRow(2).getCell(2).value).toBe('文件');
  expect(sheet?.getRow(3).getCell(8).value).toBe('abc');
  await expect(page.getByTestId('import-store')).toBeDisabled();

  // the colleague fixes the source file; import again
  const fixed = await writeWorkbook(host.dir, '进货-华东-修正.xlsx', [
    {
      name: '华东',
      preamble: [['2026年1月进货明细表']],
      header: PURCHASE_HEADER,
      rows: [
        ['XS001', 1, new Date(Date.UTC(2026, 0, 5)), 'D001', '华光商贸', 'SKU1', '酱油', 10, 12.5, 125],
        ['XS002', 1, new Date(Date.UTC(2026, 0, 6)), 'D002', '南方食品', 'SKU2', '醋', 2, 10, 20],
      ],
    },
  ]);
  await page.getByRole('button', { name: '返回识别与映射' }).click();
  await page.getByRole('button', { name: '重新选择文件' }).click();
  await imp.choosePeriod('2026-01');
  await imp.addFiles([dist, bad, fixed, csv]);
  await imp.next();
  // the old file is removed on its own row; the others stay as recognised
  await expect(page.getByTestId('mapping-file-1')).toContainText('进货-华东.xlsx');
  await page.getByTestId('mapping-remove-1').click();
  await expect(page.getByTestId('mapping-file-3')).toHaveCount(0);
  await expect(page.getByTestId('mapping-file-1')).toContainText('进货-华东-修正.xlsx');
  await imp.toValidate();
  await expect(page.getByTestId('validate-purchases')).toContainText('0 个错误');
  await page.getByTestId('import-store').click();
  await expect(page.getByTestId('import-done')).toContainText('导入完成');
  await expect(page.getByTestId('import-done')).toContainText('5,145.10');
  await expect(page.getByTestId('import-history')).toContainText('进货-华东-修正.xlsx');
  await shot(page, '13-import-done');

  await shell.open('distributors');
  await expect(page.getByTestId('dist-grid')).toContainText('华光商贸');
  await page.getByPlaceholder('搜索编码、名称、大区…').fill('南方');
  await expect(page.getByTestId('dist-grid')).not.toContainText('华光商贸');
  await shot(page, '14-distributors');
});
