// contracts.csv (SPEC §2) to Contract records, with every input rule of §10.
import type { Anchor, Contract, OveragePolicy, Period, Unit } from '../model';
import type { CellReader } from './cell-reader';
import { createRowTyper, type RowTyper } from './typed-rows';

const COLUMNS = [
  'id', 'customer', 'name', 'unit', 'start', 'end', 'allowance', 'period', 'anchor', 'prorate', 'carryover',
  'carryover_days', 'overage', 'overrun_limit_pct', 'overrun_limit', 'warning_pct', 'low_balance', 'rebill_below',
  'rebill_quantity', 'rate', 'role_rates', 'role_factors', 'excluded_work_types', 'round_minutes', 'minimum_minutes',
  'covers_expenses', 'price', 'reported_balance', 'reported_as_of',
];
const REQUIRED = ['id', 'customer', 'start'];
const UNITS: readonly Unit[] = ['hours', 'amount', 'incidents'];
const PERIODS: readonly Period[] = ['month', 'quarter', 'year', 'once'];
const ANCHORS: readonly Anchor[] = ['calendar', 'contract'];
const OVERAGES: readonly OveragePolicy[] = ['bill', 'carry', 'bill_next', 'bill_month_end'];
const UNITS_TEXT = 'a number of units like 10 or 7.5';

// Returns a record even for a bad row; the caller keeps it only if reader.rowOk.
function typeContract(reader: CellReader): Contract {
  const id = reader.requiredText('id', 'a contract id');
  const customer = reader.requiredText('customer', 'a customer name');
  const start = reader.date('start', true);
  const end = reader.date('end', false);
  if (start !== null && end !== null && end < start) {
    reader.fail('end', 'end-before-start', `expected an end on or after the start ${start}, got "${end}"`);
  }
  const rebillBelow = reader.centi('rebill_below', UNITS_TEXT);
  const rebillQuantity = reader.centi('rebill_quantity', UNITS_TEXT);
  // SPEC §10: a re-bill needs both its threshold and its quantity.
  if (rebillBelow !== null && rebillQuantity === null && reader.text('rebill_quantity') === '') {
    reader.fail('rebill_quantity', 'rebill-incomplete', 'expected a rebill_quantity because rebill_below is set, got an empty cell');
  }
  if (rebillQuantity !== null && rebillBelow === null && reader.text('rebill_below') === '') {
    reader.fail('rebill_below', 'rebill-incomplete', 'expected a rebill_below because rebill_quantity is set, got an empty cell');
  }
  return {
    id: id ?? '',
    customer: customer ?? '',
    name: reader.text('name') || (id ?? ''),
    unit: reader.choice('unit', UNITS, 'hours'),
    start: start ?? '',
    end,
    allowance: reader.centi('allowance', UNITS_TEXT),
    period: reader.choice('period', PERIODS, 'once'),
    anchor: reader.choice('anchor', ANCHORS, 'calendar'),
    prorate: reader.boolean('prorate', false),
    carryover: reader.boolean('carryover', false),
    carryoverDays: reader.wholeDays('carryover_days'),
    overage: reader.choice('overage', OVERAGES, 'bill'),
    overrunLimitPct: reader.exact('overrun_limit_pct', 'a percentage like 20'),
    overrunLimit: reader.centi('overrun_limit', UNITS_TEXT),
    warningPct: reader.exact('warning_pct', 'a percentage like 80'),
    lowBalance: reader.centi('low_balance', UNITS_TEXT),
    rebillBelow,
    rebillQuantity,
    rate: reader.exact('rate', 'a rate per hour like 125 or 95.50'),
    roleRates: reader.roleValues('role_rates', 'Senior=150;Junior=95'),
    roleFactors: reader.roleValues('role_factors', 'Senior=1.5'),
    excludedWorkTypes: reader.nameList('excluded_work_types'),
    roundMinutes: reader.exact('round_minutes', 'minutes like 15', { positive: true }),
    minimumMinutes: reader.exact('minimum_minutes', 'minutes like 30'),
    coversExpenses: reader.boolean('covers_expenses', false),
    price: reader.centi('price', 'an amount like 500 or 500.00'),
    reportedBalance: reader.centi('reported_balance', UNITS_TEXT, { negative: true }),
    reportedAsOf: reader.date('reported_as_of', false),
  };
}

/** A row typer for contracts.csv (SPEC §2, §10). */
export function contractTyper(fileName: string): RowTyper<Contract> {
  return createRowTyper(fileName, { columns: COLUMNS, required: REQUIRED, idColumn: 'id', typeRow: typeContract });
}
