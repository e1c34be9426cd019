// The contracts grid's columns: raw integer values underneath (so sorting and
// filters are exact), formatted for reading.
import type { ColDef } from 'ag-grid-community';
import { ContractStatusChips } from '../../components/status-chips';
import { UsedBar } from '../../components/used-bar';
import { contractStatusLabel, formatHundredths, formatQuantity, type DisplayFormats } from '../../components/format';
import type { ContractRow } from '../../workers/engine-protocol';

const UNIT_LABEL = { hours: 'Hours', amount: 'Currency', incidents: 'Incidents' } as const;

/** Hundredths as a plain number for AG Grid's number filter (display only, never stored). */
const asFilterNumber = (value: number | null | undefined): number | null => (value === null || value === undefined ? null : value / 100);

/** Column definitions; `grouped` merges the customer cells of consecutive rows. */
export function contractColumns(formats: DisplayFormats, grouped: boolean): ColDef<ContractRow>[] {
  return [
    { field: 'customer', headerName: 'Customer', filter: 'agTextColumnFilter', minWidth: 200, pinned: 'left', spanRows: grouped, sort: grouped ? 'asc' : null },
    { field: 'id', headerName: 'Contract', filter: 'agTextColumnFilter', width: 120, pinned: 'left' },
    { field: 'name', headerName: 'Name', filter: 'agTextColumnFilter', minWidth: 160 },
    { field: 'unit', headerName: 'Unit', width: 110, filter: 'agTextColumnFilter', valueFormatter: ({ value }) => (value ? UNIT_LABEL[value as ContractRow['unit']] : '') },
    {
      field: 'allowance', headerName: 'Allowance', type: 'rightAligned', width: 130, filter: 'agNumberColumnFilter',
      filterValueGetter: ({ data }) => asFilterNumber(data?.allowance), valueFormatter: ({ data }) => (data ? formatQuantity(data.allowance, data.unit, formats) : ''),
    },
    {
      field: 'balance', headerName: 'Balance', type: 'rightAligned', width: 130, filter: 'agNumberColumnFilter',
      filterValueGetter: ({ data }) => asFilterNumber(data?.balance), valueFormatter: ({ data }) => (data ? formatQuantity(data.balance, data.unit, formats) : ''),
      cellClassRules: { 'bl-negative': ({ value }) => typeof value === 'number' && value < 0 },
    },
    {
      field: 'usedPctTenths', headerName: 'Used', width: 170, filter: 'agNumberColumnFilter', filterValueGetter: ({ data }) => (data?.usedPctTenths ?? null) === null ? null : (data?.usedPctTenths as number) / 10,
      cellRenderer: ({ data }: { data?: ContractRow }) => (data ? <UsedBar tenths={data.usedPctTenths} formats={formats} /> : null),
    },
    {
      colId: 'status', headerName: 'Status', minWidth: 190, flex: 1, filter: 'agTextColumnFilter', sortable: true,
      valueGetter: ({ data }) => (data ? data.status.map(contractStatusLabel).join(', ') || 'Active' : ''),
      cellRenderer: ({ data }: { data?: ContractRow }) => (data ? <ContractStatusChips status={data.status} /> : null),
    },
    {
      field: 'overageThisMonth', headerName: 'Overage this month', type: 'rightAligned', width: 160, filter: 'agNumberColumnFilter',
      filterValueGetter: ({ data }) => asFilterNumber(data?.overageThisMonth), valueFormatter: ({ data }) => (data && data.overageThisMonth !== 0 ? formatQuantity(data.overageThisMonth, data.unit, formats) : ''),
    },
    {
      field: 'variance', headerName: 'Variance', type: 'rightAligned', width: 120, filter: 'agNumberColumnFilter', headerTooltip: 'Recomputed balance minus the balance your PSA reported',
      filterValueGetter: ({ data }) => asFilterNumber(data?.variance), valueFormatter: ({ value }) => (typeof value === 'number' ? formatHundredths(value, formats) : ''),
    },
  ];
}
