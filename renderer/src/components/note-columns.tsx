import { CheckCircleFilled, EditOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { Button, Space, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import type { ReconcileNoteView } from '../../../contract/ops/batches';
import type { Lang } from '../../../contract/roles';
import { formatTime } from '../pages/approval/model';

/**
 * The 说明 and 已确认 columns of a reconciliation grid (核算结果 → 对账 and the approver's 问题 tab),
 * with the edit button where the user may write them.
 */
export function noteColumns<T extends { code: string; name: string | null }>(notes: ReadonlyMap<string, ReconcileNoteView>, t: TFunction, lang: Lang, onEdit?: (row: T) => void): ColDef<T>[] {
  return [
    {
      colId: 'note',
      headerName: t('flow.rec.note'),
      width: 240,
      flex: 1,
      minWidth: 180,
      filter: 'agTextColumnFilter',
      cellDataType: false,
      valueGetter: (p) => (p.data ? (notes.get(p.data.code)?.note ?? '') : ''),
      tooltipValueGetter: (p) => (typeof p.value === 'string' && p.value ? p.value : undefined),
    },
    {
      colId: 'confirmed',
      headerName: t('flow.rec.confirmed'),
      width: 190,
      cellDataType: false,
      valueGetter: (p) => {
        const n = p.data ? notes.get(p.data.code) : undefined;
        return n?.confirmed_by ? t('flow.rec.confirmedBy', { name: n.confirmed_by_name ?? n.confirmed_by, at: formatTime(n.confirmed_at ?? '', lang) }) : '';
      },
      cellRenderer: (p: { data?: T; value: string }) => (
        <Space size={4}>
          {p.value && <CheckCircleFilled style={{ color: '#389e0d' }} />}
          <span>{p.value}</span>
          {onEdit && p.data && (
            <Tooltip title={t('flow.rec.edit')}>
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => p.data && onEdit(p.data)} data-testid={`note-edit-${p.data.code}`} aria-label={t('flow.rec.edit')} />
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];
}
