// Time entries at rest: one record per ~10,000 rows of one batch, column by
// column (typed arrays for numbers, dictionaries for repetitive text), so a
// million entries are ~100 IndexedDB records (research/performance.md §6).
import type { BillableOption, Entry } from '../core/model';
import { dayOf, isoOf } from '../core/dates';

/** Rows per chunk: 10 k was the fastest chunk size measured in Chromium (performance.md §6). */
export const CHUNK_ROWS = 10_000;

/** Bits of a row number within a chunk: queries and loading pack it with a chunk's place. */
export const CHUNK_ROW_BITS = 14;
/** The most rows a chunk may hold. */
export const MAX_CHUNK_ROWS = 2 ** CHUNK_ROW_BITS;

export interface EntryChunk {
  readonly batchId: number;
  readonly seq: number;
  readonly count: number;
  /** The batch's source; a row's record key is `source|entry|` + its key part. */
  readonly source: string;
  /** Per row: '' when keyed by its entry id, else the `row:HASH.N` part (record-keys.ts); null when every row is keyed by id. */
  readonly keyParts: readonly string[] | null;
  readonly ids: readonly string[];
  /** Day numbers (core/dates.ts). */
  readonly day: Int32Array;
  /** Hundredths of an hour. */
  readonly hours: HundredthsColumn;
  /** Cents; NaN = none. */
  readonly amount: Float64Array;
  readonly billable: Uint8Array;
  /** Index into contractDict; -1 = no contract. */
  readonly contract: DictionaryCodes;
  /** Distinct contract ids of the chunk (multi-entry index since schema v3). */
  readonly contractDict: readonly string[];
  readonly customer: DictionaryCodes;
  readonly customerDict: readonly string[];
  readonly member: DictionaryCodes;
  readonly memberDict: readonly string[];
  readonly workRole: DictionaryCodes;
  readonly workRoleDict: readonly string[];
  readonly workType: DictionaryCodes;
  readonly workTypeDict: readonly string[];
  /** Index into ticketDict (since schema v4: a ticket's entries repeat its number). */
  readonly ticket: DictionaryCodes;
  readonly ticketDict: readonly string[];
  /** Index into notesDict (since schema v4: many notes repeat, "Remote support", and opening the app reads every one). */
  readonly notes: DictionaryCodes;
  readonly notesDict: readonly string[];
  /** When each entry was entered in the source (null = not given); null when no row has it. */
  readonly entered: readonly (string | null)[] | null;
  /**
   * Per row, its place among the batch's rows in the order they were imported
   * (at rest they are grouped by contract); absent in chunks stored before it
   * was kept. Reading a batch back in this order keeps an export in id order
   * in id order, so the engine need not sort a million entries.
   */
  readonly importOrder?: Int32Array;
}

/**
 * Codes into a chunk's dictionary of a text column (-1: none, for the contract).
 * A chunk holds at most MAX_CHUNK_ROWS (2^14) rows, so at most that many
 * distinct values: Int16 holds every code in half the bytes of Int32, and
 * reading a million entries back from IndexedDB, the first thing an opening
 * waits for, takes time in proportion to the bytes (issue 5). Chunks stored
 * before hold Int32 codes and read the same.
 */
export type DictionaryCodes = Int16Array | Int32Array;

/** Hundredths per row: Int32 (half the bytes) when each is a whole number within its range, as they are from every import; else, and in chunks stored before, Float64. */
export type HundredthsColumn = Int32Array | Float64Array;

/** `values` as Int32 when every one survives the narrowing exactly; else `values` itself (one chunk's hours, at encoding and at restore). */
export function hundredthsColumn(values: Float64Array): HundredthsColumn {
  const narrow = Int32Array.from(values);
  return narrow.every((value, row) => value === values[row]) ? narrow : values;
}

const BILLABLE: readonly BillableOption[] = ['billable', 'no_charge', 'do_not_bill'];

/** Dictionary encoder for one text column (a Map, so `__proto__` is just text). */
class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
}

/** A text column as codes into its distinct values. */
function dictionaryEncode(values: readonly string[]): { codes: DictionaryCodes; dict: string[] } {
  const dictionary = new Dictionary();
  const codes = Int16Array.from(values, (value) => dictionary.code(value));
  return { codes, dict: dictionary.values };
}

/** A chunk's tickets and notes as schema v3 kept them: one string per row. */
export interface V3ChunkText {
  readonly ticket: readonly string[];
  readonly notes: readonly string[];
}

/** The schema v4 columns for a v3 chunk's tickets and notes (the database upgrade and old backups share this step). */
export function v4TextColumns(chunk: V3ChunkText): Pick<EntryChunk, 'ticket' | 'ticketDict' | 'notes' | 'notesDict'> {
  const ticket = dictionaryEncode(chunk.ticket);
  const notes = dictionaryEncode(chunk.notes);
  return { ticket: ticket.codes, ticketDict: ticket.dict, notes: notes.codes, notesDict: notes.dict };
}

/** The entries of one batch to store: rows `positions` of `entries`. */
export interface EntryRows {
  readonly entries: readonly Entry[];
  /** Per entry of `entries`: '' when keyed by its id, else its `row:` key part; null when all are keyed by id. */
  readonly keyParts: readonly string[] | null;
  readonly positions: ArrayLike<number>;
}

