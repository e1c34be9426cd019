// The customer reconciliation workbook (issue 4): Summary, Monthly statement,
// History detail, Overage to bill, How to read this, Checks. The figures a
// customer checks are live formulas over History detail (SUMIFS per contract
// and month, running balance) with the engine's figures as cached values, so
// every program shows the same numbers and recalculating gives them again.
import type { Unit } from '../../core/model';
import type { ContractResult, MonthRow } from '../../core/result';
import {
  type Cell, centi, centiFormula, count, countFormula, date, month, percentTenths, text, textFormula, unitFormat, decimal,
} from './cells';
import { contractNotes, statusWords, unitWord } from './contract-words';
import { overageItems } from './billing';
import { AppFormula, FormulaTemplate, cellRef, columnLetter, roundedSumIfs, sheetRange } from './formulas';
import { HISTORY, HISTORY_SHEET, type HistoryLine, contractHistory, monthStart, singleHistorySheet } from './history-sheet';
import { type DocumentInfo, type SheetContent, type SheetLayout, type WorkbookTarget, firstDataRowOf, fitWidth, quantityColumn } from './sheet-layout';
import { type CustomerGroup, type WorkbookContext, termsOf } from './workbook-context';

export const SUMMARY_SHEET = 'Summary';
export const STATEMENT_SHEET = 'Monthly statement';
export const OVERAGE_SHEET = 'Overage to bill';
export const NOTES_SHEET = 'How to read this';
export const CHECKS_SHEET = 'Checks';

/** Column numbers of the Monthly statement (SPEC §6 columns after the keys). */
export const STATEMENT = {
  contractNo: 1, contract: 2, unit: 3, month: 4, from: 5, to: 6, opening: 7, granted: 8, purchased: 9, used: 10, expired: 11,
  settled: 12, closing: 13, overage: 14, held: 15,
} as const;

/** Column numbers of the Summary. */
export const SUMMARY = {
  contractNo: 1, contract: 2, name: 3, unit: 4, from: 5, to: 6, opening: 7, granted: 8, purchased: 9, used: 10, expired: 11,
  settled: 12, overage: 13, closing: 14, usedPct: 15, status: 16,
} as const;

/** Where each contract's months sit on the Monthly statement and History detail. */
interface Placement {
  readonly contractNo: number;
  readonly result: ContractResult;
  /** Statement row of the contract's first month (months follow in order). */
  readonly firstStatementRow: number;
  /** Per month index, the History row holding the balance at that month's end; null before any event. */
  readonly monthEndHistoryRow: readonly (number | null)[];
  /** Per month index, the running balance on that row (0 before any event). */
  readonly monthEndBalance: readonly number[];
}

function title(context: WorkbookContext, customer: string, heading: string): (readonly Cell[])[] {
  return [[text(`${heading}: ${customer}`)], [text('As of'), date(context.result.asOf)]];
}

function place(group: CustomerGroup, lines: readonly HistoryLine[], historyFirstRow: number, statementFirstRow: number): Placement[] {
  const placements: Placement[] = [];
  let statementRow = statementFirstRow;
  let lineIndex = 0;
  group.contracts.forEach((result, index) => {
    const monthEndHistoryRow: (number | null)[] = [];
    const monthEndBalance: number[] = [];
    let last: number | null = null;
    let balance = 0;
    for (const row of result.months) {
      const monthEnd = row.end;
      for (let line = lines[lineIndex]; line !== undefined && line.result === result && line.date <= monthEnd; line = lines[++lineIndex]) {
        last = historyFirstRow + lineIndex;
        balance = line.balance;
      }
      monthEndHistoryRow.push(last);
      monthEndBalance.push(balance);
    }
    // Lines dated after the last month (not-covered entries after `end`) change no balance.
    while (lines[lineIndex]?.result === result) lineIndex += 1;
    placements.push({ contractNo: index + 1, result, firstStatementRow: statementRow, monthEndHistoryRow, monthEndBalance });
    statementRow += result.months.length;
  });
  return placements;
}

