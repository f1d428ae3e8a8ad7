import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PolicyDraft } from './draft';

interface Props {
  draft: PolicyDraft;
  isNew: boolean;
  readOnly: boolean;
  regions: string[];
  grades: string[];
  onChange: (patch: Partial<PolicyDraft>) => void;
}

const month = (v: string | null) => (v ? dayjs(`${v}-01`) : null);

/** What the policy is and where it applies: name, code, priority, effective months, scope. */
export function PolicyFields({ draft, isNew, readOnly, regions, grades, onChange }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const options = (list: string[]) => list.map((v) => ({ value: v, label: v }));
  return (
    <div className="policy-fields" data-testid="policy-fields">
      <label className="policy-field policy-field-wide">
        <span>{t('policies.name')}</span>
        <Input value={draft.name} disabled={readOnly} onChange={(e) => onChange({ name: e.target.value })} data-testid="policy-name" />
      </label>
      <label className="policy-field">
        <span>{t('policies.code')}</span>
        <Input value={draft.code} disabled={readOnly || !isNew} className="mono" onChange={(e) => onChange({ code: e.target.value.trim() })} data-testid="policy-code" />
      </label>
      <label className="policy-field">
        <span>{t('policies.priority')}</span>
        <InputNumber value={draft.priority} disabled={readOnly} precision={0} style={{ width: '100%' }} onChange={(v) => onChange({ priority: v })} data-testid="policy-priority" />
      </label>
      <label className="policy-field policy-field-wide">
        <span>{t('policies.regions')}</span>
        <Select mode="tags" value={draft.regions} disabled={readOnly} options={options(regions)} placeholder={t('policies.all')} onChange={(v: string[]) => onChange({ regions: v })} data-testid="policy-regions" />
      </label>
      <label className="policy-field policy-field-wide">
        <span>{t('policies.grades')}</span>
        <Select mode="tags" value={draft.grades} disabled={readOnly} options={options(grades)} placeholder={t('policies.all')} onChange={(v: string[]) => onChange({ grades: v })} data-testid="policy-grades" />
      </label>
      <label className="policy-field policy-field-wide">
        <span>{t('policies.effective')}</span>
        <DatePicker.RangePicker
          picker="month"
          disabled={readOnly}
          allowEmpty={[false, true]}
          value={[month(draft.effective_from), month(draft.effective_to)]}
          placeholder={[t('policies.from'), t('policies.openEnded')]}
          onChange={(v) => onChange({ effective_from: v?.[0]?.format('YYYY-MM') ?? draft.effective_from, effective_to: v?.[1]?.format('YYYY-MM') ?? null })}
        />
      </label>
    </div>
  );
}
