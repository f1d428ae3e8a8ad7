import { App, Alert, Button, Empty, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyListItem, PolicyVersionView } from '../../../contract/ops/policies';
import { hasRole, type Lang } from '../../../contract/roles';
import type { SessionUser } from '../../../contract/types';
import { ApiError, call } from '../api/client';
import { saveDownload } from '../api/files';
import { useAction, useLoad } from '../api/use-load';
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
const NO_SCOPES = { regions: [], grades: [] };

/** 返利政策: the policy list, the editor (parameters and formulas), and the what-if preview. */
export function PoliciesPage({ lang, user }: { lang: Lang; user: SessionUser }): React.JSX.Element {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const canEdit = hasRole(user.roles, 'policy_owner');
  const list = useLoad<PolicyListItem[]>(() => call('policy.list', {}), 'policies');
  const policies = list.data;
  const refresh = list.reload;
  const [loaded, setLoaded] = useState<PolicyVersionView | null>(null);
  const [baseline, setBaseline] = useState<PolicyDraft | null>(null);
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const [period, setPeriod] = useState(previousMonth(new Date(), 'local'));
  const [dialog, setDialog] = useState<'save' | 'state' | null>(null);
  const [history, setHistory] = useState(false);

  const validation = useValidation(draft ?? templateDraft(2026), lang);
  const file = useMemo(() => (draft ? fileOfDraft(draft) : null), [draft]);
  const dirty = draft !== null && !same(draft, baseline);
  const latest = policies?.find((p) => p.code === loaded?.code)?.version ?? null;

  const open = useCallback(async (code: string, version?: number) => {
    const v = await call('policy.get', { code, ...(version !== undefined ? { version } : {}) });
    const d = draftOfFile(v.file);
    setLoaded(v);
    setBaseline(d);
    setDraft(d);
  }, []);

  // the first policy opens once the list is there
  const first = useRef(true);
  useEffect(() => {
    const code = list.data?.[0]?.code;
    if (!first.current || list.data === null) return;
    first.current = false;
    if (code) void act.run(() => open(code));
  }, [list.data, open]);
  // the regions and grades of the master data (the scope pickers), and the latest month with purchases (the preview's)
  const context = useLoad(async () => {
    const [ds, h] = await Promise.all([call('distributors.list', {}), call('import.history', {})]);
    return { regions: uniq(ds.map((d) => d.region)), grades: uniq(ds.map((d) => d.grade)), latest: h.filter((x) => x.kind === 'purchases' && x.period).map((x) => x.period ?? '').sort().at(-1) ?? null };
  }, 'context');
  const scopes = context.data ?? NO_SCOPES;
  useEffect(() => {
    if (context.data?.latest) setPeriod(context.data.latest);
  }, [context.data]);
  const loadError = list.error ?? context.error;

  const guard = (go: () => void): void => {
    if (!dirty) return go();
    modal.confirm({ title: t('policies.discardTitle'), content: t('policies.discardText'), okText: t('policies.discard'), okButtonProps: { danger: true }, onOk: go });
  };

  const act = useAction({ onError: (e) => fail(e) });
  const fail = (e: unknown): void => {
    if (!(e instanceof ApiError)) return void message.error(String(e));
    const details = e.payload.details ?? [];
    if (details.length === 0) return void message.error(e.message);
    modal.error({ title: e.message, width: 640, content: <ul className="issue-list">{details.map((d, i) => <li key={i}>{d.message}</li>)}</ul> });
  };

  const save = async (comment: string): Promise<void> => {
    if (!file) return;
    await act.run(async () => {
      const r = await call('policy.save', { policy: file, comment, baseVersion: loaded ? latest ?? loaded.version : null });
      void message.success(r.message);
      setDialog(null);
      await refresh();
      await open(r.policy.code);
    });
  };

  const toggleActive = async (comment: string): Promise<void> => {
    if (!loaded) return;
    await act.run(async () => {
      const r = await call('policy.setActive', { code: loaded.code, active: !loaded.active, comment });
      void message.success(r.message);
      setDialog(null);
      await refresh();
      await open(loaded.code);
    });
  };

  const importFile = async (f: File): Promise<void> => {
    await act.run(async () => {
      const r = await call('policy.import', { content: await f.text(), fileName: f.name });
      void message.success(r.message);
      await refresh();
      await open(r.policy.code);
    });
  };

  const exportVersion = async (version?: number): Promise<void> => {
    if (!loaded) return;
    await act.run(async () => {
      const d = await call('policy.exportDownload', { code: loaded.code, ...(version !== undefined ? { version } : {}) });
      const where = await saveDownload(d.downloadId, d.fileName);
      void message.success(where ? t('policies.exportedTo', { path: where }) : t('policies.exported', { file: d.fileName }));
    });
  };

  const patch = (p: Partial<PolicyDraft>): void => setDraft((d) => (d ? { ...d, ...p } : d));
  const readOnly = !canEdit;

  return (
    <div className="policies-page" data-testid="page-policies">
      {loadError && <Alert type="error" showIcon title={loadError} style={{ gridColumn: '1 / -1' }} />}
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
            {readOnly && <Alert type="info" showIcon title={t('policies.readOnly')} style={{ marginBottom: 12 }} />}
            {validation.general.length > 0 && (
              <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="policy-general-errors"
                title={<ul className="issue-list">{validation.general.map((m, i) => <li key={i}>{m}</li>)}</ul>} />
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
