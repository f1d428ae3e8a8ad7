import { Card, Descriptions, Space, Tabs } from 'antd';
import { TeamPanel } from './settings/TeamPanel';
import { ConnectionPanel } from './settings/ConnectionPanel';
import { useTranslation } from 'react-i18next';
import { hasRole, type Lang } from '../../../contract/roles';
import type { AppInfo, SessionUser } from '../../../contract/types';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { BackupsPanel } from './settings/BackupsPanel';
import { ChainPanel } from './settings/ChainPanel';
import { GeneralPanel } from './settings/GeneralPanel';
import { PasswordPanel } from './settings/PasswordPanel';
import { PostingLayoutPanel } from './settings/PostingLayoutPanel';
import { UsersPanel } from './settings/UsersPanel';
import { AboutPanel } from './settings/AboutPanel';

interface Props {
  lang: Lang;
  user: SessionUser;
  info: AppInfo;
  onLanguage: (l: Lang) => void;
  /** the desktop app: change between 单机使用 and a team server */
  onChangeConnection?: () => void;
}

export function SettingsPage({ lang, user, info, onLanguage, onChangeConnection }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const admin = hasRole(user.roles, 'admin');
  // 团队: the desktop's connection for everyone; hosting this PC's database for its admin (单机使用 only)
  const teamTab =
    onChangeConnection || admin
      ? [
          {
            key: 'team',
            label: t('settings.teamTab'),
            children: (
              <Space orientation="vertical" size={24} style={{ width: '100%' }}>
                {onChangeConnection && <ConnectionPanel onChangeConnection={onChangeConnection} />}
                {admin && !info.team && <TeamPanel />}
              </Space>
            ),
          },
        ]
      : [];
  const items = [
    {
      key: 'general',
      label: t('settings.general'),
      children: (
        <>
          <Descriptions column={1} bordered size="small" style={{ maxWidth: 760, marginBottom: 24 }}>
            <Descriptions.Item label={t('settings.language')}>
              <LanguageSwitch lang={lang} onChange={onLanguage} />
            </Descriptions.Item>
            {info.team ? (
              <Descriptions.Item label={t('header.server')}>
                <span className="hash" data-testid="settings-team-server">{info.team.url}</span>
              </Descriptions.Item>
            ) : (
              <Descriptions.Item label={t('settings.database')}>
                <span className="hash" data-testid="settings-db-path">{info.dbPath}</span>
              </Descriptions.Item>
            )}
          </Descriptions>
          {admin && <GeneralPanel />}
        </>
      ),
    },
    ...(admin
      ? [
          { key: 'users', label: t('settings.users'), children: <UsersPanel lang={lang} /> },
          { key: 'backups', label: t('settings.backups'), children: <BackupsPanel lang={lang} /> },
          { key: 'chain', label: t('approval.chainSettings.tab'), children: <ChainPanel lang={lang} /> },
          { key: 'posting', label: t('exports.layout.title'), children: <PostingLayoutPanel /> },
        ]
      : []),
    ...teamTab,
    { key: 'password', label: t('settings.changePassword'), children: <PasswordPanel /> },
    { key: 'about', label: t('support.tab'), children: <AboutPanel /> },
  ];
  return (
    <Card data-testid="page-settings">
      <Tabs items={items} />
    </Card>
  );
}
