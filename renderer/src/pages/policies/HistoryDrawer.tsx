import { Alert, Button, Drawer, Empty, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyDiffView, PolicySummaryView } from '../../../../contract/ops/policies';
import type { Lang } from '../../../../contract/roles';
import { call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { formatTime } from './PolicyList';
import { Person } from '../../components/Person';
import { policyFieldText } from '../../i18n/keys';

interface Props {
  code: string | null;
  lang: Lang;
  onClose: () => void;
  onOpenVersion: (version: number) => void;
  onExport: (version: number) => void;
}

const CHANGE_COLOR = { added: 'green', removed: 'red', changed: 'blue' } as const;

/** Every saved version of a policy, and what changed between any two of them. */
export function HistoryDrawer({ code, lang, onClose, onOpenVersion, onExport }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const history = useLoad<PolicySummaryView[]>(() => call('policy.history', { code: code ?? '' }), code);
  const versions = history.data ?? [];
  const [picked, setPicked] = useState<number[]>([]);
  useEffect(() => setPicked((history.data ?? []).slice(0, 2).map((x) => x.version)), [history.data]);

  const [a, b] = [...picked].sort((x, y) => x - y);
  const compared = useLoad<PolicyDiffView>(() => call('policy.diff', { code: code ?? '', from: a ?? 0, to: b ?? 0 }), code !== null && a !== undefined && b !== undefined ? `${code}:${a}:${b}` : null);
  // fewer than two versions picked: nothing compared
  const diff = a !== undefined && b !== undefined ? compared.data : null;
  const error = history.error ?? compared.error;

  const empty = diff && diff.fields.length + diff.parameters.length + diff.formulas.length === 0;
  return (
    <Drawer open={code !== null} onClose={onClose} size={760} title={t('policies.historyTitle', { code: code ?? '' })} data-testid="history-drawer">
      {error && <Alert type="error" title={error} showIcon />}
      <Table<PolicySummaryView>
        size="small" rowKey="version" pagination={false} dataSource={versions}
        rowSelection={{ selectedRowKeys: picked, hideSelectAll: true, onChange: (keys) => setPicked(keys.map(Number).slice(-2)) }}
        columns={[
          { title: t('policies.version'), dataIndex: 'version', width: 64, render: (v: number) => `v${v}` },
          { title: t('policies.savedAt'), dataIndex: 'saved_at', width: 150, render: (v: string) => formatTime(v, lang) },
          { title: t('policies.savedBy'), dataIndex: 'saved_by', width: 90, render: (v: string) => <Person name={v} /> },
          { title: t('policies.comment'), dataIndex: 'comment', render: (c: string, r) => <>{!r.active && <Tag>{t('policies.inactive')}</Tag>}{c}</> },
          { title: '', width: 130, render: (_v, r) => (
            <Space size={0}>
              <Button size="small" type="link" onClick={() => onOpenVersion(r.version)}>{t('policies.open')}</Button>
              <Button size="small" type="link" onClick={() => onExport(r.version)}>{t('policies.export')}</Button>
            </Space>
          ) },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {diff ? t('policies.diffTitle', { from: diff.from, to: diff.to }) : t('policies.pickTwo')}
      </Typography.Title>
      {empty && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('policies.noDifference')} />}
      {diff && (
        <div data-testid="policy-diff">
          {[...diff.fields.map((f) => ({ key: `f-${f.field}`, what: policyFieldText(t, f.field), change: 'changed' as const, old: f.old, new: f.new, mono: false })),
            ...diff.parameters.map((p) => ({ key: `p-${p.name}`, what: `${t('policies.parameter')} ${p.name}`, change: p.change, old: p.old, new: p.new, mono: false })),
            ...diff.formulas.map((f) => ({ key: `x-${f.name}`, what: `${t('policies.formula')} ${f.new?.label ?? f.old?.label ?? ''} (${f.name})`, change: f.change, old: f.old?.expr ?? null, new: f.new?.expr ?? null, mono: true }))]
            .map((row) => (
              <div key={row.key} className="diff-row">
                <div className="diff-what"><Tag color={CHANGE_COLOR[row.change]}>{t(`policies.change.${row.change}`)}</Tag>{row.what}</div>
                {row.old !== null && <div className={`diff-old${row.mono ? ' mono' : ''}`}>− {row.old}</div>}
                {row.new !== null && <div className={`diff-new${row.mono ? ' mono' : ''}`}>+ {row.new}</div>}
              </div>
            ))}
        </div>
      )}
    </Drawer>
  );
}
