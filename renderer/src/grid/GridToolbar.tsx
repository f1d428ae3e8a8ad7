import { ClearOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip, Typography } from 'antd';

import type { GridFilter } from './use-grid-filter';
import { formatCount } from '../../../domain';

interface Props {
  /** the grid's search and filters (useGridFilter) */
  filter: Pick<GridFilter<unknown>, 'search' | 'setSearch' | 'filtered' | 'clear'> & { shown: { readonly length: number } };
  /** every row, filtered or not */
  total: number;
  placeholder: string;
  width: number;
  /** prefix of the data-testid names: `<prefix>-search`, `<prefix>-count` */
  testId: string;
  /** "shown of total" in the user's words, the numbers already formatted */
  count: (shown: string, total: string) => string;
  /** the button shown while a filter or search applies */
  clearText: string;
  hint: string;
}

/** The search, row count, clear-filters button and keyboard hint above a results-style grid. */
export function GridToolbar({ filter, total, placeholder, width, testId, count, clearText, hint }: Props): React.JSX.Element {
  return (
    <Space className="grid-toolbar" wrap>
      <Input.Search allowClear value={filter.search} placeholder={placeholder} style={{ width }} onChange={(e) => filter.setSearch(e.target.value)} data-testid={`${testId}-search`} />
      <Typography.Text type="secondary" data-testid={`${testId}-count`}>
        {count(formatCount(filter.shown.length), formatCount(total))}
      </Typography.Text>
      {(filter.filtered || filter.search) && (
        <Button size="small" icon={<ClearOutlined />} onClick={filter.clear}>
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
