// Autotask contracts and their purchases onto the canonical tables
// (psa-exports.md §2): each block, retainer or ticket purchase is a lot (an
// addition with its start date and, as expiry, its end date); block-hour
// multipliers are role factors; contract rates are role rates. A contract's
// customer is its company's name when the Companies entity was imported too.
import type { Centi, ExactDecimal, Unit } from '../model';
import type { SourceRow } from './record-reader';
import { mapValue } from './record-reader';
import { centiCell, plural, type MapContext } from './map-context';
import { addExact, exactToText, multiplyExact } from './decimal-text';

interface PurchaseKind {
  readonly record: string;
  readonly unit: Unit;
  readonly label: string;
  readonly quantity: string;
  readonly used: string;
  /** Price of the purchase: quantity × this rate field, or the quantity itself (retainers are money). */
  readonly rate: string | null;
}

const PURCHASES: readonly PurchaseKind[] = [
  { record: 'block', unit: 'hours', label: 'block', quantity: 'hours', used: 'hoursApproved', rate: 'hourlyRate' },
  { record: 'retainer', unit: 'amount', label: 'retainer', quantity: 'amount', used: 'amountApproved', rate: null },
  { record: 'ticketPurchase', unit: 'incidents', label: 'ticket purchase', quantity: 'ticketsPurchased', used: 'ticketsUsed', rate: 'perTicketRate' },
];

interface Lot {
  readonly kind: PurchaseKind;
  readonly row: SourceRow;
  readonly start: string;
  readonly end: string | null;
  readonly quantity: Centi;
}

/** `role=value;…` in role order, for role_rates and role_factors (SPEC §2). */
function roleList(rows: readonly SourceRow[], field: string): string {
  return rows
    .map((row) => [row.text('role'), row.decimal(field)] as const)
    .filter((pair): pair is readonly [string, ExactDecimal] => pair[1] !== null)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([role, value]) => `${role}=${exactToText(value)}`)
    .join(';');
}