function statementLayout(): SheetLayout {
  return {
    name: STATEMENT_SHEET,
    title: [],
    columns: [
      { header: 'Contract no.', width: 9, format: 'count' },
      { header: 'Contract', width: 16, format: null },
      { header: 'Unit', width: 10, format: null },
      { header: 'Month', width: 9, format: 'month' },
      { header: 'From', width: 11, format: 'date' },
      { header: 'To', width: 11, format: 'date' },
      ...['Opening', 'Granted', 'Purchased', 'Used', 'Expired', 'Settled', 'Closing', 'Overage', 'Held'].map(quantityColumn),
    ],
    highlights: [{ column: STATEMENT.closing, when: 'negative' }, { column: STATEMENT.overage, when: 'positive' }, { column: STATEMENT.held, when: 'positive' }],
  };
}

function statementRows(placements: readonly Placement[], historyFirst: number, historyLast: number): Cell[][] {
  const rows: Cell[][] = [];
  const history = (column: number) => sheetRange(HISTORY_SHEET, column, historyFirst, historyLast);
  // One SUMIFS per History column and statement row: the contract and month criteria sit on the row itself.
  const sums = new Map<number, FormulaTemplate>();
  const sumOf = (column: number): FormulaTemplate => {
    let template = sums.get(column);
    if (template === undefined) {
      const criteria = (row: number) => [[history(HISTORY.contractNo), `$${cellRef(STATEMENT.contractNo, row)}`], [history(HISTORY.month), `$${cellRef(STATEMENT.month, row)}`]] as const;
      template = FormulaTemplate.of((row) => roundedSumIfs(history(column), criteria(row)));
      sums.set(column, template);
    }
    return template;
  };
  for (const placement of placements) {
    const { result } = placement;
    const format = unitFormat(result.unit);
    result.months.forEach((monthRow, index) => {
      const row = placement.firstStatementRow + index;
      const sum = (column: number, value: number) => centiFormula(sumOf(column).at(row), value, format);
      const r = (column: number) => cellRef(column, row);
      rows.push([
        count(placement.contractNo),
        text(result.id),
        text(unitWord(result.unit)),
        month(monthStart(monthRow.start)),
        date(monthRow.start),
        date(monthRow.end),
        index === 0 ? centi(monthRow.opening, format) : centiFormula(AppFormula.of(cellRef(STATEMENT.closing, row - 1)), monthRow.opening, format),
        sum(HISTORY.granted, monthRow.granted),
        sum(HISTORY.purchased, monthRow.purchased),
        sum(HISTORY.used, monthRow.used),
        sum(HISTORY.expired, monthRow.expired),
        sum(HISTORY.settled, monthRow.settled),
        // SPEC §6: closing = opening + granted + purchased + settled − used − expired.
        centiFormula(
          AppFormula.of(`ROUND(${r(STATEMENT.opening)}+${r(STATEMENT.granted)}+${r(STATEMENT.purchased)}+${r(STATEMENT.settled)}-${r(STATEMENT.used)}-${r(STATEMENT.expired)},2)`),
          monthRow.closing,
          format,
        ),
        sum(HISTORY.overage, monthRow.overage),
        sum(HISTORY.held, monthRow.held),
      ]);
    });
  }
  return rows;
}

function total(months: readonly MonthRow[], key: keyof Omit<MonthRow, 'start' | 'end'>): number {
  return months.reduce((sum, row) => sum + row[key], 0);
}

