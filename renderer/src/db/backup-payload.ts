// The database as plain JSON for backups, and back. Typed-array columns become
// number arrays (NaN as null); on the way back every table is checked for the
// shape the code relies on, so a damaged or foreign file is refused before
// anything is written. Older schema versions are brought up to date here with
// the same steps the Dexie upgrades use.
import { hundredthsColumn, MAX_CHUNK_ROWS, v4TextColumns, type EntryChunk } from './entry-chunks';
import { LEGACY_PROFILE_PREFIX, profileFromLegacySetting } from './legacy-profiles';
import { SCHEMA_VERSION, TABLE_NAMES, type AuditEvent, type ImportBatch, type SavedProfile, type Setting, type StoredAddition, type StoredContract, type TableName } from './schema';

/** Every table's rows, as the database holds them. */
export interface DatabaseTables {
  readonly contracts: StoredContract[];
  readonly additions: StoredAddition[];
  readonly batches: ImportBatch[];
  readonly entryChunks: EntryChunk[];
  readonly settings: Setting[];
  readonly profiles: SavedProfile[];
  readonly audit: AuditEvent[];
}

export interface BackupPayload {
  readonly schemaVersion: number;
  readonly tables: Record<TableName, unknown[]>;
}

/** Why a payload was refused, in words for the clerk. */
export class BackupShapeError extends Error {}

const NUMBER_COLUMNS = ['day', 'hours', 'amount', 'billable', 'contract', 'customer', 'member', 'workRole', 'workType', 'ticket', 'notes'] as const;
const CODE_COLUMNS = [['contract', 'contractDict'], ['customer', 'customerDict'], ['member', 'memberDict'], ['workRole', 'workRoleDict'], ['workType', 'workTypeDict'], ['ticket', 'ticketDict'], ['notes', 'notesDict']] as const;
const STRING_COLUMNS = ['ids', 'contractDict', 'customerDict', 'memberDict', 'workRoleDict', 'workTypeDict', 'ticketDict', 'notesDict'] as const;

function chunkToJson(chunk: EntryChunk): unknown {
  const json: Record<string, unknown> = { ...chunk };
  for (const column of NUMBER_COLUMNS) json[column] = Array.from(chunk[column], (value: number) => (Number.isNaN(value) ? null : value));
  if (chunk.importOrder !== undefined) json.importOrder = Array.from(chunk.importOrder);
  return json;
}

/** The JSON form of the whole database. */
export function toBackupPayload(tables: DatabaseTables): BackupPayload {
  return { schemaVersion: SCHEMA_VERSION, tables: { ...tables, entryChunks: tables.entryChunks.map(chunkToJson) } };
}

