import { WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Descriptions, Modal, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateChange } from '../api/client';
import { restartUi, trustServer, useLocal } from '../api/connection';
import { useAction } from '../api/use-load';
import { FingerprintText } from './ConnectPage';

/**
 * The team server presented another certificate than the pinned one: nothing is sent to it. Says
 * what changed (both fingerprints) and what to do (ask IT); 重新信任 only by an explicit, confirmed action.
 */
export function CertificateChangedPage({ change, onChangeConnection }: { change: CertificateChange; onChangeConnection: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [checked, setChecked] = useState(false);
  const { busy, error, run } = useAction();

  const retrust = async (): Promise<void> => {
    if (!(await run(() => trustServer(change.url, change.presented, true).then(restartUi)))) setAsking(false);
  };

  return (
    <div className="auth-page">
      <Card style={{ width: 820, maxWidth: '96vw' }} data-testid="certificate-changed">
        <Alert
          type="error"
          showIcon
          icon={<WarningOutlined />}
          title={<strong>{t('connection.changedTitle')}</strong>}
          description={t('connection.changedText', { url: change.url })}
          style={{ marginBottom: 16 }}
        />
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'url', label: t('connection.server'), children: <span data-testid="changed-url">{change.url}</span> },
            { key: 'old', label: t('connection.oldFingerprint'), children: <FingerprintText value={change.expected} testId="changed-old" /> },
            { key: 'new', label: t('connection.newFingerprint'), children: <FingerprintText value={change.presented} testId="changed-new" /> },
          ]}
        />
        <Alert type="info" showIcon title={t('connection.whatToDo')} style={{ marginTop: 16 }} data-testid="changed-what-to-do" />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="changed-error" />}
        <Space style={{ marginTop: 16 }} wrap>
          <Button onClick={() => restartUi()} data-testid="changed-retry">
            {t('connection.retry')}
          </Button>
          <Button onClick={onChangeConnection} data-testid="changed-change">
            {t('connection.change')}
          </Button>
          <Button danger onClick={() => setAsking(true)} data-testid="changed-retrust">
            {t('connection.retrust')}
          </Button>
        </Space>
      </Card>
      <Modal
        open={asking}
        title={t('connection.retrustTitle')}
        okText={t('connection.retrustOk')}
        cancelText={t('connection.cancel')}
        okButtonProps={{ danger: true, disabled: !checked, loading: busy, ...({ 'data-testid': 'retrust-ok' } as object) }}
        onOk={() => void retrust()}
        onCancel={() => setAsking(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('connection.retrustText')}</Typography.Paragraph>
        <FingerprintText value={change.presented} testId="retrust-fingerprint" />
        <div style={{ marginTop: 12 }}>
          <Checkbox checked={checked} onChange={(e) => setChecked(e.target.checked)} data-testid="retrust-check">
            {t('connection.retrustCheck')}
          </Checkbox>
        </div>
      </Modal>
    </div>
  );
}

/** The team server does not answer: what happened, and the ways on (retry, another connection, this PC). */
export function ServerUnreachablePage({ message, onChangeConnection }: { message: string; onChangeConnection: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { error, run } = useAction();
  return (
    <Result
      status="warning"
      title={t('connection.unreachableTitle')}
      subTitle={<span data-testid="unreachable-message">{message}</span>}
      data-testid="server-unreachable"
      extra={
        <Space orientation="vertical">
          <Space>
            <Button type="primary" onClick={() => restartUi()} data-testid="unreachable-retry">
              {t('connection.retry')}
            </Button>
            <Button onClick={onChangeConnection} data-testid="unreachable-change">
              {t('connection.change')}
            </Button>
            <Button
              onClick={() => void run(() => useLocal().then(restartUi))}
              data-testid="unreachable-local"
            >
              {t('connection.switchLocal')}
            </Button>
          </Space>
          {error && <Alert type="error" showIcon title={error} />}
        </Space>
      }
    />
  );
}
