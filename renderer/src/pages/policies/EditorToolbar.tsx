import { CheckCircleFilled, CloseCircleFilled, ExportOutlined, HistoryOutlined, SaveOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PolicyVersionView } from '../../../../contract/ops/policies';
import type { Lang } from '../../../../contract/roles';
import { formatTime } from './PolicyList';
import { usePeople } from '../../api/people';

interface Props {
  loaded: PolicyVersionView | null;
  latest: number | null;
  title: string;
  dirty: boolean;
  valid: boolean;
  problems: number;
  canEdit: boolean;
  lang: Lang;
  onSave: () => void;
  onDiscard: () => void;
  onHistory: () => void;
  onExport: () => void;
  onToggleActive: () => void;
}

/** The policy's name and state, validation status, and what can be done with it. */
export function EditorToolbar(p: Props): React.JSX.Element {
  const { t } = useTranslation();
  const who = usePeople();
  const { loaded } = p;
  const old = loaded && p.latest !== null && loaded.version !== p.latest;
  return (
    <div className="policy-toolbar">
      <div className="policy-toolbar-row">
        <Space size={8} align="center" style={{ minWidth: 0 }}>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="policy-title">{p.title}</Typography.Title>
          {loaded ? <Tag>v{loaded.version}</Tag> : <Tag color="blue">{t('policies.newPolicy')}</Tag>}
          {loaded && !loaded.active && <Tag>{t('policies.inactive')}</Tag>}
          {old && <Tag color="orange">{t('policies.oldVersion', { latest: p.latest })}</Tag>}
          {p.dirty && <Tag color="gold" data-testid="policy-dirty">{t('policies.unsaved')}</Tag>}
        </Space>
        <span className={p.valid ? 'valid-ok' : 'valid-bad'} data-testid="policy-validity">
          {p.valid ? <CheckCircleFilled /> : <CloseCircleFilled />} {p.valid ? t('policies.valid') : t('policies.problems', { count: p.problems })}
        </span>
      </div>
      <div className="policy-toolbar-row">
        <div className="policy-toolbar-sub">
          {loaded && t('policies.lastSaved', { by: who(loaded.saved_by), at: formatTime(loaded.saved_at, p.lang), comment: loaded.comment })}
        </div>
        <Space size={6}>
          {loaded && <Button size="small" icon={<HistoryOutlined />} onClick={p.onHistory} data-testid="policy-history">{t('policies.history')}</Button>}
          {loaded && <Button size="small" icon={<ExportOutlined />} onClick={p.onExport} data-testid="policy-export">{t('policies.export')}</Button>}
          {loaded && p.canEdit && (
            <Button size="small" icon={<StopOutlined />} onClick={p.onToggleActive}>{loaded.active ? t('policies.deactivate') : t('policies.activate')}</Button>
          )}
          {p.canEdit && p.dirty && <Button size="small" icon={<UndoOutlined />} onClick={p.onDiscard}>{t('policies.discard')}</Button>}
          {p.canEdit && (
            <Button size="small" type="primary" icon={<SaveOutlined />} disabled={!p.dirty || !p.valid} onClick={p.onSave} data-testid="policy-save">
              {t('policies.save')}
            </Button>
          )}
        </Space>
      </div>
    </div>
  );
}
