// What the UI and the engine worker say to each other. Everything crossing the
// boundary is plain structured-clone data; the engine's own types are reused.
import type { Centi, Contract, Entry, IsoDate, Unit } from '../core/model';
import type { ContractResult, ContractStatus, EntryResult } from '../core/result';
import type { EntryGroup, EntryGroupCounts } from '../core/entry-groups';
import type { Detection } from '../core/import/detect-profile';
import type { DateFormat } from '../core/import/source-date';
import type { SourceSystem, UnitProduct } from '../core/import/profiles/profile-types';
import type { ImportIssue } from '../core/import/import-issue';
import type { AuditEvent, ImportBatch, JsonValue, PlanCounts } from '../db';
import type { AuditResult } from '../core/audit/audit-types';

/** One line of the contracts grid. */
export interface ContractRow {
  readonly id: string;
  readonly customer: string;
  readonly name: string;
  readonly unit: Unit;
  readonly allowance: Centi | null;
  readonly balance: Centi;
  readonly usedPctTenths: number | null;
  readonly status: readonly ContractStatus[];
  /** Overage of the as-of month. */
  readonly overageThisMonth: Centi;
  readonly variance: Centi | null;
  readonly end: IsoDate | null;
}

/** One entry with what the engine did with it and where it came from. */
export interface EntryRow {
  readonly entry: Entry;
  readonly result: EntryResult;
  /** The import batch that stored it; null when the store no longer has it. */
  readonly batchId: number | null;
}

export type EntrySortKey = 'date' | 'id' | 'customer' | 'contractId' | 'hours' | 'status' | 'member';

export interface EntryPageQuery {
  /** null: every entry. */
  readonly group: EntryGroup | null;
  readonly search: string;
  readonly contractId?: string;
  readonly sort: { readonly key: EntrySortKey; readonly descending: boolean } | null;
}

export interface ContractDetail {
  readonly contract: Contract;
  readonly result: ContractResult;
  /** The terms in sentences (the same words the customer workbook prints). */
  readonly terms: readonly string[];
  readonly entries: readonly EntryRow[];
}

export interface RecomputeSummary {
  readonly asOf: IsoDate;
  readonly contracts: number;
  readonly entries: number;
  readonly milliseconds: number;
}

/** What the window shows first for an as-of date: the welcome page when the store has no contracts, else the contracts screen saved for this store and date, if any. */
export interface Opening {
  readonly contracts: number;
  readonly saved: ReconciledContracts | null;
}

/** The contracts screen of one reconcile: its counts and rows (also saved, and shown at the next opening while the reconcile runs again). */
export interface ReconciledContracts {
  readonly summary: RecomputeSummary;
  readonly rows: ContractRow[];
}

/**
 * The contracts grid's first rows (the first contracts by id), sent before the
 * answer of a recompute that asked for them: the window opening on a date
 * nothing was saved for shows them while the rest are reconciled (issue 5).
 * Each row is final: the whole reconcile gives it the same figures.
 */
export interface FirstContracts {
  readonly asOf: IsoDate;
  /** How many contracts the whole reconcile has. */
  readonly contracts: number;
  readonly rows: ContractRow[];
}

/** One field of the detected record and the source column that fills it. */
export interface FieldMapping {
  readonly field: string;
  readonly required: boolean;
  readonly column: string | null;
}

export interface FilePreview {
  readonly file: string;
  readonly header: readonly string[];
  /** Source rows with every issue found on their line. */
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[]; readonly issues: readonly string[]; /** Notes that do not keep the row out. */ readonly warnings: readonly string[] }[];
  readonly detection: Detection | null;
  readonly mapping: readonly FieldMapping[];
}

export interface ImportPreviewResult {
  readonly files: readonly FilePreview[];
  readonly issues: readonly ImportIssue[];
  /** Null when nothing could be read or the files were imported before. */
  readonly plan: { readonly contracts: PlanCounts; readonly additions: PlanCounts; readonly entries: PlanCounts; readonly conflicts: number; readonly rejectedRows: number } | null;
  /** The conflicts of the plan (first ones, for the side-by-side view). */
  readonly conflicts?: readonly ConflictView[];
  /** The profile settings in force per profile used (the clerk's or the profile's own). */
  readonly settings?: readonly ProfileSettings[];
  /** Why there is no plan, in words. */
  readonly blocked: string | null;
  /** Profiles the clerk can pick from (built-in and saved). */
  readonly profiles: readonly { readonly id: string; readonly label: string; readonly system?: SourceSystem }[];
}

