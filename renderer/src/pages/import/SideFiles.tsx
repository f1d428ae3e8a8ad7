import { ApartmentOutlined, FileOutlined, FunctionOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpInput } from '../../../../contract/operations';
import { call } from '../../api/client';
import { errorText } from '../../api/use-load';
import type { SideFile } from './side-files';

type State = 'open' | 'done' | 'skipped';

/**
 * Policy and chain files found among the dropped ones: offered for import into 返利政策 / 审批流 (the
 * same operations as there, so the same checks and permissions), or set aside; anything else that
 * is not a workbook is listed as set aside, never shown as a broken workbook.
 */
export function SideFiles({ files }: { files: SideFile[] }): React.JSX.Element | null {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [state, setState] = useState<Record<string, State>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  if (files.length === 0) return null;

  const act = async (f: SideFile): Promise<void> => {
    setBusy(f.name);
    setErrors((e) => ({ ...e, [f.name]: '' }));
    try {
      if (f.kind === 'policy') {
        const r = await call('policy.import', { content: f.content, fileName: f.name, comment: t('importFlow.side.comment') });
        void message.success(t('importFlow.side.policyDone', { code: r.policy.code, version: r.policy.version }));
      } else if (f.kind === 'chain') {
        const levels = await call('chain.set', JSON.parse(f.content) as OpInput<'chain.set'>);
        void message.success(t('importFlow.side.chainDone', { levels: levels.length }));
      }
      setState((s) => ({ ...s, [f.name]: 'done' }));
    } catch (e) {
      setErrors((x) => ({ ...x, [f.name]: errorText(e) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title={t('importFlow.side.title')} data-testid="import-side-files">
      <List
        size="small"
        dataSource={files}
        renderItem={(f, i) => {
          const s = state[f.name] ?? (f.kind === 'other' || f.kind === 'bad_json' ? 'skipped' : 'open');
          const icon = f.kind === 'policy' ? <FunctionOutlined /> : f.kind === 'chain' ? <ApartmentOutlined /> : <FileOutlined />;
          const what = f.kind === 'policy' ? t('importFlow.side.policy', { name: f.label }) : f.kind === 'chain' ? t('importFlow.side.chain', { levels: f.levels }) : f.kind === 'bad_json' ? t('importFlow.side.badJson') : t('importFlow.side.other');
          return (
            <List.Item
              data-testid={`side-file-${i}`}
              actions={
                s === 'open'
                  ? [
                      <Button key="go" size="small" type="primary" loading={busy === f.name} onClick={() => void act(f)} data-testid={`side-import-${i}`}>
                        {f.kind === 'policy' ? t('importFlow.side.importPolicy') : t('importFlow.side.importChain')}
                      </Button>,
                      <Button key="skip" size="small" onClick={() => setState((x) => ({ ...x, [f.name]: 'skipped' }))} data-testid={`side-skip-${i}`}>
                        {t('importFlow.side.skip')}
                      </Button>,
                    ]
                  : [
                      <Tag key="s" color={s === 'done' ? 'success' : 'default'}>
                        {s === 'done' ? (f.kind === 'policy' ? t('importFlow.side.importPolicy') : t('importFlow.side.importChain')) + ' ✓' : t('importFlow.side.skipped')}
                      </Tag>,
                    ]
              }
            >
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Space size={6}>
                  {icon}
                  <Typography.Text strong>{f.name}</Typography.Text>
                  <Typography.Text type="secondary">{what}</Typography.Text>
                </Space>
                {errors[f.name] && <Alert type="error" showIcon title={errors[f.name]} style={{ marginTop: 4 }} />}
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
