// Whole-database backups (issue 5, reliability.md DB-5): one gzip stream of
// two lines, a small envelope and the payload,
//   {"format":"blockledger-backup","version":1,"schemaVersion":3,"createdAt":"…","sha256":"…","size":N}
//   {"schemaVersion":3,"tables":{…}}
// so the file is plain gzip (main/backups.ts names, checksums and rotates the
// files) and the envelope's SHA-256 of the payload line catches damage that
// gzip's own CRC would let through. This module only makes and reads bytes.
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import type { BlockledgerDb, ChangeContext } from './schema';
import { SCHEMA_VERSION } from './schema';
import { auditEvent } from './audit';
import { BackupShapeError, fromBackupPayload, toBackupPayload, type DatabaseTables } from './backup-payload';
import { sha256Hex } from './record-keys';
import { storeFailure, type StoreFailure } from './store-failure';

const FORMAT = 'blockledger-backup';
const ENVELOPE_VERSION = 1;
/** The envelope line is small; a longer first line is not ours. */
const MAX_ENVELOPE_BYTES = 4096;

export interface BackupHeader {
  readonly format: typeof FORMAT;
  readonly version: number;
  readonly schemaVersion: number;
  readonly createdAt: string;
  /** SHA-256 of the payload line's bytes. */
  readonly sha256: string;
  readonly size: number;
}

export type BackupRefusal = { readonly ok: false; readonly code: 'invalid-backup'; readonly message: string };

export type RestoreResult = { readonly ok: true; readonly header: BackupHeader } | BackupRefusal | StoreFailure;

function refusal(why: string): BackupRefusal {
  return { ok: false, code: 'invalid-backup', message: `This backup cannot be restored: ${why}. The database was not changed.` };
}

async function readTables(db: BlockledgerDb): Promise<DatabaseTables> {
  return db.transaction('r', [db.contracts, db.additions, db.batches, db.entryChunks, db.settings, db.profiles, db.audit], async () => {
    const [contracts, additions, batches, entryChunks, settings, profiles, audit] = await Promise.all([
      db.contracts.toArray(), db.additions.toArray(), db.batches.toArray(), db.entryChunks.toArray(),
      db.settings.toArray(), db.profiles.toArray(), db.audit.toArray(),
    ]);
    return { contracts, additions, batches, entryChunks, settings, profiles, audit };
  });
}

/** The whole database as backup bytes (one consistent snapshot). */
export async function exportBackup(db: BlockledgerDb, now: string): Promise<Uint8Array> {
  const payload = strToU8(JSON.stringify(toBackupPayload(await readTables(db))));
  const header: BackupHeader = { format: FORMAT, version: ENVELOPE_VERSION, schemaVersion: SCHEMA_VERSION, createdAt: now, sha256: await sha256Hex(payload), size: payload.length };
  const envelope = strToU8(`${JSON.stringify(header)}\n`);
  const text = new Uint8Array(envelope.length + payload.length);
  text.set(envelope);
  text.set(payload, envelope.length);
  return gzipSync(text);
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 18 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function parseEnvelope(text: Uint8Array): { header: BackupHeader; payload: Uint8Array } | string {
  const end = text.indexOf(0x0a);
  if (end < 0 || end > MAX_ENVELOPE_BYTES) return 'it is not a Blockledger backup file';
  let header: unknown;
  try {
    header = JSON.parse(strFromU8(text.subarray(0, end)));
  } catch {
    return 'it is not a Blockledger backup file';
  }
  const h = header as Partial<BackupHeader> | null;
  if (!h || h.format !== FORMAT) return 'it is not a Blockledger backup file';
  if (h.version !== ENVELOPE_VERSION || typeof h.sha256 !== 'string' || !Number.isSafeInteger(h.size) || !Number.isSafeInteger(h.schemaVersion) || typeof h.createdAt !== 'string') {
    return 'its header is damaged or from an unknown backup format';
  }
  return { header: h as BackupHeader, payload: text.subarray(end + 1) };
}

/** Checks backup bytes (gzip, envelope, checksum, schema version, tables) without touching any database. */
export async function readBackup(bytes: Uint8Array): Promise<{ ok: true; header: BackupHeader; tables: DatabaseTables } | BackupRefusal> {
  if (!isGzip(bytes)) return refusal('it is not a Blockledger backup file');
  let text: Uint8Array;
  try {
    text = gunzipSync(bytes);
  } catch {
    return refusal('the file is damaged or incomplete (its compressed data does not read back)');
  }
  const parsed = parseEnvelope(text);
  if (typeof parsed === 'string') return refusal(parsed);
  const { header, payload } = parsed;
  if (payload.length !== header.size) return refusal(`its contents are ${payload.length < header.size ? 'incomplete' : 'longer than recorded'} (${payload.length} of ${header.size} bytes)`);
  if ((await sha256Hex(payload)) !== header.sha256) return refusal('its checksum does not match, so the file was changed or damaged after it was written');
  if (header.schemaVersion > SCHEMA_VERSION) return refusal(`it was made by a newer Blockledger (database version ${header.schemaVersion}; this one reads up to ${SCHEMA_VERSION})`);
  try {
    const json: unknown = JSON.parse(strFromU8(payload));
    if ((json as { schemaVersion?: unknown } | null)?.schemaVersion !== header.schemaVersion) return refusal('its header and its contents disagree on the database version');
    return { ok: true, header, tables: fromBackupPayload(json) };
  } catch (error) {
    if (error instanceof BackupShapeError) return refusal(error.message);
    if (error instanceof SyntaxError) return refusal('its contents are not readable data');
    throw error;
  }
}

/** Replaces the whole database with a verified backup, in one transaction; a refused backup changes nothing. */
export async function restoreBackup(db: BlockledgerDb, bytes: Uint8Array, context: ChangeContext): Promise<RestoreResult> {
  const read = await readBackup(bytes);
  if (!read.ok) return read;
  const { header, tables } = read;
  const summary = `Restored the backup of ${header.createdAt}: ${tables.batches.length} import batches, ${tables.contracts.length} contracts.`;
  try {
    await db.transaction('rw', [db.contracts, db.additions, db.batches, db.entryChunks, db.settings, db.profiles, db.audit], async () => {
      await Promise.all([db.contracts.clear(), db.additions.clear(), db.batches.clear(), db.entryChunks.clear(), db.settings.clear(), db.profiles.clear(), db.audit.clear()]);
      await db.contracts.bulkAdd(tables.contracts);
      await db.additions.bulkAdd(tables.additions);
      await db.batches.bulkAdd(tables.batches);
      await db.entryChunks.bulkAdd(tables.entryChunks);
      await db.settings.bulkAdd(tables.settings);
      await db.profiles.bulkAdd(tables.profiles);
      await db.audit.bulkAdd(tables.audit);
      await db.audit.add(auditEvent(context, 'restore', null, summary));
    });
  } catch (error) {
    return storeFailure(error, 'The backup was not restored');
  }
  return { ok: true, header };
}
