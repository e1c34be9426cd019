// An import's preview: everything is hashed, keyed and compared with the store
// before anything is written (reliability.md DB-1). The result either says the
// files were already imported, or is a plan listing what is new, what is
// already stored, and the conflicts the clerk must decide (issue 3).
import type { Addition, Contract, Entry } from '../core/model';
import type { ImportIssue } from '../core/import/import-issue';
import type { BatchFile, BlockledgerDb, RecordType } from './schema';
import { currentRevision } from './audit';
import { entryAt, type KeyedEntry } from './entry-chunks';
import { entryKeyAt, forEachLiveRow, readLiveChunks } from './live-entries';
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
  /** Index in the draft, so stored rows keep the file's order. */
  readonly position: number;
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
  readonly entries: SortedRecords<KeyedEntry>;
}

export interface AlreadyImported {
  readonly kind: 'already-imported';
  readonly batchIds: readonly number[];
  readonly message: string;
}

export type ImportPreview = ImportPlan | AlreadyImported;

const LABELS: Record<RecordType, string> = { contract: 'Contract', addition: 'Addition', entry: 'Entry' };

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
      else issues.push({
        file: fileNames, line: null, column: null, code: 'duplicate-key', severity: 'error',
        message: `${LABELS[type]} ${describe(record.value)} appears more than once in this import with different values; only the first one was used.`,
      });
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

function keyedEntries(source: string, entries: readonly Entry[]): Incoming<KeyedEntry>[] {
  const occurrences = new OccurrenceCounter();
  return entries.map((entry, position) => {
    if (entry.id !== '') return { key: recordKey(source, 'entry', idKeyPart(entry.id)), value: { keyPart: '', entry }, position };
    const keyPart = occurrences.rowKeyPart(entryContentText(entry));
    return { key: recordKey(source, 'entry', keyPart), value: { keyPart, entry: { ...entry, id: keyPart } }, position };
  });
}

function keyedAdditions(source: string, additions: readonly SourcedAddition[]): Incoming<Addition>[] {
  const occurrences = new OccurrenceCounter();
  return additions.map(({ addition, sourceId }, position) => ({
    key: recordKey(source, 'addition', sourceId === null ? occurrences.rowKeyPart(canonicalJson(addition)) : idKeyPart(sourceId)),
    value: addition,
    position,
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
  const contractsIn = draft.contracts.map((value, position) => ({ key: recordKey(draft.source, 'contract', idKeyPart(value.id)), value, position }));
  const additionsIn = keyedAdditions(draft.source, draft.additions);
  const entriesIn = keyedEntries(draft.source, draft.entries);

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
    const live = (await readLiveChunks(db)).filter(({ chunk }) => chunk.source === draft.source);
    const storedEntries = new Map<string, { chunk: (typeof live)[number]['chunk']; row: number }>();
    forEachLiveRow(live, (chunk, row) => storedEntries.set(entryKeyAt(chunk, row), { chunk, row }));

    const fileNames = files.map((file) => file.name).join(', ');
    const issues: ImportIssue[] = [];
    const contracts = sortRecords('contract', contractsIn, (key) => storedContracts.get(key), sameJson, (c) => `"${c.id}"`, fileNames, issues);
    const additions = sortRecords('addition', additionsIn, (key) => storedAdditions.get(key), sameJson,
      (a) => `of ${a.date} on contract "${a.contractId}"`, fileNames, issues);
    const entries = sortRecords('entry', entriesIn, (key) => {
      const at = storedEntries.get(key);
      return at && { value: { keyPart: at.chunk.keyParts[at.row] as string, entry: entryAt(at.chunk, at.row) }, batchId: at.chunk.batchId };
    }, (a, b) => sameEntryContent(a.entry, b.entry), (e) => `"${e.entry.id}"`, fileNames, issues);

    const conflicts: RecordConflict[] = [
      ...contracts.conflicts.map((c) => ({ recordType: 'contract' as const, key: c.incoming.key, existing: c.existing.value, incoming: c.incoming.value, existingBatchId: c.existing.batchId })),
      ...additions.conflicts.map((c) => ({ recordType: 'addition' as const, key: c.incoming.key, existing: c.existing.value, incoming: c.incoming.value, existingBatchId: c.existing.batchId })),
      ...entries.conflicts.map((c) => ({ recordType: 'entry' as const, key: c.incoming.key, existing: c.existing.value.entry, incoming: c.incoming.value.entry, existingBatchId: c.existing.batchId })),
    ];
    return {
      kind: 'plan', source: draft.source, files, batchId, revision,
      rejectedRows: draft.rejectedRows + issues.length, issues, conflicts,
      summary: { contracts: counts(contracts), additions: counts(additions), entries: counts(entries) },
      contracts, additions, entries,
    } satisfies ImportPlan;
  });
}
