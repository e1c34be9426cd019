// The contracts screen of the last reconcile, kept so that opening the app
// shows the portfolio at once (issue 5: first grid within 2 s; a million
// entries take seconds to read and reconcile). It lives in a database of its
// own: derived data, never backed up, safe to lose. A saved screen is only
// shown for the exact input it came from (the revision of the contracts,
// additions and entries, which every import, revert and restore moves), the
// same as-of date and allocation order; the engine is a pure function of
// those, so it is the same screen a recompute would give.
import Dexie, { type EntityTable } from 'dexie';
import type { AllocationOrder, IsoDate } from '../core/model';
import type { OpenOptions } from './schema';

/** What a saved screen is valid for. */
export interface ResultKey {
  readonly revision: number;
  readonly asOf: IsoDate;
  readonly allocationOrder: AllocationOrder;
}

interface SavedResult<T> {
  readonly name: string;
  readonly key: ResultKey;
  readonly value: T;
}

type CacheDb = Dexie & { results: EntityTable<SavedResult<unknown>, 'name'> };

function sameKey(a: ResultKey, b: ResultKey): boolean {
  return a.revision === b.revision && a.asOf === b.asOf && a.allocationOrder === b.allocationOrder;
}

/** Saved results by name, each valid for one key. */
export class ResultCache {
  private constructor(private readonly db: CacheDb) {}

  /** Opens the cache database beside the store (`<store name>-cache`). */
  static async open(options: Omit<OpenOptions, 'version'> = {}): Promise<ResultCache> {
    const db = new Dexie(`${options.name ?? 'blockledger'}-cache`, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    }) as CacheDb;
    db.version(1).stores({ results: 'name' });
    await db.open();
    return new ResultCache(db);
  }

  /** The value saved under `name` for exactly `key`, else null. */
  async get<T>(name: string, key: ResultKey): Promise<T | null> {
    const saved = await this.db.results.get(name);
    return saved !== undefined && sameKey(saved.key, key) ? (saved.value as T) : null;
  }

  /** Forgets every saved result. */
  async clear(): Promise<void> {
    await this.db.results.clear();
  }

  /** Saves `value` under `name` for `key`, replacing what was there. */
  async put<T>(name: string, key: ResultKey, value: T): Promise<void> {
    await this.db.results.put({ name, key, value });
  }
}
