// The store's public API for the UI, the import wizard and the workers.
export { openBlockledgerDb, SCHEMA_VERSION } from './schema';
export type {
  AuditEvent, BatchCounts, BatchFile, BlockledgerDb, ChangeContext, ImportBatch, JsonValue, OpenOptions, RecordCounts, SavedProfile,
} from './schema';
export { prepareImport } from './prepare-import';
export type { AlreadyImported, ImportDraft, ImportFile, ImportPlan, ImportPreview, PlanCounts, RecordConflict, SourcedAddition } from './prepare-import';
export { commitImport } from './commit-import';
export type { CommitResult, ConflictDecision, ConflictDecisions } from './commit-import';
export { listBatches, revertBlockers } from './batches';
export { revertBatch } from './revert-batch';
export type { RevertResult } from './revert-batch';
export { loadPortfolio } from './load-store';
export type { StoredPortfolio } from './load-store';
export { openEntryQuery } from './entry-query';
export type { EntryFilter, EntryQuery, StoredEntryRow } from './entry-query';
export { entryAt, contractIdAt } from './entry-chunks';
export type { EntryChunk } from './entry-chunks';
export { forEachLiveRow, liveRowCount } from './live-entries';
export type { LiveChunk } from './live-entries';
export { exportBackup, readBackup, restoreBackup } from './backup';
export type { BackupHeader, BackupRefusal, RestoreResult } from './backup';
export { deleteProfile, getSetting, listProfiles, putSetting, saveProfile } from './preferences';
export { currentRevision, inputRevision, listAuditEvents } from './audit';
export { ResultCache } from './result-cache';
export type { ResultKey } from './result-cache';
export type { StoreFailure } from './store-failure';
