// The clerk's month-end pack (issue 4): every contract with its status and
// prepaid value, what to invoice this month, alerts, exceptions, variance
// against the source system, and the full History detail. The History sheet
// can hold a million rows, so it is generated row by row for a streaming target.
import type { ContractResult, Lot } from '../../core/result';
import { dayOf, isoOf } from '../../core/dates';
import { formatCenti, formatTenths } from '../../core/numbers';
import { isException } from '../../core/entry-groups';
import { type Cell, centi, centiFormula, date, decimal, optionalCenti, percentTenths, text, unitFormat } from './cells';
import { type BillingKind, contractValue, invoiceItems } from './billing';
import { statusWords, unitWord } from './contract-words';
import { AppFormula, cellRef } from './formulas';
import { type HistoryLine, contractHistory, historySheets, monthStart } from './history-sheet';
import { type ColumnLayout, type DocumentInfo, type SheetContent, type SheetLayout, type WorkbookTarget, firstDataRowOf } from './sheet-layout';
import { type WorkbookContext, entryOf, termsOf } from './workbook-context';

export const CONTRACTS_SHEET = 'Contracts';
export const INVOICE_SHEET = 'To invoice';
export const ALERTS_SHEET = 'Alerts';
export const EXCEPTIONS_SHEET = 'Exceptions';
export const VARIANCE_SHEET = 'Variance';

const EXPIRING_WINDOW_DAYS = 30;

function column(header: string, width: number, format: ColumnLayout['format'] = null): ColumnLayout {
  return { header, width, format };
}

function packTitle(context: WorkbookContext, heading: string): (readonly Cell[])[] {
  return [[text(`${heading}: month-end pack`)], [text('As of'), date(context.result.asOf)]];
}

/** SUM over a column's data rows, cached with the exact total. */
function columnTotal(columnNumber: number, first: number, count: number, value: number): Cell {
  if (count === 0) return centi(value, 'currency');
  return centiFormula(AppFormula.of(`SUM(${cellRef(columnNumber, first)}:${cellRef(columnNumber, first + count - 1)})`), value, 'currency');
}

function contractsSheet(context: WorkbookContext): SheetContent {
  const layout: SheetLayout = {
    name: CONTRACTS_SHEET,
    title: packTitle(context, 'Contracts'),
    columns: [
      column('Customer', 28), column('Contract', 16), column('Name', 24), column('Unit', 10), column('Start', 11, 'date'), column('End', 11, 'date'),
      column('Overage policy', 14), column('Balance', 12, 'units'), column('Used %', 8, 'percent'), column('Status', 30),
      column('Billed', 13, 'currency'), column('Consumed value', 13, 'currency'), column('Expired value', 13, 'currency'), column('Deferred (unearned)', 13, 'currency'),
    ],
    highlights: [{ column: 8, when: 'negative' }],
  };
  const totals = { billed: 0, consumed: 0, expired: 0, deferred: 0 };
  const rows = context.result.contracts.map((result): Cell[] => {
    const contract = termsOf(context, result);
    const value = contractValue(contract, result);
    if (value !== null) {
      totals.billed += value.billed;
      totals.consumed += value.consumed;
      totals.expired += value.expired;
      totals.deferred += value.deferred;
    }
    return [
      text(result.customer), text(result.id), text(contract.name), text(unitWord(result.unit)), date(contract.start), date(contract.end),
      text(contract.overage), centi(result.balance, unitFormat(result.unit)), percentTenths(result.usedPctTenths), text(statusWords(result.status)),
      optionalCenti(value?.billed ?? null, 'currency'), optionalCenti(value?.consumed ?? null, 'currency'),
      optionalCenti(value?.expired ?? null, 'currency'), optionalCenti(value?.deferred ?? null, 'currency'),
    ];
  });
  const first = firstDataRowOf(layout);
  const n = rows.length;
  return {
    layout,
    rows,
    totals: [[
      text('Total (contracts with a known price)'), null, null, null, null, null, null, null, null, null,
      columnTotal(11, first, n, totals.billed), columnTotal(12, first, n, totals.consumed), columnTotal(13, first, n, totals.expired), columnTotal(14, first, n, totals.deferred),
    ]],
  };
}

