// ConnectWise agreements, additions, adjustments, time entries and recaps onto
// the canonical tables (psa-exports.md §1, §7). Where ConnectWise's rule has no
// exact SPEC equivalent the contract gets a warning that says what was done.
import type { Centi, Unit } from '../model';
import type { SourceRow } from './record-reader';
import { mapValue } from './record-reader';
import { centiCell, flagCell, plural, type MapContext } from './map-context';
import { multiplyExact } from './decimal-text';
import { parseExactDecimal } from '../numbers';
import { parseSourceDateTime } from './source-date';

interface AgreementInfo {
  readonly unit: Unit;
  readonly recurring: boolean;
}

const UNITS = new Set<string>(['hours', 'amount', 'incidents']);

function periodOf(row: SourceRow, context: MapContext, id: string): { period: string; anchor: string } | null {
  if (row.flag('oneTimeFlag') === true) return { period: 'once', anchor: '' };
  const rawCycle = row.text('applicationCycle');
  let cycle = rawCycle === '' ? null : mapValue(context.profile, 'applicationCycle', rawCycle);
  if (rawCycle === '') {
    const billing = row.text('billingCycle');
    cycle = billing === '' ? null : mapValue(context.profile, 'billingCycle', billing);
    if (cycle === null) {
      context.note(id, row, 'cycle-assumed-once', () => `agreement ${id} has no application cycle, no one-time flag and no known billing cycle; it was imported as a one-time block`);
      return { period: 'once', anchor: '' };
    }
    // psa-exports.md §1.2: a null applicationCycle probably means "per billing cycle" [INFERRED].
    context.note(id, row, 'cycle-from-billing', () => `agreement ${id} has no application cycle; its billing cycle "${billing}" was used as the allowance period (check it against ConnectWise)`);
  }
  switch (cycle) {
    case 'month':
    case 'quarter':
    case 'year':
    case 'once':
      return { period: cycle, anchor: cycle === 'once' || cycle === 'month' ? '' : 'calendar' };
    case 'contract-quarter':
      return { period: 'quarter', anchor: 'contract' };
    case 'contract-year':
      return { period: 'year', anchor: 'contract' };
    case 'week':
      context.rowIssue(row, 'applicationCycle', 'unsupported-cycle', `agreement ${id} grants its limit per week ("${rawCycle}"); Blockledger reconciles monthly, quarterly or yearly allowances, so this agreement is not imported`);
      return null;
    default:
      context.rowIssue(row, 'applicationCycle', 'unknown-value', `"${rawCycle}" is not a ConnectWise application cycle this profile knows; add it to the profile's value map`);
      return null;
  }
}

