// An import's preview: everything is hashed, keyed and compared with the store
// before anything is written (reliability.md DB-1). The result either says the
// files were already imported, or is a plan listing what is new, what is
// already stored, and the conflicts the clerk must decide (issue 3).
import type { Addition, Contract, Entry } from '../core/model';
import type { ImportIssue } from '../core/import/import-issue';
import type { BatchFile, BlockledgerDb, RecordType } from './schema';
import { currentRevision } from './audit';
import { entryAt, keyPartAt, type EntryChunk, type EntryRows } from './entry-chunks';
import { forEachLiveRow, readLiveChunks } from './live-entries';
import { canonicalJson, entryContentText, idKeyPart, OccurrenceCounter, recordKey, sameEntryContent, sha256Hex } from './record-keys';

export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** An addition and the source's own id for it (ConnectWise addition id, Autotask block id); null when it has none. */
export interface SourcedAddition {
  readonly addition: Addition;
  readonly sourceId: string | null;
}

/** What the readers and profiles produced, ready to store. */
export interface ImportDraft {
  /** The source system (`canonical`, `connectwise`, `autotask`, `eautomate`, `generic`); scopes the record keys. */
  readonly source: string;
  readonly files: readonly ImportFile[];
  /** Keyed by contract id. */
  readonly contracts: readonly Contract[];
  readonly additions: readonly SourcedAddition[];
  /** Keyed by entry id; an entry with id '' (the source has none) is keyed by its content and gets that key as its id. */
  readonly entries: readonly Entry[];
  /** Rows the readers rejected (their issues are listed by the wizard). */
  readonly rejectedRows: number;
}

interface Incoming<T> {
  readonly key: string;
  readonly value: T;
}

interface Existing<T> {
  readonly value: T;
  readonly batchId: number;
}

/** Same key, different content: shown side by side; the clerk keeps the stored one or replaces it. */
export interface Conflict<K extends RecordType, T> {
  readonly recordType: K;
  readonly key: string;
  readonly existing: T;
  readonly incoming: T;
  readonly existingBatchId: number;
}
export type RecordConflict = Conflict<'contract', Contract> | Conflict<'addition', Addition> | Conflict<'entry', Entry>;

export interface PlanCounts {
  readonly new: number;
  readonly unchanged: number;
  readonly conflicts: number;
}

/** The records of one type, sorted against the store. */
export interface SortedRecords<T> {
  readonly fresh: readonly Incoming<T>[];
  readonly unchanged: number;
  readonly conflicts: readonly { readonly incoming: Incoming<T>; readonly existing: Existing<T> }[];
}

export interface ImportPlan {
  readonly kind: 'plan';
  readonly source: string;
  readonly files: readonly BatchFile[];
  /** The id the batch will have. */
  readonly batchId: number;
  /** The store's revision when previewed; commit refuses if it moved. */
  readonly revision: number;
  /** Readers' rejected rows plus the store's own (see `issues`). */
  readonly rejectedRows: number;
  /** Problems the store found (a record twice in this import with different values). */
  readonly issues: readonly ImportIssue[];
  readonly conflicts: readonly RecordConflict[];
  readonly summary: { readonly contracts: PlanCounts; readonly additions: PlanCounts; readonly entries: PlanCounts };
  /** For commitImport. */
  readonly contracts: SortedRecords<Contract>;
  readonly additions: SortedRecords<Addition>;
  readonly entries: EntryPlan;
}

/** An entry conflict: the draft's entry at `position` against the stored one. */
export interface EntryConflictAt {
  readonly position: number;
  readonly key: string;
  readonly existing: Entry;
  readonly existingBatchId: number;
}

/**
 * The entries, sorted against the store. Kept as positions into the draft
 * rather than a wrapper object per row: a million rows must plan in well under a second.
 */
export interface EntryPlan {
  /** The draft's entries; an entry without id carries its row key part as id. */
  readonly entries: readonly Entry[];
  readonly keyParts: EntryRows['keyParts'];
  /** Positions of entries new to the store, in draft order. */
  readonly fresh: Int32Array;
  readonly unchanged: number;
  readonly conflicts: readonly EntryConflictAt[];
}

export interface AlreadyImported {
  readonly kind: 'already-imported';
  readonly batchIds: readonly number[];
  readonly message: string;
}

export type ImportPreview = ImportPlan | AlreadyImported;

const LABELS: Record<RecordType, string> = { contract: 'Contract', addition: 'Addition', entry: 'Entry' };

