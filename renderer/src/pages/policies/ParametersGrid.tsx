import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CellValueChangedEvent, ColDef, ICellRendererParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { App, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../contract/roles';
import { isValidName, type ParameterValue } from '../../../../formulas';
import { gridLocale, gridTheme } from '../../grid/setup';
import { addKey, addParameter, editValue, paramRows, percentHint, removeRow, renameKey, type ParamRow } from './parameters';

interface Props {
  parameters: Record<string, ParameterValue>;
  /** code → label (the policy file's parameter_labels) */
  labels: Readonly<Record<string, string>>;
  readOnly: boolean;
  lang: Lang;
  onChange: (parameters: Record<string, ParameterValue>) => void;
  onLabels: (labels: Record<string, string>) => void;
}

interface NewParam {
  name: string;
  label?: string;
  kind: ParamRow['kind'];
  key: string;
}

/** Parameters as a spreadsheet: type 45% or 0.45 into a cell; lookup tables one key per row. */
export function ParametersGrid({ parameters, labels, readOnly, lang, onChange, onLabels }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rows = useMemo(() => paramRows(parameters), [parameters]);
  const [adding, setAdding] = useState<{ table: string | null } | null>(null);
  const [form] = Form.useForm<NewParam>();

  const columns = useMemo<ColDef<ParamRow>[]>(() => {
    // a table's second and later keys repeat its name: the name and label show on its first row only
    const repeated = (rowIndex: number | null, name: string | undefined): boolean => rowIndex !== null && rowIndex > 0 && rows[rowIndex - 1]?.name === name;
    return [
      {
        // the label from the policy file with the code small beside it; typing edits the label
        colId: 'label', headerName: t('policies.paramLabel'), headerTooltip: t('policies.paramLabelHint'), flex: 1, minWidth: 120,
        editable: (p) => !readOnly && !repeated(p.node?.rowIndex ?? null, p.data?.name),
        valueGetter: (p) => (p.data ? labels[p.data.name] ?? '' : ''),
        // the typed label goes to the draft (the grid's rows hold no labels): no change event of its own
        valueSetter: (p) => {
          if (!p.data) return false;
          const { [p.data.name]: _old, ...rest } = labels;
          const label = String(p.newValue ?? '').trim();
          onLabels(label ? { ...rest, [p.data.name]: label } : rest);
          return false;
        },
        tooltipValueGetter: (p) => p.data?.name ?? '',
        cellRenderer: (p: ICellRendererParams<ParamRow>) => {
          if (!p.data || repeated(p.node.rowIndex, p.data.name)) return null;
          const label = labels[p.data.name];
          return label ? (
            <span>
              {label} <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>{p.data.name}</Typography.Text>
            </span>
          ) : (
            <span className="mono">{p.data.name}</span>
          );
        },
      },
      {
        field: 'key', headerName: t('policies.paramKey'), width: 90, editable: (p) => !readOnly && p.data?.kind === 'table',
        valueFormatter: (p) => (p.data?.kind === 'list' ? t('policies.kindList') : p.data?.kind === 'number' ? '—' : String(p.value ?? '')),
      },
      {
        field: 'value', headerName: t('policies.paramValue'), width: 110, editable: !readOnly, type: 'rightAligned',
        cellClass: readOnly ? 'num' : 'num cell-editable', cellDataType: 'text',
      },
      { colId: 'percent', headerName: t('policies.paramPercent'), width: 76, type: 'rightAligned', cellClass: 'num hint', valueGetter: (p) => (p.data?.kind === 'list' ? '' : percentHint(p.data?.value ?? '') ?? '') },
      ...(readOnly
        ? []
        : [{
            colId: 'actions', headerName: '', width: 62, sortable: false,
            cellRenderer: (p: ICellRendererParams<ParamRow>) => (
              <Space size={0}>
                {p.data?.kind === 'table' && (
                  <Button size="small" type="text" icon={<PlusOutlined />} title={t('policies.addKey')} onClick={() => setAdding({ table: p.data?.name ?? null })} />
                )}
                <Button size="small" type="text" icon={<DeleteOutlined />} title={t('policies.removeRow')} onClick={() => p.data && onChange(removeRow(parameters, p.data))} />
              </Space>
            ),
          } satisfies ColDef<ParamRow>]),
    ];
  }, [t, readOnly, rows, parameters, labels, onChange, onLabels]);

  const changed = (e: CellValueChangedEvent<ParamRow>): void => {
    if (!e.data) return;
    const original = rows.find((r) => r.id === e.data?.id);
    if (!original) return;
    if (e.colDef.field === 'key') {
      const key = String(e.newValue ?? '').trim();
      if (key) onChange(renameKey(parameters, original, key));
      else onChange({ ...parameters });
      return;
    }
    const r = editValue(parameters, original, String(e.newValue ?? ''));
    if (r.ok) onChange(r.parameters);
    else {
      void message.error(t('policies.notANumber', { value: String(e.newValue ?? '') }));
      onChange({ ...parameters });
    }
  };

  const submit = (v: NewParam): void => {
    if (adding?.table) onChange(addKey(parameters, adding.table, v.key.trim()));
    else {
      onChange(addParameter(parameters, v.name.trim(), v.kind, v.key?.trim() ?? ''));
      if (v.label?.trim()) onLabels({ ...labels, [v.name.trim()]: v.label.trim() });
    }
    setAdding(null);
    form.resetFields();
  };

  return (
    <div data-testid="policy-parameters">
      <div data-testid="params-grid">
        <AgGridReact<ParamRow>
          key={lang}
          theme={gridTheme}
          localeText={gridLocale(lang)}
          rowData={rows}
          columnDefs={columns}
          domLayout="autoHeight"
          getRowId={(p) => p.data.id}
          singleClickEdit
          defaultColDef={{ sortable: false, resizable: true }}
          stopEditingWhenCellsLoseFocus
          onCellValueChanged={changed}
          overlayNoRowsTemplate={t('policies.noParameters')}
        />
      </div>
      {!readOnly && (
        <Button size="small" type="dashed" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => setAdding({ table: null })} data-testid="param-add">
          {t('policies.addParameter')}
        </Button>
      )}
      <Modal open={adding !== null} title={adding?.table ? t('policies.addKeyTo', { name: adding.table }) : t('policies.addParameter')}
        onCancel={() => setAdding(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'number', key: '' }}>
          {!adding?.table && (
            <>
              <Form.Item name="name" label={t('policies.paramName')} rules={[{ required: true }, { validator: async (_r, v: string) => {
                if (v && (!isValidName(v.trim()) || v.trim() in parameters)) throw new Error(t('policies.badParamName'));
              } }]}>
                <Input autoFocus className="mono" />
              </Form.Item>
              <Form.Item name="label" label={t('policies.paramLabel')} extra={<Typography.Text type="secondary">{t('policies.paramLabelHint')}</Typography.Text>}>
                <Input data-testid="param-add-label" />
              </Form.Item>
              <Form.Item name="kind" label={t('policies.paramKind')}>
                <Radio.Group options={[
                  { value: 'number', label: t('policies.kindNumber') },
                  { value: 'list', label: t('policies.kindList') },
                  { value: 'table', label: t('policies.kindTable') },
                ]} />
              </Form.Item>
            </>
          )}
          <Form.Item noStyle shouldUpdate>
            {() => (adding?.table || form.getFieldValue('kind') === 'table') && (
              <Form.Item name="key" label={t('policies.paramKey')} rules={[{ required: true }]} extra={<Typography.Text type="secondary">{t('policies.keyHint')}</Typography.Text>}>
                <Input />
              </Form.Item>
            )}
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
