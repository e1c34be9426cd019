// contracts.csv (SPEC §2) to Contract records, with every input rule of §10.
import type { Anchor, Contract, OveragePolicy, Period, Unit } from '../model';
import { columnsOf, type CellReader } from './cell-reader';
import { createRowTyper, type RowTyper } from './typed-rows';

/** The file's known columns (SPEC §2). */
const C = columnsOf([
  'id', 'customer', 'name', 'unit', 'start', 'end', 'allowance', 'period', 'anchor', 'prorate', 'carryover',
  'carryover_days', 'overage', 'overrun_limit_pct', 'overrun_limit', 'warning_pct', 'low_balance', 'rebill_below',
  'rebill_quantity', 'rate', 'role_rates', 'role_factors', 'excluded_work_types', 'round_minutes', 'minimum_minutes',
  'covers_expenses', 'price', 'reported_balance', 'reported_as_of',
]);
const REQUIRED = [C.id, C.customer, C.start];
const UNITS: readonly Unit[] = ['hours', 'amount', 'incidents'];
const PERIODS: readonly Period[] = ['month', 'quarter', 'year', 'once'];
const ANCHORS: readonly Anchor[] = ['calendar', 'contract'];
const OVERAGES: readonly OveragePolicy[] = ['bill', 'carry', 'bill_next', 'bill_month_end'];
const UNITS_TEXT = 'a number of units like 10 or 7.5';

// Returns a record even for a bad row; the caller keeps it only if reader.rowOk.
function typeContract(reader: CellReader): Contract {
  const id = reader.requiredText(C.id, 'a contract id');
  const customer = reader.requiredText(C.customer, 'a customer name');
  const start = reader.date(C.start, true);
  const end = reader.date(C.end, false);
  if (start !== null && end !== null && end < start) {
    reader.fail(C.end, 'end-before-start', `expected an end on or after the start ${start}, got "${end}"`);
  }
  const rebillBelow = reader.centi(C.rebill_below, UNITS_TEXT);
  const rebillQuantity = reader.centi(C.rebill_quantity, UNITS_TEXT);
  // SPEC §10: a re-bill needs both its threshold and its quantity.
  if (rebillBelow !== null && rebillQuantity === null && reader.text(C.rebill_quantity) === '') {
    reader.fail(C.rebill_quantity, 'rebill-incomplete', 'expected a rebill_quantity because rebill_below is set, got an empty cell');
  }
  if (rebillQuantity !== null && rebillBelow === null && reader.text(C.rebill_below) === '') {
    reader.fail(C.rebill_below, 'rebill-incomplete', 'expected a rebill_below because rebill_quantity is set, got an empty cell');
  }
  return {
    id: id ?? '',
    customer: customer ?? '',
    name: reader.text(C.name) || (id ?? ''),
    unit: reader.choice(C.unit, UNITS, 'hours'),
    start: start ?? '',
    end,
    allowance: reader.centi(C.allowance, UNITS_TEXT),
    period: reader.choice(C.period, PERIODS, 'once'),
    anchor: reader.choice(C.anchor, ANCHORS, 'calendar'),
    prorate: reader.boolean(C.prorate, false),
    carryover: reader.boolean(C.carryover, false),
    carryoverDays: reader.wholeDays(C.carryover_days),
    overage: reader.choice(C.overage, OVERAGES, 'bill'),
    overrunLimitPct: reader.exact(C.overrun_limit_pct, 'a percentage like 20'),
    overrunLimit: reader.centi(C.overrun_limit, UNITS_TEXT),
    warningPct: reader.exact(C.warning_pct, 'a percentage like 80'),
    lowBalance: reader.centi(C.low_balance, UNITS_TEXT),
    rebillBelow,
    rebillQuantity,
    rate: reader.exact(C.rate, 'a rate per hour like 125 or 95.50'),
    roleRates: reader.roleValues(C.role_rates, 'Senior=150;Junior=95'),
    roleFactors: reader.roleValues(C.role_factors, 'Senior=1.5'),
    excludedWorkTypes: reader.nameList(C.excluded_work_types),
    roundMinutes: reader.exact(C.round_minutes, 'minutes like 15', { positive: true }),
    minimumMinutes: reader.exact(C.minimum_minutes, 'minutes like 30'),
    coversExpenses: reader.boolean(C.covers_expenses, false),
    price: reader.centi(C.price, 'an amount like 500 or 500.00'),
    reportedBalance: reader.centi(C.reported_balance, UNITS_TEXT, { negative: true }),
    reportedAsOf: reader.date(C.reported_as_of, false),
  };
}

/** A row typer for contracts.csv (SPEC §2, §10). */
export function contractTyper(fileName: string): RowTyper<Contract> {
  return createRowTyper(fileName, { columns: C, required: REQUIRED, idColumn: C.id, typeRow: typeContract });
}
