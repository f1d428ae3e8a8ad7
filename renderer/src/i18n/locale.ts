import type { Locale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type { Lang } from '../../../contract/roles';

/** What each language sets in the libraries: antd's texts, AG Grid's texts, the date locale. */
export const ANTD_LOCALE: Readonly<Record<Lang, Locale>> = { 'zh-CN': zhCN, en: enUS };
export const GRID_LOCALE: Readonly<Record<Lang, Record<string, string> | undefined>> = { 'zh-CN': AG_GRID_LOCALE_CN, en: undefined };
