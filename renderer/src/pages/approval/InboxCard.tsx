import { InboxOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Badge, Button, Card, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItemView } from '../../../../contract/ops/approvals';
import type { Lang } from '../../../../contract/roles';
import { gridLocale, gridTheme } from '../../grid/setup';
import { moneyCol, textCol } from './grid';
import { formatTime, waited } from './model';
import { usePeople } from '../../api/people';

/** 待我审批: the batches waiting for the signed-in approver's level, oldest wait first. */
export function InboxCard({ items, selected, lang, onOpen, extra }: { items: InboxItemView[] | null; selected: string | null; lang: Lang; onOpen: (period: string) => void; extra?: React.ReactNode }): React.JSX.Element {
  const { t } = useTranslation();
  const who = usePeople();
  const columns = useMemo<ColDef<InboxItemView>[]>(() => {
    const now = new Date();
    return [
      { ...textCol<InboxItemView>('period', t('approval.inbox.period'), (i) => i.period, 110), cellClass: 'cell-period' },
      moneyCol<InboxItemView>('total', t('approval.inbox.total'), (i) => i.total, 160),
      textCol<InboxItemView>('level', t('approval.inbox.level'), (i) => `${t('approval.chain.levelN', { n: i.level })} · ${i.level_name}`, 200),
      textCol<InboxItemView>('submitted_by', t('approval.inbox.submittedBy'), (i) => who(i.submitted_by), 110),
      textCol<InboxItemView>('submitted_at', t('approval.inbox.submittedAt'), (i) => formatTime(i.submitted_at, lang), 160),
      {
        ...textCol<InboxItemView>('waiting', t('approval.inbox.waiting'), (i) => {
          const w = waited(i.waiting_since, now);
          return t(`approval.inbox.waited.${w.unit}`, { count: w.count });
        }, 120),
        flex: 1,
      },
      {
        colId: 'open',
        headerName: '',
        width: 100,
        sortable: false,
        cellRenderer: (p: { data?: InboxItemView }) =>
          p.data ? (
            <Button size="small" type="link" onClick={() => p.data && onOpen(p.data.period)} data-testid={`inbox-open-${p.data.period}`}>
              {t('approval.inbox.open')}
            </Button>
          ) : null,
      },
    ];
  }, [t, lang, onOpen, who]);

  // the open batch is highlighted; row classes are computed when rows are drawn
  const grid = useRef<AgGridReact<InboxItemView>>(null);
  useEffect(() => grid.current?.api?.redrawRows(), [selected]);

  const count = items?.length ?? 0;
  return (
    <Card
      size="small"
      data-testid="approval-inbox"
      extra={extra}
      title={
        <span>
          <InboxOutlined /> {t('approval.inbox.title')} <Badge count={count} showZero color={count > 0 ? '#1677ff' : '#d9d9d9'} style={{ marginInlineStart: 6 }} />
        </span>
      }
    >
      {items && items.length === 0 ? (
        <Typography.Text type="secondary" data-testid="approval-inbox-empty">
          {t('approval.inbox.empty')}
        </Typography.Text>
      ) : (
        <div className="approval-grid-auto">
          <AgGridReact<InboxItemView>
            theme={gridTheme}
            localeText={gridLocale(lang)}
            rowData={items ?? []}
            columnDefs={columns}
            getRowId={(p) => p.data.period}
            ref={grid}
            onRowClicked={(e) => e.data && onOpen(e.data.period)}
            getRowClass={(p) => (p.data?.period === selected ? 'row-clickable row-current' : 'row-clickable')}
            defaultColDef={{ sortable: true, resizable: true }}
            domLayout="autoHeight"
          />
        </div>
      )}
    </Card>
  );
}