function duplicateIssue(type: RecordType, described: string, fileNames: string): ImportIssue {
  return {
    file: fileNames, line: null, column: null, code: 'duplicate-key', severity: 'error',
    message: `${LABELS[type]} ${described} appears more than once in this import with different values; only the first one was used.`,
  };
}

/** Sorts incoming records into new, unchanged and conflicting; a key repeated with other content inside the import is an issue. */
function sortRecords<T>(
  type: RecordType,
  incoming: readonly Incoming<T>[],
  existingOf: (key: string) => Existing<T> | undefined,
  same: (a: T, b: T) => boolean,
  describe: (value: T) => string,
  fileNames: string,
  issues: ImportIssue[],
): SortedRecords<T> {
  const fresh: Incoming<T>[] = [];
  const conflicts: { incoming: Incoming<T>; existing: Existing<T> }[] = [];
  const firstInImport = new Map<string, T>();
  let unchanged = 0;
  for (const record of incoming) {
    const earlier = firstInImport.get(record.key);
    if (earlier !== undefined) {
      if (same(earlier, record.value)) unchanged++;
      else issues.push(duplicateIssue(type, describe(record.value), fileNames));
      continue;
    }
    firstInImport.set(record.key, record.value);
    const existing = existingOf(record.key);
    if (existing === undefined) fresh.push(record);
    else if (same(existing.value, record.value)) unchanged++;
    else conflicts.push({ incoming: record, existing });
  }
  return { fresh, unchanged, conflicts };
}

function counts<T>(sorted: SortedRecords<T>): PlanCounts {
  return { new: sorted.fresh.length, unchanged: sorted.unchanged, conflicts: sorted.conflicts.length };
}

function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Gives entries without a source id their `row:HASH.N` key part as id. */
function keyEntries(entries: readonly Entry[]): Pick<EntryPlan, 'entries' | 'keyParts'> {
  if (!entries.some((entry) => entry.id === '')) return { entries, keyParts: null };
  const occurrences = new OccurrenceCounter();
  const keyParts: string[] = [];
  const keyed = entries.map((entry) => {
    if (entry.id !== '') {
      keyParts.push('');
      return entry;
    }
    const part = occurrences.rowKeyPart(entryContentText(entry));
    keyParts.push(part);
    return { ...entry, id: part };
  });
  return { entries: keyed, keyParts };
}

interface StoredLocation {
  readonly chunk: EntryChunk;
  readonly row: number;
}

/** Stored entries of one source by id (keyed by id) and by row key part (keyed by content). */
interface StoredEntryIndex {
  readonly byId: Map<string, StoredLocation>;
  readonly byRow: Map<string, StoredLocation>;
}

function indexStoredEntries(live: Awaited<ReturnType<typeof readLiveChunks>>): StoredEntryIndex {
  const index: StoredEntryIndex = { byId: new Map(), byRow: new Map() };
  forEachLiveRow(live, (chunk, row) => {
    const part = keyPartAt(chunk, row);
    if (part === '') index.byId.set(chunk.ids[row] as string, { chunk, row });
    else index.byRow.set(part, { chunk, row });
  });
  return index;
}

/** sortRecords for entries, on positions. */
function planEntries(source: string, draftEntries: readonly Entry[], stored: StoredEntryIndex, fileNames: string, issues: ImportIssue[]): EntryPlan {
  const { entries, keyParts } = keyEntries(draftEntries);
  const fresh: number[] = [];
  const conflicts: EntryConflictAt[] = [];
  const firstIdAt = new Map<string, number>();
  let unchanged = 0;
  for (let position = 0; position < entries.length; position++) {
    const entry = entries[position] as Entry;
    const part = keyParts === null ? '' : (keyParts[position] as string);
    // A row key part already encodes content and occurrence: it cannot repeat within a draft.
    if (part === '') {
      const earlier = firstIdAt.get(entry.id);
      if (earlier !== undefined) {
        if (sameEntryContent(entries[earlier] as Entry, entry)) unchanged++;
        else issues.push(duplicateIssue('entry', `"${entry.id}"`, fileNames));
        continue;
      }
      firstIdAt.set(entry.id, position);
    }
    const at = part === '' ? stored.byId.get(entry.id) : stored.byRow.get(part);
    if (at === undefined) fresh.push(position);
    else {
      const existing = entryAt(at.chunk, at.row);
      if (sameEntryContent(existing, entry)) unchanged++;
      else conflicts.push({ position, key: recordKey(source, 'entry', part === '' ? idKeyPart(entry.id) : part), existing, existingBatchId: at.chunk.batchId });
    }
  }
  return { entries, keyParts, fresh: Int32Array.from(fresh), unchanged, conflicts };
}

