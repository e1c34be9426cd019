// The Audit screen's worker call on the migrated portfolio: the same audit as
// the command, the workbook to save, the entries to drill into; bad files give
// every issue and no result.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { migrationAudit } from '../../renderer/src/workers/migration-audit';
import type { MigrationAuditRequest } from '../../renderer/src/workers/engine-protocol';
import { ENTRY_FILES, MIGRATION_DIR, SOURCE_FILES, TARGET_FILES, UNIT_PRODUCTS } from '../core/audit/migration-fixture';

const named = (dir: string, name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) });
const REQUEST: MigrationAuditRequest = {
  source: SOURCE_FILES.map((name) => named(MIGRATION_DIR, name)),
  target: TARGET_FILES.map((name) => named(MIGRATION_DIR, name)),
  entries: ENTRY_FILES.map((name) => named(MIGRATION_DIR, name)),
  pairs: null,
  asOf: '2026-03-31',
  unitProducts: UNIT_PRODUCTS,
};
const quiet = { progress: () => undefined, checkpoint: () => undefined };

describe('migration audit in the worker', () => {
  it('answers with the audit, the drill-down entries and the workbook', async () => {
    const view = await migrationAudit(REQUEST, quiet.progress, quiet.checkpoint);
    expect(view.result?.whatIf.portfolio.billedDifferenceCents).toBe(59000);
    expect(view.result?.findings).toHaveLength(18);
    // The entries behind a what-if month or an explanation: T207 (no agreement) too, not those of Dune Projects (unpaired).
    expect(view.entries.map((entry) => entry.id)).toContain('T207');
    expect(view.entries.every((entry) => entry.contractId !== '1005')).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(view.workbook?.bytes ?? []).buffer);
    expect(view.workbook?.name).toBe('Migration audit 2026-03-31.xlsx');
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Pairs', 'Findings', 'What-if by month', 'What-if totals', 'Variance']);
  });

  it('gives every issue and no result for bad files', async () => {
    const bad = join(MIGRATION_DIR, '..', 'audit', 'bad');
    const view = await migrationAudit({ ...REQUEST, target: [named(bad, 'ea-contracts.csv')], pairs: named(bad, 'pairs.csv') }, quiet.progress, quiet.checkpoint);
    expect(view.result).toBeNull();
    expect(view.workbook).toBeNull();
    expect(view.issues.filter((issue) => issue.severity === 'error').map((issue) => `${issue.file}:${issue.line}:${issue.column}`)).toEqual([
      'ea-contracts.csv:3:Re-bill Option',
      // Agreement 1001 exists on the good ConnectWise side; EA-404 exists nowhere.
      'pairs.csv:2:target_id',
    ]);
  });
});
