import { CloudServerOutlined, DatabaseOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, type Lang } from '../../contract/roles';
import type { AppInfo, SessionUser } from '../../contract/types';
import { call } from './api/client';
import { REFRESH_MS, useLoad } from './api/use-load';
import { LanguageSwitch } from './components/LanguageSwitch';
import { ApprovalPage } from './pages/ApprovalPage';
import { AuditPage } from './pages/AuditPage';
import { DistributorsPage } from './pages/DistributorsPage';
import { ExportPage } from './pages/ExportPage';
import { ImportPage } from './pages/ImportPage';
import { OverviewPage } from './pages/OverviewPage';
import { PoliciesPage } from './pages/PoliciesPage';
import { ResultsPage } from './pages/ResultsPage';
import { LedgerPage } from './pages/LedgerPage';
import { SettingsPage } from './pages/SettingsPage';
import { SECTION_ICONS, SECTIONS, sectionFromHash, type Section } from './sections';

interface Props {
  info: AppInfo;
  user: SessionUser;
  lang: Lang;
  onLanguage: (l: Lang) => void;
  onSignedOut: () => void;
  /** the desktop app: 设置 → 团队 → 更改连接 */
  onChangeConnection?: () => void;
}

export function Shell({ info, user, lang, onLanguage, onSignedOut, onChangeConnection }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>(() => sectionFromHash(location.hash));
  // what waits for this approver: the count on the 审批 menu, looked at again every few seconds
  const approver = hasRole(user.roles, 'approver');
  const inbox = useLoad(() => call('approval.inbox', {}), approver ? user.name : null, { refreshMs: REFRESH_MS, keepOnKeyChange: true });
  const waiting = inbox.data?.length ?? 0;
  const landed = useRef(false);

  // an approver signing in without a deep link lands on the inbox when something waits for them
  useEffect(() => {
    if (landed.current || !inbox.data) return;
    landed.current = true;
    if (inbox.data.length > 0 && !/^#\/?[a-z]/.test(location.hash)) {
      location.hash = '#/approval';
      setSection('approval');
    }
  }, [inbox.data]);

  useEffect(() => {
    const onHash = (): void => setSection(sectionFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const go = (s: Section): void => {
    location.hash = `#/${s}`;
    setSection(s);
  };

  const signOut = async (): Promise<void> => {
    await call('auth.signOut', {});
    onSignedOut();
  };

  let page: React.JSX.Element;
  if (section === 'audit') page = <AuditPage lang={lang} user={user} />;
  else if (section === 'import') page = <ImportPage lang={lang} />;
  else if (section === 'distributors') page = <DistributorsPage lang={lang} onImport={() => go('import')} />;
  else if (section === 'policies') page = <PoliciesPage lang={lang} user={user} />;
  else if (section === 'overview') page = <OverviewPage user={user} lang={lang} />;
  else if (section === 'results') page = <ResultsPage lang={lang} user={user} />;
  else if (section === 'ledger') page = <LedgerPage lang={lang} user={user} />;
  else if (section === 'approval') page = <ApprovalPage lang={lang} user={user} />;
  else if (section === 'export') page = <ExportPage user={user} />;
  else page = <SettingsPage lang={lang} user={user} info={info} onLanguage={onLanguage} {...(onChangeConnection ? { onChangeConnection } : {})} />;

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider width={208} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div className="app-brand">
          <span className="app-brand-mark">返</span>
          <div>
            <div className="app-brand-name">{t('app.name')}</div>
            <div className="app-brand-sub">{t('app.subtitle')}</div>
          </div>
        </div>
        <Menu
          data-testid="nav"
          mode="inline"
          selectedKeys={[section]}
          style={{ borderInlineEnd: 'none', paddingTop: 8 }}
          onClick={(e) => go(e.key as Section)}
          items={SECTIONS.map((s) => ({
            key: s,
            icon: SECTION_ICONS[s],
            label: (
              <span data-testid={`nav-${s}`}>
                {t(`nav.${s}`)}
                {s === 'approval' && waiting > 0 && <Badge count={waiting} size="small" style={{ marginInlineStart: 8 }} data-testid="nav-approval-count" />}
              </span>
            ),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header" style={{ padding: '0 24px', height: 56, lineHeight: '56px' }}>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="page-heading">
            {t(`nav.${section}`)}
          </Typography.Title>
          <Space size="middle">
            {info.team ? (
              <Tooltip title={t('header.serverAt', { url: info.team.url, fingerprint: info.team.fingerprint })}>
                <Space size={4} className="db-path" data-testid="team-server">
                  <CloudServerOutlined />
                  {info.team.url}
                </Space>
              </Tooltip>
            ) : (
              <Tooltip title={t('header.databaseAt', { path: info.dbPath })}>
                <Space size={4} className="db-path" data-testid="db-path">
                  <DatabaseOutlined />
                  {info.dbPath}
                </Space>
              </Tooltip>
            )}
            <LanguageSwitch lang={lang} onChange={onLanguage} />
            <Space size={6} data-testid="current-user">
              <UserOutlined />
              <span>{user.displayName}</span>
              {user.roles.map((r) => (
                <Tag key={r} style={{ marginInlineEnd: 0 }}>
                  {t(`roles.${r}`)}
                </Tag>
              ))}
            </Space>
            <Button size="small" icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="sign-out">
              {t('header.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">{page}</Layout.Content>
      </Layout>
    </Layout>
  );
}
