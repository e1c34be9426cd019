// Loads the hand-made migrated portfolio (test/fixtures/migration) exactly as
// the audit command does, from the fixture files.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadAuditFiles } from '../../../main/cli/audit-load';
import type { LoadedAudit } from '../../../renderer/src/core/audit/load-audit-input';

export const MIGRATION_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'migration');
export const SOURCE_FILES = ['cw-agreements.csv', 'cw-additions.csv', 'cw-adjustments.csv', 'cw-recap.csv'];
export const TARGET_FILES = ['ea-contracts.csv'];
export const ENTRY_FILES = ['cw-time-entries.csv'];
export const UNIT_PRODUCTS = [
  { product: 'BLOCK-10H', unitsPerQuantity: '10' },
  { product: 'BLOCK-5H', unitsPerQuantity: '5' },
];

/** The fixture portfolio loaded for an audit at 2026-03-31, optionally with the pairs file. */
export function loadMigration(withPairs = false): Promise<LoadedAudit> {
  const io = { readFile: async (name: string) => new Uint8Array(await readFile(join(MIGRATION_DIR, name))) };
  return loadAuditFiles(io, { source: SOURCE_FILES, target: TARGET_FILES, entries: ENTRY_FILES, pairs: withPairs ? 'pairs.csv' : null }, { asOf: '2026-03-31', unitProducts: UNIT_PRODUCTS });
}
