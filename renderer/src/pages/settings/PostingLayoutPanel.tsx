import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Popconfirm, Radio, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { POSTING_SOURCES, type PostingLayout, type PostingLayoutView } from '../../../../contract/ops/exports';
import { call } from '../../api/client';
import { useAction, useLoad } from '../../api/use-load';
import { LoadState } from '../../components/LoadState';

/** The form's shape: the voucher date split into a choice and a fixed day (a date picker). */
interface FormValues {
  mode: PostingLayout['mode'];
  skip_zero: boolean;
  debit_account: string;
  credit_account: string;
  summary: string;
  date_rule: 'period_end' | 'export_day' | 'fixed';
  fixed_date: Dayjs | null;
  columns: PostingLayout['columns'];
}

function toForm(l: PostingLayout): FormValues {
  const rule = l.params.voucher_date === 'period_end' || l.params.voucher_date === 'export_day' ? l.params.voucher_date : 'fixed';
  return {
    mode: l.mode,
    skip_zero: l.skip_zero,
    debit_account: l.params.debit_account,
    credit_account: l.params.credit_account,
    summary: l.params.summary,
    date_rule: rule,
    fixed_date: rule === 'fixed' ? dayjs(l.params.voucher_date) : null,
    columns: l.columns,
  };
}

function toLayout(v: FormValues): PostingLayout {
  return {
    mode: v.mode,
    skip_zero: v.skip_zero,
    params: {
      debit_account: v.debit_account,
      credit_account: v.credit_account,
      summary: v.summary,
      voucher_date: v.date_rule === 'fixed' ? (v.fixed_date ?? dayjs()).format('YYYY-MM-DD') : v.date_rule,
    },
    columns: v.columns.map((c) => (c.source === 'constant' ? { header: c.header, source: c.source, value: c.value ?? '' } : { header: c.header, source: c.source })),
  };
}

/** 设置 → 凭证格式: the ERP posting file's columns and parameters (admin). */
export function PostingLayoutPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const loaded = useLoad<PostingLayoutView>(() => call('export.postingLayout.get', {}), 'posting-layout');
  const { data: view, setData: setView } = loaded;
  const { busy, run } = useAction({ toast: true, details: true });
  const columns = Form.useWatch('columns', form);
  const dateRule = Form.useWatch('date_rule', form);

  // the form shows what was loaded or saved last
  useEffect(() => {
    if (view) form.setFieldsValue(toForm(view.layout));
  }, [form, view]);

  const apply = (layout: PostingLayout | null): Promise<boolean> =>
    run(async () => {
      setView(await call('export.postingLayout.set', { layout }));
      void message.success(t(layout ? 'exports.layout.saved' : 'exports.layout.resetDone'));
    });

  if (!view) return <LoadState loaded={loaded} />;
  const L = 'exports.layout';
  const required = [{ required: true, whitespace: true, message: t(`${L}.required`) }];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 960 }} data-testid="posting-layout">
      <Alert type="info" showIcon title={t(`${L}.title`)} description={t(`${L}.intro`)} action={<Tag color={view.is_default ? 'default' : 'blue'}>{t(view.is_default ? `${L}.isDefault` : `${L}.isCustom`)}</Tag>} />
      <Form form={form} layout="vertical" onFinish={(v) => void apply(toLayout(v))}>
        <Card size="small" style={{ marginBottom: 16 }}>
          <Space wrap size={24} align="start">
            <Form.Item name="debit_account" label={t(`${L}.debit`)} rules={required}>
              <Input style={{ width: 160 }} maxLength={40} data-testid="layout-debit" />
            </Form.Item>
            <Form.Item name="credit_account" label={t(`${L}.credit`)} rules={required}>
              <Input style={{ width: 160 }} maxLength={40} data-testid="layout-credit" />
            </Form.Item>
            <Form.Item name="summary" label={t(`${L}.summary`)} extra={t(`${L}.summaryHelp`)} rules={required}>
              <Input style={{ width: 320 }} maxLength={200} />
            </Form.Item>
          </Space>
          <Space wrap size={24} align="start">
            <Form.Item name="date_rule" label={t(`${L}.voucherDate`)}>
              <Select style={{ width: 180 }} options={(['period_end', 'export_day', 'fixed'] as const).map((d) => ({ value: d, label: t(`${L}.dates.${d}`) }))} />
            </Form.Item>
            {dateRule === 'fixed' && (
              <Form.Item name="fixed_date" label=" " rules={[{ required: true, message: t(`${L}.required`) }]}>
                <DatePicker />
              </Form.Item>
            )}
            <Form.Item name="mode" label={t(`${L}.mode`)}>
              <Radio.Group options={(['pair', 'single'] as const).map((m) => ({ value: m, label: t(`${L}.modes.${m}`) }))} />
            </Form.Item>
            <Form.Item name="skip_zero" label={t(`${L}.skipZero`)} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
        </Card>
        <Card size="small" title={t(`${L}.columns`)}>
          <Form.List name="columns">
            {(fields, { add, remove, move }) => (
              <>
                {fields.map((field, i) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }} data-testid="layout-column">
                    <Typography.Text type="secondary" style={{ width: 24, display: 'inline-block', textAlign: 'right' }}>
                      {i + 1}
                    </Typography.Text>
                    <Form.Item name={[field.name, 'header']} rules={required} style={{ marginBottom: 8 }}>
                      <Input placeholder={t(`${L}.header`)} style={{ width: 180 }} maxLength={60} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'source']} style={{ marginBottom: 8 }}>
                      <Select style={{ width: 380 }} popupMatchSelectWidth={false} options={POSTING_SOURCES.map((s) => ({ value: s, label: t(`${L}.sources.${s}`) }))} />
                    </Form.Item>
                    {columns?.[i]?.source === 'constant' && (
                      <Form.Item name={[field.name, 'value']} rules={[{ required: true, message: t(`${L}.required`) }]} style={{ marginBottom: 8 }}>
                        <Input placeholder={t(`${L}.value`)} style={{ width: 140 }} maxLength={200} />
                      </Form.Item>
                    )}
                    <Tooltip title={t(`${L}.up`)}>
                      <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} />
                    </Tooltip>
                    <Tooltip title={t(`${L}.down`)}>
                      <Button size="small" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} />
                    </Tooltip>
                    <Tooltip title={t(`${L}.remove`)}>
                      <Button size="small" danger icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(field.name)} />
                    </Tooltip>
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ header: '', source: 'constant', value: '' })} disabled={fields.length >= 40}>
                  {t(`${L}.add`)}
                </Button>
              </>
            )}
          </Form.List>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
            {t(`${L}.preview`)} <Typography.Text code>{(columns ?? []).map((c) => c?.header ?? '').join(', ')}</Typography.Text>
          </Typography.Paragraph>
        </Card>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="layout-save">
            {t(`${L}.save`)}
          </Button>
          <Popconfirm title={t(`${L}.resetConfirm`)} onConfirm={() => void apply(null)} disabled={view.is_default}>
            <Button disabled={view.is_default || busy}>{t(`${L}.reset`)}</Button>
          </Popconfirm>
        </Space>
      </Form>
    </Space>
  );
}