function summarySheet(context: WorkbookContext, group: CustomerGroup, placements: readonly Placement[], statementFirst: number, statementLast: number): SheetContent {
  const layout: SheetLayout = {
    name: SUMMARY_SHEET,
    title: title(context, group.customer, 'Reconciliation'),
    columns: [
      { header: 'Contract no.', width: 9, format: 'count' },
      { header: 'Contract', width: fitWidth('Contract', group.contracts.map((c) => c.id)), format: null },
      { header: 'Name', width: fitWidth('Name', group.contracts.map((c) => termsOf(context, c).name)), format: null },
      { header: 'Unit', width: 10, format: null },
      { header: 'From', width: 11, format: 'date' },
      { header: 'To', width: 11, format: 'date' },
      ...['Opening', 'Granted', 'Purchased', 'Used', 'Expired', 'Settled', 'Overage', 'Closing balance'].map(quantityColumn),
      { header: 'Used %', width: 8, format: 'percent' },
      { header: 'Status', width: fitWidth('Status', group.contracts.map((c) => statusWords(c.status)), 12), format: null },
    ],
    highlights: [{ column: SUMMARY.closing, when: 'negative' }, { column: SUMMARY.overage, when: 'positive' }],
  };
  const first = firstDataRowOf(layout);
  const statement = (column: number) => sheetRange(STATEMENT_SHEET, column, statementFirst, statementLast);
  const rows = placements.map((placement, index): Cell[] => {
    const { result } = placement;
    const row = first + index;
    const format = unitFormat(result.unit);
    const sum = (column: number, value: number) =>
      centiFormula(AppFormula.of(roundedSumIfs(statement(column), [[statement(STATEMENT.contractNo), `$${cellRef(SUMMARY.contractNo, row)}`]])), value, format);
    const months = result.months;
    const lastRow = placement.firstStatementRow + months.length - 1;
    const ref = (column: number, statementRow: number, value: number) =>
      months.length === 0 ? centi(value, format) : centiFormula(AppFormula.of(`'${STATEMENT_SHEET}'!${cellRef(column, statementRow)}`), value, format);
    return [
      count(placement.contractNo),
      text(result.id),
      text(termsOf(context, result).name),
      text(unitWord(result.unit)),
      date(months[0]?.start ?? null),
      date(months.at(-1)?.end ?? null),
      ref(STATEMENT.opening, placement.firstStatementRow, months[0]?.opening ?? 0),
      sum(STATEMENT.granted, total(months, 'granted')),
      sum(STATEMENT.purchased, total(months, 'purchased')),
      sum(STATEMENT.used, total(months, 'used')),
      sum(STATEMENT.expired, total(months, 'expired')),
      sum(STATEMENT.settled, total(months, 'settled')),
      sum(STATEMENT.overage, total(months, 'overage')),
      ref(STATEMENT.closing, lastRow, result.balance),
      percentTenths(result.usedPctTenths),
      text(statusWords(result.status)),
    ];
  });
  const last = first + rows.length - 1;
  const units = [...new Set(group.contracts.map((c) => c.unit))].sort();
  const totals = units.map((unit: Unit, index): Cell[] => {
    const row = last + 1 + index;
    const format = unitFormat(unit);
    const ofUnit = group.contracts.filter((c) => c.unit === unit);
    const sum = (column: number, value: number) =>
      centiFormula(
        AppFormula.of(`ROUND(SUMIFS(${sheetRange(SUMMARY_SHEET, column, first, last)},${sheetRange(SUMMARY_SHEET, SUMMARY.unit, first, last)},$${cellRef(SUMMARY.unit, row)}),2)`),
        value,
        format,
      );
    const across = (key: keyof Omit<MonthRow, 'start' | 'end'>) => ofUnit.reduce((s, c) => s + total(c.months, key), 0);
    return [
      null, text('Total'), null, text(unitWord(unit)), null, null,
      sum(SUMMARY.opening, 0),
      sum(SUMMARY.granted, across('granted')),
      sum(SUMMARY.purchased, across('purchased')),
      sum(SUMMARY.used, across('used')),
      sum(SUMMARY.expired, across('expired')),
      sum(SUMMARY.settled, across('settled')),
      sum(SUMMARY.overage, across('overage')),
      sum(SUMMARY.closing, ofUnit.reduce((s, c) => s + c.balance, 0)),
    ];
  });
  return { layout, rows, totals };
}

function overageSheet(context: WorkbookContext, group: CustomerGroup): SheetContent {
  const layout: SheetLayout = {
    name: OVERAGE_SHEET,
    title: title(context, group.customer, 'Overage to bill'),
    columns: [
      { header: 'Contract', width: 16, format: null },
      { header: 'Date', width: 11, format: 'date' },
      { header: 'Item', width: 12, format: null },
      { header: 'Entry', width: 12, format: null },
      { header: 'Ticket', width: 12, format: null },
      { header: 'Work role', width: 16, format: null },
      quantityColumn('Units'),
      { header: 'Rate', width: 10, format: 'decimal' },
      { header: 'Amount', width: 14, format: 'currency' },
    ],
    highlights: [],
  };
  const first = firstDataRowOf(layout);
  const items = group.contracts.flatMap((result) => overageItems(context, result));
  const rows = items.map((item, index): Cell[] => {
    const row = first + index;
    const amount: Cell =
      item.amount === null ? null : centiFormula(AppFormula.of(`ROUND(${cellRef(7, row)}*${cellRef(8, row)},2)`), item.amount, 'currency');
    return [
      text(item.contract.id),
      date(item.date),
      text(item.kind === 'overage' ? 'Overage' : 'Settlement'),
      text(item.entry?.id ?? ''),
      text(item.entry?.ticket ?? ''),
      text(item.entry?.workRole ?? ''),
      centi(item.units, unitFormat(item.contract.unit)),
      decimal(item.rate),
      amount,
    ];
  });
  const amountTotal = items.reduce((sum, item) => sum + (item.amount ?? 0), 0);
  const last = first + rows.length - 1;
  const totals: Cell[][] =
    rows.length === 0
      ? [[text('No overage to bill.')]]
      : [[text('Total'), null, null, null, null, null, null, null, centiFormula(AppFormula.of(`SUM(${columnLetter(9)}${first}:${columnLetter(9)}${last})`), amountTotal, 'currency')]];
  return { layout, rows, totals };
}

