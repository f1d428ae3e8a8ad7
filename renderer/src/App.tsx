import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useState } from 'react';
import type { Lang } from '../../contract/roles';
import type { AppInfo, SessionUser } from '../../contract/types';
import { call, SESSION_ENDED } from './api/client';
import { errorText } from './api/use-load';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { PasswordPanel } from './pages/settings/PasswordPanel';
import { saveLanguage } from './api/preferences';
import { changeLanguage } from './i18n';
import { SetupAdminPage } from './pages/SetupAdminPage';
import { SignInPage } from './pages/SignInPage';
import { Shell } from './Shell';
import { antdTheme } from './theme';

export function App({ initialLang }: { initialLang: Lang }): React.JSX.Element {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setInfo(await call('app.info', {}));
    } catch (e) {
      setFatal(errorText(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    const ended = (): void => setInfo((i) => (i ? { ...i, user: null } : i));
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, []);
  const { t } = useTranslation();

  const switchLanguage = useCallback(async (next: Lang) => {
    await changeLanguage(next);
    await saveLanguage(next);
    setLang(next);
  }, []);

  const signedIn = useCallback((user: SessionUser) => setInfo((i) => (i ? { ...i, user, hasUsers: true } : i)), []);

  let body: React.JSX.Element;
  if (fatal) body = <Result status="error" title={fatal} />;
  else if (!info) body = <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  else if (!info.hasUsers) body = <SetupAdminPage lang={lang} onLanguage={switchLanguage} onDone={signedIn} />;
  else if (!info.user) body = <SignInPage lang={lang} onLanguage={switchLanguage} onDone={signedIn} />;
  else if (info.user.mustChangePassword)
    body = (
      <div className="auth-page">
        <Card className="auth-card" title={t('settings.mustChangeTitle')} data-testid="must-change-password">
          <p>{t('settings.mustChangeText')}</p>
          <PasswordPanel onChanged={() => void refresh()} />
        </Card>
      </div>
    );
  else
    body = (
      <Shell
        info={info}
        user={info.user}
        lang={lang}
        onLanguage={switchLanguage}
        onSignedOut={() => setInfo({ ...info, user: null })}
      />
    );

  return (
    <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} theme={antdTheme}>
      <AntApp>{body}</AntApp>
    </ConfigProvider>
  );
}