/** The clerk's mapping edits: file -> profile, and field -> column overrides per file. */
export interface ImportChoices {
  readonly files: readonly {
    readonly file: string;
    readonly profileId: string | null;
    readonly columns: readonly { readonly field: string; readonly column: string }[];
    /** The record kind the clerk says the file holds (a spreadsheet of entries under the generic profile); absent: the best match. */
    readonly record?: string | null;
  }[];
  /** Per profile: how its files write dates, and which addition products add units (they apply to every file of that profile). */
  readonly settings?: readonly ProfileSettings[];
}

export interface ProfileSettings {
  readonly profileId: string;
  /** Null: the profile's own. */
  readonly dateFormat: DateFormat | null;
  /** Null: the profile's own. */
  readonly unitProducts: readonly UnitProduct[] | null;
}

/** One record the store holds and the changed version these files bring, side by side. */
export interface ConflictView {
  readonly key: string;
  readonly recordType: 'contract' | 'addition' | 'entry';
  /** The record's id or description, for the clerk. */
  readonly label: string;
  readonly existingBatchId: number;
  /** Only the fields that differ. */
  readonly fields: readonly { readonly field: string; readonly stored: string; readonly incoming: string }[];
}

export interface InvoiceRow {
  readonly customer: string;
  readonly contractId: string;
  readonly date: IsoDate;
  readonly kind: string;
  readonly reference: string;
  readonly unit: Unit;
  readonly units: Centi;
  readonly amount: Centi | null;
}

/** One line of the month-end pack's Alerts sheet. */
export interface AlertRow {
  readonly customer: string;
  readonly contractId: string;
  /** Warning, Low balance, Used up, Overrun, On hold, Expiring, Ended with balance. */
  readonly alert: string;
  readonly date: IsoDate | null;
  readonly units: Centi | null;
  readonly unit: Unit;
  readonly detail: string;
}

/** One line of the month-end pack's Exceptions sheet (unmatched, not covered or held). */
export interface ExceptionRow {
  readonly entryId: string;
  readonly date: IsoDate | null;
  readonly customer: string;
  readonly contractId: string;
  readonly ticket: string;
  readonly member: string;
  readonly hours: Centi;
  readonly status: string;
  readonly reason: string;
  readonly held: Centi | null;
}

export type ExceptionSortKey = keyof ExceptionRow;

/** Which exception lines to page through, in what order (null: the pack's). */
export interface ExceptionQuery {
  /** Text to find in the entry, customer, contract, ticket, technician, status or reason (any case). */
  readonly search: string;
  readonly sort: { readonly key: ExceptionSortKey; readonly descending: boolean } | null;
}

export interface MonthEndSummary {
  readonly asOf: IsoDate;
  readonly from: IsoDate;
  readonly alerts: readonly AlertRow[];
  readonly invoice: readonly InvoiceRow[];
  /** The Exceptions lines by kind: unmatched, not covered, and with time held (in full or in part); they add up to exceptionCount. */
  readonly exceptions: Readonly<Record<'unmatched' | 'not_covered' | 'held', number>>;
  /** Lines of the Exceptions list; the lines themselves come page by page ('month-end-exceptions'). */
  readonly exceptionCount: number;
  readonly customers: readonly string[];
}

export interface NamedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The setting holding the allocation order (Settings; the engine reads it on every recompute). */
export const ALLOCATION_ORDER_SETTING = 'allocationOrder';

/** The setting holding the clerk's display formats (Settings). */
export const DISPLAY_FORMATS_SETTING = 'displayFormats';

/** The files of a migration audit (Audit screen, issue 6): ConnectWise source, e-automate target, time entries, optional pairs. */
export interface MigrationAuditRequest {
  readonly source: readonly NamedFile[];
  readonly target: readonly NamedFile[];
  readonly entries: readonly NamedFile[];
  readonly pairs: NamedFile | null;
  readonly asOf: IsoDate;
  readonly unitProducts: readonly UnitProduct[];
}

