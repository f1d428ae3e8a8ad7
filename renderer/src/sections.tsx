import {
  AccountBookOutlined,
  AuditOutlined,
  CalculatorOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  ExportOutlined,
  FunctionOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export const SECTIONS = ['overview', 'import', 'distributors', 'policies', 'results', 'ledger', 'approval', 'export', 'audit', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_ICONS: Record<Section, ReactNode> = {
  overview: <DashboardOutlined />,
  import: <CloudUploadOutlined />,
  distributors: <TeamOutlined />,
  policies: <FunctionOutlined />,
  results: <CalculatorOutlined />,
  ledger: <AccountBookOutlined />,
  approval: <CheckSquareOutlined />,
  export: <ExportOutlined />,
  audit: <AuditOutlined />,
  settings: <SettingOutlined />,
};

export function sectionFromHash(hash: string): Section {
  const s = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (SECTIONS as readonly string[]).includes(s) ? (s as Section) : 'overview';
}
