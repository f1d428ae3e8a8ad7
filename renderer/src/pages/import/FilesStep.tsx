import { DeleteOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, DatePicker, List, Space, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StagedFile } from '../../api/files';
import { pickNative } from '../../api/files';

interface Props {
  period: string;
  onPeriod: (p: string) => void;
  files: (File | StagedFile)[];
  onFiles: (f: (File | StagedFile)[]) => void;
}

function nameOf(f: File | StagedFile): string {
  return f.name;
}

export function FilesStep({ period, onPeriod, files, onFiles }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);

  const open = async (): Promise<void> => {
    const native = await pickNative();
    if (native) onFiles([...files, ...native]);
    else input.current?.click();
  };

  // Ctrl+O opens files, as in Excel.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        void open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space>
        <Typography.Text strong>{t('import.period')}</Typography.Text>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${period}-01`)}
          onChange={(d) => d && onPeriod(d.format('YYYY-MM'))}
          data-testid="import-period"
        />
        <Typography.Text type="secondary">{t('import.periodHint')}</Typography.Text>
      </Space>
      {/* `directory`: a dropped month folder is walked; every file in it comes through (no accept
          filter here) and the next step tells workbooks from policy/chain files and the rest */}
      <Upload.Dragger
        multiple
        directory
        showUploadList={false}
        beforeUpload={(_f, list) => {
          onFiles([...files, ...list.filter((x) => !files.includes(x))]);
          return false;
        }}
        openFileDialogOnClick={false}
        data-testid="import-drop"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.drop')}</p>
        <p className="ant-upload-hint">{t('import.dropHint')}</p>
        <Button type="primary" onClick={() => void open()} data-testid="import-pick">
          {t('import.pick')}
        </Button>
      </Upload.Dragger>
      <input
        ref={input}
        type="file"
        multiple
        accept=".xlsx,.xlsm,.csv,.txt,.xls,.json"
        style={{ display: 'none' }}
        data-testid="import-file-input"
        onChange={(e) => {
          const picked = Array.from(e.target.files ?? []);
          onFiles([...files, ...picked]);
          e.target.value = '';
        }}
      />
      {files.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={files}
          data-testid="import-file-list"
          renderItem={(f, i) => (
            <List.Item actions={[<Button key="rm" size="small" type="text" icon={<DeleteOutlined />} onClick={() => onFiles(files.filter((_, j) => j !== i))} />]}>
              <Space>
                <FileExcelOutlined style={{ color: '#389e0d' }} />
                {nameOf(f)}
                {f instanceof File && <Typography.Text type="secondary">{(f.size / 1024).toFixed(0)} KB</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
