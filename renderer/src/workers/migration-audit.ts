// The Audit screen's work in the engine worker (issue 6): the picked files
// through the same loader as `npm run audit`, the pure audit, and the audit
// workbook built in memory. The store is not touched: an audit compares two
// systems' exports, it does not import them.
import type { Entry } from '../core/model';
import type { AuditResult } from '../core/audit/audit-types';
import { runAudit } from '../core/audit/run-audit';
import { loadAuditSources } from '../io/audit-sources';
import { auditDocument, auditFileName, writeAuditWorkbook } from '../io/workbook/audit-workbook';
import { openMemoryWorkbook } from '../io/workbook/open-memory-workbook';
import type { MigrationAuditRequest, MigrationAuditView, Progress } from './engine-protocol';

/** The entries a clerk can drill into: those behind a what-if month or named by an explanation. */
function drillDownEntries(entries: readonly Entry[], result: AuditResult): Entry[] {
  const named = new Set([
    ...result.whatIf.pairs.flatMap((pair) => pair.months.flatMap((month) => month.entryIds)),
    ...result.variances.flatMap((report) => report.explanations.flatMap((explanation) => explanation.entryIds)),
  ]);
  return entries.filter((entry) => named.has(entry.id));
}

/** Audits the picked files; with any error, no result and every issue. */
export async function migrationAudit(request: MigrationAuditRequest, progress: (progress: Progress) => void, checkpoint: () => void): Promise<MigrationAuditView> {
  progress({ label: 'Reading the exports', done: 0, total: 3 });
  const loaded = await loadAuditSources(request, { asOf: request.asOf, unitProducts: request.unitProducts, xlsx: 'memory' });
  checkpoint();
  if (loaded.issues.some((issue) => issue.severity === 'error')) return { result: null, issues: loaded.issues, entries: [], workbook: null };
  progress({ label: 'Replaying both term sets', done: 1, total: 3 });
  const result = runAudit(loaded.input);
  checkpoint();
  progress({ label: 'Writing the audit workbook', done: 2, total: 3 });
  const book = await openMemoryWorkbook(auditDocument(result));
  await writeAuditWorkbook(book, result);
  return { result, issues: loaded.issues, entries: drillDownEntries(loaded.input.entries, result), workbook: { name: auditFileName(result.asOf), bytes: await book.toBytes() } };
}
