// The quick filters of the entries screen: the exceptions a clerk clears at
// month-end first (the same entries as the month-end pack's Exceptions sheet),
// each kind with what to do about it, then everything else.
import type { EntryGroup, EntryGroupCounts } from '../../core/entry-groups';

export interface EntryFilter {
  readonly label: string;
  /** null: every entry. */
  readonly group: EntryGroup | null;
  /** What the clerk does next about these entries; null for the plain views. */
  readonly advice: string | null;
}

export const ENTRY_FILTERS: readonly EntryFilter[] = [
  { label: 'All', group: null, advice: null },
  {
    label: 'Exceptions',
    group: 'exceptions',
    advice: 'These entries cannot be invoiced as they stand: unmatched, not covered, or held. The month-end pack lists the same ones. Pick a filter to see one kind at a time.',
  },
  { label: 'Unmatched', group: 'unmatched', advice: 'These entries name no contract Blockledger knows, or their customer has no single active contract. Fix the agreement on the entry in your PSA (or import the missing agreement) and import the export again.' },
  { label: 'Not covered', group: 'not_covered', advice: 'These entries are outside what the contract covers (the reason says why: dates, no-charge, excluded work type). Bill them separately or correct them in your PSA.' },
  { label: 'Held', group: 'held', advice: 'These entries went past the overrun limit and are held, in full or in part, until a grant or a purchased block arrives. Sell a block or approve the overrun.' },
  { label: 'Overage', group: 'overage', advice: 'These entries used more than the balance, in full or in part. Invoice the overage column, or add a block and import it.' },
  { label: 'Applied', group: 'applied', advice: null },
];

/** How many entries a filter shows; null until the counts are known. */
export function filterCount(filter: EntryFilter, counts: EntryGroupCounts | null): number | null {
  return counts === null ? null : counts[filter.group ?? 'all'];
}
