import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Tag, Tooltip, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PolicyListItem } from '../../../../contract/ops/policies';
import type { Lang } from '../../../../contract/roles';
import { Person } from '../../components/Person';
import { formatDateTime } from '../../../../domain';

interface Props {
  policies: PolicyListItem[] | null;
  selected: string | null;
  canEdit: boolean;
  lang: Lang;
  onSelect: (code: string) => void;
  onNew: () => void;
  onImport: (file: File) => void;
}

export function formatTime(iso: string, _lang: Lang): string {
  return formatDateTime(iso);
}

/** Every policy, highest priority first: where it applies, when, and who last changed it. */
export function PolicyList({ policies, selected, canEdit, lang, onSelect, onNew, onImport }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const all = t('policies.all');
  const colon = t('common.colon');
  return (
    <div className="policy-list" data-testid="policy-list">
      <div className="policy-list-head">
        <Typography.Text strong>{t('policies.listTitle', { count: policies?.length ?? 0 })}</Typography.Text>
        {canEdit && (
          <Space size={6}>
            <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => { onImport(f); return false; }}>
              <Tooltip title={t('policies.importHint')}>
                <Button size="small" icon={<ImportOutlined />} data-testid="policy-import">{t('policies.import')}</Button>
              </Tooltip>
            </Upload>
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={onNew} data-testid="policy-new">{t('policies.new')}</Button>
          </Space>
        )}
      </div>
      {policies?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('policies.emptyList')} />}
      {(policies ?? []).map((p) => (
        <button type="button" key={p.code} className={`policy-item${p.code === selected ? ' policy-item-selected' : ''}`} onClick={() => onSelect(p.code)} data-testid={`policy-item-${p.code}`}>
          <div className="policy-item-title">
            <span className="policy-item-name">{p.name}</span>
            {!p.active && <Tag color="default">{t('policies.inactive')}</Tag>}
          </div>
          <div className="policy-item-line">
            <span className="mono">{p.code}</span>
            <span>v{p.version}</span>
            <span>{t('policies.priorityShort', { priority: p.priority })}</span>
          </div>
          <div className="policy-item-line">
            <span>{p.effective_from} ~ {p.effective_to ?? t('policies.openEnded')}</span>
          </div>
          <div className="policy-item-line">
            <span>{t('policies.regions')}{colon}{p.scope.regions?.join(t('common.listSeparator')) ?? all}</span>
            <span>{t('policies.grades')}{colon}{p.scope.grades?.join(t('common.listSeparator')) ?? all}</span>
          </div>
          <div className="policy-item-line policy-item-meta">
            <Person name={p.saved_by} /> · {formatTime(p.saved_at, lang)}
          </div>
        </button>
      ))}
    </div>
  );
}
