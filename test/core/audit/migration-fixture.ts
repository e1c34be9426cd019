// Loads the hand-made migrated portfolio (test/fixtures/migration) the way the
// audit command does: CSV bytes to tables, then the pure audit loader.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsvTable } from '../../../renderer/src/io/csv/read-csv';
import type { Table } from '../../../renderer/src/core/import/table';
import { loadAuditInput, type LoadedAudit } from '../../../renderer/src/core/audit/load-audit-input';

export const MIGRATION_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'migration');
export const SOURCE_FILES = ['cw-agreements.csv', 'cw-additions.csv', 'cw-adjustments.csv', 'cw-recap.csv'];
export const TARGET_FILES = ['ea-contracts.csv'];
export const ENTRY_FILES = ['cw-time-entries.csv'];
export const UNIT_PRODUCTS = [
  { product: 'BLOCK-10H', unitsPerQuantity: '10' },
  { product: 'BLOCK-5H', unitsPerQuantity: '5' },
];

/** A fixture file as a table named by its file name. */
export function fixtureTable(name: string): Table {
  return readCsvTable(readFileSync(join(MIGRATION_DIR, name)), name).table;
}

/** The fixture portfolio loaded for an audit at 2026-03-31, optionally with the pairs file. */
export function loadMigration(withPairs = false): LoadedAudit {
  return loadAuditInput(
    { source: SOURCE_FILES.map(fixtureTable), target: TARGET_FILES.map(fixtureTable), entries: ENTRY_FILES.map(fixtureTable), pairs: withPairs ? fixtureTable('pairs.csv') : null },
    { asOf: '2026-03-31', unitProducts: UNIT_PRODUCTS },
  );
}
