// What a clerk bills and what prepaid units are worth: overage and settlements
// priced at the contract's rate, grants and purchases at their price, and the
// deferred-revenue view of each contract's lots (billed, consumed, expired,
// deferred). Money is integer cents; each line is rounded once, totals are
// sums of lines (ARCHITECTURE "Numbers").
import type { Centi, Contract, Entry, ExactDecimal, IsoDate } from '../../core/model';
import type { ContractResult, LedgerEvent, Lot } from '../../core/result';
import { hourlyRate } from '../../core/coverage';
import { powerOfTen, roundBigRatio, roundRatio } from '../../core/numbers';
import { type WorkbookContext, entryOf, termsOf } from './workbook-context';

export type BillingKind = 'overage' | 'settlement' | 'allowance' | 'rebill' | 'addition';

export interface BillingItem {
  readonly contract: Contract;
  readonly date: IsoDate;
  readonly kind: BillingKind;
  readonly entry: Entry | null;
  readonly reference: string;
  /** Hundredths of the contract's unit. */
  readonly units: Centi;
  /** Currency per unit; null when no rate is known. */
  readonly rate: ExactDecimal | null;
  /** Cents; null when neither a rate nor a price is known. */
  readonly amount: Centi | null;
}

const ONE: ExactDecimal = { units: 1, scale: 0 };

/** Currency per unit of overage: the entry's role rate or the contract rate for hours, 1 for currency, none for incidents. */
export function overageRate(contract: Contract, entry: Entry | null): ExactDecimal | null {
  if (contract.unit === 'amount') return ONE;
  if (contract.unit === 'incidents') return null;
  return entry === null ? contract.rate : hourlyRate(contract, entry);
}

// round(a × b ÷ d) half away from zero, exact even when a × b passes 2^53.
function roundProduct(a: number, b: number, d: number): number {
  const product = a * b;
  return Number.isSafeInteger(product) ? roundRatio(product, d) : roundBigRatio(BigInt(a) * BigInt(b), BigInt(d));
}

/** units × rate in cents, rounded once half away from zero. */
export function priceUnits(units: Centi, rate: ExactDecimal | null): Centi | null {
  return rate === null ? null : roundProduct(units, rate.units, powerOfTen(rate.scale));
}

/** Cents billed for a lot: its price, or its size on a currency contract without one; null when unknown. */
export function lotBilled(contract: Contract, lot: Lot): Centi | null {
  return lot.price ?? (contract.unit === 'amount' ? lot.size : null);
}

function overageItem(context: WorkbookContext, contract: Contract, event: LedgerEvent): BillingItem | null {
  if (event.kind === 'settlement') {
    const rate = overageRate(contract, null);
    return { contract, date: event.date, kind: 'settlement', entry: null, reference: '', units: event.units, rate, amount: priceUnits(event.units, rate) };
  }
  if (event.kind !== 'entry' || event.overage === 0 || event.entryId === null) return null;
  const entry = entryOf(context, event.entryId);
  const rate = overageRate(contract, entry);
  return { contract, date: event.date, kind: 'overage', entry, reference: entry.ticket, units: event.overage, rate, amount: priceUnits(event.overage, rate) };
}

function grantItem(contract: Contract, result: ContractResult, event: LedgerEvent): BillingItem | null {
  if (event.lot === null || (event.kind !== 'grant' && event.kind !== 'rebill' && event.kind !== 'addition')) return null;
  const lot = result.lots[event.lot];
  if (lot === undefined) return null;
  const kind: BillingKind = event.kind === 'grant' ? 'allowance' : event.kind;
  return { contract, date: event.date, kind, entry: null, reference: lot.reference ?? '', units: lot.size, rate: null, amount: lotBilled(contract, lot) };
}

/** Every overage and settlement of a contract, in ledger order. */
export function overageItems(context: WorkbookContext, result: ContractResult): BillingItem[] {
  const contract = termsOf(context, result);
  const items: BillingItem[] = [];
  for (const event of result.ledger) {
    const item = overageItem(context, contract, event);
    if (item !== null) items.push(item);
  }
  return items;
}

/** What to invoice for events dated from..to: overage, settlements, grants, re-bills and purchases. */
export function invoiceItems(context: WorkbookContext, result: ContractResult, from: IsoDate, to: IsoDate): BillingItem[] {
  const contract = termsOf(context, result);
  const items: BillingItem[] = [];
  for (const event of result.ledger) {
    if (event.date < from || event.date > to) continue;
    const item = overageItem(context, contract, event) ?? grantItem(contract, result, event);
    if (item !== null) items.push(item);
  }
  return items;
}

/** Prepaid revenue view of a contract (cents): billed = consumed + expired + deferred. */
export interface ContractValue {
  readonly billed: Centi;
  readonly consumed: Centi;
  readonly expired: Centi;
  readonly deferred: Centi;
}

/** The value columns, or null when some lot has no known price. */
export function contractValue(contract: Contract, result: ContractResult): ContractValue | null {
  const billedByLot: number[] = [];
  for (const lot of result.lots) {
    const billed = lotBilled(contract, lot);
    if (billed === null) return null;
    billedByLot[lot.index] = billed;
  }
  // Units taken from a lot are worth its price × units ÷ size, rounded per line.
  const worth = (lotIndex: number | null, units: Centi): Centi => {
    const lot = lotIndex === null ? undefined : result.lots[lotIndex];
    return lot === undefined || lot.size === 0 ? 0 : roundProduct(units, billedByLot[lot.index] ?? 0, lot.size);
  };
  let consumed = 0;
  let expired = 0;
  for (const event of result.ledger) {
    if (event.kind === 'entry') for (const draw of event.draws) consumed += worth(draw.lot, draw.units);
    else if (event.kind === 'expiry') expired += worth(event.lot, event.units);
    else if (event.debtPaid > 0) consumed += worth(event.lot, event.debtPaid);
  }
  const billed = billedByLot.reduce((sum, value) => sum + value, 0);
  return { billed, consumed, expired, deferred: billed - consumed - expired };
}
