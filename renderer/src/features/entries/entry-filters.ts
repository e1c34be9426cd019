// The quick filters of the entries screen: the exceptions a clerk clears at
// month-end first, each with what to do about it, then everything else.
import type { EntryStatus } from '../../core/result';

export interface EntryFilter {
  readonly label: string;
  readonly statuses: readonly EntryStatus[];
  /** What the clerk does next about these entries; null for the plain views. */
  readonly advice: string | null;
}

export const ENTRY_FILTERS: readonly EntryFilter[] = [
  { label: 'All', statuses: [], advice: null },
  { label: 'Exceptions', statuses: ['unmatched', 'not_covered', 'held', 'overage', 'partial'], advice: 'Everything below needs a decision before invoicing: pick a filter to see one kind at a time.' },
  { label: 'Unmatched', statuses: ['unmatched'], advice: 'These entries name no contract Blockledger knows, or their customer has no single active contract. Fix the agreement on the entry in your PSA (or import the missing agreement) and import the export again.' },
  { label: 'Not covered', statuses: ['not_covered'], advice: 'These entries are outside what the contract covers (the reason says why: dates, no-charge, excluded work type). Bill them separately or correct them in your PSA.' },
  { label: 'Held', statuses: ['held'], advice: 'These entries went past the overrun limit and are held until a grant or a purchased block arrives. Sell a block or approve the overrun.' },
  { label: 'Overage', statuses: ['overage', 'partial'], advice: 'These entries used more than the balance. Invoice the overage column, or add a block and import it.' },
  { label: 'Applied', statuses: ['applied'], advice: null },
];

/** How many entries a filter shows, from the per-status counts; null until they are known. */
export function filterCount(filter: EntryFilter, counts: Readonly<Record<EntryStatus, number>> | null): number | null {
  if (!counts) return null;
  if (filter.statuses.length === 0) return Object.values(counts).reduce((sum, count) => sum + count, 0);
  return filter.statuses.reduce((sum, status) => sum + counts[status], 0);
}
