// The History detail sheet: every ledger event of each contract in date order
// (grants, additions, entries, expiries, settlements), the entries the engine
// did not cover in their place, and the running balance after each event as a
// live formula. The Monthly statement sums these rows with SUMIFS.
import type { Contract, Entry, IsoDate } from '../../core/model';
import type { ContractResult, EntryResult, LedgerEvent } from '../../core/result';
import { hourlyRate, roleFactor } from '../../core/coverage';
import { compareCodePoints } from '../../core/ordering';
import { formatCenti } from '../../core/numbers';
import { type Cell, centi, centiFormula, count, date, decimal, month, optionalCenti, text, unitFormat } from './cells';
import { eventWord } from './contract-words';
import { AppFormula, cellRef } from './formulas';
import { type ColumnLayout, type SheetContent, type SheetLayout, firstDataRowOf, fitWidth, quantityColumn } from './sheet-layout';
import { type WorkbookContext, entryOf, termsOf } from './workbook-context';

export const HISTORY_SHEET = 'History detail';

/** Column numbers of the History detail sheet (formulas elsewhere refer to them). */
export const HISTORY = {
  contractNo: 1, contract: 2, customer: 3, month: 4, date: 5, event: 6, entry: 7, ticket: 8, member: 9, workRole: 10, workType: 11,
  notes: 12, reference: 13, price: 14, hours: 15, factor: 16, units: 17, granted: 18, purchased: 19, used: 20, expired: 21,
  settled: 22, overage: 23, held: 24, balance: 25, detail: 26,
} as const;

/** One row: a ledger event, or an entry the engine did not cover. */
export interface HistoryLine {
  /** The contract's number within the workbook: a numeric SUMIFS key (ids could hold wildcards). */
  readonly contractNo: number;
  readonly contract: Contract;
  readonly result: ContractResult;
  readonly date: IsoDate;
  readonly event: LedgerEvent | null;
  readonly entry: Entry | null;
  readonly entryResult: EntryResult | null;
  /** The balance after this line (a not-covered entry leaves it as it was). */
  readonly balance: number;
}

// Where a not-covered entry goes among the contract's events: after the
// events that come before it on its date (SPEC §3 same-day order: grants, then
// entries in id order, then expiries and the billing run).
function comesAfter(event: LedgerEvent, entry: EntryResult, entryDate: IsoDate): boolean {
  if (event.date !== entryDate) return event.date > entryDate;
  if (event.kind === 'entry') return compareCodePoints(event.entryId ?? '', entry.id) > 0;
  return event.kind === 'expiry' || event.kind === 'settlement';
}

/** A contract's lines in date order: its ledger merged with its not-covered entries. */
export function* contractHistory(context: WorkbookContext, result: ContractResult, contractNo: number): Generator<HistoryLine> {
  const contract = termsOf(context, result);
  const skipped = [...(context.notCovered.get(result.id) ?? [])]
    .map((entryResult) => ({ entryResult, entry: entryOf(context, entryResult.id) }))
    .sort((a, b) => (a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : 0));
  let next = 0;
  let balance = 0;
  for (const event of result.ledger) {
    for (let item = skipped[next]; item !== undefined && comesAfter(event, item.entryResult, item.entry.date); item = skipped[++next]) {
      yield { contractNo, contract, result, date: item.entry.date, event: null, entry: item.entry, entryResult: item.entryResult, balance };
    }
    const entry = event.entryId === null ? null : entryOf(context, event.entryId);
    balance = event.balanceAfter;
    yield { contractNo, contract, result, date: event.date, event, entry, entryResult: null, balance };
  }
  for (const item of skipped.slice(next)) yield { contractNo, contract, result, date: item.entry.date, event: null, entry: item.entry, entryResult: item.entryResult, balance };
}

/** The first day of a date's month. */
export function monthStart(value: IsoDate): IsoDate {
  return `${value.slice(0, 7)}-01`;
}

function eventDetail(line: HistoryLine, event: LedgerEvent): string {
  const lot = event.lot === null ? undefined : line.result.lots[event.lot];
  const unit = line.contract.unit;
  switch (event.kind) {
    case 'grant':
    case 'rebill':
    case 'addition': {
      const expiry = lot?.expires == null ? 'never expires' : `usable until ${lot.expires}`;
      return event.debtPaid > 0 ? `${expiry}; paid ${formatCenti(event.debtPaid)} of debt first` : expiry;
    }
    case 'entry':
      if (event.held > 0 && event.applied === 0 && event.overage === 0) return 'held: beyond the overrun limit';
      if (event.overage > 0 || event.held > 0) return `applied ${formatCenti(event.applied)}, overage ${formatCenti(event.overage)}, held ${formatCenti(event.held)}`;
      return '';
    case 'expiry':
      return lot === undefined ? 'unused units expired' : `unused units of the ${lot.kind} of ${lot.date} expired`;
    case 'settlement':
      return `negative balance billed as overage (${unit === 'amount' ? 'currency' : unit})`;
  }
}

