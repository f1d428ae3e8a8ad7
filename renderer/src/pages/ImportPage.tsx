import { ArrowRightOutlined, CheckCircleOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Progress, Result, Space, Statistic, Steps, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind, KindView } from '../../../contract/ops/imports';
import type { Lang } from '../../../contract/roles';
import { call } from '../api/client';
import { useAction, useLoad } from '../api/use-load';
import { saveDownload, stageFiles, type StagedFile } from '../api/files';
import { useImportJob } from '../api/use-job';
import { FilesStep } from './import/FilesStep';
import { HistoryCard } from './import/HistoryCard';
import { IssuesGrid, type IssueRow } from './import/IssuesGrid';
import { MappingStep } from './import/MappingStep';
import { runKinds } from './import/run-kinds';
import { classifySide, isSystemFile, isWorkbookName, type SideFile } from './import/side-files';
import { SideFiles } from './import/SideFiles';
import { useCalculate } from './results/use-calculate';
import type { ImportFileState, KindRun } from './import/types';
import { formatCount, formatMoney, joinSentences, previousMonth, sumMoney } from '../../../domain';

export function ImportPage({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const report = useAction({ toast: true });
  const { job, follow, cancel, reset } = useImportJob();
  const [step, setStep] = useState(0);
  const [period, setPeriod] = useState(previousMonth(new Date(), 'local'));
  const [picked, setPicked] = useState<(File | StagedFile)[]>([]);
  const [files, setFiles] = useState<ImportFileState[]>([]);
  const [kinds, setKinds] = useState<KindView[]>([]);
  const [runs, setRuns] = useState<KindRun[]>([]);
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [final, setFinal] = useState<KindRun[] | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const [side, setSide] = useState<SideFile[]>([]);
  const calc = useCalculate();
  // a submitted or approved period is locked: say so at step 1, not at step 3
  const { data: periods } = useLoad(() => call('periods.overview', {}), 'periods');
  const lockedStatus = periods?.find((p) => p.period === period && (p.batch?.status === 'submitted' || p.batch?.status === 'approved'))?.batch?.status ?? null;

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

  // Validations run one after another: a file removed while one runs is validated again once it
  // has finished (two at once would refuse each other, and the older result would stay on screen).
  const validations = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const validate = (state: ImportFileState[]): Promise<void> => {
    pending.current += 1;
    setBusy(true);
    const run = validations.current.then(async () => {
      try {
        await runKinds(state, period, { dryRun: true, replace }, follow, setRuns);
      } finally {
        reset();
      }
    });
    validations.current = run.catch(() => undefined);
    return run.finally(() => {
      pending.current -= 1;
      if (pending.current === 0) setBusy(false);
    });
  };

  const recognise = async (): Promise<void> => {
    setBusy(true);
    await report.run(async () => {
      // policy and chain files and anything else that is not a workbook are recognised apart
      const others = picked.filter((f) => !isWorkbookName(f.name) && !isSystemFile(f.name));
      setSide(await Promise.all(others.map(async (f) => classifySide(f.name, f instanceof File && f.size < 2_000_000 ? await f.text() : null))));
      const books = picked.filter((f) => isWorkbookName(f.name));
      const staged: StagedFile[] = [
        ...books.filter((f): f is StagedFile => !(f instanceof File)),
        ...(await stageFiles(books.filter((f): f is File => f instanceof File))),
      ];
      const detected = await call('import.detect', { files: staged });
      const state = staged.map((s, i) => ({ staged: s, detected: detected[i] ?? null, kind: detected[i]?.kind ?? null, columns: {} }));
      setFiles(state);
      setStep(1);
      await validate(state);
    });
    if (pending.current === 0) setBusy(false);
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
    await report.run(async () => {
      const d = await call('import.errorWorkbook', { jobId });
      const where = await saveDownload(d.downloadId, d.fileName);
      void message.success(where ? t('import.savedTo', { path: where }) : t('import.downloaded', { file: d.fileName }));
    });
  };

  const remove = (i: number): void => {
    const gone = files[i];
    const next = files.filter((_, j) => j !== i);
    setFiles(next);
    setPicked((p) => p.filter((f) => f.name !== gone?.staged.name));
    if (gone) void message.info(t('importFlow.removed', { file: gone.staged.name }));
    void validate(next);
  };

  const restart = (): void => {
    setStep(0);
    setSide([]);
    setPicked([]);
    setFiles([]);
    setRuns([]);
    setFinal(null);
  };

  // what keeps 下一步 of 识别与映射 disabled, in words
  const noKind = files.filter((f) => !f.kind).length;
  const unreadable = files.filter((f) => f.detected?.error).length;
  const blocker = busy
    ? t('importFlow.blocked.reading')
    : files.length === 0
      ? t('importFlow.blocked.noFiles')
      : unreadable > 0
        ? t('importFlow.blocked.detectError', { count: unreadable })
        : noKind > 0
          ? t('importFlow.blocked.noKind', { count: noKind })
          : null;

  const progress = job?.status === 'running' && job.progress ? job.progress : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-import">
      <Card>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: t('import.step.files') }, { title: t('import.step.mapping') }, { title: t('import.step.validate') }, { title: t('import.step.done') }]}
        />
        {progress && (
          <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="import-progress">
            <Typography.Text>{t('import.progress', { file: progress.file, n: progress.fileIndex + 1, of: progress.files, rows: formatCount(progress.rows) })}</Typography.Text>
            <Space style={{ width: '100%' }}>
              <Progress percent={Math.round(((progress.fileIndex + 0.5) / progress.files) * 100)} status="active" style={{ width: 400 }} />
              <Button size="small" onClick={() => void cancel()}>
                {t('common.cancel')}
              </Button>
            </Space>
          </Space>
        )}

        {step === 0 && (
          <>
            <FilesStep period={period} onPeriod={setPeriod} files={picked} onFiles={setPicked} />
            {lockedStatus && <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('importFlow.locked', { period, status: t(`approval.status.${lockedStatus}`) })} data-testid="import-period-locked" />}
            <div className="sticky-actions">
              <Typography.Text type={lockedStatus ? 'danger' : 'secondary'} data-testid="import-next-reason">
                {lockedStatus ? t('importFlow.blocked.locked', { period, status: t(`approval.status.${lockedStatus}`) }) : picked.length === 0 ? t('importFlow.blocked.noFiles') : ''}
              </Typography.Text>
              <Button type="primary" disabled={picked.length === 0 || lockedStatus !== null} loading={busy} onClick={() => void recognise()} data-testid="import-next">
                {t('import.next')}
              </Button>
            </div>
          </>
        )}
        {step === 1 && (
          <>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <SideFiles files={side} />
              <MappingStep
                files={files}
                kinds={kinds}
                runs={runs}
                onKind={(i, k: ImportKind) => setFiles(files.map((f, j) => (j === i ? { ...f, kind: k, columns: {} } : f)))}
                onColumn={(i, col, field) => setFiles(files.map((f, j) => (j === i ? { ...f, columns: { ...f.columns, [col]: field } } : f)))}
                onRemove={remove}
              />
            </Space>
            <div className="sticky-actions">
              <Button onClick={restart}>{t('import.back')}</Button>
              <Space>
                <Typography.Text type={blocker && !busy ? 'danger' : 'secondary'} data-testid="import-blocker">
                  {blocker ?? t('importFlow.blocked.ready', { count: files.length })}
                </Typography.Text>
                <Button icon={<ReloadOutlined />} loading={busy} onClick={() => void validate(files)} data-testid="import-revalidate">
                  {t('import.reapply')}
                </Button>
                <Button type="primary" icon={<ArrowRightOutlined />} iconPlacement="end" disabled={blocker !== null} onClick={() => setStep(2)} data-testid="import-to-validate">
                  {t('import.next')}
                </Button>
              </Space>
            </div>
          </>
        )}
        {step === 2 && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {runs.map((r) => (
              <Alert
                key={r.kind}
                showIcon
                type={r.error || (r.report?.error_count ?? 0) > 0 ? 'error' : (r.report?.warning_count ?? 0) > 0 ? 'warning' : 'success'}
                title={t('import.kindMessage', { kind: t(`kinds.${r.kind}`), message: r.error ?? r.report?.message ?? t('common.loading') })}
                description={r.report ? t('import.counts', { rows: formatCount(r.report.rows), errors: formatCount(r.report.error_count), warnings: formatCount(r.report.warning_count) }) : undefined}
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
            subTitle={joinSentences(final.map((r) => `${t(`kinds.${r.kind}`)}${t('common.colon')}${r.error ?? r.report?.message ?? ''}`), lang)}
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
                <Button onClick={restart} data-testid="import-again">
                  {t('import.again')}
                </Button>
                {/* the next step of the month: calculate it, then review the results */}
                {final.some((r) => r.kind !== 'distributors' && r.report?.status === 'imported') && (
                  <Button
                    type="primary"
                    icon={<ArrowRightOutlined />}
                    iconPlacement="end"
                    onClick={() =>
                      void calc.run(period, periods?.some((p) => p.period === period && p.batch) ?? false).then((r) => {
                        if (r) location.hash = `#/results/${period}`;
                      })
                    }
                    data-testid="import-calculate"
                  >
                    {t('importFlow.calculate', { period })}
                  </Button>
                )}
              </Space>
            }
            data-testid="import-done"
          />
        )}
      </Card>
      {calc.holder}
      <HistoryCard period={period} lang={lang} refreshKey={historyKey} />
    </Space>
  );
}
