import { FileExcelOutlined, FileTextOutlined, SettingOutlined, SolutionOutlined } from '@ant-design/icons';
import { Button, Card, Col, Radio, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchStatus } from '../../../../contract/ops/batches';
import type { ExportKind, ExportRequest } from './use-export';

interface Props {
  status: BatchStatus;
  busy: ExportKind | null;
  isAdmin: boolean;
  onExport: (r: ExportRequest) => void;
}

/** The three export kinds side by side, each with its options and its button. */
export function ExportKinds({ status, busy, isAdmin, onExport }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'files' | 'workbook'>('files');
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const approved = status === 'approved';
  const card = (kind: ExportKind, icon: React.ReactNode, options: React.ReactNode, request: ExportRequest, disabled = false): React.JSX.Element => (
    <Col xs={24} lg={8}>
      <Card
        data-testid={`export-kind-${kind}`}
        // the card is a column: its body takes what the title leaves, so the button stays inside the card
        style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
        styles={{ body: { display: 'flex', flexDirection: 'column', gap: 12, flex: 1 } }}
        title={
          <Space>
            {icon}
            {t(`exports.kinds.${kind}.title`)}
          </Space>
        }
        extra={kind === 'posting' && !approved ? <Tag color="default">{t('exports.approvedOnly')}</Tag> : null}
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t(`exports.kinds.${kind}.text`)}
        </Typography.Paragraph>
        <div style={{ flex: 1 }}>{options}</div>
        <Button type={kind === 'approval' ? 'primary' : 'default'} block loading={busy === kind} disabled={disabled || (busy !== null && busy !== kind)} onClick={() => onExport(request)} data-testid={`export-${kind}`}>
          {t(`exports.kinds.${kind}.button`)}
        </Button>
      </Card>
    </Col>
  );
  return (
    <Row gutter={[16, 16]} align="stretch">
      {card('approval', <FileExcelOutlined />, null, { kind: 'approval' })}
      {card(
        'statements',
        <SolutionOutlined />,
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'files' | 'workbook')} data-testid="statements-mode">
          <Space orientation="vertical">
            <Radio value="files">{t('exports.statementsMode.files')}</Radio>
            <Radio value="workbook">{t('exports.statementsMode.workbook')}</Radio>
          </Space>
        </Radio.Group>,
        { kind: 'statements', mode },
      )}
      {card(
        'posting',
        <FileTextOutlined />,
        <Space orientation="vertical">
          <Radio.Group value={format} onChange={(e) => setFormat(e.target.value as 'xlsx' | 'csv')} data-testid="posting-format">
            <Space orientation="vertical">
              <Radio value="xlsx">{t('exports.postingFormat.xlsx')}</Radio>
              <Radio value="csv">{t('exports.postingFormat.csv')}</Radio>
            </Space>
          </Radio.Group>
          {isAdmin && (
            <Button type="link" size="small" icon={<SettingOutlined />} href="#/settings" style={{ paddingInline: 0 }}>
              {t('exports.layoutLink')}
            </Button>
          )}
        </Space>,
        { kind: 'posting', format },
        !approved,
      )}
    </Row>
  );
}