/** The audit, or why there is none (`issues` with an error); the entries for drill-down and the workbook to save. */
export interface MigrationAuditView {
  readonly result: AuditResult | null;
  readonly issues: readonly ImportIssue[];
  readonly entries: readonly Entry[];
  readonly workbook: NamedFile | null;
}

/** Every request and the value it answers with. */
export interface EngineCalls {
  recompute: {
    /** `firstRows`: send the grid's first rows before the answer when they come sooner (the window has nothing to show yet). */
    request: { asOf: IsoDate; firstRows?: boolean };
    response: ReconciledContracts;
    interim: FirstContracts;
  };
  opening: { request: { asOf: IsoDate; /** The date the next opening will likely ask for (the end of this month), reconciled while the worker is idle. */ nextAsOf?: IsoDate }; response: Opening };
  'contract-detail': { request: { contractId: string }; response: ContractDetail | null };
  'entries-page': { request: { query: EntryPageQuery; offset: number; limit: number }; response: { rows: EntryRow[]; total: number } };
  'entry-counts': { request: Record<string, never>; response: EntryGroupCounts };
  'open-sample': { request: { now: string; /** The benchmark portfolio is for npm run bench:ui only; no screen offers it. */ portfolio?: 'demo' | 'benchmark' }; response: { batchId: number } };
  'import-preview': { request: { files: NamedFile[]; choices: ImportChoices }; response: ImportPreviewResult };
  'import-commit': { request: { replaceConflicts: boolean; now: string; /** Conflict keys to replace (the rest keep the stored version); overrides replaceConflicts. */ replaceKeys?: string[] }; response: { batchId: number; entries: number } };
  batches: { request: Record<string, never>; response: ImportBatch[] };
  /** Reload data (menu): forget what was read, so the next call reads the store again. */
  reload: { request: Record<string, never>; response: null };
  revert: { request: { batchId: number; now: string }; response: { batchId: number } };
  'month-end': { request: Record<string, never>; response: MonthEndSummary };
  'month-end-exceptions': { request: { query: ExceptionQuery; offset: number; limit: number }; response: { rows: ExceptionRow[]; total: number } };
  'customer-workbook': { request: { customer: string }; response: NamedFile };
  'month-end-pack': { request: Record<string, never>; response: NamedFile[] };
  'settings-get': { request: { keys: string[] }; response: (JsonValue | null)[] };
  'setting-put': { request: { key: string; value: JsonValue; now: string }; response: null };
  profiles: { request: Record<string, never>; response: { name: string; updatedAt: string | null }[] };
  'profile-save': { request: { name: string; profileId: string; record: string; columns: { field: string; column: string }[]; now: string; settings?: ProfileSettings }; response: null };
  'profile-delete': { request: { name: string; now: string }; response: boolean };
  'backup-export': { request: { now: string }; response: Uint8Array };
  /** The bytes for an automatic backup, or null when the store has not changed since the last backup made in this window (or since it opened). */
  'backup-if-changed': { request: { now: string }; response: Uint8Array | null };
  'backup-restore': { request: { bytes: Uint8Array; now: string }; response: null };
  /** Why these bytes cannot be restored (in words), or null: checked before the current data is backed up, so a wrong file rotates no good backup out. */
  'backup-check': { request: { bytes: Uint8Array }; response: string | null };
  audit: { request: Record<string, never>; response: AuditEvent[] };
  'migration-audit': { request: MigrationAuditRequest; response: MigrationAuditView };
}

export type EngineCall = keyof EngineCalls;

/** What a call may send before its answer (never, for most calls). */
export type InterimOf<K extends EngineCall> = EngineCalls[K] extends { interim: infer Interim } ? Interim : never;

export type ToWorker =
  | { readonly type: 'call'; readonly id: number; readonly call: EngineCall; readonly request: unknown }
  | { readonly type: 'cancel'; readonly id: number };

export interface Progress {
  readonly label: string;
  readonly done: number;
  readonly total: number;
}

export type FromWorker =
  | { readonly type: 'progress'; readonly id: number; readonly progress: Progress }
  | { readonly type: 'interim'; readonly id: number; readonly value: unknown }
  | { readonly type: 'result'; readonly id: number; readonly value: unknown }
  | { readonly type: 'error'; readonly id: number; readonly message: string; readonly cancelled: boolean; readonly forClerk: boolean };
