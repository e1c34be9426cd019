// Columns of the month-end grids: values stay integer hundredths and cents
// underneath (exact sorting), formatted for reading.
import type { ColDef } from 'ag-grid-community';
import { formatCents, formatDate, formatHundredths, formatQuantity, type DisplayFormats } from '../../components/format';
import type { AlertRow, ExceptionRow, InvoiceRow } from '../../workers/engine-protocol';
import { invoiceKindLabel } from './month-end-view';

function dateColumn<T extends { readonly date: string | null }>(formats: DisplayFormats): ColDef<T> {
  return { colId: 'date', headerName: 'Date', width: 115, valueGetter: ({ data }) => data?.date ?? null, valueFormatter: ({ value }) => formatDate((value as string | null) ?? null, formats) };
}

/** Alerts: one line per warning, low balance, overrun, hold, expiring lot or ended contract with units left. */
export function alertColumns(formats: DisplayFormats): ColDef<AlertRow>[] {
  return [
    { field: 'customer', headerName: 'Customer', minWidth: 200, filter: 'agTextColumnFilter' },
    { field: 'contractId', headerName: 'Contract', width: 120, filter: 'agTextColumnFilter' },
    { field: 'alert', headerName: 'Alert', width: 150, filter: 'agTextColumnFilter' },
    dateColumn<AlertRow>(formats),
    { field: 'units', headerName: 'Units', type: 'rightAligned', width: 130, valueFormatter: ({ data }) => (data ? formatQuantity(data.units, data.unit, formats) : ''), cellClassRules: { 'bl-negative': ({ value }) => typeof value === 'number' && value < 0 } },
    { field: 'detail', headerName: 'Detail', flex: 1, minWidth: 260, tooltipField: 'detail' },
  ];
}

/** To invoice: overage, settlements, re-bill grants, allowance grants and purchases of the as-of month. */
export function invoiceColumns(formats: DisplayFormats): ColDef<InvoiceRow>[] {
  return [
    { field: 'customer', headerName: 'Customer', minWidth: 200, filter: 'agTextColumnFilter' },
    { field: 'contractId', headerName: 'Contract', width: 120, filter: 'agTextColumnFilter' },
    dateColumn<InvoiceRow>(formats),
    { field: 'kind', headerName: 'Item', width: 150, filter: 'agTextColumnFilter', valueFormatter: ({ value }) => invoiceKindLabel(String(value ?? '')) },
    { field: 'reference', headerName: 'Reference / ticket', width: 160 },
    { field: 'units', headerName: 'Units', type: 'rightAligned', width: 130, valueFormatter: ({ data }) => (data ? formatQuantity(data.units, data.unit, formats) : '') },
    { field: 'amount', headerName: 'Amount', type: 'rightAligned', width: 130, valueFormatter: ({ value }) => (typeof value === 'number' ? formatCents(value, formats) : 'no price known') },
  ];
}

/** Exceptions: entries a clerk must clear before billing (unmatched, not covered, held); sorted by the worker, found with the search box. */
export function exceptionColumns(formats: DisplayFormats): ColDef<ExceptionRow>[] {
  return [
    { field: 'entryId', headerName: 'Entry', width: 110 },
    dateColumn<ExceptionRow>(formats),
    { field: 'customer', headerName: 'Customer', minWidth: 180 },
    { field: 'contractId', headerName: 'Contract', width: 115 },
    { field: 'ticket', headerName: 'Ticket', width: 100 },
    { field: 'member', headerName: 'Technician', width: 130 },
    { field: 'hours', headerName: 'Hours', type: 'rightAligned', width: 90, valueFormatter: ({ value }) => (typeof value === 'number' ? formatHundredths(value, formats) : '') },
    { field: 'status', headerName: 'Status', width: 120 },
    { field: 'reason', headerName: 'Reason', flex: 1, minWidth: 240, tooltipField: 'reason' },
    { field: 'held', headerName: 'Held', type: 'rightAligned', width: 90, valueFormatter: ({ value }) => (typeof value === 'number' ? formatHundredths(value, formats) : '') },
  ];
}
