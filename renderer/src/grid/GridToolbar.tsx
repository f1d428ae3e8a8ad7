import { ClearOutlined } from '@ant-design/icons';
import { Button, Input, Space, Typography } from 'antd';

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
      <Typography.Text type="secondary" className="grid-hint" title={hint}>
        {hint}
      </Typography.Text>
    </Space>
  );
}