function entryFactor(contract: Contract, entry: Entry): Cell {
  if (contract.unit === 'hours') return decimal(roleFactor(contract, entry));
  if (contract.unit === 'amount' && entry.hours > 0) return decimal(hourlyRate(contract, entry));
  return null;
}

/** The cells of one line at sheet row `row`; `previousBalance` references the contract's balance before it, if any. */
export function historyCells(line: HistoryLine, row: number, previousBalance: string | null): Cell[] {
  const { contract, event, entry } = line;
  const format = unitFormat(contract.unit);
  const lot = event?.lot == null ? undefined : line.result.lots[event.lot];
  const arrival = event !== null && (event.kind === 'grant' || event.kind === 'rebill' || event.kind === 'addition');
  // Only the quantities an event moves are written: blank cells count as 0 in SUMIFS and the running sum.
  const only = (kind: LedgerEvent['kind'] | readonly LedgerEvent['kind'][], value: number): Cell =>
    event !== null && (typeof kind === 'string' ? event.kind === kind : kind.includes(event.kind)) ? centi(value, format) : null;
  const r = (column: number) => cellRef(column, row);
  const change = `${r(HISTORY.granted)}+${r(HISTORY.purchased)}+${r(HISTORY.settled)}-${r(HISTORY.used)}-${r(HISTORY.expired)}`;
  const formula = previousBalance === null ? `ROUND(${change},2)` : `ROUND(${previousBalance}+${change},2)`;
  const detail = event !== null ? eventDetail(line, event) : `not counted: ${line.entryResult?.reason ?? 'not covered'}`;
  return [
    count(line.contractNo),
    text(contract.id),
    text(contract.customer),
    month(monthStart(line.date)),
    date(line.date),
    text(event === null ? 'Entry' : eventWord(event.kind)),
    text(entry?.id ?? ''),
    text(entry?.ticket ?? ''),
    text(entry?.member ?? ''),
    text(entry?.workRole ?? ''),
    text(entry?.workType ?? ''),
    text(entry?.notes ?? ''),
    text(arrival && lot?.reference != null ? lot.reference : ''),
    arrival && lot !== undefined ? optionalCenti(lot.price, 'currency') : null,
    entry === null ? null : centi(entry.hours, 'hours'),
    entry === null ? null : entryFactor(contract, entry),
    event === null ? (entry === null ? null : centi(0, format)) : only('entry', event.units),
    event === null ? null : only(['grant', 'rebill'], event.units),
    event === null ? null : only('addition', event.units),
    event === null ? null : only('entry', event.applied),
    event === null ? null : only('expiry', event.units),
    event === null ? null : only('settlement', event.units),
    event === null ? null : event.kind === 'entry' ? centi(event.overage, format) : only('settlement', event.units),
    event === null ? null : only('entry', event.held),
    centiFormula(AppFormula.of(formula), line.balance, format),
    text(detail),
  ];
}

/** Lines read to fit the text columns: enough to see the data's shape, few enough to cost nothing on a million rows. */
const WIDTH_SAMPLE = 20_000;

