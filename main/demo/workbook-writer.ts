import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../export/xlsx-writer';

/**
 * A streaming ExcelJS writer for the demo's workbooks. ExcelJS loads on the first demo workbook,
 * not with the module: the CLI and the app import the demo with everything else, and loading
 * ExcelJS costs every process start ≈ 0.15 s and ≈ 30 MB whether or not it writes a demo.
 */
export function demoWorkbookWriter(file: string): ExcelJS.stream.xlsx.WorkbookWriter {
  return new (loadExcelJs().stream.xlsx.WorkbookWriter)({ filename: file, useStyles: true, useSharedStrings: true });
}
