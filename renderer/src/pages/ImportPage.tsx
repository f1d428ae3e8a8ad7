import { CheckCircleOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Progress, Result, Space, Statistic, Steps, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind, KindView } from '../../../contract/ops/imports';
import type { Lang } from '../../../contract/roles';
import { call } from '../api/client';
import { errorText } from '../api/use-load';
import { saveDownload, stageFiles, type StagedFile } from '../api/files';
import { useImportJob } from '../api/use-job';
import { currentPeriod, formatMoney, sumMoney } from '../format';
import { FilesStep } from './import/FilesStep';
import { HistoryCard } from './import/HistoryCard';
import { IssuesGrid, type IssueRow } from './import/IssuesGrid';
import { MappingStep } from './import/MappingStep';
import { runKinds } from './import/run-kinds';
import type { ImportFileState, KindRun } from './import/types';

export function ImportPage({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { job, follow, cancel, reset } = useImportJob();
  const [step, setStep] = useState(0);
  const [period, setPeriod] = useState(currentPeriod());
  const [picked, setPicked] = useState<(File | StagedFile)[]>([]);
  const [files, setFiles] = useState<ImportFileState[]>([]);
  const [kinds, setKinds] = useState<KindView[]>([]);
  const [runs, setRuns] = useState<KindRun[]>([]);
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [final, setFinal] = useState<KindRun[] | null>(null);
  const [historyKey, setHistoryKey] = useState(0);

  useEffect(() => {
    void call('import.kinds', {}).then(setKinds);
  }, []);

  const issues = useMemo<IssueRow[]>(
    () =>
      runs.flatMap((r) => [
        ...(r.report?.errors ?? []).map((i) => ({ ...i, level: 'error' as const, kind: r.kind })),
        ...(r.report?.warnings ?? []).map((i) => ({ ...i, level: 'warning' as const, kind: r.kind })),
      ]),
    [runs],
  );
  const errorCount = runs.reduce((n, r) => n + (r.report?.error_count ?? 0) + (r.error ? 1 : 0), 0);

  const validate = async (state: ImportFileState[]): Promise<void> => {
    setBusy(true);
    try {
      await runKinds(state, period, { dryRun: true, replace }, follow, setRuns);
    } finally {
      setBusy(false);
      reset();
    }
  };

  const recognise = async (): Promise<void> => {
    setBusy(true);
    try {
      const staged: StagedFile[] = [
        ...picked.filter((f): f is StagedFile => !(f instanceof File)),
        ...(await stageFiles(picked.filter((f): f is File => f instanceof File))),
      ];
      const detected = await call('import.detect', { files: staged });
      const state = staged.map((s, i) => ({ staged: s, detected: detected[i] ?? null, kind: detected[i]?.kind ?? null, columns: {} }));
      setFiles(state);
      setStep(1);
      await validate(state);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const store = async (): Promise<void> => {
    const go = async (): Promise<void> => {
      setBusy(true);
      try {
        const done = await runKinds(files, period, { dryRun: false, replace }, follow, setRuns);
        setFinal(done);
        setStep(3);
        setHistoryKey((k) => k + 1);
      } finally {
        setBusy(false);
        reset();
      }
    };
    if (replace) {
      modal.confirm({ title: t('import.replaceConfirmTitle'), content: t('import.replaceConfirm', { period }), okText: t('import.replace'), okButtonProps: { danger: true }, cancelText: t('common.cancel'), onOk: go });
    } else await go();
  };

  const saveErrors = async (): Promise<void> => {
    const jobId = runs.find((r) => r.jobId)?.jobId;
    if (!jobId) return;
    const d = await call('import.errorWorkbook', { jobId });
    const where = await saveDownload(d.downloadId, d.fileName);
    void message.success(where ? t('import.savedTo', { path: where }) : t('import.downloaded', { file: d.fileName }));
  };

  const restart = (): void => {
    setStep(0);
    setPicked([]);
    setFiles([]);
    setRuns([]);
    setFinal(null);
  };

  const progress = job?.status === 'running' && job.progress ? job.progress : null;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="page-import">
      <Card>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: t('import.step.files') }, { title: t('import.step.mapping') }, { title: t('import.step.validate') }, { title: t('import.step.done') }]}
        />
        {step === 0 && (
          <>
            <FilesStep period={period} onPeriod={setPeriod} files={picked} onFiles={setPicked} />
            <div style={{ marginTop: 16, textAlign: 'right' }}>
              <Button type="primary" disabled={picked.length === 0} loading={busy} onClick={() => void recognise()} data-testid="import-next">
                {t('import.next')}
              </Button>
            </div>
          </>
        )}
        {step === 1 && (
          <>
            <MappingStep
              files={files}
              kinds={kinds}
              runs={runs}
              onKind={(i, k: ImportKind) => setFiles(files.map((f, j) => (j === i ? { ...f, kind: k, columns: {} } : f)))}
              onColumn={(i, col, field) => setFiles(files.map((f, j) => (j === i ? { ...f, columns: { ...f.columns, [col]: field } } : f)))}
            />
            <Space style={{ marginTop: 16, width: '100%', justifyContent: 'space-between' }}>
              <Button onClick={restart}>{t('import.back')}</Button>
              <Space>
                <Button icon={<ReloadOutlined />} loading={busy} onClick={() => void validate(files)} data-testid="import-revalidate">
                  {t('import.reapply')}
                </Button>
                <Button type="primary" disabled={busy || files.some((f) => !f.kind)} onClick={() => setStep(2)} data-testid="import-to-validate">
                  {t('import.next')}
                </Button>
              </Space>
            </Space>
          </>
        )}
        {step === 2 && (
          <Space direction="vertical" style={{ width: '100%' }}>
            {runs.map((r) => (
              <Alert
                key={r.kind}
                showIcon
                type={r.error || (r.report?.error_count ?? 0) > 0 ? 'error' : (r.report?.warning_count ?? 0) > 0 ? 'warning' : 'success'}
                message={`${t(`kinds.${r.kind}`)}：${r.error ?? r.report?.message ?? t('common.loading')}`}
                description={r.report ? t('import.counts', { rows: r.report.rows.toLocaleString(), errors: r.report.error_count, warnings: r.report.warning_count }) : undefined}
                data-testid={`validate-${r.kind}`}
              />
            ))}
            {issues.length > 0 && <IssuesGrid rows={issues} lang={lang} />}
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              <Space>
                <Button onClick={() => setStep(1)}>{t('import.backToMapping')}</Button>
                {issues.length > 0 && (
                  <Button icon={<DownloadOutlined />} onClick={() => void saveErrors()} data-testid="import-save-errors">
                    {t('import.saveErrors')}
                  </Button>
                )}
              </Space>
              <Space>
                <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)} data-testid="import-replace">
                  {t('import.replaceLabel')}
                </Checkbox>
                <Button type="primary" disabled={errorCount > 0 || busy} loading={busy} onClick={() => void store()} data-testid="import-store">
                  {t('import.store')}
                </Button>
              </Space>
            </Space>
          </Space>
        )}
        {step === 3 && final && (
          <Result
            status={final.every((r) => r.report?.status === 'imported' || r.report?.status === 'unchanged') ? 'success' : 'error'}
            icon={<CheckCircleOutlined />}
            title={t('import.doneTitle')}
            subTitle={final.map((r) => `${t(`kinds.${r.kind}`)}：${r.error ?? r.report?.message ?? ''}`).join('；')}
            extra={
              <Space size="large" wrap style={{ justifyContent: 'center' }}>
                {final.map((r) => (
                  <Statistic key={r.kind} title={t(`kinds.${r.kind}`)} value={r.report?.rows ?? 0} suffix={t('import.rowsUnit')} />
                ))}
                {final
                  .filter((r) => r.kind !== 'distributors')
                  .map((r) => (
                    <Statistic key={`${r.kind}-total`} title={`${t(`kinds.${r.kind}`)} ${t('import.totalAmount')}`} value={formatMoney(sumMoney(r.report?.files.map((f) => f.total) ?? []))} />
                  ))}
                <Button type="primary" onClick={restart} data-testid="import-again">
                  {t('import.again')}
                </Button>
              </Space>
            }
            data-testid="import-done"
          />
        )}
        {progress && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 16 }} data-testid="import-progress">
            <Typography.Text>{t('import.progress', { file: progress.file, n: progress.fileIndex + 1, of: progress.files, rows: progress.rows.toLocaleString() })}</Typography.Text>
            <Space style={{ width: '100%' }}>
              <Progress percent={Math.round(((progress.fileIndex + 0.5) / progress.files) * 100)} status="active" style={{ width: 400 }} />
              <Button size="small" onClick={() => void cancel()}>
                {t('common.cancel')}
              </Button>
            </Space>
          </Space>
        )}
      </Card>
      <HistoryCard period={period} lang={lang} refreshKey={historyKey} />
    </Space>
  );
}
