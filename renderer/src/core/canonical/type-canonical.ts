// The three canonical files (SPEC §2) typed into the engine's records, every
// bad row reported (§10 "Input"); main/cli/load-canonical.ts reads them.
import type { ImportIssue } from '../import/import-issue';
import type { Addition, Contract, Entry } from '../model';

export interface CanonicalRecords {
  readonly contracts: readonly Contract[];
  readonly additions: readonly Addition[];
  readonly entries: readonly Entry[];
  /** Every problem found, file by file; the records exclude the rejected rows. */
  readonly issues: readonly ImportIssue[];
}
