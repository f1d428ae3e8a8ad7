import { App, Alert, Button, Empty, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyListItem, PolicyVersionView } from '../../../contract/ops/policies';
import { hasRole, type Lang } from '../../../contract/roles';
import type { SessionUser } from '../../../contract/types';
import { ApiError, call } from '../api/client';
import { saveDownload } from '../api/files';
import { CommentDialog } from './policies/CommentDialog';
import { draftOfFile, fileOfDraft, templateDraft, type PolicyDraft } from './policies/draft';
import { EditorToolbar } from './policies/EditorToolbar';
import { FormulasPanel } from './policies/FormulasPanel';
import { HistoryDrawer } from './policies/HistoryDrawer';
import { ParametersGrid } from './policies/ParametersGrid';
import { PolicyFields } from './policies/PolicyFields';
import { PolicyList } from './policies/PolicyList';
import { PreviewPanel } from './policies/PreviewPanel';
import { useValidation } from './policies/use-validation';
import './policies/policies.css';
import { previousMonth } from '../../../domain';

const same = (a: PolicyDraft, b: PolicyDraft | null): boolean => b !== null && JSON.stringify(fileOfDraft(a)) === JSON.stringify(fileOfDraft(b));
const uniq = (xs: string[]): string[] => [...new Set(xs)].sort();

