// Columns of the entries grid; colIds are the worker's sort keys where sortable.
import type { ColDef } from 'ag-grid-community';
import { entryStatusLabel, formatDate, formatHundredths, type DisplayFormats } from '../../components/format';
import type { EntryStatus } from '../../core/result';
import type { EntryRow } from '../../workers/engine-protocol';

const hundredths = (formats: DisplayFormats) => ({ value }: { value: unknown }) => (typeof value === 'number' ? formatHundredths(value, formats) : '');

/** The columns; only those the worker can sort by are sortable. */
export function entryColumns(formats: DisplayFormats): ColDef<EntryRow>[] {
  return [
    { colId: 'date', headerName: 'Date', width: 115, sortable: true, valueGetter: ({ data }) => data?.entry.date, valueFormatter: ({ value }) => formatDate((value as string | undefined) ?? null, formats) },
    { colId: 'id', headerName: 'Entry', width: 120, sortable: true, valueGetter: ({ data }) => data?.entry.id, cellClass: 'bl-link' },
    { colId: 'customer', headerName: 'Customer', width: 200, sortable: true, valueGetter: ({ data }) => data?.entry.customer },
    { colId: 'contractId', headerName: 'Contract', width: 115, sortable: true, valueGetter: ({ data }) => data?.result.contractId ?? '' },
    { colId: 'hours', headerName: 'Counted', type: 'rightAligned', width: 100, sortable: true, valueGetter: ({ data }) => data?.result.units, valueFormatter: hundredths(formats) },
    // Plain text, not a React chip: thousands of rows scroll past (performance.md §5, avoid React cell renderers).
    { colId: 'status', headerName: 'Allocation', width: 130, sortable: true, valueGetter: ({ data }) => data?.result.status, valueFormatter: ({ value }) => (value ? entryStatusLabel(value as EntryStatus) : ''), cellClassRules: { 'bl-negative': ({ value }) => value !== undefined && value !== 'applied' } },
    { colId: 'reason', headerName: 'Reason', width: 260, tooltipValueGetter: ({ data }) => data?.result.reason ?? '', valueGetter: ({ data }) => data?.result.reason ?? '' },
    { colId: 'applied', headerName: 'Applied', type: 'rightAligned', width: 95, valueGetter: ({ data }) => data?.result.applied, valueFormatter: hundredths(formats) },
    { colId: 'overage', headerName: 'Overage', type: 'rightAligned', width: 95, valueGetter: ({ data }) => data?.result.overage, valueFormatter: hundredths(formats) },
    { colId: 'held', headerName: 'Held', type: 'rightAligned', width: 85, valueGetter: ({ data }) => data?.result.held, valueFormatter: hundredths(formats) },
    { colId: 'member', headerName: 'Member', width: 130, sortable: true, valueGetter: ({ data }) => data?.entry.member },
    { colId: 'batch', headerName: 'Batch', width: 80, valueGetter: ({ data }) => (data && data.batchId !== null ? `#${data.batchId}` : '') },
  ];
}