const GENERAL_NOTES: readonly (readonly [string, string])[] = [
  ['Summary', 'One row per contract for its whole life up to the as-of date; totals per unit. Every figure is a formula over the Monthly statement.'],
  ['Monthly statement', 'One row per contract and calendar month: closing = opening + granted + purchased + settled − used − expired; each month opens with the previous closing.'],
  ['History detail', 'Every grant, purchase, time entry, expiry and settlement in date order. The statement sums these rows (SUMIFS by contract number and month); Balance is a running total you can follow row by row.'],
  ['Overage to bill', 'Work beyond the balance, and negative balances billed back to zero, with the rate and amount.'],
  ['Checks', 'The statement, the running balance and the figures Blockledger computed must agree for every month, and every time entry must appear once. All rows should read OK.'],
  ['Quantities', 'Hours and units are shown to the hundredth; each entry is rounded once, and totals are exact sums of the rounded lines.'],
  ['Text', 'Text that starts with =, +, -, @ or a line break is shown with a leading apostrophe, so that it is never calculated.'],
];

function notesSheet(context: WorkbookContext, group: CustomerGroup): SheetContent {
  const rows: Cell[][] = GENERAL_NOTES.map(([topic, note]) => [text(topic), text(note)]);
  for (const result of group.contracts) {
    const contract = termsOf(context, result);
    for (const note of contractNotes(contract, context.options.currencySymbol)) rows.push([text(`${contract.id} ${contract.name}`), text(note)]);
  }
  return {
    layout: {
      name: NOTES_SHEET,
      title: title(context, group.customer, 'How to read this workbook'),
      columns: [{ header: 'Topic', width: 30, format: null }, { header: 'Note', width: 110, format: null }],
      highlights: [],
    },
    rows,
  };
}

