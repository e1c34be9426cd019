// Columns of the contract detail's statement, ledger and entries grids.
import type { ColDef } from 'ag-grid-community';
import type { Unit } from '../../core/model';
import type { LedgerEvent, MonthRow } from '../../core/result';
import { entryStatusLabel, formatDate, formatHundredths, formatQuantity, type DisplayFormats } from '../../components/format';
import type { EntryRow } from '../../workers/engine-protocol';

const EVENT_LABEL: Readonly<Record<LedgerEvent['kind'], string>> = {
  grant: 'Grant', rebill: 'Re-bill', addition: 'Purchase', entry: 'Entry', expiry: 'Expiry', settlement: 'Overage billed',
};

function quantity<T>(field: keyof T & string, header: string, unit: Unit, formats: DisplayFormats, width = 120): ColDef<T> {
  return { field: field as never, headerName: header, type: 'rightAligned', width, valueFormatter: ({ value }) => (typeof value === 'number' ? formatQuantity(value, unit, formats) : '') };
}

/** The monthly statement (SPEC §6): one row per month. */
export function statementColumns(unit: Unit, formats: DisplayFormats): ColDef<MonthRow>[] {
  return [
    { field: 'start', headerName: 'Month', width: 110, valueFormatter: ({ value }) => String(value).slice(0, 7) },
    quantity<MonthRow>('opening', 'Opening', unit, formats),
    quantity<MonthRow>('granted', 'Granted', unit, formats),
    quantity<MonthRow>('purchased', 'Purchased', unit, formats),
    quantity<MonthRow>('used', 'Used', unit, formats),
    quantity<MonthRow>('expired', 'Expired', unit, formats),
    quantity<MonthRow>('settled', 'Settled', unit, formats),
    quantity<MonthRow>('closing', 'Closing', unit, formats),
    quantity<MonthRow>('overage', 'Overage', unit, formats),
    quantity<MonthRow>('held', 'Held', unit, formats),
  ];
}

/** The history ledger with its running balance. */
export function ledgerColumns(unit: Unit, formats: DisplayFormats): ColDef<LedgerEvent>[] {
  return [
    { field: 'date', headerName: 'Date', width: 120, valueFormatter: ({ value }) => formatDate(value as string, formats) },
    { field: 'kind', headerName: 'Event', width: 140, valueFormatter: ({ value }) => EVENT_LABEL[value as LedgerEvent['kind']] },
    { field: 'entryId', headerName: 'Entry', width: 130, cellClass: ({ value }) => (value ? 'bl-link' : '') },
    { ...quantity<LedgerEvent>('units', 'Units', unit, formats), valueGetter: ({ data }) => (data ? (data.kind === 'entry' || data.kind === 'expiry' || data.kind === 'settlement' ? -data.units : data.units) : null) },
    quantity<LedgerEvent>('overage', 'Overage', unit, formats, 110),
    quantity<LedgerEvent>('held', 'Held', unit, formats, 100),
    quantity<LedgerEvent>('balanceAfter', 'Balance', unit, formats, 130),
  ];
}

/** Every entry matched to the contract, covered or not, with the reason. */
export function contractEntryColumns(formats: DisplayFormats): ColDef<EntryRow>[] {
  return [
    { colId: 'date', headerName: 'Date', width: 115, valueGetter: ({ data }) => data?.entry.date, valueFormatter: ({ value }) => formatDate(value as string, formats) },
    { colId: 'id', headerName: 'Entry', width: 120, valueGetter: ({ data }) => data?.entry.id, cellClass: 'bl-link' },
    { colId: 'ticket', headerName: 'Ticket', width: 100, valueGetter: ({ data }) => data?.entry.ticket },
    { colId: 'member', headerName: 'Member', width: 130, valueGetter: ({ data }) => data?.entry.member },
    { colId: 'hours', headerName: 'Counted', type: 'rightAligned', width: 100, valueGetter: ({ data }) => data?.result.units, valueFormatter: ({ value }) => (typeof value === 'number' ? formatHundredths(value, formats) : '') },
    { colId: 'status', headerName: 'Allocation', width: 130, valueGetter: ({ data }) => (data ? entryStatusLabel(data.result.status) : '') },
    { colId: 'reason', headerName: 'Reason', flex: 1, minWidth: 200, valueGetter: ({ data }) => data?.result.reason ?? '' },
    { colId: 'batch', headerName: 'Batch', width: 90, valueGetter: ({ data }) => (data?.batchId === null || data === undefined ? '' : `#${data.batchId}`) },
  ];
}
