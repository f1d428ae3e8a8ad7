import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Tag } from 'antd';
import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Lang, type Role } from '../../../../contract/roles';
import type { UserRow } from '../../../../contract/types';
import { call } from '../../api/client';
import { useAction, useLoad } from '../../api/use-load';
import { gridLocale, gridTheme } from '../../grid/setup';
import { formatDateTime } from '../../../../domain';

interface NewUser {
  name: string;
  displayName?: string;
  password: string;
  roles: Role[];
}

export function UsersPanel({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useLoad(() => call('users.list', {}), 'users');
  const users = list.data ?? [];
  const load = list.reload;
  const { run } = useAction({ toast: true });
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [form] = Form.useForm<NewUser>();
  const [resetForm] = Form.useForm<{ password: string }>();

  const toggle = useCallback(
    (u: UserRow) =>
      run(async () => {
        await call('users.setActive', { name: u.name, active: !u.active });
        await load();
      }),
    [load, run],
  );

  const unlock = useCallback(
    (u: UserRow) =>
      run(async () => {
        await call('users.unlock', { name: u.name });
        void message.success(t('settings.unlocked', { name: u.name }));
        await load();
      }),
    [load, message, run, t],
  );

  const reset = async (): Promise<void> => {
    if (!resetting) return;
    const v = await resetForm.validateFields();
    await run(async () => {
      await call('users.resetPassword', { name: resetting.name, password: v.password });
      void message.success(t('settings.passwordReset', { name: resetting.name }));
      setResetting(null);
      resetForm.resetFields();
      await load();
    });
  };

  const add = async (): Promise<void> => {
    const v = await form.validateFields();
    await run(async () => {
      await call('users.add', { ...v, displayName: v.displayName || undefined });
      setAdding(false);
      form.resetFields();
      await load();
    });
  };

  const columns = useMemo<ColDef<UserRow>[]>(
    () => [
      { field: 'name', headerName: t('settings.userName'), width: 140 },
      { field: 'displayName', headerName: t('settings.displayName'), width: 160 },
      {
        field: 'roles',
        headerName: t('settings.roles'),
        flex: 1,
        cellRenderer: (p: { value: Role[] }) => (
          <Space size={4}>
            {p.value.map((r) => (
              <Tag key={r}>{t(`roles.${r}`)}</Tag>
            ))}
          </Space>
        ),
      },
      {
        field: 'active',
        headerName: t('settings.active'),
        width: 200,
        cellRenderer: (p: { value: boolean; data?: UserRow }) => (
          <Space size={4}>
            <Tag color={p.value ? 'success' : 'default'}>{p.value ? t('settings.activeYes') : t('settings.activeNo')}</Tag>
            {p.data?.locks?.length ? (
              <Tag color="error" data-testid={`user-locked-${p.data.name}`}>
                {t('settings.locked', { until: formatDateTime(p.data.locks.map((l) => l.until).sort().at(-1) ?? null, true) })}
              </Tag>
            ) : null}
          </Space>
        ),
      },
      { field: 'createdAt', headerName: t('settings.createdAt'), width: 170, valueFormatter: (p) => formatDateTime(String(p.value)) },
      {
        colId: 'actions',
        headerName: '',
        width: 230,
        cellRenderer: (p: { data?: UserRow }) =>
          p.data ? (
            <Space size={0}>
              <Button size="small" type="link" onClick={() => p.data && void toggle(p.data)} data-testid={`user-toggle-${p.data.name}`}>
                {p.data.active ? t('settings.deactivate') : t('settings.activate')}
              </Button>
              <Button size="small" type="link" onClick={() => setResetting(p.data ?? null)} data-testid={`user-reset-${p.data.name}`}>
                {t('settings.resetPassword')}
              </Button>
              {p.data.locks?.length ? (
                <Button size="small" type="link" danger onClick={() => p.data && void unlock(p.data)} data-testid={`user-unlock-${p.data.name}`}>
                  {t('settings.unlock')}
                </Button>
              ) : null}
            </Space>
          ) : null,
      },
    ],
    [t, lang, toggle, unlock],
  );

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {list.error && <Alert type="error" showIcon title={list.error} />}
      <div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="user-add">
          {t('settings.addUser')}
        </Button>
      </div>
      <div style={{ height: 360 }} data-testid="users-grid">
        <AgGridReact<UserRow> theme={gridTheme} localeText={gridLocale(lang)} rowData={users} columnDefs={columns} getRowId={(p) => p.data.name} />
      </div>
      <Modal
        open={resetting !== null}
        title={t('settings.resetPasswordTitle', { name: resetting?.name ?? '' })}
        onOk={() => void reset()}
        onCancel={() => setResetting(null)}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <p>{t('settings.resetPasswordHint')}</p>
        <Form form={resetForm} layout="vertical">
          <Form.Item name="password" label={t('settings.newPassword')} rules={[{ required: true, min: 8, message: t('setup.password') }]}>
            <Input.Password autoComplete="new-password" data-testid="reset-password-input" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={adding} title={t('settings.addUser')} onOk={() => void add()} onCancel={() => setAdding(false)} okText={t('common.ok')} cancelText={t('common.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ roles: ['preparer'] }}>
          <Form.Item name="name" label={t('settings.userName')} rules={[{ required: true, message: t('common.required') }]}>
            <Input data-testid="new-user-name" />
          </Form.Item>
          <Form.Item name="displayName" label={t('settings.displayName')}>
            <Input data-testid="new-user-display" />
          </Form.Item>
          <Form.Item name="password" label={t('settings.password')} rules={[{ required: true, min: 8, message: t('setup.password') }]}>
            <Input.Password data-testid="new-user-password" />
          </Form.Item>
          <Form.Item name="roles" label={t('settings.roles')} rules={[{ required: true, message: t('common.required') }]}>
            <Checkbox.Group options={ROLES.map((r) => ({ label: t(`roles.${r}`), value: r }))} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
