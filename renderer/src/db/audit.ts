// The audit log (reliability.md LED-3): every change writes one event in the
// same transaction as the change. Its last id doubles as the database's
// revision, so a commit can tell that something changed since its preview.
import type { AuditAction, AuditEvent, BlockledgerDb, ChangeContext } from './schema';

/** An audit event ready to add (the table numbers it). */
export function auditEvent(context: ChangeContext, action: AuditAction, batchId: number | null, summary: string): Omit<AuditEvent, 'id'> {
  return { at: context.now, who: context.who, action, batchId, summary };
}

/** The id of the newest audit event, 0 for a new database. */
export async function currentRevision(db: BlockledgerDb): Promise<number> {
  return ((await db.audit.orderBy(':id').lastKey()) as number | undefined) ?? 0;
}

/** The newest events first, for the history screen. */
export async function listAuditEvents(db: BlockledgerDb, limit = 200): Promise<AuditEvent[]> {
  return db.audit.orderBy(':id').reverse().limit(limit).toArray();
}