function fail(table: string, index: number, what: string): never {
  throw new BackupShapeError(`table "${table}", row ${index + 1}: ${what}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkRows(table: string, rows: unknown[], required: Readonly<Record<string, 'string' | 'number' | 'object'>>): void {
  rows.forEach((row, index) => {
    if (!isRecord(row)) fail(table, index, 'not an object');
    for (const [field, type] of Object.entries(required)) {
      if (typeof row[field] !== type || row[field] === null) fail(table, index, `"${field}" is not a ${type}`);
    }
  });
}

function strings(table: string, index: number, field: string, value: unknown, length: number | null): string[] {
  if (!Array.isArray(value) || (length !== null && value.length !== length) || !value.every((item) => typeof item === 'string')) {
    fail(table, index, `column "${field}" is damaged`);
  }
  return value as string[];
}

function numbers(index: number, field: string, value: unknown, count: number, allowNull: boolean): number[] {
  if (!Array.isArray(value) || value.length !== count) fail('entryChunks', index, `column "${field}" is damaged`);
  for (const item of value) {
    if (!(Number.isFinite(item) || (allowNull && item === null))) fail('entryChunks', index, `column "${field}" holds a non-number`);
  }
  return value as number[];
}

/** A text column a chunk may leave out (null): else one string (or null, when allowed) per row. */
function checkOptionalTextColumn(index: number, field: string, value: unknown, count: number, nullItems: boolean): void {
  if (value === null) return;
  if (!Array.isArray(value) || value.length !== count || !value.every((item) => typeof item === 'string' || (nullItems && item === null))) {
    fail('entryChunks', index, `column "${field}" is damaged`);
  }
}

/** The code columns of a chunk, each checked against its dictionary before it is narrowed to Int16 (a code out of range would wrap into a valid-looking one). */
function codeColumns(index: number, json: Record<string, unknown>, count: number, text: Record<string, string[]>): Pick<EntryChunk, (typeof CODE_COLUMNS)[number][0]> {
  const columns = CODE_COLUMNS.map(([codes, dict]) => {
    const values = numbers(index, codes, json[codes], count, false);
    // A chunk's dictionaries hold no more values than its rows: every code fits Int16.
    const size = Math.min((text[dict] as string[]).length, MAX_CHUNK_ROWS);
    for (const code of values) if (!Number.isInteger(code) || code >= size || code < (codes === 'contract' ? -1 : 0)) fail('entryChunks', index, `column "${codes}" points outside its dictionary`);
    return [codes, Int16Array.from(values)] as const;
  });
  return Object.fromEntries(columns) as Pick<EntryChunk, (typeof CODE_COLUMNS)[number][0]>;
}

function chunkFromJson(json: unknown, index: number): EntryChunk {
  if (!isRecord(json)) fail('entryChunks', index, 'not an object');
  const count = json.count;
  if (!Number.isSafeInteger(count) || (count as number) < 0 || (count as number) > MAX_CHUNK_ROWS) fail('entryChunks', index, `"count" is not a row count (0 to ${MAX_CHUNK_ROWS})`);
  const n = count as number;
  const text = Object.fromEntries(STRING_COLUMNS.map((field) => [field, strings('entryChunks', index, field, json[field], /Dict$/.test(field) ? null : n)]));
  const chunk = {
    batchId: json.batchId, seq: json.seq, count: n, source: json.source,
    ...text,
    day: Int32Array.from(numbers(index, 'day', json.day, n, false)),
    hours: hundredthsColumn(Float64Array.from(numbers(index, 'hours', json.hours, n, false))),
    amount: Float64Array.from(numbers(index, 'amount', json.amount, n, true), (value) => value ?? NaN),
    billable: Uint8Array.from(numbers(index, 'billable', json.billable, n, false)),
    ...codeColumns(index, json, n, text),
    keyParts: json.keyParts,
    entered: json.entered,
    // Left out by backups made before it was kept; a damaged one only costs the engine a sort (live-entries.ts).
    ...(json.importOrder === undefined ? {} : { importOrder: Int32Array.from(numbers(index, 'importOrder', json.importOrder, n, false)) }),
  } as EntryChunk;
  if (!Number.isSafeInteger(chunk.batchId) || !Number.isSafeInteger(chunk.seq) || typeof chunk.source !== 'string') fail('entryChunks', index, 'batch, sequence or source missing');
  checkOptionalTextColumn(index, 'keyParts', json.keyParts, n, false);
  checkOptionalTextColumn(index, 'entered', json.entered, n, true);
  for (const option of chunk.billable) if (option > 2) fail('entryChunks', index, 'column "billable" holds an unknown option');
  return chunk;
}

/** Schema v1 kept profiles among the settings (legacy-profiles.ts); v2 gave them a table. */
function profilesOutOfSettings(tables: Record<string, unknown>): Record<string, unknown> {
  const settings = (tables.settings ?? []) as Setting[];
  checkRows('settings', settings, { key: 'string' });
  const legacy = settings.filter((row) => row.key.startsWith(LEGACY_PROFILE_PREFIX));
  return { ...tables, settings: settings.filter((row) => !legacy.includes(row)), profiles: legacy.map(profileFromLegacySetting) };
}

/** Schema v3 kept a chunk's tickets and notes as one string per row; v4 dictionary-encodes them (see schema.ts). */
function chunkTextToV4(json: unknown, index: number): unknown {
  if (!isRecord(json)) return json;
  const count = Number.isSafeInteger(json.count) ? (json.count as number) : null;
  const columns = v4TextColumns({ ticket: strings('entryChunks', index, 'ticket', json.ticket, count), notes: strings('entryChunks', index, 'notes', json.notes, count) });
  return { ...json, ...columns, ticket: Array.from(columns.ticket), notes: Array.from(columns.notes) };
}

/** Brings an older backup's tables to the current schema, step by step as the database upgrades do; v3 only added an index. */
function upgradeTables(schemaVersion: number, tables: Record<string, unknown>): Record<string, unknown> {
  let upgraded = schemaVersion < 2 ? profilesOutOfSettings(tables) : tables;
  if (schemaVersion < 4 && Array.isArray(upgraded.entryChunks)) upgraded = { ...upgraded, entryChunks: upgraded.entryChunks.map(chunkTextToV4) };
  return upgraded;
}

/** Checks a parsed backup and returns its tables at the current schema version; throws BackupShapeError. */
export function fromBackupPayload(payload: unknown): DatabaseTables {
  if (!isRecord(payload) || !isRecord(payload.tables) || !Number.isSafeInteger(payload.schemaVersion)) {
    throw new BackupShapeError('it does not contain Blockledger tables');
  }
  const version = payload.schemaVersion as number;
  if (version > SCHEMA_VERSION) throw new BackupShapeError(`it was made by a newer Blockledger (database version ${version}; this one reads up to ${SCHEMA_VERSION})`);
  if (version < 1) throw new BackupShapeError(`database version ${version} does not exist`);
  const tables = upgradeTables(version, payload.tables);
  for (const name of TABLE_NAMES) if (!Array.isArray(tables[name])) throw new BackupShapeError(`table "${name}" is missing`);
  const rows = tables as Record<TableName, unknown[]>;
  checkRows('contracts', rows.contracts, { key: 'string', batchId: 'number', value: 'object' });
  checkRows('additions', rows.additions, { key: 'string', batchId: 'number', value: 'object' });
  checkRows('batches', rows.batches, { id: 'number', createdAt: 'string', source: 'string', status: 'string', files: 'object', fileHashes: 'object', counts: 'object', undo: 'object' });
  checkRows('settings', rows.settings, { key: 'string' });
  checkRows('profiles', rows.profiles, { name: 'string' });
  checkRows('audit', rows.audit, { id: 'number', at: 'string', who: 'string', action: 'string', summary: 'string' });
  return {
    contracts: rows.contracts as StoredContract[],
    additions: rows.additions as StoredAddition[],
    batches: rows.batches as ImportBatch[],
    entryChunks: rows.entryChunks.map(chunkFromJson),
    settings: rows.settings as Setting[],
    profiles: rows.profiles as SavedProfile[],
    audit: rows.audit as AuditEvent[],
  };
}
