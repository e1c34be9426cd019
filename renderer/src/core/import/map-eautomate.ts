// e-automate deposit and time-block contracts and their service-call labor
// (psa-exports.md §4, seed 004). A dollar deposit is an `amount` contract
// valued at the bill-code labor rate; a time block is an `hours` contract.
// Deposits are use-it-or-lose-it per cycle: no carryover. A negative balance
// is added to the next billing (`bill_next`) unless the contract re-bills to
// zero (`bill_month_end`).
import type { Centi, ExactDecimal, Unit } from '../model';
import type { SourceRow } from './record-reader';
import { mapValue } from './record-reader';
import { centiCell, plural, type MapContext } from './map-context';
import { exactToText, multiplyExact } from './decimal-text';
import { formatCenti } from '../numbers';

interface DepositInfo {
  readonly unit: Unit;
  readonly rate: ExactDecimal | null;
}

const CYCLES = new Set(['month', 'quarter', 'year']);

function mapContract(row: SourceRow, context: MapContext, deposits: Map<string, DepositInfo>): void {
  const id = row.text('contract');
  const method = row.text('billingMethod');
  if (method !== '' && mapValue(context.profile, 'billingMethod', method) !== 'deposit') {
    context.note(id, row, 'not-deposit', () => `contract ${id} is billed "${method}", not by deposit, so it has no prepaid balance and was not imported`);
    return;
  }
  const timeBlock = row.flag('timeBlock') === true;
  const unit: Unit = timeBlock ? 'hours' : 'amount';
  const rate = row.decimal('laborRate');
  const initial = timeBlock ? context.centi(row, 'initialHours', 'the initial hours') : context.centi(row, 'initialAmount', 'the initial deposit');
  if (initial === null) return;
  if (initial === undefined) {
    context.rowIssue(row, timeBlock ? 'initialHours' : 'initialAmount', 'missing-value', `deposit contract ${id} has no initial ${timeBlock ? 'hours' : 'amount'}; it is not imported`);
    return;
  }
  if (rate === null && !timeBlock) {
    context.note(id, row, 'no-labor-rate', () => `deposit contract ${id} has no bill-code labor rate, so its labor cannot be valued; e-automate needs one too`);
  }
  const rawOption = row.text('rebillOption');
  const option = rawOption === '' ? 'none' : mapValue(context.profile, 'rebillOption', rawOption);
  if (option === null || !['below', 'zero', 'cycle', 'none'].includes(option)) {
    context.rowIssue(row, 'rebillOption', 'unknown-value', `"${rawOption}" is not a re-bill setting this profile knows; add it to the profile's value map`);
    return;
  }
  const billing = context.centi(row, 'billingAmount', 'the billing amount');
  const below = context.centi(row, 'rebillBelow', 'the re-bill threshold');
  if (billing === null || below === null) return;
  const cells = new Map([
    ['id', id],
    ['customer', row.text('customer')],
    ['name', row.text('description') || id],
    ['unit', unit],
    ['start', row.date('startDate') ?? ''],
    ['end', row.date('endDate') ?? ''],
    ['allowance', centiCell(initial)],
    ['period', 'once'],
    ['carryover', 'no'],
    ['overage', option === 'zero' ? 'bill_month_end' : 'bill_next'],
    ['rate', rate === null ? '' : exactToText(rate)],
  ]);
  if (option === 'below') {
    if (below === undefined) {
      context.rowIssue(row, 'rebillBelow', 'missing-value', `contract ${id} re-bills when the balance is below a threshold, but the threshold is empty`);
      return;
    }
    cells.set('rebill_below', centiCell(below));
    cells.set('rebill_quantity', centiCell(billing ?? initial));
  } else if (option === 'cycle') {
    const rawCycle = row.text('billingCycle');
    const cycle = rawCycle === '' ? null : mapValue(context.profile, 'billingCycle', rawCycle);
    if (cycle === null || !CYCLES.has(cycle)) {
      context.rowIssue(row, 'billingCycle', 'unknown-value', `contract ${id} re-bills on a cycle, but "${rawCycle}" is not monthly, quarterly or yearly`);
      return;
    }
    // Re-bill on cycle: a fresh deposit every cycle from the billing period start, use it or lose it.
    cells.set('period', cycle);
    cells.set('anchor', cycle === 'month' ? '' : 'contract');
    cells.set('allowance', centiCell(billing ?? initial));
    if (billing !== undefined && billing !== initial) {
      context.note(id, row, 'initial-differs', () => `contract ${id} re-bills ${formatCenti(billing)} every ${cycle} but its initial deposit was ${formatCenti(initial)}; every cycle, the first included, was granted ${formatCenti(billing)}`);
    }
  }
  if (rate !== null) {
    const price = multiplyExact({ units: initial, scale: 2 }, timeBlock ? rate : { units: 1, scale: 0 });
    const cents = price === null ? null : context.centiOf(row, 'laborRate', price, 'the deposit value (hours × labor rate)');
    if (cents !== null && cells.get('period') === 'once') cells.set('price', centiCell(cents));
  }
  const reported = timeBlock ? context.centi(row, 'hoursRemaining', 'the hours remaining') : context.centi(row, 'balance', 'the unearned balance');
  if (reported !== null && reported !== undefined) {
    cells.set('reported_balance', centiCell(reported));
    cells.set('reported_as_of', row.date('balanceDate') ?? '');
  }
  context.out.add('contracts', row.file, row.line, cells);
  deposits.set(id, { unit, rate });
}

function mapLabor(row: SourceRow, context: MapContext, deposits: ReadonlyMap<string, DepositInfo>, occurrences: Map<string, number>): void {
  const call = row.text('call');
  const contractId = row.text('contract');
  const hours = row.hours('hours');
  // Labor lines often have no id of their own: call number plus its line within the call.
  const seen = (occurrences.get(call) ?? 0) + 1;
  occurrences.set(call, seen);
  const id = row.text('id') || `${call}-${seen}`;
  const deposit = deposits.get(contractId);
  const laborAmount = row.decimal('laborAmount');
  if (deposit?.unit === 'amount' && deposit.rate !== null && laborAmount !== null && hours !== null) {
    const expected = multiplyExact({ units: hours, scale: 2 }, deposit.rate);
    if (expected !== null && exactToText(expected) !== exactToText(laborAmount)) {
      context.note(contractId, row, 'labor-amount-differs', (count) => `${plural(count, 'labor line', 'labor lines')} on contract ${contractId} ${count === 1 ? 'shows' : 'show'} a labor amount other than hours × the bill-code rate ${exactToText(deposit.rate!)} (a discount?); Blockledger values labor at the rate`);
    }
  }
  context.out.add('entries', row.file, row.line, new Map([
    ['id', id],
    ['date', row.date('date') ?? ''],
    ['contract_id', contractId],
    ['customer', row.text('customer')],
    ['ticket', call],
    ['member', row.text('technician')],
    ['work_type', row.text('activity')],
    ['hours', centiCell(hours as Centi | null)],
    ['billable', 'billable'],
    ['notes', row.text('description')],
  ]));
}

/** Maps e-automate records (by record kind) onto canonical rows. */
export function mapEautomate(records: ReadonlyMap<string, readonly SourceRow[]>, context: MapContext): void {
  const deposits = new Map<string, DepositInfo>();
  for (const row of records.get('contract') ?? []) mapContract(row, context, deposits);
  const occurrences = new Map<string, number>();
  for (const row of records.get('labor') ?? []) mapLabor(row, context, deposits, occurrences);
}