const ITEM_WORDS: Readonly<Record<BillingKind, string>> = {
  overage: 'Overage', settlement: 'Settlement', allowance: 'Allowance grant', rebill: 'Re-bill grant', addition: 'Purchase',
};

function invoiceSheet(context: WorkbookContext): SheetContent {
  const layout: SheetLayout = {
    name: INVOICE_SHEET,
    title: packTitle(context, 'To invoice'),
    columns: [
      column('Customer', 28), column('Contract', 16), column('Date', 11, 'date'), column('Item', 15), column('Entry', 12), column('Reference / ticket', 18),
      column('Units', 12, 'units'), column('Rate', 10, 'decimal'), column('Amount', 14, 'currency'),
    ],
    highlights: [],
  };
  const from = monthStart(context.result.asOf);
  const items = context.result.contracts.flatMap((result) => invoiceItems(context, result, from, context.result.asOf));
  const rows = items.map((item): Cell[] => [
    text(item.contract.customer), text(item.contract.id), date(item.date), text(ITEM_WORDS[item.kind]), text(item.entry?.id ?? ''), text(item.reference),
    centi(item.units, unitFormat(item.contract.unit)), decimal(item.rate), optionalCenti(item.amount, 'currency'),
  ]);
  const sum = items.reduce((total, item) => total + (item.amount ?? 0), 0);
  return { layout, rows, totals: [[text(`Total for ${from.slice(0, 7)}`), null, null, null, null, null, null, null, columnTotal(9, firstDataRowOf(layout), rows.length, sum)]] };
}

// SPEC §7 "expiring": a lot with units left that expires on as-of or within 30
// days, other than a recurring allowance lot without carryover. A lot that
// expires on as-of itself has already expired at the end of that day, so its
// units are read from that expiry event.
function expiringLots(context: WorkbookContext, result: ContractResult): { lot: Lot; units: number }[] {
  const contract = termsOf(context, result);
  const asOf = context.result.asOf;
  const until = isoOf(dayOf(asOf) + EXPIRING_WINDOW_DAYS);
  const routine = contract.period !== 'once' && !contract.carryover;
  const lots: { lot: Lot; units: number }[] = [];
  for (const lot of result.lots) {
    if (lot.expires === null || lot.expires < asOf || lot.expires > until || (routine && lot.kind === 'allowance')) continue;
    const expiredToday = result.ledger.find((event) => event.kind === 'expiry' && event.lot === lot.index && event.date === asOf);
    const units = lot.left > 0 ? lot.left : (expiredToday?.units ?? 0);
    if (units > 0) lots.push({ lot, units });
  }
  return lots;
}

function alertsSheet(context: WorkbookContext): SheetContent {
  const layout: SheetLayout = {
    name: ALERTS_SHEET,
    title: packTitle(context, 'Alerts'),
    columns: [column('Customer', 28), column('Contract', 16), column('Alert', 16), column('Date', 11, 'date'), column('Units', 12, 'units'), column('Detail', 60)],
    highlights: [],
  };
  const rows: Cell[][] = [];
  const asOf = context.result.asOf;
  for (const result of context.result.contracts) {
    const contract = termsOf(context, result);
    const format = unitFormat(result.unit);
    const add = (alert: string, day: string | null, units: number | null, detail: string) =>
      rows.push([text(result.customer), text(result.id), text(alert), date(day), optionalCenti(units, format), text(detail)]);
    const status = new Set(result.status);
    const balance = formatCenti(result.balance);
    if (status.has('warning')) add('Warning', asOf, result.balance, `used ${formatTenths(result.usedPctTenths ?? 0)}% of the block`);
    if (status.has('low')) add('Low balance', asOf, result.balance, `balance ${balance} is at or under ${formatCenti(contract.lowBalance ?? 0)}`);
    if (status.has('exhausted')) add('Used up', asOf, result.balance, `balance ${balance}`);
    if (status.has('overrun')) add('Overrun', asOf, result.balance, `balance ${balance} is below zero`);
    if (status.has('on_hold')) add('On hold', asOf, result.balance, `the overrun limit of ${formatCenti(result.cap ?? 0)} is reached; new work is held`);
    if (status.has('expiring')) {
      for (const { lot, units } of expiringLots(context, result)) add('Expiring', lot.expires, units, `${lot.kind} of ${lot.date}: units left expire at the end of this date`);
    }
    if (status.has('ended') && result.balance > 0) add('Ended with balance', contract.end, result.balance, `ended ${contract.end ?? ''} with ${balance} left`);
  }
  return { layout, rows };
}

