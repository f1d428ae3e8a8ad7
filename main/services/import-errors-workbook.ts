import type { Lang } from '../../contract/roles';
import { table, writeTables, type TableColumn } from '../export/xlsx-writer';
import type { IssueOut } from './import-report';
import { fieldLabel, isFieldName } from '../../domain';
import { t } from '../i18n/messages';

const HEAD: Record<Lang, string[]> = {
  'zh-CN': ['级别', '文件', '工作表', '行', '列', '表头', '字段', '值', '问题说明'],
  en: ['Level', 'File', 'Sheet', 'Row', 'Column', 'Header', 'Field', 'Value', 'Problem'],
};

type Line = IssueOut & { level: string };

/** The rejected-import report as a workbook: one row per problem, so a colleague can fix the source file. */
export async function writeImportErrorWorkbook(file: string, errors: IssueOut[], warnings: IssueOut[], lang: Lang, title: string): Promise<void> {
  const h = HEAD[lang];
  const level = { e: t('level.error', {}, lang), w: t('level.warning', {}, lang) };
  const col = (i: number, type: TableColumn<Line>['type'], width: number, value: (l: Line) => string | number | null): TableColumn<Line> => ({ header: h[i] ?? '', type, width, value });
  const columns: TableColumn<Line>[] = [
    col(0, 'text', 8, (l) => l.level),
    col(1, 'text', 28, (l) => l.file),
    col(2, 'text', 14, (l) => l.sheet),
    col(3, 'int', 8, (l) => l.row),
    col(4, 'text', 6, (l) => l.column),
    col(5, 'text', 16, (l) => l.header),
    col(6, 'text', 16, (l) => (l.field && isFieldName(l.field) ? fieldLabel(l.field, lang) : l.field)),
    col(7, 'text', 22, (l) => l.value),
    col(8, 'text', 80, (l) => l.message),
  ];
  const rows: Line[] = [...errors.map((e) => ({ ...e, level: level.e })), ...warnings.map((w) => ({ ...w, level: level.w }))];
  await writeTables(file, [table({ name: t('sheet.import_problems', {}, lang), preamble: [title], columns, rows })]);
}
