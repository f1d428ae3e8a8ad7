import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../contract/roles';
import { newId, type FormulaRow, type PolicyDraft } from './draft';
import { FormulaEditor } from './FormulaEditor';
import type { EditorNames } from './formula-language';
import type { Validation } from './use-validation';

interface Props {
  draft: PolicyDraft;
  validation: Validation;
  readOnly: boolean;
  lang: Lang;
  onChange: (formulas: FormulaRow[]) => void;
}

/** The formulas, one card each: name, label (the column header in exports) and the expression. */
export function FormulasPanel({ draft, validation, readOnly, lang, onChange }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const names = useMemo<EditorNames>(
    () => ({
      parameters: Object.keys(draft.parameters),
      formulas: draft.formulas.map((f) => f.name),
      labels: Object.fromEntries(draft.formulas.map((f) => [f.name, f.label || f.name])),
      lang,
    }),
    [draft.parameters, draft.formulas, lang],
  );
  const update = (id: string, patch: Partial<FormulaRow>): void => onChange(draft.formulas.map((f) => (f.id === id ? { ...f, ...patch } : f)));

  return (
    <div className="policy-formulas" data-testid="policy-formulas">
      {draft.formulas.map((f, i) => {
        const notes = validation.notes.get(f.id) ?? [];
        const problems = validation.problems.get(f.id) ?? [];
        const bad = notes.length + problems.length > 0;
        return (
          <div key={f.id} className={`formula-card${bad ? ' formula-card-error' : ''}`} data-testid={`formula-${f.name}`}>
            <Space size={8} style={{ width: '100%', marginBottom: 6 }}>
              <Typography.Text type="secondary" className="formula-index">{i + 1}</Typography.Text>
              <Input size="small" value={f.name} disabled={readOnly} onChange={(e) => update(f.id, { name: e.target.value.trim() })}
                placeholder={t('policies.formulaName')} style={{ width: 170 }} className="mono" data-testid={`formula-${f.name}-name`} />
              <Input size="small" value={f.label} disabled={readOnly} onChange={(e) => update(f.id, { label: e.target.value })}
                placeholder={t('policies.formulaLabel')} style={{ width: 170 }} />
              {!readOnly && (
                <Tooltip title={t('policies.removeFormula')}>
                  <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => onChange(draft.formulas.filter((x) => x.id !== f.id))} />
                </Tooltip>
              )}
            </Space>
            <FormulaEditor
              value={f.expr}
              onChange={(expr) => update(f.id, { expr })}
              names={names}
              problems={problems}
              readOnly={readOnly}
              placeholderText={t('policies.exprPlaceholder')}
              testId={`formula-${f.name}-editor`}
            />
            {f.name === 'rebate' && <div className="formula-hint">{t('policies.rebateHint')}</div>}
            {[...problems.map((p) => p.message), ...notes].map((m, k) => (
              <div key={k} className="formula-error" data-testid="formula-error">{m}</div>
            ))}
          </div>
        );
      })}
      {!readOnly && (
        <Button type="dashed" block icon={<PlusOutlined />} data-testid="formula-add"
          onClick={() => onChange([...draft.formulas, { id: newId(), name: `formula_${draft.formulas.length + 1}`, label: '', expr: '' }])}>
          {t('policies.addFormula')}
        </Button>
      )}
    </div>
  );
}