function exceptionsSheet(context: WorkbookContext): SheetContent {
  const layout: SheetLayout = {
    name: EXCEPTIONS_SHEET,
    title: packTitle(context, 'Exceptions'),
    columns: [
      column('Entry', 12), column('Date', 11, 'date'), column('Customer', 28), column('Contract', 16), column('Ticket', 12), column('Technician', 18),
      column('Hours worked', 9, 'hours'), column('Status', 12), column('Reason', 36), column('Held', 12, 'units'),
    ],
    highlights: [{ column: 10, when: 'positive' }],
  };
  const rows: Cell[][] = [];
  for (const result of context.result.entries) {
    if (!isException(result)) continue;
    const entry = entryOf(context, result.id);
    const contract = result.contractId === null ? undefined : context.contracts.get(result.contractId);
    const reason = result.reason ?? 'beyond the overrun limit: held, not applied';
    rows.push([
      text(entry.id), date(entry.date), text(entry.customer), text(result.contractId ?? entry.contractId ?? ''), text(entry.ticket), text(entry.member),
      centi(entry.hours, 'hours'), text(result.status.replace('_', ' ')), text(reason),
      result.held === 0 ? null : centi(result.held, contract === undefined ? 'units' : unitFormat(contract.unit)),
    ]);
  }
  return { layout, rows };
}

function varianceSheet(context: WorkbookContext): SheetContent {
  const layout: SheetLayout = {
    name: VARIANCE_SHEET,
    title: packTitle(context, 'Variance'),
    columns: [
      column('Customer', 28), column('Contract', 16), column('Reported as of', 11, 'date'), column('Reported balance', 13, 'units'),
      column('Recomputed balance', 13, 'units'), column('Variance', 12, 'units'), column('Note', 40),
    ],
    highlights: [],
  };
  const rows: Cell[][] = [];
  for (const result of context.result.contracts) {
    const contract = termsOf(context, result);
    if (contract.reportedBalance === null) continue;
    const format = unitFormat(result.unit);
    const reportedAsOf = contract.reportedAsOf ?? context.result.asOf;
    // SPEC §7: variance is recomputed − reported at reported_as_of; null when that is after as-of.
    const comparable = result.variance !== null;
    const recomputed = result.variance === null ? null : contract.reportedBalance + result.variance;
    rows.push([
      text(result.customer), text(result.id), date(reportedAsOf), centi(contract.reportedBalance, format), optionalCenti(recomputed, format),
      optionalCenti(result.variance, format),
      text(!comparable ? 'reported after the as-of date: not compared' : result.variance === 0 ? 'agrees' : 'differs: check the source system'),
    ]);
  }
  return { layout, rows };
}

/** Every contract's history, contract after contract (a generator: a million lines never sit in memory). */
function* allHistory(context: WorkbookContext): Generator<HistoryLine> {
  let contractNo = 0;
  for (const result of context.result.contracts) yield* contractHistory(context, result, ++contractNo);
}

/** Writes the month-end pack into `target` (sheets in tab order; History detail last, streamed, split past a sheet's rows). */
export async function writeMonthEndPack(target: WorkbookTarget, context: WorkbookContext): Promise<void> {
  await target.writeSheet(contractsSheet(context));
  await target.writeSheet(invoiceSheet(context));
  await target.writeSheet(alertsSheet(context));
  await target.writeSheet(exceptionsSheet(context));
  await target.writeSheet(varianceSheet(context));
  for (const sheet of historySheets(() => allHistory(context))) await target.writeSheet(sheet);
}

/** Document properties of the month-end pack. */
export function packDocument(context: WorkbookContext): DocumentInfo {
  return {
    title: `Month-end pack as of ${context.result.asOf}`,
    subject: 'Prepaid block-time and deposit contracts: invoicing, alerts, exceptions, variance',
    company: context.options.company,
    footer: 'Month-end pack',
    asOf: context.result.asOf,
    currencySymbol: context.options.currencySymbol,
  };
}
