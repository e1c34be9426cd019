// The audit's input from what the import returned for each side (ConnectWise
// source, e-automate target, the time entries) plus the optional pairs file:
// ConnectWise's own terms put on its contracts, entry ids checked across
// files, the pairs checked against both sides. Pure; every problem is a value.
import type { Addition, Contract, Entry, IsoDate } from '../model';
import type { ImportIssue } from '../import/import-issue';
import type { Table } from '../import/table';
import { CellReader, columnsOf } from '../canonical/cell-reader';
import type { AuditInput, PairRequest, SourceFeatures } from './audit-types';

/** What the import gives for one side (io's `loadSourceFiles` result has this shape). */
export interface ImportedSide {
  readonly contracts: readonly Contract[];
  readonly additions: readonly Addition[];
  readonly entries: readonly Entry[];
  readonly issues: readonly ImportIssue[];
}

export interface AuditParts {
  readonly source: ImportedSide;
  readonly features: readonly SourceFeatures[];
  readonly target: ImportedSide;
  readonly history: ImportedSide;
  readonly pairs: Table | null;
  readonly asOf: IsoDate;
}

export interface LoadedAudit {
  readonly input: AuditInput;
  /** Errors (the audit must not run) and warnings (what was approximated), in file order. */
  readonly issues: readonly ImportIssue[];
}

/** The columns of the pairs file. */
const PAIR_COLUMNS = columnsOf(['source_id', 'target_id']);

function readPairs(table: Table, source: readonly Contract[], target: readonly Contract[], issues: ImportIssue[]): PairRequest[] {
  const reader = new CellReader(table.fileName, PAIR_COLUMNS);
  const { source_id: sourceColumn, target_id: targetColumn } = PAIR_COLUMNS;
  if (!reader.setHeader(table.header, [sourceColumn, targetColumn])) {
    issues.push(...reader.issues);
    return [];
  }
  const sourceIds = new Set(source.map((contract) => contract.id));
  const targetIds = new Set(target.map((contract) => contract.id));
  const seen = new Map<string, number>();
  const pairs: PairRequest[] = [];
  for (const row of table.rows) {
    reader.begin(row.cells, row.line);
    const sourceId = reader.requiredText(sourceColumn, 'a ConnectWise agreement id');
    const targetId = reader.requiredText(targetColumn, 'an e-automate contract number');
    if (sourceId !== null && !sourceIds.has(sourceId)) reader.fail(sourceColumn, 'unknown-contract', `no ConnectWise agreement "${sourceId}" was imported from --source`);
    if (targetId !== null && !targetIds.has(targetId)) reader.fail(targetColumn, 'unknown-contract', `no e-automate contract "${targetId}" was imported from --target`);
    for (const [column, id] of [[sourceColumn, sourceId], [targetColumn, targetId]] as const) {
      if (id === null) continue;
      const key = `${column.name}\u0000${id}`;
      const first = seen.get(key);
      if (first !== undefined) reader.fail(column, 'duplicate-id', `"${id}" is already paired on line ${first}; each contract is paired once`);
      else seen.set(key, row.line);
    }
    reader.end();
    if (reader.rowOk && sourceId !== null && targetId !== null) pairs.push({ sourceId, targetId });
  }
  issues.push(...reader.issues);
  return pairs;
}

/** ConnectWise's own terms on the canonical contract: its agreement rate and excluded work types (issue 6 "as configured"). */
function withSourceTerms(contract: Contract, features: SourceFeatures | undefined): Contract {
  if (!features) return contract;
  const excluded = [...new Set([...contract.excludedWorkTypes, ...features.excludedWorkTypes])];
  return { ...contract, rate: contract.rate ?? features.workRoleRate, excludedWorkTypes: excluded };
}

function ignoredTargetRows(target: ImportedSide): ImportIssue[] {
  const rows = target.additions.length + target.entries.length;
  if (rows === 0) return [];
  return [{ file: '--target', line: null, column: null, code: 'target-history-ignored', message: `${rows} e-automate labor or addition rows were not used: the what-if replays the ConnectWise history given with --entries`, severity: 'warning' }];
}

/** Puts the imported sides together; the input is complete only when `issues` has no error. */
export function assembleAuditInput(parts: AuditParts): LoadedAudit {
  const { source, target, history } = parts;
  const issues: ImportIssue[] = [...source.issues, ...target.issues, ...ignoredTargetRows(target), ...history.issues];
  // Negative ConnectWise adjustments arrive as source entries; SPEC §10: entry ids are unique across all files replayed together.
  const seen = new Set<string>();
  const entries: Entry[] = [];
  for (const entry of [...source.entries, ...history.entries]) {
    if (seen.has(entry.id)) {
      issues.push({ file: '--entries', line: null, column: 'id', code: 'duplicate-id', message: `the entry id "${entry.id}" is given more than once across --source and --entries; give each entry once`, severity: 'error' });
      continue;
    }
    seen.add(entry.id);
    entries.push(entry);
  }
  const featuresById = new Map(parts.features.map((feature) => [feature.agreementId, feature]));
  const contracts = source.contracts.map((contract) => withSourceTerms(contract, featuresById.get(contract.id)));
  const pairs = parts.pairs === null ? null : readPairs(parts.pairs, contracts, target.contracts, issues);
  return {
    input: { source: { contracts, additions: source.additions, features: parts.features }, target: target.contracts, entries, pairs, asOf: parts.asOf },
    issues,
  };
}
