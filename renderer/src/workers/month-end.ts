// The month-end screen's content: contracts that need a word with the customer,
// what to invoice for the as-of month, and the entries still to clear.
// Alerts and exceptions are read from the month-end pack's own sheets, so the
// screen and the workbook the clerk files can never disagree.
import { dayOf, firstDayOfMonth, isoOf, monthOfDay } from '../core/dates';
import { type Cell, excelSerial } from '../io/workbook/cells';
import { invoiceItems } from '../io/workbook/billing';
import { ALERTS_SHEET, EXCEPTIONS_SHEET, VARIANCE_SHEET, writeMonthEndPack } from '../io/workbook/month-end-pack';
import type { SheetContent, WorkbookTarget } from '../io/workbook/sheet-layout';
import { type WorkbookContext, customerGroups } from '../io/workbook/workbook-context';
import type { AlertRow, ExceptionRow, MonthEndSummary } from './engine-protocol';
import { ExceptionPages } from './exception-pages';

/** Thrown by the capture once it has the sheets it wants: the History detail is never built. */
class EnoughSheets extends Error {}

/** A workbook target that keeps the rows of the pack's small sheets instead of writing them. */
class SheetCapture implements WorkbookTarget {
  readonly sheets = new Map<string, (readonly Cell[])[]>();

  async writeSheet(content: SheetContent): Promise<void> {
    this.sheets.set(content.layout.name, [...content.rows]);
    // The pack writes Variance last before the (possibly million-row) History detail.
    if (content.layout.name === VARIANCE_SHEET) throw new EnoughSheets();
    return Promise.resolve();
  }
}

const EPOCH_SERIAL = excelSerial('1970-01-01');

function textAt(cells: readonly Cell[], index: number): string {
  const cell = cells[index] ?? null;
  return cell?.kind === 'text' ? cell.text : '';
}

// Pack cells hold quantities as value/100; rounding back gives the engine's hundredths exactly.
function centiAt(cells: readonly Cell[], index: number): number | null {
  const cell = cells[index] ?? null;
  return cell?.kind === 'number' ? Math.round(cell.value * 100) : null;
}

function dateAt(cells: readonly Cell[], index: number): string | null {
  const cell = cells[index] ?? null;
  return cell?.kind === 'number' ? isoOf(cell.value - EPOCH_SERIAL) : null;
}

async function packSheets(context: WorkbookContext): Promise<Map<string, (readonly Cell[])[]>> {
  const capture = new SheetCapture();
  try {
    await writeMonthEndPack(capture, context);
  } catch (error) {
    if (!(error instanceof EnoughSheets)) throw error;
  }
  return capture.sheets;
}

/**
 * History rows above which the browser-side writer is refused: ExcelJS's
 * in-memory workbook needs about 11 KB of heap per row (performance.md §1.3),
 * so 100,000 rows is already about a gigabyte.
 */
export const IN_MEMORY_HISTORY_ROWS = 100_000;

/** Why the whole pack cannot be built in memory for `context`, in the clerk's words; null when it can. */
export function inMemoryPackRefusal(context: WorkbookContext): string | null {
  let rows = 0;
  for (const result of context.result.contracts) rows += result.ledger.length + (context.notCovered.get(result.id)?.length ?? 0);
  if (rows <= IN_MEMORY_HISTORY_ROWS) return null;
  return `This portfolio's month-end pack has ${rows.toLocaleString('en')} history rows, too many to build inside this window (at most ${IN_MEMORY_HISTORY_ROWS.toLocaleString('en')}). Nothing was written. Export the customers' workbooks one at a time here, or have the pack written by the reconcile command (reconcile --xlsx FOLDER), which streams any size.`;
}

interface MonthEnd {
  readonly summary: MonthEndSummary;
  readonly exceptions: ExceptionPages;
}

// One summary per reconcile (a context lives until the next recompute): with a
// million entries the pack's sheets take seconds, and a clerk goes back and forth.
const built = new WeakMap<WorkbookContext, Promise<MonthEnd>>();

function monthEnd(context: WorkbookContext): Promise<MonthEnd> {
  let made = built.get(context);
  if (made === undefined) {
    made = buildMonthEnd(context);
    built.set(context, made);
    // A failed build is not kept: the next visit tries again.
    made.catch(() => built.delete(context));
  }
  return made;
}

/** Alerts, invoice lines from the 1st of the as-of month to as-of, and the exception counts, as the pack lists them. */
export async function monthEndSummary(context: WorkbookContext): Promise<MonthEndSummary> {
  return (await monthEnd(context)).summary;
}

/** The pack's Exceptions lines, to page through. */
export async function monthEndExceptions(context: WorkbookContext): Promise<ExceptionPages> {
  return (await monthEnd(context)).exceptions;
}

async function buildMonthEnd(context: WorkbookContext): Promise<MonthEnd> {
  const { asOf } = context.result;
  const from = isoOf(firstDayOfMonth(monthOfDay(dayOf(asOf))));
  const unitOf = new Map(context.result.contracts.map((result) => [result.id, result.unit] as const));
  const sheets = await packSheets(context);
  const alerts = (sheets.get(ALERTS_SHEET) ?? []).map((cells): AlertRow => ({
    customer: textAt(cells, 0),
    contractId: textAt(cells, 1),
    alert: textAt(cells, 2),
    date: dateAt(cells, 3),
    units: centiAt(cells, 4),
    unit: unitOf.get(textAt(cells, 1)) ?? 'hours',
    detail: textAt(cells, 5),
  }));
  const exceptionRows = (sheets.get(EXCEPTIONS_SHEET) ?? []).map((cells): ExceptionRow => ({
    entryId: textAt(cells, 0),
    date: dateAt(cells, 1),
    customer: textAt(cells, 2),
    contractId: textAt(cells, 3),
    ticket: textAt(cells, 4),
    member: textAt(cells, 5),
    hours: centiAt(cells, 6) ?? 0,
    status: textAt(cells, 7),
    reason: textAt(cells, 8),
    held: centiAt(cells, 9),
  }));
  const invoice = context.result.contracts.flatMap((result) =>
    invoiceItems(context, result, from, asOf).map((item) => ({
      customer: result.customer,
      contractId: result.id,
      date: item.date,
      kind: item.kind,
      reference: item.reference,
      unit: result.unit,
      units: item.units,
      amount: item.amount,
    })));
  // Counted from the Exceptions sheet's own lines, so the three add up to them; the others are held in full or in part.
  const exceptions = { unmatched: 0, not_covered: 0, held: 0 };
  for (const { status } of exceptionRows) {
    if (status === 'unmatched') exceptions.unmatched++;
    else if (status === 'not covered') exceptions.not_covered++;
    else exceptions.held++;
  }
  const summary = { asOf, from, alerts, invoice, exceptions, exceptionCount: exceptionRows.length, customers: customerGroups(context.result).map((group) => group.customer) };
  return { summary, exceptions: new ExceptionPages(exceptionRows) };
}
