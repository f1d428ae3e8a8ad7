import { Alert, App, Button, Form, Input, InputNumber, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppSettings } from '../../../../contract/types';
import { call } from '../../api/client';
import { useAction, useLoad } from '../../api/use-load';

export function GeneralPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AppSettings>();
  const settings = useLoad(() => call('settings.get', {}), 'settings');
  const { busy, run } = useAction({ toast: true });

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [form, settings.data]);

  const save = (v: AppSettings): Promise<boolean> =>
    run(async () => {
      form.setFieldsValue(await call('settings.update', v));
      void message.success(t('settings.saved'));
    });

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 480 }} onFinish={save}>
      {settings.error && <Alert type="error" showIcon title={settings.error} style={{ marginBottom: 16 }} />}
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('settings.company')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings.companyHint')}</Typography.Paragraph>
      <Form.Item name="companyName" label={t('settings.companyName')}>
        <Input maxLength={100} data-testid="settings-company-name" />
      </Form.Item>
      <Form.Item name="companyAddress" label={t('settings.companyAddress')}>
        <Input maxLength={200} data-testid="settings-company-address" />
      </Form.Item>
      <Form.Item name="companyContact" label={t('settings.companyContact')}>
        <Input maxLength={200} placeholder={t('settings.companyContactPlaceholder')} data-testid="settings-company-contact" />
      </Form.Item>
      <Form.Item name="companyBank" label={t('settings.companyBank')}>
        <Input maxLength={200} data-testid="settings-company-bank" />
      </Form.Item>
      <Typography.Title level={5}>{t('settings.other')}</Typography.Title>
      <Form.Item name="backupKeep" label={t('settings.backupKeep')}>
        <InputNumber min={1} max={500} />
      </Form.Item>
      <Form.Item name="ledgerDormantPeriods" label={t('settings.ledgerDormantPeriods')} extra={t('settings.ledgerDormantHint')}>
        <InputNumber min={1} max={60} suffix={t('settings.periodsUnit')} data-testid="settings-dormant" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="settings-save">
        {t('settings.save')}
      </Button>
    </Form>
  );
}
