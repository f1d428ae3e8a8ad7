import { Card, Descriptions, Tabs } from 'antd';
import { TeamPanel } from './settings/TeamPanel';
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
}

export function SettingsPage({ lang, user, info, onLanguage }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const admin = hasRole(user.roles, 'admin');
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
            <Descriptions.Item label={t('settings.database')}>
              <span className="hash" data-testid="settings-db-path">{info.dbPath}</span>
            </Descriptions.Item>
          </Descriptions>
          {admin && <GeneralPanel />}
        </>
      ),
    },
    ...(admin
      ? [
          { key: 'users', label: t('settings.users'), children: <UsersPanel lang={lang} /> },
          { key: 'backups', label: t('settings.backups'), children: <BackupsPanel lang={lang} /> },
          { key: 'chain', label: t('approval.chainSettings.tab'), children: <ChainPanel /> },
          { key: 'posting', label: t('exports.layout.title'), children: <PostingLayoutPanel /> },
          { key: 'team', label: t('settings.teamTab'), children: <TeamPanel /> },
        ]
      : []),
    { key: 'password', label: t('settings.changePassword'), children: <PasswordPanel /> },
    { key: 'about', label: t('support.tab'), children: <AboutPanel /> },
  ];
  return (
    <Card data-testid="page-settings">
      <Tabs items={items} />
    </Card>
  );
}
