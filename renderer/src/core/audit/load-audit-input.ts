// From the files of an audit (ConnectWise source, e-automate target, the time
// entries, an optional pairs file), as tables, to the audit's input: each
// side through its import profile and the canonical typer, plus the
// ConnectWise settings only the audit needs. Pure; every problem is a value.
import type { Contract, Entry, IsoDate } from '../model';
import type { ImportIssue } from '../import/import-issue';
import type { Table } from '../import/table';
import type { UnitProduct } from '../import/profiles/profile-types';
import { CONNECTWISE_PROFILE } from '../import/profiles/connectwise';
import { mapSourceTables, type SourceMapping } from '../import/map-source-tables';
import { contractTyper } from '../canonical/type-contracts';
import { additionTyper } from '../canonical/type-additions';
import { entryTyper } from '../canonical/type-entries';
import { typeTable, type RowTyper, type TypedRows } from '../canonical/typed-rows';
import { CellReader } from '../canonical/cell-reader';
import { readSourceExtras } from './source-features';
import type { AuditInput, PairRequest, SourceFeatures } from './audit-types';

export interface AuditTables {
  readonly source: readonly Table[];
  readonly target: readonly Table[];
  readonly entries: readonly Table[];
  readonly pairs: Table | null;
}

export interface AuditLoadOptions {
  readonly asOf: IsoDate;
  /** ConnectWise addition products that add units (psa-exports.md §1.4). */
  readonly unitProducts?: readonly UnitProduct[];
}

export interface LoadedAudit {
  readonly input: AuditInput;
  /** Errors (the audit must not run) and warnings (what was approximated), in file order. */
  readonly issues: readonly ImportIssue[];
}

/** Types every table of one kind and merges the rows, as if one file. */
function typeAll<T>(tables: readonly Table[], typer: (fileName: string) => RowTyper<T>): TypedRows<T> {
  const typed = tables.map((table) => typeTable(table, typer(table.fileName)));
  return {
    records: typed.flatMap((rows) => rows.records),
    issues: typed.flatMap((rows) => rows.issues),
    complete: typed.every((rows) => rows.complete),
    rejectedIds: new Set(typed.flatMap((rows) => [...rows.rejectedIds])),
  };
}

function readPairs(table: Table, source: readonly Contract[], target: readonly Contract[], issues: ImportIssue[]): PairRequest[] {
  const reader = new CellReader(table.fileName, ['source_id', 'target_id']);
  if (!reader.setHeader(table.header, ['source_id', 'target_id'])) {
    issues.push(...reader.issues);
    return [];
  }
  const sourceIds = new Set(source.map((contract) => contract.id));
  const targetIds = new Set(target.map((contract) => contract.id));
  const seen = new Map<string, number>();
  const pairs: PairRequest[] = [];
  for (const row of table.rows) {
    reader.begin(row.cells, row.line);
    const sourceId = reader.requiredText('source_id', 'a ConnectWise agreement id');
    const targetId = reader.requiredText('target_id', 'an e-automate contract number');
    if (sourceId !== null && !sourceIds.has(sourceId)) reader.fail('source_id', 'unknown-contract', `no ConnectWise agreement "${sourceId}" was imported from --source`);
    if (targetId !== null && !targetIds.has(targetId)) reader.fail('target_id', 'unknown-contract', `no e-automate contract "${targetId}" was imported from --target`);
    for (const [column, id] of [['source_id', sourceId], ['target_id', targetId]] as const) {
      if (id === null) continue;
      const key = `${column}\u0000${id}`;
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

function ignoredTargetRows(mapping: SourceMapping): ImportIssue[] {
  const rows = [...mapping.tables.additions, ...mapping.tables.entries].reduce((sum, table) => sum + table.rows.length, 0);
  if (rows === 0) return [];
  const files = [...new Set([...mapping.tables.additions, ...mapping.tables.entries].map((table) => table.fileName))];
  return [{ file: files.join(', '), line: null, column: null, code: 'target-history-ignored', message: `${rows} e-automate labor or addition rows were not used: the what-if replays the ConnectWise history given with --entries`, severity: 'warning' }];
}

/** Imports both sides and the history; the input is complete only when `issues` has no error. */
export function loadAuditInput(tables: AuditTables, options: AuditLoadOptions): LoadedAudit {
  const profile = { ...CONNECTWISE_PROFILE, unitProducts: options.unitProducts ?? CONNECTWISE_PROFILE.unitProducts };
  const mapOptions = { profiles: [profile], asOf: options.asOf };
  const source = mapSourceTables(tables.source, { ...mapOptions, profile: 'connectwise' });
  const target = mapSourceTables(tables.target, { ...mapOptions, profile: 'eautomate' });
  const history = mapSourceTables(tables.entries, mapOptions);
  const issues: ImportIssue[] = [...source.issues, ...target.issues, ...ignoredTargetRows(target), ...history.issues];

  const sourceContracts = typeAll(source.tables.contracts, contractTyper);
  const sourceAdditions = typeAll(source.tables.additions, (file) => additionTyper(file, sourceContracts, 'the ConnectWise agreements'));
  const targetContracts = typeAll(target.tables.contracts, contractTyper);
  const entries = typeAll([...source.tables.entries, ...history.tables.entries], entryTyper);
  issues.push(...sourceContracts.issues, ...sourceAdditions.issues, ...targetContracts.issues, ...entries.issues);

  const extras = [readSourceExtras(tables.source, source.detections, profile), readSourceExtras(tables.entries, history.detections, profile)];
  issues.push(...extras.flatMap((extra) => extra.issues));
  const entered = new Map(extras.flatMap((extra) => [...extra.entered]));
  const features = extras.flatMap((extra) => extra.features);
  const featuresById = new Map(features.map((feature) => [feature.agreementId, feature]));

  // SPEC §10: entry ids are unique; across several files too, since the engine replays them together.
  const seen = new Set<string>();
  const uniqueEntries: Entry[] = [];
  for (const entry of entries.records) {
    if (seen.has(entry.id)) {
      issues.push({ file: '--entries', line: null, column: 'id', code: 'duplicate-id', message: `the entry id "${entry.id}" appears in more than one entries file; give each entry once`, severity: 'error' });
      continue;
    }
    seen.add(entry.id);
    const when = entered.get(entry.id);
    uniqueEntries.push(when === undefined ? entry : { ...entry, entered: when });
  }

  const contracts = sourceContracts.records.map((contract) => withSourceTerms(contract, featuresById.get(contract.id)));
  const pairs = tables.pairs === null ? null : readPairs(tables.pairs, contracts, targetContracts.records, issues);
  return {
    input: {
      source: { contracts, additions: sourceAdditions.records, features },
      target: targetContracts.records,
      entries: uniqueEntries,
      pairs,
      asOf: options.asOf,
    },
    issues,
  };
}