function checksSheet(
  context: WorkbookContext,
  group: CustomerGroup,
  placements: readonly Placement[],
  history: { readonly first: number; readonly last: number; readonly entryRows: number },
  entryCount: number,
): SheetContent {
  const layout: SheetLayout = {
    name: CHECKS_SHEET,
    title: title(context, group.customer, 'Checks'),
    columns: [
      { header: 'Contract', width: 16, format: null },
      { header: 'Month', width: 9, format: 'month' },
      quantityColumn('Closing (Blockledger)'),
      quantityColumn('Closing (statement)'),
      quantityColumn('Opening + granted + purchased + settled − used − expired'),
      quantityColumn('Running balance at month end'),
      { header: 'Result', width: 11, format: null },
    ],
    highlights: [],
  };
  const first = firstDataRowOf(layout);
  const statementCell = (column: number, row: number) => `'${STATEMENT_SHEET}'!${cellRef(column, row)}`;
  const rows: Cell[][] = [];
  let mismatches = 0;
  for (const placement of placements) {
    const format = unitFormat(placement.result.unit);
    placement.result.months.forEach((monthRow, index) => {
      const row = first + rows.length;
      const s = placement.firstStatementRow + index;
      const identityFormula = `ROUND(${[STATEMENT.opening, STATEMENT.granted, STATEMENT.purchased, STATEMENT.settled].map((c) => statementCell(c, s)).join('+')}-${statementCell(STATEMENT.used, s)}-${statementCell(STATEMENT.expired, s)},2)`;
      const historyRow = placement.monthEndHistoryRow[index] ?? null;
      const runningBalance = placement.monthEndBalance[index] ?? 0;
      const running = historyRow === null ? centi(0, format) : centiFormula(AppFormula.of(`'${HISTORY_SHEET}'!${cellRef(HISTORY.balance, historyRow)}`), runningBalance, format);
      const agree = [4, 5, 6].map((column) => `ROUND(${cellRef(column, row)}-${cellRef(3, row)},2)=0`).join(',');
      // SPEC §6 invariant on the engine's own figures; the cached word is what the formula gives on them.
      const identity = monthRow.opening + monthRow.granted + monthRow.purchased + monthRow.settled - monthRow.used - monthRow.expired;
      const ok = identity === monthRow.closing && runningBalance === monthRow.closing && (index === 0 || placement.result.months[index - 1]?.closing === monthRow.opening);
      if (!ok) mismatches += 1;
      rows.push([
        text(placement.result.id),
        month(monthStart(monthRow.start)),
        centi(monthRow.closing, format),
        centiFormula(AppFormula.of(statementCell(STATEMENT.closing, s)), monthRow.closing, format),
        centiFormula(AppFormula.of(identityFormula), identity, format),
        running,
        textFormula(AppFormula.of(`IF(AND(${agree}),"OK","MISMATCH")`), ok ? 'OK' : 'MISMATCH'),
      ]);
    });
  }
  const last = first + rows.length - 1;
  const countRow = last + 2;
  const entries = `COUNTIFS(${sheetRange(HISTORY_SHEET, HISTORY.event, history.first, history.last)},"Entry")`;
  const entriesOk = history.entryRows === entryCount;
  const totals: Cell[][] = [
    [],
    [
      text('Time entries (each once)'), null, count(entryCount), countFormula(AppFormula.of(entries), history.entryRows), null, null,
      textFormula(AppFormula.of(`IF(${cellRef(4, countRow)}=${cellRef(3, countRow)},"OK","MISMATCH")`), entriesOk ? 'OK' : 'MISMATCH'),
    ],
    [
      text('Every check above'), null, null, null, null, null,
      textFormula(AppFormula.of(`IF(COUNTIFS(${cellRef(7, first)}:${cellRef(7, countRow)},"MISMATCH")=0,"OK","MISMATCH")`), mismatches === 0 && entriesOk ? 'OK' : 'MISMATCH'),
    ],
  ];
  return { layout, rows, totals };
}

/** Writes one customer's reconciliation workbook into `target` (sheets in tab order). */
export async function writeCustomerWorkbook(target: WorkbookTarget, context: WorkbookContext, group: CustomerGroup): Promise<void> {
  const lines = group.contracts.flatMap((result, index) => [...contractHistory(context, result, index + 1)]);
  const history = singleHistorySheet(lines);
  const historyFirst = firstDataRowOf(history.layout);
  const historyLast = Math.max(historyFirst, historyFirst + lines.length - 1);
  const statement = statementLayout();
  const statementFirst = firstDataRowOf(statement);
  const placements = place(group, lines, historyFirst, statementFirst);
  const statementRowsList = statementRows(placements, historyFirst, historyLast);
  const statementLast = Math.max(statementFirst, statementFirst + statementRowsList.length - 1);
  const entryCount = group.contracts.reduce((sum, result) => sum + (context.entryCounts.get(result.id) ?? 0), 0);

  await target.writeSheet(summarySheet(context, group, placements, statementFirst, statementLast));
  await target.writeSheet({ layout: statement, rows: statementRowsList });
  await target.writeSheet(history);
  await target.writeSheet(overageSheet(context, group));
  await target.writeSheet(notesSheet(context, group));
  const entryRows = lines.filter((line) => line.entry !== null).length;
  await target.writeSheet(checksSheet(context, group, placements, { first: historyFirst, last: historyLast, entryRows }, entryCount));
}

/** Document properties of a customer's workbook. */
export function customerDocument(context: WorkbookContext, customer: string): DocumentInfo {
  return {
    title: `Reconciliation for ${customer} as of ${context.result.asOf}`,
    subject: 'Prepaid block-time and deposit contracts',
    company: context.options.company,
    footer: customer,
    asOf: context.result.asOf,
    currencySymbol: context.options.currencySymbol,
  };
}
