// The month-end screen's content: contracts that need a word with the customer,
// what to invoice for the as-of month, and the entries still to clear.
import { dayOf, firstDayOfMonth, isoOf, monthOfDay } from '../core/dates';
import type { ContractStatus } from '../core/result';
import { invoiceItems } from '../io/workbook/billing';
import { type WorkbookContext, customerGroups } from '../io/workbook/workbook-context';
import type { ContractRow, MonthEndSummary } from './engine-protocol';

/** The statuses the alert list shows (issue 5: warning, low, overrun, on hold, expiring, ended). */
export const ALERT_STATUSES: readonly ContractStatus[] = ['overrun', 'on_hold', 'warning', 'low', 'expiring', 'ended'];

/** Alerts, invoice lines from the 1st of the as-of month to as-of, and exception counts. */
export function monthEndSummary(context: WorkbookContext, rows: readonly ContractRow[]): MonthEndSummary {
  const { asOf } = context.result;
  const from = isoOf(firstDayOfMonth(monthOfDay(dayOf(asOf))));
  const alerts = rows.filter((row) => row.status.some((status) => ALERT_STATUSES.includes(status)));
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
  const exceptions = { unmatched: 0, not_covered: 0, held: 0, overage: 0 };
  for (const entry of context.result.entries) {
    if (entry.status === 'unmatched' || entry.status === 'not_covered' || entry.status === 'held' || entry.status === 'overage') exceptions[entry.status]++;
  }
  return { asOf, from, alerts, invoice, exceptions, customers: customerGroups(context.result).map((group) => group.customer) };
}