function mapAgreement(row: SourceRow, context: MapContext, reported: ReadonlyMap<string, Centi>, agreements: Map<string, AgreementInfo>): void {
  const id = row.text('id');
  const rawUnit = row.text('applicationUnits');
  const unit = rawUnit === '' ? 'hours' : mapValue(context.profile, 'applicationUnits', rawUnit);
  if (unit === null || !UNITS.has(unit)) {
    context.rowIssue(row, 'applicationUnits', 'unknown-value', `"${rawUnit}" is not Hours, Amount or Incidents; agreement ${id} is not imported`);
    return;
  }
  if (rawUnit === '') context.note(id, row, 'unit-assumed', () => `agreement ${id} has no application units; hours were assumed`);
  const period = periodOf(row, context, id);
  if (period === null) return;
  let end = row.flag('noEndingDateFlag') === true ? '' : (row.date('endDate') ?? '');
  const cancelled = row.date('dateCancelled');
  if (cancelled !== null && (end === '' || cancelled < end)) {
    end = cancelled;
    context.note(id, row, 'cancelled', () => `agreement ${id} was cancelled on ${cancelled}; it is reconciled as ending that day`);
  }
  const allowance = context.centi(row, 'applicationLimit', 'the application limit');
  if (allowance === null) return;
  if (row.flag('applicationUnlimitedFlag') === true) {
    context.note(id, row, 'unlimited', () => `agreement ${id} is unlimited in ConnectWise; it has no block to reconcile, so it was imported without an allowance`);
  } else if (allowance === undefined) {
    context.note(id, row, 'no-limit', () => `agreement ${id} has no application limit, so in ConnectWise nothing applies to it; it was imported without an allowance`);
  }
  const carryover = row.flag('carryOverUnused') === true;
  let carryoverDays = '';
  const expiredDays = row.decimal('expiredDays');
  if (carryover && expiredDays !== null) {
    if (expiredDays.scale !== 0 || expiredDays.units < 0) {
      context.rowIssue(row, 'expiredDays', 'invalid-days', `expiredDays must be a whole number of days`);
      return;
    }
    if (expiredDays.units === 0) context.note(id, row, 'carryover-no-expiry', () => `agreement ${id} carries unused units over with expiredDays 0; they were treated as usable until the agreement ends`);
    else carryoverDays = String(expiredDays.units);
  }
  let overage = 'bill';
  let overrunLimit: Centi | null | undefined;
  if (row.flag('allowOverruns') === true) {
    overage = 'carry';
    overrunLimit = context.centi(row, 'limit', 'the overrun limit');
    if (overrunLimit === null) return;
    if (overrunLimit === 0) overrunLimit = undefined;
    // psa-exports.md §1.9: no API flag says where an overrun goes; CEO Juice says it is applied to the next block.
    context.note(id, row, 'overrun-carried', () => `agreement ${id} allows overruns; the overrun is carried into the next grant or addition ("carry")${overrunLimit === undefined ? ' without a limit' : ''}. ConnectWise exports no setting for where overruns go; check it`);
  }
  if (row.flag('expireWhenZero') === true) context.note(id, row, 'expire-when-zero', () => `agreement ${id} expires in ConnectWise when its balance reaches zero; Blockledger keeps it open until its end date`);
  if (row.text('parentAgreement') !== '') context.note(id, row, 'child-agreement', () => `agreement ${id} is a child of agreement ${row.text('parentAgreement')}; ConnectWise rolls it up into the parent, Blockledger reconciles it on its own`);
  const price = context.centi(row, 'billAmount', 'the billing amount');
  if (price === null) return;
  const reportedBalance = reported.get(id);
  context.out.add('contracts', row.file, row.line, new Map([
    ['id', id],
    ['customer', row.text('company')],
    ['name', row.text('name') || id],
    ['unit', unit],
    ['start', row.date('startDate') ?? ''],
    ['end', end],
    ['allowance', centiCell(allowance)],
    ['period', period.period],
    ['anchor', period.anchor],
    ['carryover', flagCell(period.period === 'once' ? null : carryover)],
    ['carryover_days', period.period === 'once' ? '' : carryoverDays],
    ['overage', overage],
    ['overrun_limit', centiCell(overrunLimit)],
    ['price', centiCell(price)],
    ['reported_balance', centiCell(reportedBalance)],
    ['reported_as_of', reportedBalance === undefined || context.asOf === null ? '' : context.asOf],
  ]));
  agreements.set(id, { unit: unit as Unit, recurring: period.period !== 'once' });
}

function mapAddition(row: SourceRow, context: MapContext, agreements: ReadonlyMap<string, AgreementInfo>): void {
  const agreementId = row.text('agreementId');
  const product = row.text('product');
  const mapping = context.profile.unitProducts.find((candidate) => candidate.product.trim().toLowerCase() === product.toLowerCase());
  if (!mapping) {
    // Which additions add units is the clerk's call (psa-exports.md §1.4).
    context.note(`${agreementId}\u0000${product}`, row, 'addition-not-units', (count) => `${plural(count, 'addition', 'additions')} of product "${product}" on agreement ${agreementId} ${count === 1 ? 'was' : 'were'} not counted as units: the profile does not say that this product adds units (map it under "unit products")`);
    return;
  }
  const quantity = row.decimal('quantity');
  const factor = parseExactDecimal(mapping.unitsPerQuantity);
  const units = quantity && factor ? multiplyExact(quantity, factor) : null;
  const date = row.date('effectiveDate');
  if (units === null || date === null) {
    context.rowIssue(row, units === null ? 'quantity' : 'effectiveDate', 'missing-value', `the addition of "${product}" needs a quantity and an effective date to count as units`);
    return;
  }
  const centi = context.centiOf(row, 'quantity', units, `the units this addition adds (quantity × ${mapping.unitsPerQuantity}) come to`);
  const price = context.centi(row, 'extPrice', 'the extended price');
  if (centi === null || price === null) return;
  if (centi <= 0) {
    context.note(agreementId, row, 'addition-not-positive', (count) => `${plural(count, 'addition', 'additions')} on agreement ${agreementId} with no positive quantity ${count === 1 ? 'was' : 'were'} left out`);
    return;
  }
  if (agreements.get(agreementId)?.recurring) {
    context.note(agreementId, row, 'addition-once', (count) => `agreement ${agreementId} recurs, and ConnectWise bills its additions every cycle; ${plural(count, 'addition', 'additions')} of units ${count === 1 ? 'was' : 'were'} counted once, on the effective date`);
  }
  const reference = [product, row.text('id') && `addition ${row.text('id')}`].filter(Boolean).join(', ');
  context.out.add('additions', row.file, row.line, new Map([
    ['contract_id', agreementId],
    ['date', date],
    ['quantity', centiCell(centi)],
    ['price', centiCell(price)],
    ['reference', reference],
  ]));
}