/** Encodes `order[from..to)` (places in `rows.positions`) as one chunk. */
function encodeChunk(rows: EntryRows, order: Int32Array, from: number, to: number, batchId: number, seq: number, source: string): EntryChunk {
  const count = to - from;
  const importOrder = new Int32Array(count);
  const day = new Int32Array(count);
  const hours = new Float64Array(count);
  const amount = new Float64Array(count);
  const billable = new Uint8Array(count);
  const contract = new Int16Array(count);
  const customer = new Int16Array(count);
  const member = new Int16Array(count);
  const workRole = new Int16Array(count);
  const workType = new Int16Array(count);
  const ticket = new Int16Array(count);
  const notes = new Int16Array(count);
  const contracts = new Dictionary();
  const customers = new Dictionary();
  const members = new Dictionary();
  const workRoles = new Dictionary();
  const workTypes = new Dictionary();
  const tickets = new Dictionary();
  const noteTexts = new Dictionary();
  // Filled with push: arrays made with `new Array(n)` are holey, and cloning a holey array into IndexedDB is several times slower.
  const keyParts: string[] = [];
  const ids: string[] = [];
  const entered: (string | null)[] = [];
  let anyEntered = false;
  for (let i = 0; i < count; i++) {
    const place = order[from + i] as number;
    importOrder[i] = place;
    const position = rows.positions[place] as number;
    const entry = rows.entries[position] as Entry;
    if (rows.keyParts !== null) keyParts.push(rows.keyParts[position] as string);
    ids.push(entry.id);
    day[i] = dayOf(entry.date);
    hours[i] = entry.hours;
    amount[i] = entry.amount ?? NaN;
    billable[i] = BILLABLE.indexOf(entry.billable);
    contract[i] = entry.contractId === null ? -1 : contracts.code(entry.contractId);
    customer[i] = customers.code(entry.customer);
    member[i] = members.code(entry.member);
    workRole[i] = workRoles.code(entry.workRole);
    workType[i] = workTypes.code(entry.workType);
    ticket[i] = tickets.code(entry.ticket);
    notes[i] = noteTexts.code(entry.notes);
    entered.push(entry.entered ?? null);
    anyEntered ||= entry.entered != null;
  }
  return {
    batchId, seq, count, source, keyParts: rows.keyParts === null ? null : keyParts, ids, day, hours: hundredthsColumn(hours), amount, billable,
    contract, contractDict: contracts.values,
    customer, customerDict: customers.values,
    member, memberDict: members.values,
    workRole, workRoleDict: workRoles.values,
    workType, workTypeDict: workTypes.values,
    ticket, ticketDict: tickets.values,
    notes, notesDict: noteTexts.values,
    entered: anyEntered ? entered : null,
    importOrder,
  };
}

/**
 * A contract's rows side by side (contracts in order of first appearance, rows
 * in file order), so a chunk names few contracts and the contract index stays
 * small: an export sorted by date would otherwise put thousands of contracts
 * in every chunk and make the index as large as the data. Returns places in
 * `rows.positions`, which each row keeps as its import order.
 */
function groupByContract(rows: EntryRows): Int32Array {
  const groups = new Map<string | null, number[]>();
  for (let place = 0; place < rows.positions.length; place++) {
    const contractId = (rows.entries[rows.positions[place] as number] as Entry).contractId;
    const group = groups.get(contractId);
    if (group) group.push(place);
    else groups.set(contractId, [place]);
  }
  const order = new Int32Array(rows.positions.length);
  let next = 0;
  for (const group of groups.values()) {
    order.set(group, next);
    next += group.length;
  }
  return order;
}

/** Splits a batch's entries, grouped by contract, into chunks of CHUNK_ROWS rows. */
export function encodeEntryChunks(rows: EntryRows, batchId: number, source: string, chunkRows = CHUNK_ROWS): EntryChunk[] {
  if (chunkRows < 1 || chunkRows > MAX_CHUNK_ROWS) throw new Error(`chunk size out of range: ${chunkRows}`);
  const order = groupByContract(rows);
  const chunks: EntryChunk[] = [];
  for (let from = 0, seq = 0; from < order.length; from += chunkRows, seq++) {
    chunks.push(encodeChunk(rows, order, from, Math.min(order.length, from + chunkRows), batchId, seq, source));
  }
  return chunks;
}

function text(dict: readonly string[], codes: DictionaryCodes, row: number): string {
  return dict[codes[row] as number] as string;
}

/** Row `row` of a chunk as an engine Entry (`entered` only when the source gave it). */
export function entryAt(chunk: EntryChunk, row: number): Entry {
  const contract = chunk.contract[row] as number;
  const amount = chunk.amount[row] as number;
  const entered = chunk.entered?.[row] ?? null;
  const entry: Entry = {
    id: chunk.ids[row] as string,
    date: isoOf(chunk.day[row] as number),
    contractId: contract < 0 ? null : (chunk.contractDict[contract] as string),
    customer: text(chunk.customerDict, chunk.customer, row),
    ticket: text(chunk.ticketDict, chunk.ticket, row),
    member: text(chunk.memberDict, chunk.member, row),
    workRole: text(chunk.workRoleDict, chunk.workRole, row),
    workType: text(chunk.workTypeDict, chunk.workType, row),
    hours: chunk.hours[row] as number,
    billable: BILLABLE[chunk.billable[row] as number] as BillableOption,
    amount: Number.isNaN(amount) ? null : amount,
    notes: text(chunk.notesDict, chunk.notes, row),
  };
  return entered === null ? entry : { ...entry, entered };
}

/** A row's record key part: '' when it is keyed by its id. */
export function keyPartAt(chunk: EntryChunk, row: number): string {
  return chunk.keyParts === null ? '' : (chunk.keyParts[row] as string);
}

/** The contract id of a row, without building the Entry. */
export function contractIdAt(chunk: EntryChunk, row: number): string | null {
  const contract = chunk.contract[row] as number;
  return contract < 0 ? null : (chunk.contractDict[contract] as string);
}