function groupBy(rows: readonly SourceRow[], field: string): Map<string, SourceRow[]> {
  const groups = new Map<string, SourceRow[]>();
  for (const row of rows) {
    const key = row.text(field);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

function readLots(contractId: string, kind: PurchaseKind, rows: readonly SourceRow[], context: MapContext): Lot[] {
  return rows.flatMap((row): Lot[] => {
    const status = row.text('status');
    if (status !== '' && mapValue(context.profile, 'status', status) === 'inactive') {
      context.note(contractId, row, 'inactive-purchase', (count) => `${plural(count, `inactive ${kind.label}`, `inactive ${kind.label}s`)} on contract ${contractId} ${count === 1 ? 'was' : 'were'} left out: Autotask does not draw on inactive purchases`);
      return [];
    }
    const quantity = context.centi(row, kind.quantity, `the ${kind.label} quantity`);
    if (quantity === null || quantity === undefined) return [];
    return [{ kind, row, start: row.date('startDate') ?? '', end: row.date('endDate'), quantity }];
  });
}

function priceOf(lot: Lot, context: MapContext): Centi | null | undefined {
  if (lot.kind.rate === null) return lot.quantity;
  const rate = lot.row.decimal(lot.kind.rate);
  const quantity = lot.row.decimal(lot.kind.quantity);
  if (rate === null || quantity === null) return undefined;
  const price = multiplyExact(quantity, rate);
  return price === null ? null : context.centiOf(lot.row, lot.kind.rate, price, `the ${lot.kind.label} price (quantity × rate)`);
}

/** The balance Autotask shows: purchased − approved and posted, over purchases live on as-of (PurchasesManage "Remaining"). */
function reportedBalance(lots: readonly Lot[], context: MapContext): Centi | null {
  const asOf = context.asOf;
  if (asOf === null || lots.length === 0 || lots.some((lot) => !lot.row.has(lot.kind.used))) return null;
  let remaining: ExactDecimal | null = { units: 0, scale: 0 };
  for (const lot of lots) {
    if (lot.start > asOf || (lot.end !== null && lot.end < asOf)) continue;
    const used = lot.row.decimal(lot.kind.used) ?? { units: 0, scale: 0 };
    const left = addExact({ units: lot.quantity, scale: 2 }, { units: -used.units, scale: used.scale });
    remaining = remaining && left ? addExact(remaining, left) : null;
  }
  return remaining === null ? null : context.centiOf(lots[0]!.row, null, remaining, 'the reported remaining balance');
}

interface ContractSources {
  readonly purchases: ReadonlyMap<string, readonly SourceRow[]>;
  readonly factors: readonly SourceRow[];
  readonly rates: readonly SourceRow[];
  /** Company names by company id, from the Companies entity (empty when it was not imported). */
  readonly companyNames: ReadonlyMap<string, string>;
}

/** The column a REST contract names its customer by when the Companies entity is needed for the name. */
const COMPANY_ID_COLUMN = 'companyID';

function mapContract(row: SourceRow, { purchases, factors, rates, companyNames }: ContractSources, context: MapContext): void {
  const id = row.text('id');
  const lots = PURCHASES.flatMap((kind) => readLots(id, kind, purchases.get(kind.record) ?? [], context));
  const units = new Set(lots.map((lot) => lot.kind.unit));
  if (units.size === 0) {
    context.note(id, row, 'no-purchases', () => `contract ${id} has no active blocks, retainers or ticket purchases among the imported files, so it has no prepaid balance and was not imported`);
    return;
  }
  if (units.size > 1) {
    context.rowIssue(row, 'id', 'mixed-purchases', `contract ${id} has purchases in more than one unit (${[...units].join(', ')}); import it as separate contracts`);
    return;
  }
  const unit = lots[0]!.kind.unit;
  const contractEnd = row.date('endDate');
  let end = contractEnd;
  // Autotask extends a contract when a purchase runs past its end (psa-exports.md §2.2).
  const lastLotEnd = lots.reduce<string | null>((latest, lot) => (lot.end !== null && (latest === null || lot.end > latest) ? lot.end : latest), null);
  if (end !== null && lastLotEnd !== null && lastLotEnd > end) {
    context.note(id, row, 'end-extended', () => `contract ${id} ends ${contractEnd} but a purchase runs to ${lastLotEnd}; as in Autotask, the contract was extended to ${lastLotEnd}`);
    end = lastLotEnd;
  }
  const ordered = [...lots].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const outOfOrder = ordered.some((lot, index) => ordered.slice(index + 1).some((later) => later.start <= (lot.end ?? '9999-12-31') && later.end !== null && (lot.end === null || later.end < lot.end)));
  if (outOfOrder) {
    context.note(id, row, 'lot-order', () => `contract ${id} has overlapping purchases where a later one ends first; Autotask draws on the earliest-starting purchase, Blockledger on the one that expires first (SPEC §3), so their balances can differ in between`);
  }
  if (unit === 'amount' && rates.length === 0) {
    context.note(id, row, 'no-rates', () => `retainer contract ${id} has no contract rates among the imported files, so its time cannot be valued in money; import ContractRates`);
  }
  const reported = reportedBalance(lots, context);
  const company = row.text('company');
  const customer = companyNames.get(company);
  if (customer === undefined && row.column('company') === COMPANY_ID_COLUMN) {
    // One note for the whole import (contract id ''): every contract of a REST export is in the same case.
    context.note('', row, 'customer-is-company-id', (count) => `${count === 1 ? `contract ${id} names its customer` : `${count} contracts name their customers`} only by Autotask company id (${company}${count === 1 ? '' : ', …'}), so ${count === 1 ? 'that id is' : 'those ids are'} the customer's name here; import the Companies export together with the contracts to show the names`);
  }
  context.out.add('contracts', row.file, row.line, new Map([
    ['id', id],
    ['customer', customer ?? company],
    ['name', row.text('contractName') || id],
    ['unit', unit],
    ['start', row.date('startDate') ?? ''],
    ['end', end ?? ''],
    ['period', 'once'],
    ['overage', 'bill'],
    ['role_rates', unit === 'amount' ? roleList(rates, 'contractHourlyRate') : ''],
    ['role_factors', unit === 'hours' ? roleList(factors, 'blockHourMultiplier') : ''],
    ['reported_balance', centiCell(reported)],
    ['reported_as_of', reported === null ? '' : (context.asOf ?? '')],
  ]));
  for (const lot of lots) {
    const price = priceOf(lot, context);
    if (price === null) continue;
    const reference = lot.row.text('invoiceNumber') || `${lot.kind.label} ${lot.row.text('id')}`.trim();
    context.out.add('additions', lot.row.file, lot.row.line, new Map([
      ['contract_id', id],
      ['date', lot.start],
      ['quantity', centiCell(lot.quantity)],
      ['price', centiCell(price)],
      ['reference', reference],
      ['expires', lot.end ?? ''],
    ]));
  }
}

function mapTimeEntry(row: SourceRow, context: MapContext, tracksApproval: boolean): void {
  const contractId = row.text('contractID');
  const nonBillable = row.flag('isNonBillable') === true;
  if (tracksApproval && !row.has('billingApprovalDateTime')) {
    // psa-exports.md §2.2: Autotask debits a block only when labor is approved and posted.
    context.note(contractId, row, 'not-posted', (count) => `${plural(count, 'time entry', 'time entries')} on contract ${contractId || '(none)'} ${count === 1 ? 'is' : 'are'} not yet approved and posted; Autotask has not deducted ${count === 1 ? 'it' : 'them'}, Blockledger counts ${count === 1 ? 'it' : 'them'}`);
  }
  context.out.add('entries', row.file, row.line, new Map([
    ['id', row.text('id')],
    ['date', row.date('dateWorked') ?? ''],
    ['contract_id', contractId],
    ['ticket', row.text('ticket')],
    ['member', row.text('resource')],
    ['work_role', row.text('role')],
    ['work_type', row.text('billingCode')],
    ['hours', centiCell(row.hours('hours'))],
    ['billable', nonBillable ? (row.flag('showOnInvoice') === true ? 'no_charge' : 'do_not_bill') : 'billable'],
    ['notes', row.text('summaryNotes')],
  ]));
}

/** Maps Autotask records (by record kind) onto canonical rows. */
export function mapAutotask(records: ReadonlyMap<string, readonly SourceRow[]>, context: MapContext): void {
  const byContract = new Map<string, Map<string, SourceRow[]>>();
  for (const kind of [...PURCHASES.map((purchase) => purchase.record), 'blockHourFactor', 'rate']) {
    for (const [contractId, rows] of groupBy(records.get(kind) ?? [], 'contractID')) {
      let kinds = byContract.get(contractId);
      if (!kinds) byContract.set(contractId, (kinds = new Map()));
      kinds.set(kind, rows);
    }
  }
  const companies = records.get('company') ?? [];
  const companyNames = new Map(companies.map((row) => [row.text('id'), row.text('companyName')]));
  const firstCompany = companies[0];
  if (firstCompany !== undefined && (records.get('contract') ?? []).length === 0) {
    // Names reach only the contracts mapped with them; stored contracts keep theirs until their export is imported again.
    context.note('', firstCompany, 'companies-without-contracts', () => `the Companies export only names the customers of Autotask contracts imported together with it, and no Contracts export is among these files, so nothing was taken from it; import it again together with the Contracts export (changed names then show as conflicts to accept)`);
  }
  for (const row of records.get('contract') ?? []) {
    const kinds = byContract.get(row.text('id')) ?? new Map<string, SourceRow[]>();
    mapContract(row, { purchases: kinds, factors: kinds.get('blockHourFactor') ?? [], rates: kinds.get('rate') ?? [], companyNames }, context);
  }
  // Saved JSON leaves null keys out: when some entries carry an approval date, the ones without are unapproved.
  const entries = records.get('timeEntry') ?? [];
  const tracksApproval = entries.some((row) => row.has('billingApprovalDateTime'));
  for (const row of entries) mapTimeEntry(row, context, tracksApproval);
}