function mapAdjustment(row: SourceRow, context: MapContext, agreements: ReadonlyMap<string, AgreementInfo>): void {
  const agreementId = row.text('agreementId');
  const amount = context.centi(row, 'amount', 'the adjustment');
  const date = row.date('effectiveDate') ?? '';
  if (amount === null || amount === undefined || amount === 0) return;
  const reference = row.text('description') || `adjustment ${row.text('id')}`;
  const agreement = agreements.get(agreementId);
  if (agreement?.recurring) {
    context.note(agreementId, row, 'adjustment-lasts', (count) => `agreement ${agreementId} recurs; ${plural(count, 'adjustment', 'adjustments')} ${count === 1 ? 'was' : 'were'} imported as units usable until the agreement ends (ConnectWise may count them in one application period only)`);
  }
  if (amount > 0) {
    context.out.add('additions', row.file, row.line, new Map([['contract_id', agreementId], ['date', date], ['quantity', centiCell(amount)], ['reference', reference]]));
    return;
  }
  if (agreement && agreement.unit !== 'hours') {
    context.note(agreementId, row, 'negative-adjustment-skipped', (count) => `${plural(count, 'negative adjustment', 'negative adjustments')} on ${agreement.unit} agreement ${agreementId} could not be imported: Blockledger has no way to take ${agreement.unit} off such a contract; enter it as a correction`, 'error');
    return;
  }
  // A negative adjustment takes hours off the balance: the nearest SPEC record is a billable entry of that many hours.
  context.note(agreementId, row, 'negative-adjustment-entry', (count) => `${plural(count, 'negative adjustment', 'negative adjustments')} on agreement ${agreementId} ${count === 1 ? 'was' : 'were'} imported as usage entries, so they reduce the balance (and can become overage) like time`);
  context.out.add('entries', row.file, row.line, new Map([
    ['id', `adjustment-${row.text('id') || row.line}`],
    ['date', date],
    ['contract_id', agreementId],
    ['hours', centiCell(-amount)],
    ['billable', 'billable'],
    ['notes', reference],
  ]));
}

function mapTimeEntry(row: SourceRow, context: MapContext): void {
  const option = row.text('billableOption');
  const billable = option === '' ? 'billable' : mapValue(context.profile, 'billableOption', option);
  const contractId = row.text('agreementId');
  if (billable === null) {
    context.rowIssue(row, 'billableOption', 'unknown-value', `"${option}" is not Billable, DoNotBill, NoCharge or NoDefault; add it to the profile's value map`);
    return;
  }
  if (option.toLowerCase() === 'nodefault') {
    context.note(contractId, row, 'billable-nodefault', (count) => `${plural(count, 'time entry', 'time entries')} on agreement ${contractId || '(none)'} ${count === 1 ? 'has' : 'have'} billableOption NoDefault and ${count === 1 ? 'was' : 'were'} counted as ${billable}`);
  }
  // ConnectWise applies time in the order it was entered (psa-exports.md §0.1); the engine can replay that.
  const entered = parseSourceDateTime(row.text('dateEntered'), context.profile.utcOffsetMinutes);
  if (entered !== null) context.entered.set(row.text('id'), entered);
  context.out.add('entries', row.file, row.line, new Map([
    ['id', row.text('id')],
    ['date', row.date('timeStart') ?? ''],
    ['contract_id', contractId],
    ['customer', row.text('company')],
    ['ticket', row.text('ticket')],
    ['member', row.text('member')],
    ['work_role', row.text('workRole')],
    ['work_type', row.text('workType')],
    ['hours', centiCell(row.hours('hours'))],
    ['billable', billable],
    ['notes', row.text('notes')],
  ]));
}

/** Maps ConnectWise records (by record kind) onto canonical rows. */
export function mapConnectWise(records: ReadonlyMap<string, readonly SourceRow[]>, context: MapContext): void {
  const reported = new Map<string, Centi>();
  for (const row of records.get('recap') ?? []) {
    const remaining = context.centi(row, 'remainingAmount', 'the remaining amount');
    if (remaining !== null && remaining !== undefined) reported.set(row.text('id'), remaining);
  }
  const agreements = new Map<string, AgreementInfo>();
  for (const row of records.get('agreement') ?? []) mapAgreement(row, context, reported, agreements);
  for (const row of records.get('recap') ?? []) {
    if (!agreements.has(row.text('id'))) context.rowIssue(row, 'id', 'recap-without-agreement', `the recap of agreement ${row.text('id')} has no agreement among the imported files; its remaining amount was not used`, 'warning');
  }
  for (const row of records.get('addition') ?? []) mapAddition(row, context, agreements);
  for (const row of records.get('adjustment') ?? []) mapAdjustment(row, context, agreements);
  for (const row of records.get('timeEntry') ?? []) mapTimeEntry(row, context);
}