/** 返利政策: the policy list, the editor (parameters and formulas), and the what-if preview. */
export function PoliciesPage({ lang, user }: { lang: Lang; user: SessionUser }): React.JSX.Element {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const canEdit = hasRole(user.roles, 'policy_owner');
  const [policies, setPolicies] = useState<PolicyListItem[] | null>(null);
  const [loaded, setLoaded] = useState<PolicyVersionView | null>(null);
  const [baseline, setBaseline] = useState<PolicyDraft | null>(null);
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const [period, setPeriod] = useState(previousMonth(new Date(), 'local'));
  const [scopes, setScopes] = useState<{ regions: string[]; grades: string[] }>({ regions: [], grades: [] });
  const [dialog, setDialog] = useState<'save' | 'state' | null>(null);
  const [history, setHistory] = useState(false);

  const validation = useValidation(draft ?? templateDraft(2026), lang);
  const file = useMemo(() => (draft ? fileOfDraft(draft) : null), [draft]);
  const dirty = draft !== null && !same(draft, baseline);
  const latest = policies?.find((p) => p.code === loaded?.code)?.version ?? null;

  const refresh = useCallback(async (): Promise<PolicyListItem[]> => {
    const list = await call('policy.list', {});
    setPolicies(list);
    return list;
  }, []);

  const open = useCallback(async (code: string, version?: number) => {
    const v = await call('policy.get', { code, ...(version !== undefined ? { version } : {}) });
    const d = draftOfFile(v.file);
    setLoaded(v);
    setBaseline(d);
    setDraft(d);
  }, []);

  useEffect(() => {
    void refresh().then((list) => list[0] && open(list[0].code));
    void call('distributors.list', {}).then((ds) => setScopes({ regions: uniq(ds.map((d) => d.region)), grades: uniq(ds.map((d) => d.grade)) }));
    void call('import.history', {}).then((h) => {
      const periods = h.filter((x) => x.kind === 'purchases' && x.period).map((x) => x.period ?? '');
      if (periods.length) setPeriod(periods.sort().at(-1) ?? previousMonth(new Date(), 'local'));
    });
  }, [refresh, open]);

  const guard = (go: () => void): void => {
    if (!dirty) return go();
    modal.confirm({ title: t('policies.discardTitle'), content: t('policies.discardText'), okText: t('policies.discard'), okButtonProps: { danger: true }, onOk: go });
  };

  const fail = (e: unknown): void => {
    if (!(e instanceof ApiError)) return void message.error(String(e));
    const details = e.payload.details ?? [];
    if (details.length === 0) return void message.error(e.message);
    modal.error({ title: e.message, width: 640, content: <ul className="issue-list">{details.map((d, i) => <li key={i}>{d.message}</li>)}</ul> });
  };

  const save = async (comment: string): Promise<void> => {
    if (!file) return;
    try {
      const r = await call('policy.save', { policy: file, comment, baseVersion: loaded ? latest ?? loaded.version : null });
      void message.success(r.message);
      setDialog(null);
      await refresh();
      await open(r.policy.code);
    } catch (e) {
      fail(e);
    }
  };

  const toggleActive = async (comment: string): Promise<void> => {
    if (!loaded) return;
    try {
      const r = await call('policy.setActive', { code: loaded.code, active: !loaded.active, comment });
      void message.success(r.message);
      setDialog(null);
      await refresh();
      await open(loaded.code);
    } catch (e) {
      fail(e);
    }
  };

  const importFile = async (f: File): Promise<void> => {
    try {
      const r = await call('policy.import', { content: await f.text(), fileName: f.name });
      void message.success(r.message);
      await refresh();
      await open(r.policy.code);
    } catch (e) {
      fail(e);
    }
  };

  const exportVersion = async (version?: number): Promise<void> => {
    if (!loaded) return;
    try {
      const d = await call('policy.exportDownload', { code: loaded.code, ...(version !== undefined ? { version } : {}) });
      const where = await saveDownload(d.downloadId, d.fileName);
      void message.success(where ? t('policies.exportedTo', { path: where }) : t('policies.exported', { file: d.fileName }));
    } catch (e) {
      fail(e);
    }
  };

  const patch = (p: Partial<PolicyDraft>): void => setDraft((d) => (d ? { ...d, ...p } : d));
  const readOnly = !canEdit;

  return (
    <div className="policies-page" data-testid="page-policies">
      <PolicyList policies={policies} selected={loaded?.code ?? null} canEdit={canEdit} lang={lang}
        onSelect={(code) => guard(() => void open(code))}
        onNew={() => guard(() => { const d = templateDraft(Number(period.slice(0, 4))); setLoaded(null); setBaseline(null); setDraft(d); })}
        onImport={(f) => guard(() => void importFile(f))} />
      {draft && file ? (
        <>
          <div className="policy-editor" data-testid="policy-editor">
            <EditorToolbar loaded={loaded} latest={latest} title={draft.name || draft.code || t('policies.untitled')} dirty={dirty} valid={validation.valid}
              problems={validation.count} canEdit={canEdit} lang={lang} onSave={() => setDialog('save')} onDiscard={() => setDraft(baseline)}
              onHistory={() => setHistory(true)} onExport={() => void exportVersion(loaded?.version)} onToggleActive={() => setDialog('state')} />
            {readOnly && <Alert type="info" showIcon message={t('policies.readOnly')} style={{ marginBottom: 12 }} />}
            {validation.general.length > 0 && (
              <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="policy-general-errors"
                message={<ul className="issue-list">{validation.general.map((m, i) => <li key={i}>{m}</li>)}</ul>} />
            )}
            <section className="policy-section">
              <Typography.Text strong className="policy-section-title">{t('policies.basics')}</Typography.Text>
              <PolicyFields draft={draft} isNew={loaded === null} readOnly={readOnly} regions={scopes.regions} grades={scopes.grades} onChange={patch} />
            </section>
            <section className="policy-section">
              <Typography.Text strong className="policy-section-title">{t('policies.parameters')}</Typography.Text>
              <Typography.Text type="secondary" className="policy-section-hint">{t('policies.parametersHint')}</Typography.Text>
              <ParametersGrid parameters={draft.parameters} labels={draft.parameterLabels} readOnly={readOnly} lang={lang} onChange={(parameters) => patch({ parameters })} onLabels={(parameterLabels) => patch({ parameterLabels })} />
            </section>
            <section className="policy-section">
              <Typography.Text strong className="policy-section-title">{t('policies.formulas')}</Typography.Text>
              <Typography.Text type="secondary" className="policy-section-hint">{t('policies.formulasHint')}</Typography.Text>
              <FormulasPanel draft={draft} validation={validation} readOnly={readOnly} lang={lang} onChange={(formulas) => patch({ formulas })} />
            </section>
          </div>
          <PreviewPanel file={file} valid={validation.valid} period={period} onPeriod={setPeriod} lang={lang} />
        </>
      ) : (
        <div className="policy-editor policy-editor-empty">
          {policies !== null && (
            <Empty description={canEdit ? t('policies.emptyEditor') : t('policies.emptyEditorReadOnly')}>
              {canEdit && (
                <Space>
                  <Button type="primary" onClick={() => setDraft(templateDraft(Number(period.slice(0, 4))))}>{t('policies.new')}</Button>
                </Space>
              )}
            </Empty>
          )}
        </div>
      )}
      <CommentDialog open={dialog === 'save'} title={t('policies.saveTitle')} okText={t('policies.save')} onCancel={() => setDialog(null)} onOk={save}
        description={loaded ? t('policies.saveText', { next: (latest ?? loaded.version) + 1 }) : t('policies.saveNewText')} />
      <CommentDialog open={dialog === 'state'} danger={loaded?.active ?? false} okText={loaded?.active ? t('policies.deactivate') : t('policies.activate')}
        title={loaded?.active ? t('policies.deactivateTitle') : t('policies.activateTitle')} onCancel={() => setDialog(null)} onOk={toggleActive}
        description={loaded?.active ? t('policies.deactivateText') : t('policies.activateText')} />
      <HistoryDrawer code={history ? loaded?.code ?? null : null} lang={lang} onClose={() => setHistory(false)}
        onOpenVersion={(v) => { setHistory(false); guard(() => void open(loaded?.code ?? '', v)); }} onExport={(v) => void exportVersion(v)} />
    </div>
  );
}
