// Storage failures are values the UI can show (reliability.md DB-3): the
// transaction aborted, nothing was written, and the clerk is told what to do.
// Anything that is not a storage error is a bug and is rethrown.
import { Dexie } from 'dexie';

export interface StoreFailure {
  readonly ok: false;
  /** `stale`: the database changed since the preview; `storage`: IndexedDB refused the write. */
  readonly code: 'stale' | 'storage';
  readonly message: string;
}

/** Thrown inside a transaction when the revision moved since the preview (aborts it). */
export class StaleStoreError extends Error {
  constructor() {
    super('the database changed since the preview');
    this.name = 'StaleStoreError';
  }
}

function isQuota(error: unknown): boolean {
  const name = (error as { name?: unknown }).name;
  const inner = (error as { inner?: unknown }).inner;
  return name === 'QuotaExceededError' || (inner !== undefined && inner !== null && isQuota(inner));
}

/** The failure value for an aborted write, prefixed with what was not done. */
export function storeFailure(error: unknown, notDone: string): StoreFailure {
  if (error instanceof StaleStoreError) {
    return { ok: false, code: 'stale', message: `${notDone}: the data changed since this preview (another import or a revert). Nothing was written; preview again.` };
  }
  if (isQuota(error)) {
    return { ok: false, code: 'storage', message: `${notDone}: the disk is full or the storage quota is used up. Nothing was written; free some disk space and try again.` };
  }
  if (error instanceof Dexie.DexieError || error instanceof DOMException) {
    return { ok: false, code: 'storage', message: `${notDone}: the database refused the write (${error.name}: ${error.message}). Nothing was written; try again, and restore the latest backup if it keeps failing.` };
  }
  throw error;
}