/** The sheet layout; text widths fit the first lines (an iterable read once more here). */
export function historyLayout(lines: () => Iterable<HistoryLine>): SheetLayout {
  const widths = new Map<number, number>();
  const widen = (column: number, value: string) => {
    if (value.length > (widths.get(column) ?? 0)) widths.set(column, value.length);
  };
  let sampled = 0;
  for (const line of lines()) {
    if (++sampled > WIDTH_SAMPLE) break;
    widen(HISTORY.contract, line.contract.id);
    widen(HISTORY.customer, line.contract.customer);
    if (line.entry !== null) {
      widen(HISTORY.ticket, line.entry.ticket);
      widen(HISTORY.member, line.entry.member);
      widen(HISTORY.workRole, line.entry.workRole);
      widen(HISTORY.workType, line.entry.workType);
      widen(HISTORY.notes, line.entry.notes);
      widen(HISTORY.entry, line.entry.id);
    }
  }
  const fit = (column: number, header: string, minimum = 8) => fitWidth(header, ['x'.repeat(widths.get(column) ?? 0)], minimum);
  const columns: ColumnLayout[] = [
    { header: 'Contract no.', width: 9, format: 'count' },
    { header: 'Contract', width: fit(HISTORY.contract, 'Contract'), format: null },
    { header: 'Customer', width: fit(HISTORY.customer, 'Customer'), format: null },
    { header: 'Month', width: 9, format: 'month' },
    { header: 'Date', width: 11, format: 'date' },
    { header: 'Event', width: 11, format: null },
    { header: 'Entry', width: fit(HISTORY.entry, 'Entry'), format: null },
    { header: 'Ticket', width: fit(HISTORY.ticket, 'Ticket'), format: null },
    { header: 'Technician', width: fit(HISTORY.member, 'Technician'), format: null },
    { header: 'Work role', width: fit(HISTORY.workRole, 'Work role'), format: null },
    { header: 'Work type', width: fit(HISTORY.workType, 'Work type'), format: null },
    { header: 'Notes', width: fit(HISTORY.notes, 'Notes', 20), format: null },
    { header: 'Reference (PO)', width: 16, format: null },
    { header: 'Price', width: 12, format: 'currency' },
    { header: 'Hours worked', width: 9, format: 'hours' },
    { header: 'Factor / rate', width: 9, format: 'decimal' },
    ...['Units', 'Granted', 'Purchased', 'Used', 'Expired', 'Settled', 'Overage', 'Held', 'Balance'].map(quantityColumn),
    { header: 'Detail', width: 40, format: null },
  ];
  return {
    name: HISTORY_SHEET,
    title: [],
    columns,
    highlights: [{ column: HISTORY.balance, when: 'negative' }, { column: HISTORY.overage, when: 'positive' }, { column: HISTORY.held, when: 'positive' }],
  };
}

/** Data rows a sheet can hold under its header (Excel: 1,048,576 rows per sheet). */
export const MAX_DATA_ROWS = 1_048_575;

/** Where the previous sheet of a split History detail ended: its name, last row and contract. */
interface Continuation {
  readonly sheet: string;
  readonly row: number;
  readonly contractNo: number;
}

/** An iterator that can tell whether another value follows without losing it. */
class Lookahead<T> {
  private buffered: IteratorResult<T> | null = null;

  constructor(private readonly source: Iterator<T>) {}

  next(): IteratorResult<T> {
    const result = this.buffered ?? this.source.next();
    this.buffered = null;
    return result;
  }

  hasMore(): boolean {
    this.buffered ??= this.source.next();
    return this.buffered.done !== true;
  }
}

/** Up to a sheet's worth of History rows from `lines`; records in `ended` where the sheet ended. */
function* historyRows(layout: SheetLayout, lines: Lookahead<HistoryLine>, from: Continuation | null, ended: { at: Continuation | null }): Generator<Cell[]> {
  const first = firstDataRowOf(layout);
  let previous: string | null = null;
  let previousContract = from?.contractNo ?? null;
  for (let row = first; row < first + MAX_DATA_ROWS; row += 1) {
    const next = lines.next();
    if (next.done === true) return;
    const line = next.value;
    // The running balance carries on from the row above, or from the last row of the previous sheet.
    if (previousContract !== line.contractNo) previous = null;
    else if (row === first && from !== null) previous = `'${from.sheet}'!${cellRef(HISTORY.balance, from.row)}`;
    yield historyCells(line, row, previous);
    previous = cellRef(HISTORY.balance, row);
    previousContract = line.contractNo;
    ended.at = { sheet: layout.name, row, contractNo: line.contractNo };
  }
}

/**
 * The History detail for `lines` (read twice: widths, then rows), in as many
 * sheets as the rows need ("History detail", "History detail 2", ...). The
 * sheets share one pass over the lines: write each before taking the next.
 */
export function* historySheets(lines: () => Iterable<HistoryLine>): Generator<SheetContent> {
  const base = historyLayout(lines);
  const source = new Lookahead(lines()[Symbol.iterator]());
  const ended: { at: Continuation | null } = { at: null };
  for (let part = 1; part === 1 || source.hasMore(); part += 1) {
    const layout = part === 1 ? base : { ...base, name: `${HISTORY_SHEET} ${part}` };
    yield { layout, rows: historyRows(layout, source, ended.at, ended) };
  }
}

/** The History detail of one workbook that must fit one sheet (the customer workbook's SUMIFS read one sheet). */
export function singleHistorySheet(lines: readonly HistoryLine[]): SheetContent {
  if (lines.length > MAX_DATA_ROWS) throw new Error(`${lines.length} history rows do not fit one sheet (at most ${MAX_DATA_ROWS})`);
  const sheet = historySheets(() => lines).next();
  if (sheet.done === true) throw new Error('no history sheet');
  return sheet.value;
}
