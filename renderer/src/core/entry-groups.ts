// The groups of entries a clerk works through before invoicing. One
// definition serves the Entries screen's quick filters, the month-end pack's
// Exceptions sheet and the command's total, so every place that says
// "exceptions" lists the same entries.
import type { EntryResult } from './result';

export type EntryGroup = 'exceptions' | 'unmatched' | 'not_covered' | 'held' | 'overage' | 'applied';

/**
 * An entry that cannot be invoiced as it stands: it names no contract, lies
 * outside what its contract covers, or is held (in full or in part) beyond
 * the overrun limit. Overage is not one: it is invoiced.
 */
export function isException(result: EntryResult): boolean {
  return result.status === 'unmatched' || result.status === 'not_covered' || result.held > 0;
}

/**
 * Whether an entry belongs to each group. Held and overage look at the split,
 * not the status: an entry applied in part is `partial` whether the rest was
 * held or billed as overage (SPEC §5).
 */
export const IN_ENTRY_GROUP: Readonly<Record<EntryGroup, (result: EntryResult) => boolean>> = {
  exceptions: isException,
  unmatched: (result) => result.status === 'unmatched',
  not_covered: (result) => result.status === 'not_covered',
  held: (result) => result.held > 0,
  overage: (result) => result.overage > 0,
  applied: (result) => result.status === 'applied',
};

/** How many entries each group holds, and `all` of them. */
export type EntryGroupCounts = Readonly<Record<EntryGroup | 'all', number>>;

export function countEntryGroups(results: readonly EntryResult[]): EntryGroupCounts {
  const counts: Record<EntryGroup | 'all', number> = { all: results.length, exceptions: 0, unmatched: 0, not_covered: 0, held: 0, overage: 0, applied: 0 };
  const groups = Object.entries(IN_ENTRY_GROUP) as [EntryGroup, (result: EntryResult) => boolean][];
  for (const result of results) for (const [group, inGroup] of groups) if (inGroup(result)) counts[group] += 1;
  return counts;
}
