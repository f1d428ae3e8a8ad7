import path from 'node:path';
import { ERP_LAYOUTS, writeErpWorkbook, type ErpLine } from '../main/demo/erp-layouts';
import { DISTRIBUTOR_HEADER, writeWorkbook } from '../main/testing/workbooks';
import { expect, shot, test } from './fixtures';
import { importAsLi } from './pages';

/** Two real ERP layouts dropped with no mapping: the import says what it inferred, on the file's row and in its details. */
test('ERP exports import with no manual mapping, and the 识别说明 says what was inferred', async ({ page, host }) => {
  const dist = await writeWorkbook(host.dir, '经销商档案.xlsx', [
    {
      name: '档案',
      header: DISTRIBUTOR_HEADER,
      rows: [
        ['D001', '华光商贸', '华东', '江苏', '南京', 'A', '启用'],
        ['D002', '南方食品', '华南', '广东', '广州', 'B', '启用'],
      ],
    },
  ]);
  const lines: ErpLine[] = [
    { doc: 'XS-0001', line: 1, date: '2026-01-05', code: 'D001', name: '华光商贸', sku: 'SKU1', skuName: '酱油', qty: 10, cents: 12_500 },
    { doc: 'XS-0001', line: 2, date: '2026-01-05', code: 'D001', name: '华光商贸', sku: 'SKU2', skuName: '醋', qty: 2, cents: 2_000 },
    { doc: 'XS-0002', line: 1, date: '2026-01-09', code: 'D002', name: '南方食品', sku: 'SKU1', skuName: '酱油', qty: 4, cents: 5_010 },
  ];
  // 华夏ERP names the customer only; 金蝶 KIS/精斗云 writes a document's header fields on its first line only
  const jsh = path.join(host.dir, '华夏ERP-客户单据明细.xlsx');
  await writeErpWorkbook(jsh, ERP_LAYOUTS['jsh-customer-detail'].sheets(lines, '2026-01'));
  const kis = path.join(host.dir, '金蝶KIS-销售明细.xlsx');
  await writeErpWorkbook(kis, ERP_LAYOUTS['kis-jdy-sales'].sheets(lines, '2026-01'));

  const { imp } = await importAsLi(page, host.url, '2026-01');
  await imp.addFiles([dist]);
  await imp.next();
  await imp.toValidate();
  await imp.store();
  await expect(imp.done()).toContainText('导入完成');

  await page.getByTestId('import-again').click();
  await imp.choosePeriod('2026-01');
  await imp.addFiles([jsh, kis]);
  await imp.next();
  await expect(page.getByTestId('kind-select-0')).toContainText('进货');
  await expect(page.getByTestId('kind-select-1')).toContainText('进货');
  // the file's row says something was inferred; its details list what
  await expect(page.getByTestId('inferred-tag-0')).toContainText('已识别');
  await expect(page.getByTestId('inferred-tag-1')).toContainText('已识别');
  // columns that match no field (仓库名称, 条码, 颜色…) are not counted as warnings of a clean file
  await expect(page.getByTestId('ignored-tag-0')).toContainText(/忽略 \d+ 列/);
  await expect(page.getByTestId('mapping-file-0')).toContainText('1 个警告'); // the summary sheet 单据列表, not read
  await page.getByTestId('inferred-tag-0').click();
  await expect(page.getByTestId('inferred-0')).toContainText('按经销商名称在档案中匹配');
  await page.getByTestId('mapping-open-1').click();
  await expect(page.getByTestId('inferred-1')).toContainText('续行');
  await shot(page, '15-import-erp-inferred');
  await imp.toValidate();
  await expect(page.getByTestId('validate-purchases')).toContainText('0 个错误');
  await imp.store();
  // both files: 125.00 + 20.00 + 50.10 each
  await expect(imp.done()).toContainText('390.20');
});
