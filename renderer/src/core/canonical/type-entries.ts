// entries.csv (SPEC §2) to Entry records, with the input rules of §10.
import type { BillableOption, Entry } from '../model';
import { columnsOf, type CellReader } from './cell-reader';
import { normaliseName } from '../ordering';
import { parseIsoDate } from '../dates';
import { parseSourceDateTime } from '../import/source-date';
import { createRowTyper, type RowTyper } from './typed-rows';

/** The file's known columns (SPEC §2). */
const C = columnsOf(['id', 'date', 'contract_id', 'customer', 'ticket', 'member', 'work_role', 'work_type', 'hours', 'billable', 'amount', 'notes', 'entered']);
const REQUIRED = [C.id, C.date];
const BILLABLE: readonly BillableOption[] = ['billable', 'no_charge', 'do_not_bill'];

/**
 * When the entry was entered in the PSA, for `allocationOrder: 'entered'`
 * (issue 6): a date, or a date-time normalised to `YYYY-MM-DDTHH:MM:SS` so
 * entries compare by text; a zoned value is taken at its UTC time.
 */
function enteredOf(reader: CellReader): string | null {
  const raw = reader.text(C.entered);
  if (raw === '') return null;
  const when = parseIsoDate(raw) === null ? parseSourceDateTime(raw.replace(' ', 'T')) : raw;
  if (when === null) reader.fail(C.entered, 'invalid-date', `expected a date-time as YYYY-MM-DDTHH:MM or a date as YYYY-MM-DD, got "${raw}"`);
  return when;
}

function typeEntry(reader: CellReader): Entry {
  const contractId = reader.sharedText(C.contract_id);
  const entry = {
    id: reader.requiredText(C.id, 'an entry id') ?? '',
    date: reader.date(C.date, true) ?? '',
    contractId: contractId === '' ? null : contractId,
    customer: reader.sharedText(C.customer),
    ticket: reader.text(C.ticket),
    member: reader.sharedText(C.member),
    workRole: reader.sharedText(C.work_role),
    workType: reader.sharedText(C.work_type),
    // An entry without time is a part or an expense (SPEC §10 "Entries").
    hours: reader.centi(C.hours, 'hours as a decimal like 1.5') ?? 0,
    billable: reader.choice(C.billable, BILLABLE, 'billable', normaliseName),
    amount: reader.centi(C.amount, 'an amount like 125.50'),
    notes: reader.sharedRaw(C.notes),
  };
  // Added only when the file has the column; not spread into the literal,
  // which would send every row through V8's slow generic object copy.
  return reader.has(C.entered) ? { ...entry, entered: enteredOf(reader) } : entry;
}

/** A row typer for entries.csv (SPEC §2, §10). */
export function entryTyper(fileName: string): RowTyper<Entry> {
  return createRowTyper(fileName, { columns: C, required: REQUIRED, idColumn: C.id, typeRow: typeEntry });
}
