import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';
import type { Lang } from '../../../contract/roles';
import { FONT_FAMILY } from '../theme';
import { GRID_LOCALE } from '../i18n/locale';

// Registered once for the whole app.
ModuleRegistry.registerModules([AllCommunityModule]);

/** AG Grid's Quartz theme tuned to antd's tokens: compact rows, antd's blue, quiet borders. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: FONT_FAMILY,
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  accentColor: '#1677ff',
  foregroundColor: 'rgba(0, 0, 0, 0.88)',
  headerBackgroundColor: '#fafafa',
  borderColor: '#f0f0f0',
  rowBorder: { color: '#f0f0f0' },
  wrapperBorderRadius: 8,
  rowHeight: 32,
  headerHeight: 36,
  spacing: 6,
  oddRowBackgroundColor: '#ffffff',
  selectedRowBackgroundColor: '#e6f4ff',
  rowHoverColor: '#f5f5f5',
});

export function gridLocale(lang: Lang): Record<string, string> | undefined {
  return GRID_LOCALE[lang];
}
