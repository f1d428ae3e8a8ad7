import { Alert, Button, Card, Checkbox, Form, Input, Modal, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../contract/roles';
import type { SessionUser } from '../../../contract/types';
import { call } from '../api/client';
import { errorText, useAction } from '../api/use-load';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { roleText } from '../i18n/keys';

interface Props {
  lang: Lang;
  onLanguage: (l: Lang) => void;
  onDone: (u: SessionUser) => void;
}

interface Values {
  name: string;
  displayName?: string;
  password: string;
  confirm: string;
  demo: boolean;
}

export function SetupAdminPage({ lang, onLanguage, onDone }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  const [loadingDemo, setLoadingDemo] = useState(false);

  const submit = (v: Values): Promise<boolean> =>
    run(async () => {
      const user = await call('auth.setupAdmin', { name: v.name, password: v.password, displayName: v.displayName || undefined });
      if (v.demo) {
        // First run: a demo month, ready to calculate, so a newcomer sees the whole product at once.
        setLoadingDemo(true);
        try {
          const demo = await call('demo.load', {});
          location.hash = '#/overview';
          Modal.success({
            title: t('setup.demoLoaded', { period: demo.period }),
            width: 560,
            content: (
              <>
                <Typography.Paragraph>{t('setup.demoUsers', { password: demo.password })}</Typography.Paragraph>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="name"
                  dataSource={demo.users}
                  columns={[
                    { title: t('settings.userName'), dataIndex: 'name' },
                    { title: t('settings.displayName'), dataIndex: 'display' },
                    { title: t('settings.roles'), dataIndex: 'roles', render: (r: string[]) => r.map((x) => roleText(t, x)).join(t('common.listSeparator')) },
                  ]}
                />
              </>
            ),
          });
        } catch (e) {
          Modal.error({ title: t('setup.demoFailed'), content: errorText(e) });
        } finally {
          setLoadingDemo(false);
        }
      }
      onDone(user);
    });

  return (
    <div className="auth-page">
      <Card className="auth-card" style={{ width: 460 }} title={<Space><span className="app-brand-mark">返</span>{t('setup.title')}</Space>} extra={<LanguageSwitch lang={lang} onChange={onLanguage} />}>
        <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
        {loadingDemo && <Spin fullscreen size="large" description={t('setup.demoLoading')} data-testid="setup-demo-loading" />}
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ demo: true }} data-testid="setup-form">
          <Form.Item name="name" label={t('setup.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input autoFocus autoComplete="username" data-testid="setup-name" />
          </Form.Item>
          <Form.Item name="displayName" label={t('setup.displayName')}>
            <Input data-testid="setup-display" />
          </Form.Item>
          <Form.Item name="password" label={t('setup.password')} rules={[{ required: true, min: 8, message: t('setup.password') }]}>
            <Input.Password autoComplete="new-password" data-testid="setup-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('setup.confirm')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('common.required') },
              ({ getFieldValue }) => ({
                validator: (_, value) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('setup.mismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="setup-confirm" />
          </Form.Item>
          <Form.Item name="demo" valuePropName="checked" extra={t('setup.demoHint')}>
            <Checkbox data-testid="setup-demo">{t('setup.demo')}</Checkbox>
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
