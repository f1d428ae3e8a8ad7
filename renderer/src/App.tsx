import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Lang } from '../../contract/roles';
import type { AppInfo, SessionUser } from '../../contract/types';
import type { ConnectionView } from '../../contract/desktop';
import { ApiError, call, CERTIFICATE_CHANGED, SESSION_ENDED, type CertificateChange } from './api/client';
import { connectionView } from './api/connection';
import { ConnectPage } from './pages/ConnectPage';
import { CertificateChangedPage, ServerUnreachablePage } from './pages/ConnectionProblemPage';
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
import { ANTD_LOCALE } from './i18n/locale';

export function App({ initialLang }: { initialLang: Lang }): React.JSX.Element {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  // the desktop app: 单机使用 or a team server (null in a browser)
  const [connection, setConnection] = useState<ConnectionView | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [certificate, setCertificate] = useState<CertificateChange | null>(null);
  const [unreachable, setUnreachable] = useState<string | null>(null);
  const [sessionEnded, setSessionEnded] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const c = await connectionView();
      setConnection(c);
      if (c?.mode === 'unset') return;
      setInfo(await call('app.info', {}));
    } catch (e) {
      if (e instanceof ApiError && e.payload.key === 'remote.fingerprint_mismatch') return; // CERTIFICATE_CHANGED shows it
      if (e instanceof ApiError && e.payload.key === 'remote.unreachable') setUnreachable(e.message);
      else setFatal(errorText(e));
    }
  }, []);

  useEffect(() => {
    const changed = (e: Event): void => setCertificate((e as CustomEvent<CertificateChange>).detail);
    window.addEventListener(CERTIFICATE_CHANGED, changed);
    return () => window.removeEventListener(CERTIFICATE_CHANGED, changed);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    const ended = (): void => {
      setInfo((i) => (i ? { ...i, user: null } : i));
      setSessionEnded(true);
    };
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, []);
  const { t } = useTranslation();

  const switchLanguage = useCallback(async (next: Lang) => {
    await changeLanguage(next);
    await saveLanguage(next);
    setLang(next);
  }, []);

  const signedIn = useCallback((user: SessionUser) => {
    setSessionEnded(false);
    setInfo((i) => (i ? { ...i, user, hasUsers: true } : i));
  }, []);

  const change = (): void => {
    setCertificate(null);
    setUnreachable(null);
    setChoosing(true);
  };

  let body: React.JSX.Element;
  if (connection?.mode === 'unset' || choosing)
    body = <ConnectPage lang={lang} onLanguage={switchLanguage} {...(choosing ? { onCancel: () => setChoosing(false) } : {})} {...(connection?.server ? { initialUrl: connection.server.url } : {})} />;
  else if (certificate) body = <CertificateChangedPage change={certificate} onChangeConnection={change} />;
  else if (unreachable) body = <ServerUnreachablePage message={unreachable} onChangeConnection={change} />;
  else if (fatal) body = <Result status="error" title={fatal} />;
  else if (!info) body = <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  else if (!info.hasUsers) body = <SetupAdminPage lang={lang} onLanguage={switchLanguage} onDone={signedIn} />;
  else if (!info.user) body = <SignInPage lang={lang} onLanguage={switchLanguage} onDone={signedIn} team={info.team ?? null} sessionEnded={sessionEnded} {...(connection ? { onChangeConnection: change } : {})} />;
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
        {...(connection ? { onChangeConnection: change } : {})}
      />
    );

  return (
    <ConfigProvider locale={ANTD_LOCALE[lang]} theme={antdTheme}>
      <AntApp>{body}</AntApp>
    </ConfigProvider>
  );
}