function keyedAdditions(source: string, additions: readonly SourcedAddition[]): Incoming<Addition>[] {
  const occurrences = new OccurrenceCounter();
  return additions.map(({ addition, sourceId }) => ({
    key: recordKey(source, 'addition', sourceId === null ? occurrences.rowKeyPart(canonicalJson(addition)) : idKeyPart(sourceId)),
    value: addition,
  }));
}

async function hashFiles(files: readonly ImportFile[]): Promise<BatchFile[]> {
  return Promise.all(files.map(async (file) => ({ name: file.name, sha256: await sha256Hex(file.bytes), size: file.bytes.length })));
}

/** The committed batches holding each file, or null when some file is new. */
async function batchesHoldingAll(db: BlockledgerDb, files: readonly BatchFile[]): Promise<number[] | null> {
  if (files.length === 0) return null;
  const holders = new Set<number>();
  for (const file of files) {
    const batches = await db.batches.where('fileHashes').equals(file.sha256).filter((batch) => batch.status === 'committed').toArray();
    const first = batches[0];
    if (first === undefined) return null;
    holders.add(first.id);
  }
  return [...holders].sort((a, b) => a - b);
}

/** Previews an import against the store; writes nothing. */
export async function prepareImport(db: BlockledgerDb, draft: ImportDraft): Promise<ImportPreview> {
  if (draft.source.includes('|')) throw new Error(`source names cannot contain "|": ${draft.source}`);
  const files = await hashFiles(draft.files);
  const contractsIn = draft.contracts.map((value) => ({ key: recordKey(draft.source, 'contract', idKeyPart(value.id)), value }));
  const additionsIn = keyedAdditions(draft.source, draft.additions);

  return db.transaction('r', [db.batches, db.contracts, db.additions, db.entryChunks, db.audit], async () => {
    const holders = await batchesHoldingAll(db, files);
    if (holders !== null) {
      const names = holders.length === 1 ? `batch ${holders[0]}` : `batches ${holders.join(', ')}`;
      return { kind: 'already-imported', batchIds: holders, message: `Already imported as ${names}; nothing was changed.` } satisfies AlreadyImported;
    }
    const revision = await currentRevision(db);
    const batchId = (((await db.batches.orderBy(':id').lastKey()) as number | undefined) ?? 0) + 1;
    const storedContracts = new Map((await db.contracts.bulkGet(contractsIn.map((r) => r.key))).flatMap((row) => (row ? [[row.key, row] as const] : [])));
    const storedAdditions = new Map((await db.additions.bulkGet(additionsIn.map((r) => r.key))).flatMap((row) => (row ? [[row.key, row] as const] : [])));
    const storedEntries = indexStoredEntries((await readLiveChunks(db)).filter(({ chunk }) => chunk.source === draft.source));

    const fileNames = files.map((file) => file.name).join(', ');
    const issues: ImportIssue[] = [];
    const contracts = sortRecords('contract', contractsIn, (key) => storedContracts.get(key), sameJson, (c) => `"${c.id}"`, fileNames, issues);
    const additions = sortRecords('addition', additionsIn, (key) => storedAdditions.get(key), sameJson,
      (a) => `of ${a.date} on contract "${a.contractId}"`, fileNames, issues);
    const entries = planEntries(draft.source, draft.entries, storedEntries, fileNames, issues);

    const conflicts: RecordConflict[] = [
      ...contracts.conflicts.map((c) => ({ recordType: 'contract' as const, key: c.incoming.key, existing: c.existing.value, incoming: c.incoming.value, existingBatchId: c.existing.batchId })),
      ...additions.conflicts.map((c) => ({ recordType: 'addition' as const, key: c.incoming.key, existing: c.existing.value, incoming: c.incoming.value, existingBatchId: c.existing.batchId })),
      ...entries.conflicts.map((c) => ({ recordType: 'entry' as const, key: c.key, existing: c.existing, incoming: entries.entries[c.position] as Entry, existingBatchId: c.existingBatchId })),
    ];
    return {
      kind: 'plan', source: draft.source, files, batchId, revision,
      rejectedRows: draft.rejectedRows + issues.length, issues, conflicts,
      summary: { contracts: counts(contracts), additions: counts(additions), entries: { new: entries.fresh.length, unchanged: entries.unchanged, conflicts: entries.conflicts.length } },
      contracts, additions, entries,
    } satisfies ImportPlan;
  });
}
