// What the month-end screen says, kept pure so tests pin the words and sums:
// item names, counts per alert and invoice totals.
import type { AlertRow, InvoiceRow } from '../../workers/engine-protocol';

const INVOICE_KINDS: ReadonlyMap<string, string> = new Map([
  ['overage', 'Overage'],
  ['settlement', 'Settlement'],
  ['allowance', 'Allowance grant'],
  ['rebill', 'Re-bill grant'],
  ['addition', 'Purchase'],
]);

/** The word for an invoice item kind (the same words as the pack's "To invoice" sheet). */
export function invoiceKindLabel(kind: string): string {
  return INVOICE_KINDS.get(kind) ?? kind;
}

/** How many alert lines of each kind, in the order they first appear (the pack's order). */
export function alertCounts(alerts: readonly AlertRow[]): { alert: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of alerts) counts.set(row.alert, (counts.get(row.alert) ?? 0) + 1);
  return [...counts].map(([alert, count]) => ({ alert, count }));
}

/** The sum of the priced lines in cents, and how many lines have no price. */
export function invoiceTotal(rows: readonly InvoiceRow[]): { cents: number; unpriced: number } {
  let cents = 0;
  let unpriced = 0;
  for (const row of rows) {
    if (row.amount === null) unpriced += 1;
    else cents += row.amount;
  }
  return { cents, unpriced };
}
