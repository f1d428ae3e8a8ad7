import type { ThemeConfig } from 'antd';

export const FONT_FAMILY = '"Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

/** A calm finance look: antd's default blue, compact controls, tabular figures for money. */
export const antdTheme: ThemeConfig = {
  token: {
    fontFamily: FONT_FAMILY,
    colorPrimary: '#1677ff',
    borderRadius: 6,
    fontSize: 14,
  },
  components: {
    Layout: { siderBg: '#ffffff', headerBg: '#ffffff', bodyBg: '#f5f6f8' },
    Menu: { itemBg: '#ffffff' },
  },
};

/** Status colours used everywhere (UI.md). */
export const STATUS_COLORS = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  exception: 'warning',
} as const;
