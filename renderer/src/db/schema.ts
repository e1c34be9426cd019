// The Blockledger database: Dexie 4 over IndexedDB (ARCHITECTURE.md "src/db").
// Small editable tables hold one row per record; time entries live in columnar
// chunks of ~10,000 rows per import batch, because one IndexedDB record per row
// writes only ~10k rows/s (research/performance.md §6) while chunks write 1 M
// rows in about a second.
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { Addition, Contract } from '../core/model';
import { v4TextColumns, type EntryChunk, type V3ChunkText } from './entry-chunks';
import { LEGACY_PROFILE_PREFIX, profileFromLegacySetting } from './legacy-profiles';

/** Plain JSON, as saved profiles and settings hold it. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Who makes a change and when; the db layer never reads the clock (ARCHITECTURE.md). */
export interface ChangeContext {
  readonly who: string;
  /** ISO 8601 timestamp supplied by the caller. */
  readonly now: string;
}

export type RecordType = 'contract' | 'addition' | 'entry';

/** A contract or addition row: `key` is `source|type|id:…` or `source|type|row:…` (record-keys.ts). */
export interface StoredRecord<T> {
  readonly key: string;
  /** The batch that last wrote this record. */
  readonly batchId: number;
  readonly value: T;
}
export type StoredContract = StoredRecord<Contract>;
export type StoredAddition = StoredRecord<Addition>;

/** What happened to each record type in one import. */
export interface RecordCounts {
  /** New keys written. */
  readonly added: number;
  /** Conflicts resolved with "replace". */
  readonly replaced: number;
  /** Conflicts resolved with "keep" (the stored version stayed). */
  readonly kept: number;
  /** Already stored with the same content (overlapping exports). */
  readonly unchanged: number;
}

export interface BatchCounts {
  readonly contracts: RecordCounts;
  readonly additions: RecordCounts;
  readonly entries: RecordCounts;
  /** Rows the readers or the store rejected (listed as issues in the preview). */
  readonly rejected: number;
}

export interface BatchFile {
  readonly name: string;
  /** Lower-case hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  readonly size: number;
}

/** How to undo one contract/addition write: `previous` null means the batch inserted it. */
export interface RecordUndo<T> {
  readonly key: string;
  readonly previous: StoredRecord<T> | null;
}

/** Entry keys of an earlier batch that this batch replaced (those rows stay stored, hidden). */
export interface SupersededEntries {
  readonly batchId: number;
  readonly keys: readonly string[];
}

export type BatchStatus = 'committed' | 'reverted';

export interface ImportBatch {
  readonly id: number;
  readonly createdAt: string;
  readonly who: string;
  readonly source: string;
  readonly files: readonly BatchFile[];
  /** The files' SHA-256s again, flat, for the multi-entry index. */
  readonly fileHashes: readonly string[];
  readonly counts: BatchCounts;
  readonly status: BatchStatus;
  readonly revertedAt: string | null;
  readonly undo: {
    readonly contracts: readonly RecordUndo<Contract>[];
    readonly additions: readonly RecordUndo<Addition>[];
    readonly supersededEntries: readonly SupersededEntries[];
  };
}

export interface SavedProfile {
  readonly name: string;
  /** The import mapping as the profile code defines it (plain JSON). */
  readonly definition: JsonValue;
  /** Null for profiles carried over from schema v1, which did not record it. */
  readonly updatedAt: string | null;
}

export interface Setting {
  readonly key: string;
  readonly value: JsonValue;
}

export type AuditAction = 'import' | 'revert' | 'restore' | 'profile-save' | 'profile-delete' | 'setting-change';

/** One change, written in the same transaction as the change itself (reliability.md LED-3). */
export interface AuditEvent {
  readonly id: number;
  readonly at: string;
  readonly who: string;
  readonly action: AuditAction;
  readonly batchId: number | null;
  /** One sentence a clerk can read in the history. */
  readonly summary: string;
}

/** The current schema version; backups carry it. */
export const SCHEMA_VERSION = 4;

/** Index definitions per version. Dexie only needs a version kept while it has an upgrade. */
const STORES = {
  1: {
    contracts: 'key, batchId',
    additions: 'key, batchId',
    batches: '++id, *fileHashes',
    entryChunks: '[batchId+seq], batchId',
    settings: 'key',
    audit: '++id, batchId',
  },
  // v2: saved import profiles get their own table (v1 kept them as `profile:NAME` settings).
  2: { profiles: 'name' },
  // v3: chunks index the contracts they mention, so one contract's entries load without a full scan
  // (IndexedDB fills a new index from the stored chunks; no data changes).
  3: { entryChunks: '[batchId+seq], batchId, *contractDict' },
  // v4: a chunk's tickets and notes are dictionary-encoded like its other text columns (no index changes).
  4: {},
} as const;

export type BlockledgerDb = Dexie & {
  contracts: EntityTable<StoredContract, 'key'>;
  additions: EntityTable<StoredAddition, 'key'>;
  batches: EntityTable<ImportBatch, 'id'>;
  entryChunks: Dexie.Table<EntryChunk, [number, number]>;
  settings: EntityTable<Setting, 'key'>;
  profiles: EntityTable<SavedProfile, 'name'>;
  audit: EntityTable<AuditEvent, 'id'>;
};

export interface OpenOptions {
  readonly name?: string;
  /** Injected in Node (fake-indexeddb); the browser's own otherwise. */
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  /** Declare only up to this version: for upgrade tests and fixtures of older databases. */
  readonly version?: 1 | 2 | 3 | 4;
}

async function moveProfilesOutOfSettings(tx: Transaction): Promise<void> {
  const legacy = await tx.table<Setting, string>('settings').where('key').startsWith(LEGACY_PROFILE_PREFIX).toArray();
  const profiles = legacy.map(profileFromLegacySetting);
  await tx.table<SavedProfile, string>('profiles').bulkPut(profiles);
  await tx.table('settings').bulkDelete(legacy.map((row) => row.key));
}

/** Rewrites v3 chunks (tickets and notes as one string per row) in the v4 form; a chunk already in it is left alone. */
async function encodeChunkText(tx: Transaction): Promise<void> {
  await tx.table('entryChunks').toCollection().modify((chunk: Record<string, unknown>) => {
    if (Array.isArray(chunk.ticket) && Array.isArray(chunk.notes)) Object.assign(chunk, v4TextColumns(chunk as unknown as V3ChunkText));
  });
}

/** Opens (creating or upgrading) the Blockledger database. */
export async function openBlockledgerDb(options: OpenOptions = {}): Promise<BlockledgerDb> {
  const db = new Dexie(options.name ?? 'blockledger', {
    // reliability.md DB-2: a committed import must survive a crash right after "committed".
    chromeTransactionDurability: 'strict',
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as BlockledgerDb;
  const upTo = options.version ?? SCHEMA_VERSION;
  db.version(1).stores(STORES[1]);
  if (upTo >= 2) db.version(2).stores(STORES[2]).upgrade(moveProfilesOutOfSettings);
  if (upTo >= 3) db.version(3).stores(STORES[3]);
  if (upTo >= 4) db.version(4).stores(STORES[4]).upgrade(encodeChunkText);
  await db.open();
  return db;
}

/** Every table, in the order a backup lists them. */
export const TABLE_NAMES = ['contracts', 'additions', 'batches', 'entryChunks', 'settings', 'profiles', 'audit'] as const;
export type TableName = (typeof TABLE_NAMES)[number];
