import { ClearOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip, Typography } from 'antd';

interface Props {
  search: string;
  onSearch: (text: string) => void;
  placeholder: string;
  width: number;
  /** prefix of the data-testid names: `<prefix>-search`, `<prefix>-count` */
  testId: string;
  count: string;
  /** shown while a filter or search applies */
  clearText: string | null;
  onClear: () => void;
  hint: string;
}

/** The search, row count, clear-filters button and keyboard hint above a results-style grid. */
export function GridToolbar({ search, onSearch, placeholder, width, testId, count, clearText, onClear, hint }: Props): React.JSX.Element {
  return (
    <Space className="grid-toolbar" wrap>
      <Input.Search allowClear value={search} placeholder={placeholder} style={{ width }} onChange={(e) => onSearch(e.target.value)} data-testid={`${testId}-search`} />
      <Typography.Text type="secondary" data-testid={`${testId}-count`}>
        {count}
      </Typography.Text>
      {clearText && (
        <Button size="small" icon={<ClearOutlined />} onClick={onClear}>
          {clearText}
        </Button>
      )}
      {/* the keyboard and mouse hint on hover: whole, where a line of text would be cut on a laptop */}
      <Tooltip title={hint} placement="bottomRight">
        <Typography.Text type="secondary" className="grid-hint" aria-label={hint} data-testid={`${testId}-hint`}>
          <QuestionCircleOutlined />
        </Typography.Text>
      </Tooltip>
    </Space>
  );
}
