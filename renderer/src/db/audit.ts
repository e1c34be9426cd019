// The audit log (reliability.md LED-3): every change writes one event in the
// same transaction as the change. Its last id doubles as the database's
// revision, so a commit can tell that something changed since its preview.
import type { AuditAction, AuditEvent, BlockledgerDb, ChangeContext } from './schema';

/** The changes to what the engine reads: contracts, additions and entries. */
const INPUT_CHANGES: ReadonlySet<AuditAction> = new Set<AuditAction>(['import', 'revert', 'restore']);

/** An audit event ready to add (the table numbers it). */
export function auditEvent(context: ChangeContext, action: AuditAction, batchId: number | null, summary: string): Omit<AuditEvent, 'id'> {
  return { at: context.now, who: context.who, action, batchId, summary };
}

/** The id of the newest audit event, 0 for a new database. */
export async function currentRevision(db: BlockledgerDb): Promise<number> {
  return ((await db.audit.orderBy(':id').lastKey()) as number | undefined) ?? 0;
}

/**
 * The id of the newest event that changed what the engine reads (an import, a
 * revert, a restore), 0 for none. A saved contracts screen is valid while it
 * stays the same: a clerk who changes the date format or saves an import
 * profile still opens the app on the saved screen. The allocation order, the
 * one setting the engine reads, is part of a saved screen's key on its own.
 */
export async function inputRevision(db: BlockledgerDb): Promise<number> {
  return (await db.audit.orderBy(':id').reverse().filter((event) => INPUT_CHANGES.has(event.action)).first())?.id ?? 0;
}

/** The newest events first, for the history screen. */
export async function listAuditEvents(db: BlockledgerDb, limit = 200): Promise<AuditEvent[]> {
  return db.audit.orderBy(':id').reverse().limit(limit).toArray();
}
