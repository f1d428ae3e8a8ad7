import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Select, Space, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainLevelView } from '../../../../contract/ops/approvals';
import { hasRole, type Lang } from '../../../../contract/roles';
import type { UserRow } from '../../../../contract/types';
import { call } from '../../api/client';
import { useAction, useLoad } from '../../api/use-load';
import { formatMoney, personText } from '../../../../domain';

interface LevelForm {
  name: string;
  approvers: string[];
  /** kept as text: money never goes through a JS number */
  min_total?: string;
}

const MIN_TOTAL = /^\d{1,13}(\.\d{1,2})?$/;
const EMPTY: LevelForm = { name: '', approvers: [], min_total: '' };

function toForm(levels: ChainLevelView[]): LevelForm[] {
  return levels.length === 0 ? [EMPTY] : levels.map((l) => ({ name: l.name, approvers: l.approvers.map((a) => a.name), min_total: l.min_total ? formatMoney(l.min_total) : '' }));
}

/** 设置 → 审批流 (admin): ordered levels, each with its approvers and an optional minimum total. */
export function ChainPanel({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ levels: LevelForm[] }>();
  const [users, setUsers] = useState<UserRow[]>([]);
  const loaded = useLoad(async () => {
    const [chain, list] = await Promise.all([call('chain.get', {}), call('users.list', {})]);
    return { chain, list };
  }, 'chain');
  const saving = useAction();
  const error = loaded.error ?? saving.error;

  useEffect(() => {
    if (!loaded.data) return;
    setUsers(loaded.data.list);
    form.setFieldsValue({ levels: toForm(loaded.data.chain) });
  }, [form, loaded.data]);

  // users added under 用户 meanwhile (the tabs stay mounted): look again whenever a picker opens,
  // without touching what is typed in the form
  const reloadUsers = (): void => void call('users.list', {}).then(setUsers).catch(() => undefined);

  // only active users with the approver role may sign (the service refuses anyone else)
  const options = useMemo(
    () => users.filter((u) => u.active && hasRole(u.roles, 'approver')).map((u) => ({ value: u.name, label: personText(u.name, u.displayName, lang) })),
    [users, lang],
  );

  const busy = saving.busy;
  const save = (v: { levels: LevelForm[] }): Promise<boolean> =>
    saving.run(async () => {
      const levels = v.levels.map((l) => ({ name: l.name.trim(), approvers: l.approvers, min_total: l.min_total?.trim() ? l.min_total.trim().replace(/,/g, '') : null }));
      form.setFieldsValue({ levels: toForm(await call('chain.set', { levels })) });
      void message.success(t('approval.chainSettings.saved'));
    });

  return (
    <div style={{ maxWidth: 920 }} data-testid="chain-panel">
      <Typography.Paragraph type="secondary">{t('approval.chainSettings.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={{ levels: [EMPTY] }}>
        <Form.List name="levels">
          {(fields, { add, remove, move }) => (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  data-testid={`chain-level-form-${i + 1}`}
                  title={t('approval.chain.levelN', { n: i + 1 })}
                  extra={
                    <Space size={4}>
                      <Tooltip title={t('approval.chainSettings.up')}>
                        <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('approval.chainSettings.up')} />
                      </Tooltip>
                      <Tooltip title={t('approval.chainSettings.down')}>
                        <Button size="small" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label={t('approval.chainSettings.down')} />
                      </Tooltip>
                      <Tooltip title={t('approval.chainSettings.remove')}>
                        <Button size="small" danger icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(field.name)} aria-label={t('approval.chainSettings.remove')} data-testid={`chain-remove-${i + 1}`} />
                      </Tooltip>
                    </Space>
                  }
                >
                  <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-start' }}>
                    <Form.Item name={[field.name, 'name']} label={t('approval.chainSettings.name')} rules={[{ required: true, whitespace: true, message: t('approval.chainSettings.nameRequired') }]} style={{ width: 220, marginBottom: 8 }}>
                      <Input maxLength={60} placeholder={t('approval.chainSettings.namePlaceholder')} data-testid={`chain-name-${i + 1}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'approvers']} label={t('approval.chainSettings.approvers')} rules={[{ required: true, type: 'array', min: 1, message: t('approval.chainSettings.approversRequired') }]} style={{ flex: 1, minWidth: 260, marginBottom: 8 }}>
                      <Select mode="multiple" options={options} onOpenChange={(open) => open && reloadUsers()} onFocus={reloadUsers} optionFilterProp="label" placeholder={t('approval.chainSettings.approversPlaceholder')} notFoundContent={t('approval.chainSettings.noApprovers')} data-testid={`chain-approvers-${i + 1}`} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'min_total']}
                      label={t('approval.chainSettings.minTotal')}
                      tooltip={t('approval.chainSettings.minTotalHelp')}
                      rules={[{ validator: (_, v: string | undefined) => (!v?.trim() || MIN_TOTAL.test(v.trim().replace(/,/g, '')) ? Promise.resolve() : Promise.reject(new Error(t('approval.chainSettings.minTotalInvalid')))) }]}
                      style={{ width: 200, marginBottom: 8 }}
                    >
                      <Input className="num" placeholder={t('approval.chainSettings.minTotalPlaceholder')} data-testid={`chain-min-${i + 1}`} />
                    </Form.Item>
                  </div>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(EMPTY)} disabled={fields.length >= 10} block data-testid="chain-add">
                {t('approval.chainSettings.add')}
              </Button>
            </Space>
          )}
        </Form.List>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="chain-error" />}
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="chain-save">
            {t('approval.chainSettings.save')}
          </Button>
          <Typography.Text type="secondary">{t('approval.chainSettings.frozen')}</Typography.Text>
        </Space>
      </Form>
    </div>
  );
}
