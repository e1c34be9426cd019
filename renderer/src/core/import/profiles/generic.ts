// Any spreadsheet, mapped by the user onto the SPEC §2 fields: the columns a
// clerk picks, the spellings of `billable` and `unit`, and the file's date and
// number formats. The canonical profile is the same specs with the SPEC names
// and ISO dates (its tables go to the canonical typer untouched).
import type { FieldType, RecordSpec, SourceProfile } from './profile-types';
import type { CanonicalKind } from '../canonical-output';
import { CANONICAL_COLUMNS } from '../canonical-output';
import { defaultProfile } from './default-profile';

// How each SPEC §2 column is read from a user's spreadsheet; the rest are text.
const FIELD_TYPES = new Map<string, FieldType>([
  ['start', 'date'], ['end', 'date'], ['date', 'date'], ['expires', 'date'], ['reported_as_of', 'date'],
  ['allowance', 'quantity'], ['quantity', 'quantity'], ['overrun_limit', 'quantity'], ['low_balance', 'quantity'], ['rebill_below', 'quantity'], ['rebill_quantity', 'quantity'], ['reported_balance', 'quantity'],
  ['price', 'money'], ['amount', 'money'],
  ['rate', 'decimal'], ['carryover_days', 'decimal'], ['overrun_limit_pct', 'decimal'], ['warning_pct', 'decimal'], ['round_minutes', 'decimal'], ['minimum_minutes', 'decimal'],
  ['prorate', 'boolean'], ['carryover', 'boolean'], ['covers_expenses', 'boolean'],
  ['hours', 'duration'],
]);

const REQUIRED: Readonly<Record<CanonicalKind, readonly string[]>> = {
  contracts: ['id', 'customer', 'start'],
  additions: ['contract_id', 'date', 'quantity'],
  entries: ['id', 'date'],
};

const SIGNATURES: Readonly<Record<CanonicalKind, readonly string[]>> = {
  contracts: ['id', 'customer', 'start', 'unit', 'allowance'],
  additions: ['contract_id', 'date', 'quantity', 'expires'],
  entries: ['id', 'date', 'hours', 'billable', 'contract_id'],
};

const LABELS: Readonly<Record<CanonicalKind, string>> = { contracts: 'contract', additions: 'addition', entries: 'entry' };

function specFor(kind: CanonicalKind): RecordSpec {
  return {
    record: kind,
    label: LABELS[kind],
    signature: SIGNATURES[kind],
    fields: CANONICAL_COLUMNS[kind].map((column) => ({
      field: column,
      type: FIELD_TYPES.get(column) ?? 'text',
      required: REQUIRED[kind].includes(column),
      columns: [column],
    })),
  };
}

/** One record spec per canonical file; the generic and canonical profiles share them. */
export const CANONICAL_SPECS: readonly RecordSpec[] = [specFor('contracts'), specFor('additions'), specFor('entries')];

export const CANONICAL_PROFILE: SourceProfile = defaultProfile(
  { id: 'canonical', label: 'Blockledger canonical CSV (SPEC §2)', system: 'canonical', dateFormat: 'YYYY-MM-DD', decimal: '.', grouping: '', durationUnit: 'hours', utcOffsetMinutes: 0, valueMaps: [], unitProducts: [] },
  CANONICAL_SPECS,
);

export const GENERIC_PROFILE: SourceProfile = defaultProfile(
  {
    id: 'generic',
    label: 'Any spreadsheet (map the columns)',
    system: 'generic',
    dateFormat: 'auto',
    decimal: '.',
    grouping: ',',
    durationUnit: 'auto',
    utcOffsetMinutes: 0,
    valueMaps: [
      { field: 'billable', values: [['billable', 'billable'], ['yes', 'billable'], ['no_charge', 'no_charge'], ['no charge', 'no_charge'], ['do_not_bill', 'do_not_bill'], ['do not bill', 'do_not_bill'], ['non-billable', 'do_not_bill'], ['no', 'do_not_bill']] },
    ],
    unitProducts: [],
  },
  CANONICAL_SPECS,
);
